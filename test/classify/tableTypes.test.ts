import { describe, expect, it } from 'vitest';
import { tableType } from '../../src/classify/tableTypes.js';

describe('table type catalogue', () => {
  it('types every performance form as one, whatever else its title says', () => {
    // A 项目支出绩效表 is a form of targets, not an expenditure table (湖州 表11).
    expect(tableType('2026年市级部门项目支出绩效表')).toBe('performance_target');
    expect(tableType('预算表12项目支出绩效目标表')).toBe('performance_target');
    expect(tableType('2019年部门整体支出绩效目标表')).toBe('performance_target');
    expect(tableType('信访干部培训专项项目绩效自评表')).toBe('performance_evaluation');
    expect(tableType('综合评价得分情况表')).toBe('performance_evaluation');
  });

  it('tells basic expenditure over all funds from the appropriation and general-budget versions', () => {
    expect(tableType('表4 基本支出总表')).toBe('basic_expenditure');
    expect(tableType('基本支出预算情况表')).toBe('basic_expenditure');
    expect(tableType('一般公共预算基本支出情况表')).toBe('general_budget_basic');
    expect(tableType('财政拨款基本支出表（经济科目）')).toBe('appropriation_basic');
    expect(tableType('支出总表')).toBe('expenditure');
  });

  it('types purchase-of-services tables apart from procurement', () => {
    expect(tableType('预算11表财政拨款政府购买服务明细表')).toBe('purchase_services');
    expect(tableType('政府采购（资产配置、购买服务）预算表')).toBe('procurement');
  });

  it('reads provincial names of project and carry-over tables', () => {
    expect(tableType('2019年部门综合预算专项业务经费支出表')).toBe('project_expenditure');
    expect(tableType('2019年部门综合预算财政拨款结转资金支出表')).toBe('carryover');
    expect(tableType('上年结转结余情况明细表')).toBe('carryover');
  });
});

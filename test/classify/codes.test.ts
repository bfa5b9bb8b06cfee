import { describe, expect, it } from 'vitest';
import { codeSystem, joinCodeParts, splitCodeName } from '../../src/classify/codes.js';
import { levelOf } from '../../src/model/codes.js';
import { tableType } from '../../src/classify/tableTypes.js';

describe('classification codes', () => {
  it('joins 类/款/项 columns and inherits blank leading parts from the row above', () => {
    expect(joinCodeParts(['201', '03', '01'], null)).toBe('2010301');
    expect(joinCodeParts(['201', '', ''], null)).toBe('201');
    expect(joinCodeParts(['', '03', '01'], '20103')).toBe('2010301');
    expect(joinCodeParts(['', '', '02'], '2010301')).toBe('2010302');
    expect(joinCodeParts(['', '', ''], '201')).toBeNull();
  });
  it('reads merged code columns, including tails printed under a parent', () => {
    expect(joinCodeParts(['2010301'], null)).toBe('2010301');
    expect(joinCodeParts(['03'], '201')).toBe('20103');
    expect(joinCodeParts(['01'], '20103')).toBe('2010301');
  });
  it('splits a code leading the label, and leaves numbered labels alone', () => {
    expect(splitCodeName('201 一般公共服务支出')).toEqual({ code: '201', name: '一般公共服务支出' });
    expect(splitCodeName('2010301行政运行')).toEqual({ code: '2010301', name: '行政运行' });
    expect(splitCodeName('1.一般公共预算拨款').code).toBeNull();
    expect(splitCodeName('2022 年自治区全区节能减排专项资金').code).toBeNull();
  });
  it('gives levels by length and classification', () => {
    expect(levelOf('201', 'functional')).toBe('类');
    expect(levelOf('20103', 'functional')).toBe('款');
    expect(levelOf('2010301', 'functional')).toBe('项');
    expect(levelOf('30101', 'economic')).toBe('款');
    expect(levelOf('3010101', 'economic')).toBeNull();
    expect(codeSystem('科目/经济分类科目编码/类', '一般公共预算基本支出情况表')).toBe('economic');
    expect(codeSystem('科目/功能分类科目编码/类', '单位支出总体情况表')).toBe('functional');
  });
});

describe('table type catalogue', () => {
  it.each([
    ['单位收支总体情况表', 'income_expenditure_summary'], ['2025年部门财务收支预算总表', 'income_expenditure_summary'],
    ['收入支出决算总表', 'income_expenditure_summary'], ['单位收入总体情况表', 'income'], ['部门支出总表', 'expenditure'],
    ['财政拨款收支预算总体情况表', 'appropriation_summary'], ['财政拨款收入支出决算总表', 'appropriation_summary'],
    ['一般公共预算支出情况表', 'general_budget_expenditure'], ['一般公共预算财政拨款基本支出决算表', 'general_budget_basic'],
    ['一般公共预算项目支出情况表', 'project_expenditure'], ['政府性基金预算支出情况表', 'gov_fund_expenditure'],
    ['国有资本经营预算支出情况表', 'state_capital_expenditure'], ['财政拨款“三公”经费支出情况表', 'three_public'],
    ['上年结转结余情况明细表', 'carryover'], ['项目支出绩效目标表', 'performance_target'], ['政府采购预算表', 'procurement'],
  ])('%s → %s', (title, type) => expect(tableType(title)).toBe(type));
});

describe('codes printed by spreadsheets', () => {
  it('pads a 款/项 part that lost its leading zero', () => {
    expect(joinCodeParts(['301', '2'], null)).toBe('30102');
    expect(joinCodeParts(['208', '5', '1'], null)).toBe('2080501');
  });
});

describe('appropriation-only and operating-cost tables', () => {
  it.each([
    ['财政拨款支出预算表（功能科目）', 'appropriation_expenditure'], ['财政拨款基本支出预算表（经济科目）', 'appropriation_basic'],
    ['一般公共预算机关运行经费支出预算表', 'operating_costs'], ['一般公共预算财政拨款支出决算表', 'general_budget_expenditure'],
  ])('%s → %s', (title, type) => expect(tableType(title)).toBe(type));
});

describe('blank or unreadable middle parts', () => {
  it('fill a blank 款 from the row above in the same 类', () => {
    expect(joinCodeParts(['210', '', '01'], '21011')).toBe('2101101');
    expect(joinCodeParts(['210', '', '01'], '20805')).toBeNull();
    expect(joinCodeParts(['201', '0', '03'], '2010301')).toBe('2010303');
  });
});

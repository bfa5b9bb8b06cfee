import { describe, expect, it } from 'vitest';
import { columnMeaning } from '../../src/classify/columnKeys.js';
import { regionOfUnit } from '../../src/dataset/region.js';
import { toYuan } from '../../src/dataset/yuan.js';

describe('toYuan', () => {
  it('converts exactly, in integer 分', () => {
    expect(toYuan('809.21', '万元')).toBe('8092100.00');
    expect(toYuan('1.1', '万元')).toBe('11000.00'); // 1.1 * 10000 in floating point is 11000.000000000002
    expect(toYuan('0.07', '万元')).toBe('700.00');
    expect(toYuan('1,234.5678', '万元')).toBe('12345678.00');
    expect(toYuan('12029501.84', '元')).toBe('12029501.84');
    expect(toYuan('3', '亿元')).toBe('300000000.00');
    expect(toYuan('2.5', '千元')).toBe('2500.00');
  });
  it('keeps figures finer than a 分 and signs', () => {
    expect(toYuan('0.123', '元')).toBe('0.123');
    expect(toYuan('-5.5', '万元')).toBe('-55000.00');
    expect(toYuan('−0.00', '元')).toBe('0.00');
    expect(toYuan('abc', '元')).toBeNull();
  });
});

describe('columnMeaning', () => {
  const key = (path: string, type: Parameters<typeof columnMeaning>[1]) => columnMeaning(path.split('/'), type, 'budget').key;
  it('gives the same key whatever the wording', () => {
    expect(key('支出预算/合计', 'expenditure')).toBe('total');
    expect(key('本年支出合计', 'expenditure')).toBe('total');
    expect(key('一般公共预算支出/基本支出', 'general_budget_expenditure')).toBe('basic');
    expect(key('一般公共预算基本支出/公用经费', 'general_budget_basic')).toBe('public_expense');
    expect(key('本年一般公共预算基本支出/人员经费', 'general_budget_basic')).toBe('personnel');
    expect(key('一般公共预算拨款收入', 'income')).toBe('general_budget');
    expect(key('财政拨款(补助)/一般公共预算', 'income')).toBe('general_budget');
    expect(key('上年结转', 'income')).toBe('carryover');
    expect(key('财政拨款结转', 'income')).toBe('carryover');
    expect(key('单位资金/事业收入', 'income')).toBe('service_income');
    expect(key('事业收入', 'income')).toBe('service_income');
    expect(key('财政专户（教育收费）', 'income')).toBe('fiscal_special');
    expect(key('财政拨款基本支出/人员经费', 'carryover')).toBe('appropriation.personnel');
    expect(key('财政拨款/基本支出/人员经费', 'carryover')).toBe('appropriation.personnel');
    expect(key('收入/预算数', 'income_expenditure_summary')).toBe('income.total');
    expect(key('财政拨款支出/一般公共预算', 'appropriation_summary')).toBe('expenditure.general_budget');
    expect(key('“三公”经费预算数/公务用车购置及运行费/购置费', 'three_public')).toBe('vehicle_purchase');
    expect(key('财政拨款“三公”经费/公务用车购置及运行维护费/公务用车购置费/决算数', 'three_public')).toBe('vehicle_purchase');
    expect(key('资本性支出（基本建设）', 'project_expenditure')).toBe('economic_309');
  });
  it('leaves unknown or contradictory headers without a key', () => {
    expect(key('阿图什市人民政府办公室/项目负责人', 'performance_target')).toBe('');
    expect(key('财政拨款支出/政府性基金预算国有资本经营预算', 'appropriation_summary')).toBe('');
    expect(key('上年预算数', 'expenditure')).toBe('');
  });
  it('reads the phase from the header, else from the document kind', () => {
    expect(columnMeaning(['财政拨款“三公”经费', '合计', '决算数'], 'three_public', 'final')).toEqual({ key: 'total', phase: 'executed' });
    expect(columnMeaning(['财政拨款“三公”经费', '合计', '预算数'], 'three_public', 'final')).toEqual({ key: 'total', phase: 'proposed' });
    expect(columnMeaning(['合计'], 'expenditure', 'final').phase).toBe('executed');
    expect(columnMeaning(['合计'], 'expenditure', null).phase).toBeNull();
  });
});

describe('regionOfUnit', () => {
  it('reads the place at the start of the organisation name', () => {
    expect(regionOfUnit('上海市普陀区人民政府万里街道办事处')).toBe('上海市普陀区');
    expect(regionOfUnit('中共江苏省委办公厅')).toBe('江苏省');
    expect(regionOfUnit('江苏省高级人民法院')).toBe('江苏省');
    expect(regionOfUnit('阿图什市人民政府办公室')).toBe('阿图什市');
    expect(regionOfUnit('长兴县城市管理局')).toBe('长兴县');
    expect(regionOfUnit('财政局')).toBeNull();
    expect(regionOfUnit(null)).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import type { OutputDocument } from '../../src/model/document.js';
import { crossTable } from '../../src/validate/rules/crossTable.js';
import type { RuleContext } from '../../src/validate/rules/context.js';
import { threePublicLines } from '../../src/validate/rules/threePublicLines.js';
import { defaultValidationSettings } from '../../src/validate/settings.js';
import { viewDocument } from '../../src/validate/tables.js';
import { expenditureTable, fails, makeDoc, makeTable, passes } from './fixtures.js';

const ctx = (doc: OutputDocument): RuleContext => ({ doc, views: viewDocument(doc), settings: defaultValidationSettings });

/** An income table whose 一般公共预算 column restates the general-budget table. */
function incomeTable(over: Record<string, number> = {}) {
  const v = (k: string, d: number) => over[k] ?? d;
  return makeTable({ number: '表2', type: 'income', groups: [{ columns: ['总计', '一般公共预算', '单位资金'], rows: [
    { code: '201', name: '一般公共服务支出', amounts: [30, v('201', 30), null] },
    { code: '20103', name: '政府办公厅（室）及相关机构事务', amounts: [30, v('20103', 30), null] },
    { code: '2010301', name: '行政运行', amounts: [20, 20, null] },
    { code: '2010302', name: '一般行政管理事务', amounts: [10, v('2010302', 10), null] },
    { code: '208', name: '社会保障和就业支出', amounts: [5, 5, null] },
    { code: '20805', name: '行政事业单位养老支出', amounts: [5, 5, null] },
    { code: '2080505', name: '机关事业单位基本养老保险缴费支出', amounts: [5, 5, null] },
    { name: '合计', amounts: [35, v('total', 35), null] }] }] });
}

describe('cross_table', () => {
  it('passes when the income, expenditure and general-budget tables agree code by code', () => {
    const doc = makeDoc([incomeTable(), expenditureTable(), expenditureTable({}, 'general_budget_expenditure', '表5')]);
    const checks = crossTable(ctx(doc));
    expect(fails(checks)).toEqual([]);
    expect(passes(checks).length).toBeGreaterThanOrEqual(16);
  });
  it('blames the table that disagrees, at the row of the shifted 项', () => {
    const gb = expenditureTable({ 2010302: 12, '2010302p': 12, 20103: 32, 201: 32, total: 37 }, 'general_budget_expenditure', '表5');
    gb.rows[3]!.records[0]!.amounts['支出预算/合计'] = 12;
    gb.rows[1]!.records[0]!.amounts['支出预算/项目支出'] = 12;
    gb.rows[0]!.records[0]!.amounts['支出预算/项目支出'] = 12;
    const f = fails(crossTable(ctx(makeDoc([incomeTable(), expenditureTable(), gb]))));
    expect(f.every((c) => c.table === '表5')).toBe(true);
    expect(f.map((c) => c.row).sort()).toEqual([0, 1, 3, 7]);
  });
  it('converts between 元 and 万元', () => {
    const gb = expenditureTable({}, 'general_budget_expenditure', '表5');
    gb.unit = '元';
    for (const r of gb.rows) for (const k of Object.keys(r.records[0]!.amounts)) r.records[0]!.amounts[k]! *= 10_000;
    expect(fails(crossTable(ctx(makeDoc([incomeTable(), gb]))))).toEqual([]);
  });
  it('sets aside a table that disagrees on most lines (other money) with a skip, not fails', () => {
    const gb = expenditureTable({ 201: 31, 20103: 31, 2010302: 11, total: 36 }, 'general_budget_expenditure', '表5');
    for (const r of gb.rows) for (const k of Object.keys(r.records[0]!.amounts)) r.records[0]!.amounts[k]! += 1;
    const checks = crossTable(ctx(makeDoc([incomeTable(), gb])));
    expect(fails(checks)).toEqual([]);
    expect(checks.some((c) => c.status === 'skip')).toBe(true);
  });
  it('compares the basic-expenditure total with the general budget 基本支出', () => {
    const basic = (total: number) => makeTable({ number: '表6', type: 'general_budget_basic', groups: [{
      columns: ['合计', '人员经费', '公用经费'], rows: [{ code: '301', name: '工资福利支出', amounts: [total, total, null] }, { name: '合计', amounts: [total, total, null] }] }] });
    const gb = expenditureTable({}, 'general_budget_expenditure', '表5');
    expect(fails(crossTable(ctx(makeDoc([gb, basic(25)]))))).toEqual([]);
    expect(fails(crossTable(ctx(makeDoc([gb, basic(26)]))))).toHaveLength(1);
  });
  it('compares a total with carry-over with the summary\'s 支出总计, a year\'s total with its 本年支出合计', () => {
    // 本年支出合计 35 + 结转下年 4 = 支出总计 39; the income table's 总计 includes 上年结转 4
    const summary = makeTable({ number: '表1', type: 'income_expenditure_summary', groups: [
      { columns: ['收入/预算数'], rows: [{ name: '一、一般公共预算拨款', amounts: [35] }, { name: '本年收入合计', amounts: [35] },
        { name: '上年结转', amounts: [4] }, { name: '收入总计', amounts: [39] }] },
      { columns: ['支出/预算数'], rows: [{ name: '一般公共服务支出', amounts: [30] }, { name: '本年支出合计', amounts: [35] },
        { name: '结转下年', amounts: [4] }, { name: '支出总计', amounts: [39] }] }] });
    const income = (total: number) => makeTable({ number: '表2', type: 'income', groups: [{
      columns: ['总计', '一般公共预算', '上年结转'], rows: [{ name: '合计', amounts: [total, 35, 4] }] }] });
    const spending = makeTable({ number: '表3', type: 'expenditure', groups: [{
      columns: ['合计', '基本支出', '项目支出'], rows: [{ name: '合计', amounts: [35, 25, 10] }] }] });
    const totals = (checks: ReturnType<typeof crossTable>) => checks.filter((c) => /All-funds/.test(c.message) && /total/.test(c.message));
    const good = totals(crossTable(ctx(makeDoc([summary, income(39), spending]))));
    expect(good.map((c) => c.status)).toEqual(['pass', 'pass']);
    const bad = fails(totals(crossTable(ctx(makeDoc([summary, income(38), spending])))));
    expect(bad).toMatchObject([{ table: '表2', actual: 38, expected: 39 }]);
  });
});

describe('three_public_lines', () => {
  const docWith = (reception: number) => makeDoc([
    makeTable({ number: '表6', type: 'general_budget_basic', groups: [{ columns: ['合计', '公用经费'], rows: [
      { code: '302', name: '商品和服务支出', amounts: [5, 5] }, { code: '30217', name: '公务接待费', amounts: [reception, reception] },
      { name: '合计', amounts: [5, 5] }] }] }),
    makeTable({ number: '表10', type: 'three_public', groups: [{ columns: ['合计', '一般公共预算'], rows: [
      { name: '合计', amounts: [3, 3] }, { name: '因公出国（境）费', amounts: [] }, { name: '公务接待费', amounts: [3, 3] }] }] }),
  ]);
  it('passes when the 三公 item covers the basic-table line', () => {
    expect(passes(threePublicLines(ctx(docWith(2))))).toHaveLength(1);
  });
  it('fails when the basic table books more than the whole 三公 item', () => {
    expect(fails(threePublicLines(ctx(docWith(4))))).toMatchObject([{ table: '表6', row: 1 }]);
  });
});

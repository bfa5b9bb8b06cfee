import { describe, expect, it } from 'vitest';
import { defaultValidationSettings } from '../../src/validate/settings.js';
import { viewDocument } from '../../src/validate/tables.js';
import type { RuleContext } from '../../src/validate/rules/context.js';
import { rowSums } from '../../src/validate/rules/rowIdentities.js';
import { hierarchySums } from '../../src/validate/rules/hierarchy.js';
import { threePublicSums } from '../../src/validate/rules/threePublic.js';
import { balance, sideSums } from '../../src/validate/rules/balance.js';
import { codeNames, codeParents } from '../../src/validate/rules/codes.js';
import { unitScale } from '../../src/validate/rules/units.js';
import { expenditureTable, fails, makeDoc, makeTable, passes } from './fixtures.js';
import type { OutputDocument } from '../../src/model/document.js';

const ctx = (doc: OutputDocument): RuleContext => ({ doc, views: viewDocument(doc), settings: defaultValidationSettings });

describe('row_sum: 合计 = Σ the columns it covers', () => {
  it('passes when 合计 = 基本支出 + 项目支出 on every row', () => {
    const checks = rowSums(ctx(makeDoc([expenditureTable()])));
    expect(passes(checks).length).toBe(8);
    expect(fails(checks)).toEqual([]);
  });
  it('fails the row whose total is off, naming table, row and column', () => {
    const checks = rowSums(ctx(makeDoc([expenditureTable({ 2010301: 21 })])));
    expect(fails(checks)).toMatchObject([{ rule: 'row_sum', table: '表3', row: 2, column: '支出预算/合计', expected: 20, actual: 21 }]);
  });
  it('allows one hundredth of rounding per summed term', () => {
    expect(fails(rowSums(ctx(makeDoc([expenditureTable({ 2010301: 20.01 })]))))).toEqual([]);
  });
  it('reads nested totals from the header tree: 总计 = 财政拨款小计 + 单位资金, 小计 = Σ sources', () => {
    const t = makeTable({ type: 'income', groups: [{
      columns: ['总计', '财政拨款(补助)/财政拨款(补助)小计', '财政拨款(补助)/一般公共预算', '财政拨款(补助)/政府性基金预算', '单位资金'],
      rows: [{ code: '201', name: 'x', amounts: [12, 10, 7, 3, 2] }, { code: '208', name: 'y', amounts: [12, 10, 7, 2, 2] }] }] });
    const f = fails(rowSums(ctx(makeDoc([t]))));
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ row: 1, column: '财政拨款(补助)/财政拨款(补助)小计' });
  });
  it('keeps "其中" columns out of the sum', () => {
    const t = makeTable({ type: 'income', groups: [{ columns: ['本年收入合计', '财政拨款收入', '其中：政府性基金预算财政拨款', '其他收入'],
      rows: [{ code: '201', name: 'x', amounts: [10, 8, 3, 2] }] }] });
    expect(fails(rowSums(ctx(makeDoc([t]))))).toEqual([]);
  });
  it('compares sub-columns in parallel (合计/预算数 = Σ …/预算数)', () => {
    const t = makeTable({ type: 'three_public', groups: [{ columns: ['合计/预算数', '合计/决算数', '因公出国/预算数', '因公出国/决算数', '公务接待费/预算数', '公务接待费/决算数'],
      rows: [{ name: '数', amounts: [5, 4, 2, 1, 3, 2] }] }] });
    const checks = rowSums(ctx(makeDoc([t])));
    expect(passes(checks)).toHaveLength(1);
    expect(fails(checks)).toMatchObject([{ column: '合计/决算数', expected: 3, actual: 4 }]);
  });
});

describe('code_sum / total_sum / project_sum', () => {
  it('passes a consistent hierarchy', () => {
    const checks = hierarchySums(ctx(makeDoc([expenditureTable()])));
    expect(fails(checks)).toEqual([]);
    expect(passes(checks).map((c) => c.rule)).toContain('total_sum');
  });
  it('fails a 款 that is not the sum of its 项', () => {
    const f = fails(hierarchySums(ctx(makeDoc([expenditureTable({ 20103: 31 })]))));
    expect(f.some((c) => c.rule === 'code_sum' && c.row === 1 && c.column === '支出预算/合计')).toBe(true);
  });
  it('fails a 合计 row that is not the sum of the 类 rows', () => {
    const f = fails(hierarchySums(ctx(makeDoc([expenditureTable({ total: 36 })]))));
    expect(f).toMatchObject([{ rule: 'total_sum', row: 7, expected: 35, actual: 36 }]);
  });
  it('sums project rows into their code, and checks a subtotal row against its projects', () => {
    const rows = (sub: number) => [
      { code: '201', name: 'a', amounts: [10] }, { code: '20103', name: 'b', amounts: [10] },
      { code: '2010301', name: 'c', amounts: [sub] },
      { code: '2010301', name: 'c', project: 'P1', amounts: [4] }, { code: '2010301', name: 'c', project: 'P2', amounts: [6] },
      { name: '合计', amounts: [10] }];
    const table = (sub: number) => makeTable({ type: 'project_expenditure', groups: [{ columns: ['项目支出合计'], rows: rows(sub) }] });
    expect(fails(hierarchySums(ctx(makeDoc([table(10)]))))).toEqual([]);
    const f = fails(hierarchySums(ctx(makeDoc([table(11)]))));
    expect(f.map((c) => c.rule).sort()).toEqual(['code_sum', 'project_sum']);
  });
});

describe('three_public_sum (row-oriented 三公 table)', () => {
  const t = (run: number) => makeTable({ type: 'three_public', groups: [{ columns: ['合计', '资金来源/一般公共预算'], rows: [
    { name: '合计', amounts: [10, 10] }, { name: '因公出国（境）费', amounts: [] }, { name: '公务接待费', amounts: [2, 2] },
    { name: '公务用车购置及运行费（小计）', amounts: [8, 8] }, { name: '其中：公务用车购置费', amounts: [] },
    { name: '公务用车运行费', amounts: [run, run] }] }] });
  it('passes when 合计 and 公务用车 add up', () => {
    const checks = threePublicSums(ctx(makeDoc([t(8)])));
    expect(passes(checks).length).toBe(4);
    expect(fails(checks)).toEqual([]);
  });
  it('fails 公务用车购置及运行费 ≠ 购置费 + 运行费', () => {
    expect(fails(threePublicSums(ctx(makeDoc([t(7)]))))).toMatchObject([{ row: 3 }, { row: 3 }]);
  });
});

describe('side_sum and balance (side-by-side summary tables)', () => {
  const summary = (incomeTotal: number) => makeTable({ type: 'income_expenditure_summary', groups: [
    { columns: ['收入/预算数'], rows: [
      { name: '一、本年收入', amounts: [90] }, { name: '1.一般公共预算拨款', amounts: [80] }, { name: '其中：一般财力', amounts: [80] },
      { name: '上级一般公共预算安排转移支付', amounts: [] }, { name: '2.单位资金', amounts: [10] },
      { name: '二、上年结转结余', amounts: [10] }, { name: '收入总计', amounts: [incomeTotal] }] },
    { columns: ['支出/预算数'], rows: [
      { code: '201', name: '一般公共服务支出', amounts: [60] }, { code: '208', name: '社会保障和就业支出', amounts: [40] },
      {}, {}, {}, {}, { name: '支出总计', amounts: [100] }] },
  ] });
  it('passes consistent outlines and a balanced budget', () => {
    const c = ctx(makeDoc([summary(100)]));
    expect(fails([...sideSums(c), ...balance(c)])).toEqual([]);
    expect(passes(balance(c))).toHaveLength(1);
    expect(passes(sideSums(c)).length).toBeGreaterThanOrEqual(4);
  });
  it('fails an income total that is not the sum of its lines, and the imbalance', () => {
    const c = ctx(makeDoc([summary(101)]));
    expect(fails(sideSums(c))).toMatchObject([{ rule: 'side_sum', row: 6, column: '收入/预算数' }]);
    expect(fails(balance(c))).toMatchObject([{ rule: 'balance', row: 6, expected: 100, actual: 101 }]);
  });
  it('does not fail a "其中" breakdown that covers only part of its line', () => {
    const t = makeTable({ type: 'income_expenditure_summary', groups: [
      { columns: ['收入/预算数'], rows: [{ name: '一、财政拨款', amounts: [10] }, { name: '其中：一般财力', amounts: [6] }, { name: '收入总计', amounts: [10] }] },
      { columns: ['支出/预算数'], rows: [{ code: '201', name: 'x', amounts: [10] }, {}, { name: '支出总计', amounts: [10] }] }] });
    expect(fails(sideSums(ctx(makeDoc([t]))))).toEqual([]);
  });
});

describe('code_parent and code_name', () => {
  it('passes when every 款 and 项 has its parent', () => {
    const checks = codeParents(ctx(makeDoc([expenditureTable()])));
    expect(fails(checks)).toEqual([]);
    expect(passes(checks)).toHaveLength(5);
  });
  it('fails an orphan 项', () => {
    const t = expenditureTable();
    t.rows[2]!.records[0]!.code = '2010401';
    expect(fails(codeParents(ctx(makeDoc([t]))))).toMatchObject([{ rule: 'code_parent', row: 2 }]);
  });
  it('fails a code named differently in two tables', () => {
    const a = expenditureTable();
    const b = expenditureTable({}, 'general_budget_expenditure', '表5');
    expect(fails(codeNames(ctx(makeDoc([a, b]))))).toEqual([]);
    b.rows[2]!.records[0]!.name = '行政运转';
    expect(fails(codeNames(ctx(makeDoc([a, b]))))).toMatchObject([{ rule: 'code_name', table: '表5', row: 2 }]);
  });
});

describe('unit_scale', () => {
  it('passes tables whose figures agree at face value, across 元 and 万元', () => {
    const a = expenditureTable();
    const b = expenditureTable({}, 'general_budget_expenditure', '表5');
    b.unit = '元';
    for (const r of b.rows) for (const k of Object.keys(r.records[0]!.amounts)) r.records[0]!.amounts[k]! *= 10_000;
    expect(fails(unitScale(ctx(makeDoc([a, b]))))).toEqual([]);
  });
  it('fails a 元 table that was read as 万元 (the other tables agree among themselves)', () => {
    const a = expenditureTable();
    const a2 = expenditureTable({}, 'income', '表2');
    const b = expenditureTable({}, 'general_budget_expenditure', '表5');
    for (const r of b.rows) for (const k of Object.keys(r.records[0]!.amounts)) r.records[0]!.amounts[k]! *= 10_000;
    expect(fails(unitScale(ctx(makeDoc([a, a2, b]))))).toMatchObject([{ rule: 'unit_scale', table: '表5' }]);
    expect(fails(unitScale(ctx(makeDoc([a, b]))))).toEqual([]); // two tables: cannot tell which one
  });
});

import { describe, expect, it } from 'vitest';
import type { OutputDocument } from '../../src/model/document.js';
import { sideSums } from '../../src/validate/rules/balance.js';
import type { RuleContext } from '../../src/validate/rules/context.js';
import { hierarchySums } from '../../src/validate/rules/hierarchy.js';
import { rowSums } from '../../src/validate/rules/rowIdentities.js';
import { defaultValidationSettings } from '../../src/validate/settings.js';
import { viewDocument } from '../../src/validate/tables.js';
import { fails, makeDoc, makeTable, passes } from './fixtures.js';

const ctx = (doc: OutputDocument): RuleContext => ({ doc, views: viewDocument(doc), settings: defaultValidationSettings });
const skips = (checks: ReturnType<typeof rowSums>) => checks.filter((c) => c.status === 'skip');

describe('columns that are not parts of the total beside them', () => {
  it('read 项目支出总数 as the total of 项目支出 and 扣除基建项目后预算数 as a part of it (Beijing 预算05表)', () => {
    const t = makeTable({ type: 'general_budget_expenditure', groups: [{
      columns: ['预算数/合计', '预算数/基本支出/小计', '预算数/基本支出/人员经费', '预算数/基本支出/公用经费',
        '预算数/项目支出/项目支出总数', '预算数/项目支出/扣除基建项目后预算数'],
      rows: [{ code: '2040202', name: '一般行政管理事务', amounts: [6619.38, null, null, null, 6619.38, 6619.38] },
        { code: '2040201', name: '行政运行', amounts: [445.76, 445.76, 419.2, 26.56, null, null] }] }] });
    const checks = rowSums(ctx(makeDoc([t])));
    expect(fails(checks)).toEqual([]);
    expect(passes(checks).map((c) => c.column)).toContain('预算数/合计');
  });

  it('keep a 政府采购 column group out of 支出总计 (Shenzhen 表3), and still check the total', () => {
    const t = makeTable({ type: 'expenditure', groups: [{
      columns: ['支出总计', '基本支出', '项目支出', '2026年政府采购项目/小计', '2026年政府采购项目/其中：预留给中小企业的项目资金规模'],
      rows: [{ code: '208', name: '社会保障和就业支出', amounts: [28283.46, 5581.69, 22701.77, 2469.28, 585.2] }] }] });
    const checks = rowSums(ctx(makeDoc([t])));
    expect(fails(checks)).toEqual([]);
    expect(passes(checks).map((c) => c.column)).toEqual(['支出总计']);
  });

  it('read “三公”经费合计 as the sum of the 三公 items only, not of 会议费 and 培训费 beside it', () => {
    const t = makeTable({ type: 'three_public', groups: [{
      columns: ['“三公”经费合计', '因公出国（境）费', '公务用车购置及运行维护费/小计', '公务接待费', '会议费', '培训费'],
      rows: [{ name: '苏州市审计局', amounts: [10, 0, 0, 10, 10, 43] }, { name: '合计', amounts: [12, 0, 0, 10, 10, 43] }] }] });
    const checks = rowSums(ctx(makeDoc([t])));
    expect(passes(checks)).toHaveLength(1);
    expect(fails(checks)).toMatchObject([{ row: 1, column: '“三公”经费合计', actual: 12, expected: 10 }]);
  });
});

describe('lines of a side-by-side table', () => {
  const side = (rows: Array<[string, number | null]>, income: Array<[string, number | null]>) => makeTable({
    type: 'income_expenditure_summary', groups: [
      { columns: ['收入/预算数'], rows: income.map(([name, v]) => ({ name, amounts: [v] })) },
      { columns: ['支出/预算数'], rows: rows.map(([name, v]) => ({ name, amounts: [v] })) }],
  });

  it('nest (1)(2) under 1、 under 一、 (xian-work-safety-bureau-2019 表1)', () => {
    const t = side([['一、基本支出', 30]], [
      ['1、财政拨款', 30], ['(1)一般公共预算拨款收入', 25], ['(2)政府性基金收入', 5], ['2、上级补助收入', null], ['本年收入合计', 30]]);
    const checks = sideSums(ctx(makeDoc([t])));
    expect(fails(checks)).toEqual([]);
    expect(passes(checks).map((c) => c.message).join('\n')).toMatch(/"1、财政拨款".*"\(1\)一般公共预算拨款收入" \+ "\(2\)政府性基金收入"/);
  });

  it('skip, with the reason, a line whose unmarked lines nest (款 then its 项, Shenzhen 表1)', () => {
    const t = side([['一、教育支出', 12.23], ['进修及培训', 12.23], ['培训支出', 12.23], ['二、住房保障支出', 5], ['住房改革支出', 5],
      ['住房公积金', 3], ['购房补贴', 2], ['本年支出合计', 17.23]], [['一、财政拨款', 17.23], ['本年收入合计', 17.23]]);
    const checks = sideSums(ctx(makeDoc([t])));
    expect(fails(checks)).toEqual([]);
    expect(skips(checks).map((c) => c.message)).toEqual([
      expect.stringMatching(/"一、教育支出": not checked, because the lines under it .* nest without outline markers/),
      expect.stringMatching(/"二、住房保障支出": not checked/)]);
  });

  it('read a bare 当年收入 line as the year\'s subtotal, not a part of the line above (jiangsu-npc-2017 收支预算总表)', () => {
    const t = side([['一、一般公共服务支出', 30], ['当年支出小计', 30], ['支出合计', 30]], [
      ['一、财政拨款', 30], ['1.一般公共预算', 30], ['二、财政专户管理资金', null], ['三、其他资金', 0], ['当年收入', 30], ['收入合计', 30]]);
    const checks = sideSums(ctx(makeDoc([t])));
    expect(fails(checks)).toEqual([]);
    expect(passes(checks).map((c) => c.message).join('\n')).toMatch(/"当年收入"/);
  });

  it('still fail unmarked lines that do not nest and do not add up', () => {
    const t = side([['一、教育支出', 20], ['普通教育', 12], ['职业教育', 5], ['本年支出合计', 20]], [['一、财政拨款', 20], ['本年收入合计', 20]]);
    expect(fails(sideSums(ctx(makeDoc([t]))))).toMatchObject([{ row: 0, actual: 20, expected: 17 }]);
  });
});

describe('a code printed on several rows', () => {
  const crossTable = (cells: string[][]) => {
    const t = makeTable({ type: 'expenditure', groups: [{ columns: ['合计'], rows: [
      { code: '2040201', name: '行政运行', amounts: [100] }, { code: '2040201', name: '行政运行', amounts: [50] },
      { code: '2040202', name: '一般行政管理事务', amounts: [30] }, { name: '合计', amounts: [180] }] }] });
    t.rows.forEach((r, i) => { r.cells = cells[i] ?? []; });
    return t;
  };

  it('is the sum of its rows when a second classification tells them apart (Beijing 预算03表)', () => {
    const checks = hierarchySums(ctx(makeDoc([crossTable([
      ['2040201-行政运行', '30101-基本工资', '100'], ['2040201-行政运行', '30102-津贴补贴', '50'], ['2040202-一般行政管理事务', '30201-办公费', '30'], ['合计', '', '180']])])));
    expect(fails(checks)).toEqual([]);
    expect(passes(checks).map((c) => c.rule)).toEqual(['total_sum']);
  });

  it('is skipped with the reason when the rows are printed alike', () => {
    const checks = hierarchySums(ctx(makeDoc([crossTable([
      ['2040201', '行政运行', '100'], ['2040201', '行政运行', '50'], ['2040202', '一般行政管理事务', '30'], ['合计', '', '180']])])));
    expect(fails(checks)).toEqual([]);
    expect(checks.map((c) => [c.rule, c.status])).toEqual([['total_sum', 'skip']]);
    expect(checks[0]!.message).toMatch(/code 2040201 is printed on several rows alike/);
  });

  it('adds up over the blocks of a table that lists the codes again for each sub-unit (Beijing 预算05表)', () => {
    const t = makeTable({ type: 'general_budget_expenditure', groups: [{ columns: ['合计'], rows: [
      { code: '2010801', name: '行政运行', amounts: [100] }, { code: '2080505', name: '机关事业单位基本养老保险缴费支出', amounts: [10] },
      { code: '2010801', name: '行政运行', amounts: [50] }, { code: '2080505', name: '机关事业单位基本养老保险缴费支出', amounts: [5] },
      { name: '合计', amounts: [165] }] }] });
    t.rows.forEach((r) => { r.cells = [r.records[0]!.code ?? '', r.records[0]!.name ?? '', String(r.records[0]!.amounts['合计'])]; });
    const checks = hierarchySums(ctx(makeDoc([t])));
    expect(checks.map((c) => [c.rule, c.status])).toEqual([['total_sum', 'pass']]);
  });
});

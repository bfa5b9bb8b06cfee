import { describe, expect, it } from 'vitest';
import { classifyTable } from '../../src/classify/index.js';
import { relocateDisplacedLabels } from '../../src/classify/displacedLabels.js';
import { documentMeta } from '../../src/classify/metadata.js';
import type { RawTable } from '../../src/model/rawTable.js';

const table = (paths: string[][], rows: string[][], extra: Partial<RawTable> = {}): RawTable => ({
  number: null, title: '收支预算总表', org: null, orgLabel: null, unit: '万元', pages: [1], columnPaths: paths, columnNumbers: [],
  rows: rows.map(cells => ({ page: 1, cells })), note: null, ruled: true, ...extra,
});

describe('side-by-side tables', () => {
  it('give each side its own record, three sides included', () => {
    const t = classifyTable(table(
      [['收入', '项目名称'], ['收入', '金额'], ['支出', '功能分类', '功能科目名称'], ['支出', '功能分类', '金额'], ['支出', '支出用途', '项目名称'], ['支出', '支出用途', '金额']],
      [['一、财政拨款', '10,070.48', '一、一般公共服务支出', '7,827.46', '一、基本支出', '5,678.17'],
        ['收入合计', '10,150.48', '', '支出合计', '', '10,150.48']],
    ), '万元');
    expect(t.columns.map(c => c.role)).toEqual(['name', 'amount', 'name', 'amount', 'name', 'amount']);
    expect(t.rows[0].records.map(r => r.name)).toEqual(['一、财政拨款', '一、一般公共服务支出', '一、基本支出']);
    // "支出合计" printed in a cell merged over the middle columns belongs to the last side.
    expect(t.rows[1].records[2]).toMatchObject({ name: '支出合计', amounts: { '支出/支出用途/金额': 10150.48 } });
  });
});

describe('codes and names', () => {
  it('read split code columns, inherit blank parts and tell 类/款/项 apart', () => {
    const t = classifyTable(table(
      [['功能分类科目编码', '类'], ['功能分类科目编码', '款'], ['功能分类科目编码', '项'], ['功能分类科目名称'], ['合计']],
      [['201', '', '', '一般公共服务支出', '3,045.16'], ['', '03', '', '政府办公厅（室）及相关机构事务', '3,042.66'], ['', '', '01', '行政运行', '809.21']],
      { title: '单位支出总体情况表' },
    ), '万元');
    expect(t.type).toBe('expenditure');
    expect(t.rows.map(r => [r.records[0].code, r.records[0].level])).toEqual([['201', '类'], ['20103', '款'], ['2010301', '项']]);
  });

  it('keep an amount of 301 an amount', () => {
    const t = classifyTable(table([['科目名称'], ['合计']], [['办公费', '301'], ['合计', '301']], { title: '一般公共预算基本支出表' }), '万元');
    expect(t.columns.map(c => c.role)).toEqual(['name', 'amount']);
    expect(t.rows[0].records[0]).toMatchObject({ code: null, amounts: { 合计: 301 } });
  });
});

describe('displaced labels', () => {
  it('move only text out of figure columns', () => {
    const moved = relocateDisplacedLabels(table([['a'], ['b'], ['c'], ['d']], [['x', '1.00', '', '2.00'], ['', '小计', '', '3.00'], ['y', '4.00', '', '5.00']]));
    expect(moved.rows[1].cells).toEqual(['', '', '小计', '3.00']);
    expect(moved.rows[0].cells).toEqual(['x', '1.00', '', '2.00']);
  });

  it('leave an amount OCR marked unreadable in its column, and keep that column an amount column', () => {
    // A scan's 合计 cell read "4,213.779.28" (marked unreadable): it is an amount, not a label printed
    // over several columns, so it neither moves to an empty column nor makes one a name column.
    const t = classifyTable(table(
      [['科目编码'], ['科目名称'], ['合计'], ['财政拨款收入'], ['事业收入'], ['其他收入']],
      [['208', '社会保障和就业支出', '\uFFFD4,213.779.28', '4,213,779.28', '', ''],
        ['20805', '行政事业单位养老支出', '4,213,779.28', '4,213,779.28', '', ''],
        ['2080501', '行政单位离退休', '\uFFFD1554,220.00', '1,554,220.00', '', '480.00']],
      { title: '收入预算表' },
    ), '元');
    expect(t.columns.map(c => c.role)).toEqual(['code', 'name', 'amount', 'amount', 'amount', 'amount']);
    expect(t.rows.map(r => r.records.length)).toEqual([1, 1, 1]);
    expect(t.rows[0].records[0]).toMatchObject({ code: '208', amounts: { 财政拨款收入: 4213779.28 }, unreadable: { 合计: '4,213.779.28' } });
    expect(t.rows[2].records[0]).toMatchObject({ amounts: { 财政拨款收入: 1554220, 其他收入: 480 }, unreadable: { 合计: '1554,220.00' } });
  });
});

describe('document metadata', () => {
  it('reads unit, year, kind, scope and currency from the cover and the title blocks', () => {
    const meta = documentMeta(
      [table([], [], { title: '2025年部门财务收支预算总表', org: '上海市普陀区财政局', orgLabel: '编制部门', unit: '元' })],
      [{ page: 1, text: '上海市普陀区财政局2025年度部门预算' }, { page: 2, text: '目录' }],
    );
    expect(meta).toEqual({ unit: '上海市普陀区财政局', year: 2025, kind: 'budget', scope: 'department', currency_unit: '元' });
  });
});

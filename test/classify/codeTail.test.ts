import { describe, expect, it } from 'vitest';
import { classifyTable } from '../../src/classify/index.js';
import type { RawTable } from '../../src/model/rawTable.js';

// 西安 2019 表5: one merged code column printing 款 and 项 tails ("05", "99") between full codes.
const raw = (rows: string[][]): RawTable => ({
  number: '表5', title: '一般公共预算支出明细表（按支出功能分类科目）', org: null, orgLabel: null, unit: '万元', pages: [7],
  columnPaths: [['科目编码'], ['科目名称'], ['合计']], columnNumbers: [null, null, null], rows: rows.map(cells => ({ page: 7, cells })), note: null, ruled: true,
});

describe('a two-digit tail in a merged code column', () => {
  it('is read as a 款 when the registry names that 款 as the row is named, else as a 项', () => {
    const t = classifyTable(raw([
      ['208', '社会保障和就业支出', '115.11'], ['05', '行政事业单位离退休', '113.28'],
      ['2080506', '机关事业单位职业年金缴费支出', '32.05'], ['99', '其他社会保障和就业支出', '1.83'],
      ['2089901', '其他社会保障和就业支出', '1.83'], ['2080501', '行政单位离退休', '1.00'], ['02', '事业单位离退休', '1.00'],
    ]), '万元');
    expect(t.rows.map(r => r.records[0].code)).toEqual(['208', '20805', '2080506', '20899', '2089901', '2080501', '2080502']);
  });
});

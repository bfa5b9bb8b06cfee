/** Canonical column keys are classify's: every amount column of the typed document carries its key. */
import { describe, expect, it } from 'vitest';
import { columnMeaning } from '../../src/classify/columnKeys.js';
import { classifyTable } from '../../src/classify/index.js';
import type { RawTable } from '../../src/model/rawTable.js';

const raw = (title: string, paths: string[][], rows: string[][]): RawTable => ({
  number: '表3', title, org: null, orgLabel: null, unit: '万元', pages: [1], columnPaths: paths, columnNumbers: [],
  rows: rows.map(cells => ({ page: 1, cells })), note: null, ruled: true,
});

describe('canonical column keys in the typed document', () => {
  it('are given to the amount columns, as the dataset reads them, and to no other column', () => {
    const table = classifyTable(raw('一般公共预算支出情况表', [['科目编码'], ['科目名称'], ['合计'], ['基本支出'], ['项目支出'], ['备注说明文字']], [
      ['201', '一般公共服务支出', '30.00', '20.00', '10.00', '无'],
      ['20103', '政府办公厅（室）及相关机构事务', '30.00', '20.00', '10.00', '无'],
    ]), '万元');
    expect(table.columns.map(c => [c.role, c.column_key])).toEqual([
      ['code', undefined], ['name', undefined], ['amount', 'total'], ['amount', 'basic'], ['amount', 'project'], ['name', undefined],
    ]);
    for (const c of table.columns.filter(c => c.role === 'amount')) expect(c.column_key).toBe(columnMeaning(c.path, table.type, 'budget').key);
  });

  it('are empty for a header they do not understand', () => {
    const table = classifyTable(raw('支出总体情况表', [['科目名称'], ['某种奇怪的列']], [['一般公共服务支出', '3.00'], ['合计', '3.00']]), '万元');
    expect(table.columns.find(c => c.role === 'amount')?.column_key).toBe('');
  });
});

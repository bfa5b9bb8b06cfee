import { describe, expect, it } from 'vitest';
import { classifyTable } from '../../src/classify/index.js';
import type { RawTable } from '../../src/model/rawTable.js';

const table = (paths: string[][], rows: string[][], extra: Partial<RawTable> = {}): RawTable => ({
  number: null, title: '财政拨款收入支出决算总表', org: null, orgLabel: null, unit: '万元', pages: [1], columnPaths: paths,
  columnNumbers: [], rows: rows.map(cells => ({ page: 1, cells })), note: null, ruled: true, ...extra,
});

describe('label columns that print digits', () => {
  it('read a 行次 (line-number) column as a label, never as an amount (national-public-complaints-admin 公开04表)', () => {
    const t = classifyTable(table(
      [['收入', '项目'], ['收入', '行次'], ['收入', '金额'], ['支出', '项目'], ['支出', '行次'], ['支出', '合计']],
      [['一、一般公共预算财政拨款', '1', '19,572.91', '一、一般公共服务支出', '33', '9,846.82'],
        ['二、政府性基金预算财政拨款', '2', '', '二、外交支出', '34', ''],
        ['三、国有资本经营预算财政拨款', '3', '', '三、国防支出', '35', '']],
    ), '万元');
    expect(t.columns.map(c => c.role)).toEqual(['name', 'text', 'amount', 'name', 'text', 'amount']);
    expect(t.rows[0].records[1].amounts).toEqual({ '支出/合计': 9846.82 });
  });

  it('read a column counting rows 1, 2, 3 … without a header word as line numbers', () => {
    const rows = Array.from({ length: 6 }, (_, i) => [`项目${i}`, String(i + 1), `${i + 10}.50`]);
    const t = classifyTable(table([['项目'], [], ['金额']], rows), '万元');
    expect(t.columns.map(c => c.role)).toEqual(['name', 'text', 'amount']);
  });

  it('read split 类 | 款 | 项 columns as codes once the column-number line is header (changsha-petitions-bureau-2026 p.13)', () => {
    const t = classifyTable(table(
      [['类'], ['款'], ['项'], ['功能科目'], ['合计']],
      [['', '', '', '合计', '1,935.36'], ['201', '', '', '一般公共服务支出', '1,935.36'], ['', '40', '', '信访事务', '1,935.36'],
        ['201', '40', '01', '行政运行', '1,517.95'], ['201', '40', '04', '信访业务', '417.41']],
      { title: '部门收入总体情况表', columnNumbers: [null, null, null, null, '1'] },
    ), '万元');
    expect(t.columns.map(c => c.role)).toEqual(['code', 'code', 'code', 'name', 'amount']);
    expect(t.columns[4].number).toBe('1');
    expect(t.rows.map(r => r.records[0].code)).toEqual([null, '201', '20140', '2014001', '2014004']);
  });

  it('keep a 项 printed with its own code when its name equals its 款\'s (款 21016 / 项 2101601 老龄卫生健康事务)', () => {
    const t = classifyTable(table([['科目编码'], ['科目名称'], ['合计']],
      [['210', '卫生健康支出', '86.00'], ['21016', '老龄卫生健康事务', '86.00'], ['2101601', '老龄卫生健康事务', '86.00'],
        ['20699', '其他科学技术支出', '45,870.00'], ['2069999', '其他科学技术支出', '45,870.00']],
      { title: '支出总表' }), '万元');
    expect(t.rows.map(r => r.records[0].code)).toEqual(['210', '21016', '2101601', '20699', '2069999']);
  });

  it('read a bare two-digit tail as a 款 where the column prints its 项 codes whole (xian-work-safety-bureau-2019 表5)', () => {
    const t = classifyTable(table([['功能科目编码'], ['功能科目名称'], ['合计']],
      [['208', '社会保障和就业支出', '115.11'], ['05', '行政事业单位离退休', '113.28'], ['2080506', '机关事业单位职业年金缴费支出', '32.05'],
        ['99', '其他社会保障和就业支出', '1.83'], ['2089901', '其他社会保障和就业支出', '1.83']], { title: '一般公共预算支出表' }), '万元');
    expect(t.rows.map(r => r.records[0].code)).toEqual(['208', '20805', '2080506', '20899', '2089901']);
  });
});

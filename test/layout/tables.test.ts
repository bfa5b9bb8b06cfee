import { describe, expect, it } from 'vitest';
import { TableAssembler } from '../../src/layout/assemble.js';
import { columnPaths } from '../../src/layout/header.js';
import { parseTitleLine } from '../../src/layout/titleBlocks.js';
import type { PageContent, Rule, TextRun } from '../../src/model/page.js';

const run = (text: string, x0: number, top: number, size = 10): TextRun =>
  ({ text, x0, x1: x0 + size * [...text].length * 0.9, top, bottom: top + size, fontSize: size, fontName: 'f' });
const h = (y: number, x0: number, x1: number): Rule => ({ x0, x1, top: y, bottom: y, orientation: 'h' });
const v = (x: number, top: number, bottom: number): Rule => ({ x0: x, x1: x, top, bottom, orientation: 'v' });
const page = (number: number, runs: TextRun[], rules: Rule[]): PageContent =>
  ({ number, width: 595, height: 842, runs, rules, textSource: 'pdf', textNote: null });

/** A ruled grid: columns at xs, rows at ys. */
const grid = (xs: number[], ys: number[]): Rule[] => [
  ...ys.map(y => h(y, xs[0], xs[xs.length - 1])), ...xs.map(x => v(x, ys[0], ys[ys.length - 1])),
];

describe('header paths', () => {
  it('read spanning cells top to bottom, once per row span', () => {
    const cells = [{ c0: 0, c1: 1, top: 0, text: '收 入' }, { c0: 0, c1: 0, top: 10, text: '项 目' }, { c0: 1, c1: 1, top: 10, text: '预算数' },
      { c0: 2, c1: 2, top: 0, text: '合计' }, { c0: 2, c1: 2, top: 10, text: '合计' }];
    expect(columnPaths(cells, 3)).toEqual([['收入', '项目'], ['收入', '预算数'], ['合计']]);
  });
});

describe('title lines', () => {
  it('recognise labels and titles, refuse prose and contents entries', () => {
    expect(parseTitleLine('表 1 单位收支总体情况表')).toMatchObject({ number: '表1', title: '单位收支总体情况表' });
    expect(parseTitleLine('公开03表 部门支出总表')).toMatchObject({ number: '公开03表', title: '部门支出总表' });
    expect(parseTitleLine('1.部门收支总表')).toMatchObject({ number: null, title: '部门收支总表' });
    expect(parseTitleLine('表2（续）单位收入总体情况表（续）')?.continued).toBe(true);
    expect(parseTitleLine('政府性基金预算支出情况表为空表。')).toBeNull();
    expect(parseTitleLine('一、单位收支总体情况表……………5')).toBeNull();
    expect(parseTitleLine('第二部分 2024年单位预算公开表')).toBeNull();
  });
});

describe('assembling tables', () => {
  const xs = [50, 100, 200, 300];
  const titleRuns = [run('表1', 50, 40), run('单位支出总体情况表', 150, 60, 16), run('单位：万元', 400, 90)];

  it('keeps empty cells in place and continues a table on the next page without a header', () => {
    const p1 = page(1, [...titleRuns, run('科目编码', 52, 112), run('科目名称', 102, 112), run('合计', 202, 112),
      run('201', 52, 132), run('一般公共服务支出', 102, 132), run('10.00', 250, 132),
      run('20103', 52, 152), run('政府办公厅（室）及', 102, 148, 8), run('相关机构事务', 102, 157, 8)], grid(xs, [105, 125, 145, 170]));
    const p2 = page(2, [run('2010301', 52, 62), run('行政运行', 102, 62), run('4.00', 250, 62), run('- 2 -', 290, 800)], grid(xs, [55, 75]));
    const asm = new TableAssembler();
    asm.addPage(p1); asm.addPage(p2);
    const { tables } = asm.finish();
    expect(tables).toHaveLength(1);
    const t = tables[0];
    expect(t.number).toBe('表1');
    expect(t.unit).toBe('万元');
    expect(t.pages).toEqual([1, 2]);
    expect(t.columnPaths).toEqual([['科目编码'], ['科目名称'], ['合计']]);
    expect(t.rows.map(r => r.cells)).toEqual([
      ['201', '一般公共服务支出', '10.00'],
      ['20103', '政府办公厅（室）及相关机构事务', ''],
      ['2010301', '行政运行', '4.00'],
    ]);
  });

  it('drops a header repeated on the continuation page and stops at a new title', () => {
    const header = [run('科目编码', 52, 62), run('科目名称', 102, 62), run('合计', 202, 62)];
    const p1 = page(1, [...titleRuns, run('科目编码', 52, 112), run('科目名称', 102, 112), run('合计', 202, 112),
      run('201', 52, 132), run('一般公共服务支出', 102, 132), run('10.00', 250, 132)], grid(xs, [105, 125, 145]));
    const p2 = page(2, [...header, run('208', 52, 82), run('社会保障和就业支出', 102, 82), run('3.00', 250, 82),
      run('表2', 50, 300), run('一般公共预算支出情况表', 150, 320, 16), run('单位：万元', 400, 350),
      run('科目编码', 52, 372), run('科目名称', 102, 372), run('合计', 202, 372), run('201', 52, 392), run('一般公共服务支出', 102, 392), run('9.00', 250, 392)],
    [...grid(xs, [55, 75, 95]), ...grid(xs, [365, 385, 405])]);
    const asm = new TableAssembler();
    asm.addPage(p1); asm.addPage(p2);
    const { tables } = asm.finish();
    expect(tables.map(t => t.title)).toEqual(['单位支出总体情况表', '一般公共预算支出情况表']);
    expect(tables[0].rows.map(r => r.cells[0])).toEqual(['201', '208']);
    expect(tables[1].rows.map(r => r.cells[2])).toEqual(['9.00']);
  });

  it('reports an empty table with its note and no rows', () => {
    const p = page(1, [...titleRuns, run('科目编码', 52, 112), run('科目名称', 102, 112), run('合计', 202, 112),
      run('备注：本单位没有政府性基金预算拨款安排的支出，本表为空表。', 50, 160)], grid(xs, [105, 125, 145]));
    const asm = new TableAssembler();
    asm.addPage(p);
    const [t] = asm.finish().tables;
    expect(t.rows).toEqual([]);
    expect(t.note).toContain('为空表');
  });
});

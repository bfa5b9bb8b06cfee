import { describe, expect, it } from 'vitest';
import { TableAssembler } from '../../src/layout/assemble.js';
import { continuesTable, textLikeness, type TableIdentity } from '../../src/layout/continuation.js';
import type { TitleBlock } from '../../src/layout/titleBlocks.js';
import type { PageContent, Rule, TextRun } from '../../src/model/page.js';

const run = (text: string, x0: number, top: number, size = 10): TextRun =>
  ({ text, x0, x1: x0 + size * [...text].length * 0.9, top, bottom: top + size, fontSize: size, fontName: 'f' });
const h = (y: number, x0: number, x1: number): Rule => ({ x0, x1, top: y, bottom: y, orientation: 'h' });
const v = (x: number, top: number, bottom: number): Rule => ({ x0: x, x1: x, top, bottom, orientation: 'v' });
const grid = (xs: number[], ys: number[]): Rule[] => [
  ...ys.map(y => h(y, xs[0], xs[xs.length - 1])), ...xs.map(x => v(x, ys[0], ys[ys.length - 1])),
];
const xs = [50, 100, 250, 330];

/**
 * A page of 表3 支出总表 as exporters that repeat the whole title block print it: label, title, org and
 * unit line, header, then rows of figures.
 */
function repeatedPage(number: number, org: string, rows: [string, string, string][], title = '支出总表'): PageContent {
  const runs = [run('表3', 50, 40), run(title, 150, 60, 16), run(`部门名称：${org}`, 50, 90), run('单位：万元', 300, 90),
    run('科目编码', 52, 112), run('科目名称', 102, 112), run('合计', 252, 112)];
  rows.forEach(([code, name, amount], i) => runs.push(run(code, 52, 132 + 20 * i), run(name, 102, 132 + 20 * i), run(amount, 280, 132 + 20 * i)));
  return { number, width: 595, height: 842, runs, rules: grid(xs, [105, 125, ...rows.map((_, i) => 145 + 20 * i)]), textSource: 'pdf', textNote: null };
}

const assemble = (pages: PageContent[]) => {
  const asm = new TableAssembler();
  for (const p of pages) asm.addPage(p);
  return asm.finish().tables;
};

describe('a table continued on pages that repeat its title block', () => {
  it('is one table, its header read once, each page joined with the reason', () => {
    const tables = assemble([
      repeatedPage(63, '深圳市水务局', [['208', '社会保障和就业支出', '30.00'], ['20805', '行政事业单位养老支出', '30.00']]),
      repeatedPage(64, '深圳市水务局', [['2080505', '机关事业单位基本养老保险缴费支出', '20.00'], ['2080506', '机关事业单位职业年金缴费支出', '10.00']]),
      repeatedPage(65, '深圳市水务局', [['221', '住房保障支出', '5.00']]),
    ]);
    expect(tables).toHaveLength(1);
    const [t] = tables;
    expect(t).toMatchObject({ number: '表3', title: '支出总表', org: '深圳市水务局', unit: '万元', pages: [63, 64, 65] });
    expect(t.columnPaths).toEqual([['科目编码'], ['科目名称'], ['合计']]);
    expect(t.rows.map(r => r.cells[0])).toEqual(['208', '20805', '2080505', '2080506', '221']);
    expect(t.pageReasons?.map(r => r.page)).toEqual([63, 64, 65]);
    expect(t.pageReasons?.[1].reason).toMatch(/repeats the title block/);
  });

  it('printed once per sub-unit (another 部门名称) is one table per unit', () => {
    const tables = assemble([
      repeatedPage(20, '深圳市民政局（本级）', [['208', '社会保障和就业支出', '30.00']]),
      repeatedPage(21, '深圳市社会福利中心', [['208', '社会保障和就业支出', '12.00']]),
    ]);
    expect(tables.map(t => [t.org, t.pages])).toEqual([['深圳市民政局（本级）', [20]], ['深圳市社会福利中心', [21]]]);
    expect(tables[1].pageReasons?.[0].reason).toMatch(/issuing unit .* differs/);
  });

  it('with another title on the next page is two tables', () => {
    const tables = assemble([
      repeatedPage(5, '某局', [['201', '一般公共服务支出', '3.00']]),
      repeatedPage(6, '某局', [['201', '一般公共服务支出', '3.00']], '基本支出总表'),
    ]);
    expect(tables.map(t => t.title)).toEqual(['支出总表', '基本支出总表']);
  });

  it('is not continued across a page that holds no table', () => {
    const prose: PageContent = { number: 6, width: 595, height: 842, runs: [run('二、收入预算情况说明', 50, 60)], rules: [], textSource: 'pdf', textNote: null };
    const tables = assemble([repeatedPage(5, '某局', [['201', '一般公共服务支出', '3.00']]), prose, repeatedPage(7, '某局', [['201', '一般公共服务支出', '3.00']])]);
    expect(tables.map(t => t.pages)).toEqual([[5], [7]]);
  });
});

describe('the continuation decision', () => {
  const open: TableIdentity = { number: '表3', title: '支出总表', org: '某局', header: '科目编码科目名称合计基本支出项目支出', columns: 5, lastPage: 10 };
  const block = (over: Partial<TitleBlock> = {}): TitleBlock =>
    ({ top: 0, bottom: 0, number: '表3', title: '支出总表', org: '某局', orgLabel: '部门名称', unit: '万元', continued: false, ...over });

  it('compares title, number, issuing unit and header, and says why', () => {
    const same = { page: 11, header: '科目编码科目名称合计基本支出项目支出', columns: 5 };
    expect(continuesTable(open, block(), same).continues).toBe(true);
    expect(continuesTable(open, block({ number: null }), same).continues).toBe(true); // a label printed on the first page only
    expect(continuesTable(open, block({ number: '表4' }), same)).toMatchObject({ continues: false, reason: expect.stringMatching(/number/) });
    expect(continuesTable(open, block({ org: '另一单位' }), same)).toMatchObject({ continues: false, reason: expect.stringMatching(/sub-unit/) });
    expect(continuesTable(open, block(), { ...same, page: 13 })).toMatchObject({ continues: false, reason: expect.stringMatching(/ended on page 10/) });
    expect(continuesTable(open, block(), { page: 11, header: '项目名称绩效目标一级指标', columns: 9 }).continues).toBe(false);
    // A header blurred by overflowing cell text, over the same columns, still continues.
    expect(continuesTable(open, block(), { page: 11, header: '11000022T00000043其中设施申请', columns: 5 }).continues).toBe(true);
    expect(continuesTable(open, block({ title: '其他表', continued: true }), same).continues).toBe(true);
    expect(continuesTable(null, block(), same).continues).toBe(false);
  });

  it('measures header likeness by shared character pairs', () => {
    expect(textLikeness('科目编码科目名称合计', '科目编码科目名称合计')).toBe(1);
    expect(textLikeness('科目编码科目名称合计', '项目名称绩效目标')).toBeLessThan(0.3);
  });
});

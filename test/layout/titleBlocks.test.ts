import { describe, expect, it } from 'vitest';
import { TableAssembler } from '../../src/layout/assemble.js';
import { toLines } from '../../src/layout/textLines.js';
import { DEFAULT_LAYOUT } from '../../src/layout/settings.js';
import { findTitleBlocks, parseOrgUnit, parseTitleLine } from '../../src/layout/titleBlocks.js';
import type { PageContent, Rule, TextRun } from '../../src/model/page.js';

const run = (text: string, x0: number, top: number, size = 10, x1?: number): TextRun =>
  ({ text, x0, x1: x1 ?? x0 + size * [...text].length * 0.9, top, bottom: top + size, fontSize: size, fontName: 'f' });
const h = (y: number, x0: number, x1: number): Rule => ({ x0, x1, top: y, bottom: y, orientation: 'h' });
const v = (x: number, top: number, bottom: number): Rule => ({ x0: x, x1: x, top, bottom, orientation: 'v' });
const grid = (xs: number[], ys: number[]): Rule[] => [
  ...ys.map(y => h(y, xs[0], xs[xs.length - 1])), ...xs.map(x => v(x, ys[0], ys[ys.length - 1])),
];
const blocksOf = (runs: TextRun[], bodyBelow = false) => findTitleBlocks(toLines(runs, DEFAULT_LAYOUT), DEFAULT_LAYOUT, () => bodyBelow);

describe('table labels', () => {
  it('read 预算01表, 公开表2 and 预算表12 as the label, the rest as the title', () => {
    expect(parseTitleLine('预算01表 收支总表')).toMatchObject({ number: '预算01表', title: '收支总表' });
    expect(parseTitleLine('公开表2 收入总体情况表')).toMatchObject({ number: '公开表2', title: '收入总体情况表' });
    expect(parseTitleLine('预算表12 项目支出绩效目标表')).toMatchObject({ number: '预算表12', title: '项目支出绩效目标表' });
    expect(parseTitleLine('2026年市级部门项目支出预算表')).toMatchObject({ number: null, title: '2026年市级部门项目支出预算表' });
  });
});

describe('title blocks', () => {
  it('take a label printed under the title (收入支出决算总表 / 公开 04 表)', () => {
    const blocks = blocksOf([run('财政拨款收入支出决算总表', 312, 27, 14), run('公开 04 表', 743, 45), run('部门：国家信访局', 48, 58), run('金额单位：万元', 700, 58)]);
    expect(blocks).toHaveLength(1);
    expect(blocks[0]).toMatchObject({ number: '公开04表', title: '财政拨款收入支出决算总表', org: '国家信访局', unit: '万元' });
  });

  it('take a title wrapped over two lines (…支出预算 / 表)', () => {
    const blocks = blocksOf([run('“三公”经费、会议费、培训费支出预算', 89, 74, 26), run('表', 285, 103.9, 26),
      run('部门： 江苏省人大常委会办公厅', 49, 148, 9), run('单位：万元', 480, 148, 9)]);
    expect(blocks).toHaveLength(1);
    expect(blocks[0]).toMatchObject({ title: '“三公”经费、会议费、培训费支出预算表', org: '江苏省人大常委会办公厅' });
  });

  it('leave out smaller cell text overflowing onto the title line', () => {
    // A tall cell's text, clipped in print, drawn through the title of the next page (left of and over it).
    const blocks = blocksOf([run('技系统建设项目', 36, 70, 8.4), run('在其中11处出入', 342, 70.5, 8.4, 402), run('预算表12 项目支出绩效目标表', 343, 69.7, 11.3, 497),
      run('金额单位：万元', 746, 91, 8.4)]);
    expect(blocks[0]).toMatchObject({ number: '预算表12', title: '项目支出绩效目标表', unit: '万元' });
  });

  it('read an org printed without a label next to the unit, a label with a parenthesis, and a wrapped unit', () => {
    expect(parseOrgUnit('507-湖州市卫生健康委员会 单位:万元')).toMatchObject({ org: '湖州市卫生健康委员会', orgLabel: null, unit: '万元' });
    expect(parseOrgUnit('部门（单位）：烟台市审计局 单位：万元')).toMatchObject({ org: '烟台市审计局', orgLabel: '部门', unit: '万元' });
    expect(parseOrgUnit('507-湖州市卫生健康委员会 万元')).toMatchObject({ org: '湖州市卫生健康委员会', unit: '万元' });
    expect(parseOrgUnit('（2024年度） 单位：万元')).toMatchObject({ org: null, unit: '万元' });
    expect(parseOrgUnit('合计 万元')).toMatchObject({ org: null, unit: null });
    const [block] = blocksOf([run('表12', 55, 59), run('2019年部门综合预算政府采购预算表', 216, 80, 16), run('单位：万', 717, 101), run('元', 747, 113.5)], true);
    expect(block).toMatchObject({ number: '表12', org: null, unit: '万元' });
  });

  it('keep a title that ends its page, with its org line or its body on the next page', () => {
    const xs = [50, 150, 300];
    const body = (top: number): TextRun[] => [run('科目编码', 52, top), run('科目名称', 152, top), run('金额', 252, top),
      run('301', 52, top + 20), run('工资福利支出', 152, top + 20), run('2,928.98', 252, top + 20)];
    const earlier: PageContent = { number: 17, width: 595, height: 842, runs: [run('一般公共预算基本支出预算表', 150, 60, 20), run('单位：万元', 400, 90),
      ...body(112), run('一般公共预算机关运行经费支出预算表', 100, 684, 20)], rules: grid(xs, [105, 125, 145]), textSource: 'pdf', textNote: null };
    const next: PageContent = { number: 18, width: 595, height: 842, runs: [run('部门： 江苏省人大常委会办公厅', 55, 113), run('单位：万元', 480, 113), ...body(171)],
      rules: grid(xs, [165, 185, 205]), textSource: 'pdf', textNote: null };
    const asm = new TableAssembler();
    asm.addPage(earlier); asm.addPage(next);
    const tables = asm.finish().tables;
    expect(tables.map(t => [t.title, t.pages, t.rows.length])).toEqual([['一般公共预算基本支出预算表', [17], 1], ['一般公共预算机关运行经费支出预算表', [17, 18], 1]]);
    expect(tables[1]).toMatchObject({ org: '江苏省人大常委会办公厅', unit: '万元' });

    // Title and org line at the foot, the table's header and rows on the next page.
    const foot: PageContent = { ...earlier, runs: [...earlier.runs.slice(0, -1), run('财政拨款基本支出预算表', 150, 570, 20), run('部门：某局', 80, 650), run('单位：万元', 400, 650)] };
    const bodyOnly: PageContent = { ...next, runs: body(171) };
    const asm2 = new TableAssembler();
    asm2.addPage(foot); asm2.addPage(bodyOnly);
    expect(asm2.finish().tables.map(t => [t.title, t.pages, t.org])).toEqual([['一般公共预算基本支出预算表', [17], null], ['财政拨款基本支出预算表', [17, 18], '某局']]);
  });
});

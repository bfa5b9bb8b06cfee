import { describe, expect, it } from 'vitest';
import { TableAssembler } from '../../src/layout/assemble.js';
import type { PageContent, Rule, TextRun } from '../../src/model/page.js';

const run = (text: string, x0: number, top: number, size = 10): TextRun =>
  ({ text, x0, x1: x0 + size * [...text].length * 0.9, top, bottom: top + size, fontSize: size, fontName: 'f' });
const h = (y: number, x0: number, x1: number): Rule => ({ x0, x1, top: y, bottom: y, orientation: 'h' });
const v = (x: number, top: number, bottom: number): Rule => ({ x0: x, x1: x, top, bottom, orientation: 'v' });
const grid = (xs: number[], ys: number[]): Rule[] => [
  ...ys.map(y => h(y, xs[0], xs[xs.length - 1])), ...xs.map(x => v(x, ys[0], ys[ys.length - 1])),
];
const xs = [50, 150, 300, 360];
const page = (number: number, runs: TextRun[], rules: Rule[]): PageContent =>
  ({ number, width: 595, height: 842, runs, rules, textSource: 'pdf', textNote: null });

/** A form's indicator grid: title, header, one row whose cells wrap over three lines around its figure. */
const first = page(1, [
  run('项目支出绩效目标表', 150, 40, 16),
  run('二级指标', 52, 82), run('三级指标', 152, 82), run('分值', 302, 82),
  run('数量指标', 52, 110), run('采购批次', 152, 110), run('30', 302, 110),
  run('页脚 1', 280, 800),
], grid(xs, [75, 100, 130]));

describe('a ruled table cut by a page break', () => {
  it('keeps the top lines of the first row on the next page in that row, not in a header', () => {
    // The row's band runs from the grid's top rule; its cells wrap above and below the figure line.
    const second = page(2, [
      run('社会效', 52, 72), run('保障单位日', 152, 72),
      run('益指标', 52, 84), run('常工作正常', 152, 84), run('20', 302, 84),
      run('运转', 152, 96),
    ], grid(xs, [65, 110]));
    const asm = new TableAssembler();
    asm.addPage(first); asm.addPage(second);
    const [table] = asm.finish().tables;
    expect(table.pages).toEqual([1, 2]);
    expect(table.rows.map(r => r.cells)).toEqual([['数量指标', '采购批次', '30'], ['社会效益指标', '保障单位日常工作正常运转', '20']]);
  });

  it('does not take the heading and prose of the next page, drawn without rules, as its rows', () => {
    const prose = page(2, [
      run('（五）其他需说明的事项', 100, 78, 15),
      run('本单位上年结转结余资金涉及项目数 3 个，涉及的预算资金数为', 100, 107, 15),
      run('96.62 万元。', 70, 136, 15),
    ], []);
    const asm = new TableAssembler();
    asm.addPage(first); asm.addPage(prose);
    const { tables, prose: text } = asm.finish();
    expect(tables).toHaveLength(1);
    expect(tables[0]!.pages).toEqual([1]);
    expect(tables[0]!.rows.map(r => r.cells)).toEqual([['数量指标', '采购批次', '30']]);
    expect(text.map(p => p.text).join('')).toContain('96.62');
  });
});

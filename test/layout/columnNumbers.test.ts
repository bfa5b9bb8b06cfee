import { describe, expect, it } from 'vitest';
import { isAnchorLine, isColumnNumberLine } from '../../src/layout/anchors.js';
import { TableAssembler } from '../../src/layout/assemble.js';
import { DEFAULT_LAYOUT } from '../../src/layout/settings.js';
import { toLines } from '../../src/layout/textLines.js';
import type { Rule, TextRun } from '../../src/model/page.js';

const run = (text: string, x0: number, top: number, size = 10): TextRun =>
  ({ text, x0, x1: x0 + size * [...text].length * 0.9, top, bottom: top + size, fontSize: size, fontName: 'f' });
const line = (...pieces: string[]) => toLines(pieces.map((t, i) => run(t, 50 + 60 * i, 100)), DEFAULT_LAYOUT)[0];
const h = (y: number, x0: number, x1: number): Rule => ({ x0, x1, top: y, bottom: y, orientation: 'h' });
const v = (x: number, top: number, bottom: number): Rule => ({ x0: x, x1: x, top, bottom, orientation: 'v' });
const grid = (xs: number[], ys: number[]): Rule[] => [
  ...ys.map(y => h(y, xs[0], xs[xs.length - 1])), ...xs.map(x => v(x, ys[0], ys[ys.length - 1])),
];

describe('the column-number line under a header (栏次)', () => {
  it('is told from a data row', () => {
    expect(isColumnNumberLine(line('**', '**', '**', '1', '2', '3'))).toBe(true);
    expect(isColumnNumberLine(line('栏次', '1', '2', '3'))).toBe(true);
    expect(isColumnNumberLine(line('甲', '乙', '1', '2=3+4', '3', '4'))).toBe(true);
    expect(isColumnNumberLine(line('1', '2', '3', '4'))).toBe(true);
    expect(isAnchorLine(line('**', '**', '1', '2', '3'))).toBe(false);
    // a row with a label, a code or amounts is data
    expect(isColumnNumberLine(line('合计', '1', '2', '3'))).toBe(false);
    expect(isColumnNumberLine(line('201', '40', '01', '行政运行', '1,517.95'))).toBe(false);
    expect(isColumnNumberLine(line('**', '3', '2', '1'))).toBe(false);
  });

  it('numbers the columns and is not read as a row (changsha-petitions-bureau-2026 p.13 layout)', () => {
    const xs = [40, 70, 100, 130, 250, 330, 410];
    const runs = [run('表1', 40, 20), run('部门收入总体情况表', 150, 40, 16), run('单位：万元', 400, 70),
      run('类', 45, 92), run('款', 75, 92), run('项', 105, 92), run('功能科目', 150, 92), run('合计', 260, 92), run('财政拨款', 340, 92),
      run('**', 45, 112), run('**', 75, 112), run('**', 105, 112), run('**', 150, 112), run('1', 280, 112), run('2', 360, 112),
      run('合计', 150, 132), run('1,935.36', 260, 132), run('1,935.36', 340, 132),
      run('201', 42, 152), run('一般公共服务支出', 132, 152), run('1,935.36', 260, 152), run('1,935.36', 340, 152),
      run('40', 75, 172), run('信访事务', 132, 172), run('1,935.36', 260, 172), run('1,935.36', 340, 172)];
    const asm = new TableAssembler();
    asm.addPage({ number: 13, width: 595, height: 842, runs, rules: grid(xs, [85, 105, 125, 145, 165, 185]), textSource: 'pdf', textNote: null });
    const [t] = asm.finish().tables;
    expect(t.columnPaths).toEqual([['类'], ['款'], ['项'], ['功能科目'], ['合计'], ['财政拨款']]);
    expect(t.columnNumbers).toEqual([null, null, null, null, '1', '2']);
    expect(t.rows.map(r => r.cells[3])).toEqual(['合计', '一般公共服务支出', '信访事务']);
  });

  it('a page number alone under the text of the next page is its footer, not a row of the table before', () => {
    const table = [run('表9', 40, 20), run('“三公”经费支出决算表', 150, 40, 16), run('单位：万元', 400, 70),
      run('项目', 45, 92), run('合计', 260, 92), run('因公出国（境）费', 340, 92),
      run('预算数', 45, 112), run('76.43', 260, 112), run('30.00', 340, 112)];
    const next = [run('第三部分', 226, 248, 20), run('部门决算情况说明', 73, 342, 20), run('14', 293, 783)];
    const asm = new TableAssembler();
    asm.addPage({ number: 15, width: 595, height: 842, runs: table, rules: [], textSource: 'pdf', textNote: null });
    asm.addPage({ number: 16, width: 595, height: 842, runs: next, rules: [], textSource: 'pdf', textNote: null });
    const [t] = asm.finish().tables;
    expect(t.rows.map(r => r.cells)).toEqual([['预算数', '76.43', '30.00']]);
  });
});

import { describe, expect, it } from 'vitest';
import { TableAssembler } from '../../src/layout/assemble.js';
import type { PageContent, TextRun } from '../../src/model/page.js';

const run = (text: string, x0: number, top: number, size = 10): TextRun =>
  ({ text, x0, x1: x0 + [...text].reduce((w, ch) => w + (ch < '\u0100' ? size / 2 : size), 0), top, bottom: top + size, fontSize: size, fontName: 'f' });
const tablesOf = (runs: TextRun[]) => {
  const asm = new TableAssembler();
  asm.addPage({ number: 1, width: 595, height: 842, runs, rules: [], textSource: 'pdf', textNote: null } as PageContent);
  return asm.finish().tables;
};

describe('a header of two stacked levels printed without rules', () => {
  it('keeps the upper level over the columns it spans (一般公共预算基本支出/合计)', () => {
    const [t] = tablesOf([
      run('表6', 40, 20), run('一般公共预算基本支出表', 150, 40, 16), run('单位：万元', 420, 70),
      run('科目编码', 40, 100), run('科目名称', 110, 100), run('一般公共预算基本支出', 300, 92),
      run('合计', 280, 110), run('人员经费', 350, 110), run('公用经费', 440, 110),
      run('301', 40, 140), run('工资福利支出', 110, 140), run('1,212.01', 270, 140), run('1,212.01', 350, 140),
      run('302', 40, 160), run('商品和服务支出', 110, 160), run('171.78', 280, 160), run('48.80', 360, 160), run('122.98', 440, 160),
    ]);
    expect(t.columnPaths).toEqual([['科目编码'], ['科目名称'], ['一般公共预算基本支出', '合计'],
      ['一般公共预算基本支出', '人员经费'], ['一般公共预算基本支出', '公用经费']]);
  });

  it('keeps 收入 and 支出 over 项目 | 预算数 on each side', () => {
    const [t] = tablesOf([
      run('表1', 40, 20), run('收支总体情况表', 150, 40, 16), run('单位：万元', 420, 70),
      run('收入', 100, 92), run('支出', 360, 92),
      run('项目', 40, 110), run('预算数', 200, 110), run('项目', 300, 110), run('预算数', 460, 110),
      run('一、财政拨款', 40, 140), run('3,385.08', 190, 140), run('一般公共服务支出', 300, 140), run('3,045.16', 450, 140),
      run('二、事业收入', 40, 160), run('10.00', 205, 160), run('教育支出', 300, 160), run('350.00', 460, 160),
    ]);
    expect(t.columnPaths).toEqual([['收入', '项目'], ['收入', '预算数'], ['支出', '项目'], ['支出', '预算数']]);
  });
});

import { describe, expect, it } from 'vitest';
import { TableAssembler } from '../../src/layout/assemble.js';
import type { PageContent, Rule, TextRun } from '../../src/model/page.js';

const run = (text: string, x0: number, top: number, size = 10): TextRun =>
  ({ text, x0, x1: x0 + size * [...text].length, top, bottom: top + size, fontSize: size, fontName: 'f' });
const h = (y: number, x0: number, x1: number): Rule => ({ x0, x1, top: y, bottom: y, orientation: 'h' });
const v = (x: number, top: number, bottom: number): Rule => ({ x0: x, x1: x, top, bottom, orientation: 'v' });

/**
 * A form: header and two indicator rows drawn in three columns, then a 年度目标 row whose text cell spans
 * columns 2–3 (the boundary at x=250 is not drawn there). Its lines come as runs cut wherever the
 * exporter cut them, some across the undrawn boundary.
 */
function formPage(goalRuns: TextRun[]): PageContent {
  const runs = [
    run('绩效目标表', 150, 40, 16),
    run('指标', 52, 82), run('指标值', 152, 82), run('分值', 252, 82),
    run('数量', 52, 107), run('≥4次', 152, 107), run('50', 252, 107),
    run('质量', 52, 132), run('=100%', 152, 132), run('50', 252, 132),
    run('年度目标', 52, 160), ...goalRuns,
  ];
  const rules = [h(75, 50, 350), h(100, 50, 350), h(125, 50, 350), h(150, 50, 350), h(200, 50, 350),
    v(50, 75, 200), v(150, 75, 200), v(350, 75, 200), v(250, 75, 150)];
  return { number: 1, width: 595, height: 842, runs, rules, textSource: 'pdf', textNote: null };
}

const goalRow = (page: PageContent): string[] => {
  const asm = new TableAssembler();
  asm.addPage(page);
  const [table] = asm.finish().tables;
  return table!.rows.find(r => r.cells[0] === '年度目标')!.cells;
};

describe('a merged cell whose lines run across a boundary it spans', () => {
  it('is read line by line across the span, not column strip by column strip', () => {
    // Line 1: "完成采购四批次，" (152–232) + "验收合格" (234–274, past the undrawn boundary at 250); line 2: "率达到百分之百。".
    const cells = goalRow(formPage([run('完成采购四批次，', 152, 160), run('验收合格', 234, 160), run('率达到百分之百。', 152, 174)]));
    expect(cells.slice(1)).toEqual(['完成采购四批次，验收合格率达到百分之百。', '']);
  });

  it('keeps text standing apart in its columns where it is', () => {
    const cells = goalRow(formPage([run('保障运行', 152, 160), run('备注', 300, 160)]));
    expect(cells.slice(1)).toEqual(['保障运行', '备注']);
  });
});

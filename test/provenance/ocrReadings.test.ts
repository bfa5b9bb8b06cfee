import { describe, expect, it } from 'vitest';
import { classifyTable } from '../../src/classify/index.js';
import { TableAssembler } from '../../src/layout/assemble.js';
import type { PageContent, Rule, TextRun } from '../../src/model/page.js';
import { linesToRuns } from '../../src/ocr/words.js';
import { repairByArithmetic } from '../../src/validate/ocrRepair.js';
import { expenditureTable, makeDoc } from '../validate/fixtures.js';

const run = (text: string, x0: number, top: number, confidence?: number): TextRun =>
  ({ text, x0, x1: x0 + 9 * [...text].length, top, bottom: top + 10, fontSize: 10, fontName: 'ocr', ...(confidence === undefined ? {} : { confidence }) });
const h = (y: number, x0: number, x1: number): Rule => ({ x0, x1, top: y, bottom: y, orientation: 'h' });
const v = (x: number, top: number, bottom: number): Rule => ({ x0: x, x1: x, top, bottom, orientation: 'v' });

describe('cells read by OCR', () => {
  it('start from runs that keep their words\' lowest confidence', () => {
    const w = (text: string, x0: number, confidence: number) => ({ text, x0, x1: x0 + 20, top: 100, bottom: 120, confidence });
    const runs = linesToRuns([{ words: [w('一', 0, 93), w('般', 22, 58.5), w('公共', 44, 88)] }], [], 2);
    expect(runs.map(r => [r.text, r.confidence])).toEqual([['一般公共', 58.5]]);
  });

  it('carry the lowest confidence of their words, and boxes from the OCR runs', () => {
    const xs = [50, 100, 200, 300], ys = [105, 125, 145, 165];
    const rules = [...ys.map(y => h(y, 50, 300)), ...xs.map(x => v(x, 105, 165))];
    const page: PageContent = {
      number: 4, width: 595, height: 842, rules, textSource: 'ocr', textNote: null,
      runs: [run('表1', 50, 40, 95), run('单位支出总体情况表', 120, 60, 91), run('单位：万元', 220, 90, 88),
        run('科目编码', 52, 112, 90), run('科目名称', 102, 112, 93), run('合计', 202, 112, 96),
        run('201', 52, 132, 97), run('一般公共', 102, 132, 80), run('服务支出', 140, 132, 62), run('10.00', 250, 132, 71.25),
        run('合计', 102, 152, 99), run('10.00', 250, 152, 88)],
    };
    const asm = new TableAssembler();
    asm.addPage(page);
    const table = classifyTable(asm.finish().tables[0], '万元');
    const row = table.rows[0];
    expect(row.cells).toEqual(['201', '一般公共服务支出', '10.00']);
    expect(row.ocr).toEqual([{ confidence: 97, original: null }, { confidence: 62, original: null }, { confidence: 71.3, original: null }]);
    expect(row.boxes).toEqual([[52, 132, 79, 142], [102, 132, 176, 142], [250, 132, 295, 142]]);
  });

  it('keep the reading an ocr_repair replaced', () => {
    // 行政运行's 合计 is printed 21.00 (its parts and parents agree) but was read as 27.00 (7 for 1).
    const doc = makeDoc([expenditureTable({ 2010301: 27 })]);
    doc.pages = [{ number: 3, text_source: 'ocr' }];
    const t = doc.tables[0];
    const set = (r: number, vals: number[]) => { t.rows[r].records[0].amounts = { '支出预算/合计': vals[0], '支出预算/基本支出': vals[1], '支出预算/项目支出': vals[2] }; };
    set(0, [31, 21, 10]); set(1, [31, 21, 10]); set(7, [36, 26, 10]);
    t.rows[2].records[0].amounts['支出预算/基本支出'] = 21;
    for (const r of t.rows) {
      r.cells = t.columns.map(c => { const a = r.records[0].amounts[c.path.join('/')]; return a === undefined ? '' : a.toFixed(2); });
      r.ocr = r.cells.map(c => (c ? { confidence: 90, original: null } : null));
    }
    const { document } = repairByArithmetic(doc);
    const repaired = document.tables[0].rows[2];
    expect(repaired.cells[0]).toBe('21.00');
    expect(repaired.ocr![0]).toEqual({ confidence: 90, original: '27.00' });
    expect(repaired.ocr![1]).toEqual({ confidence: 90, original: null });
    expect(doc.tables[0].rows[2].ocr![0]!.original).toBeNull(); // the input is left as it was
  });
});

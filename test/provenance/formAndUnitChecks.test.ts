/**
 * Checks of the performance forms and of a table's unit point where the page prints what they are about:
 * the form's figures (a staff figure among the words of its goal text too) and the table's 单位：万元 —
 * measured with pdf.js (pdfGlyphs), not taken from the JSON.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { OutputDocumentSchema, type OutputDocument } from '../../src/model/document.js';
import { PerformanceFormSchema } from '../../src/model/forms.js';
import { extractDocument } from '../../src/pipeline.js';
import { cellFigures } from '../../src/layout/cells.js';
import { DEFAULT_LAYOUT } from '../../src/layout/settings.js';
import { formStaffChecks, UNPLACED_STAFF_FIGURE } from '../../src/validate/rules/formStaff.js';
import { formFunds } from '../../src/validate/rules/forms.js';
import { unitScale } from '../../src/validate/rules/units.js';
import { defaultValidationSettings } from '../../src/validate/settings.js';
import { viewDocument } from '../../src/validate/tables.js';
import { baselines, inBox } from './pdfGlyphs.js';

const pdf = (): Uint8Array => new Uint8Array(readFileSync(new URL('../../samples/atushi-2024-grid.pdf', import.meta.url)));
const context = (doc: OutputDocument) => ({ doc, views: viewDocument(doc), settings: defaultValidationSettings });

/** Whether pdf.js prints text holding `needle` on `page` with its baseline inside `box`. */
async function printedIn(page: number, needle: string, box: readonly number[]): Promise<boolean> {
  const { items } = await baselines(pdf(), page);
  const hits = items.filter(i => i.text.replace(/\s/g, '').includes(needle));
  expect(hits.length, `"${needle}" printed on page ${page}`).toBeGreaterThan(0);
  return hits.some(i => inBox(i.start, box) && inBox(i.end, box));
}

describe('form and unit checks carry the page and box of what they check', () => {
  let doc: OutputDocument;
  beforeAll(async () => { doc = (await extractDocument(pdf(), 'atushi-2024-grid.pdf', { ocr: null })).document; }, 600_000);

  it('the failing form_weights of the 整体 form boxes its printed weights, each a cell', async () => {
    const check = doc.checks.find(c => c.rule === 'form_weights' && c.status === 'fail')!;
    expect(check.actual).toBe(90);
    expect(check.page).toBe(33);
    expect(check.cells!.length).toBe(5);
    for (const cell of check.cells!) {
      expect(doc.tables[cell.table]!.rows.find(r => r.index === cell.row)!.cells[cell.column]!.trim()).toBe('18');
      expect(await printedIn(cell.page, '18', cell.bbox!)).toBe(true);
    }
    expect(await printedIn(33, '18', check.bbox!)).toBe(true);
  });

  it('a form whose total no longer matches its sources fails form_funds at the printed total', async () => {
    const changed: OutputDocument = structuredClone(doc);
    const k = changed.forms.findIndex(f => f.funds.total !== null && f.funds.total_at);
    const form = changed.forms[k]!;
    const printed = form.funds.total!;
    form.funds.total = printed + 1;
    const check = formFunds(context(changed)).find(c => c.status === 'fail')!;
    expect(check.table).toContain(form.project.name ?? form.project.department!);
    expect(check.page).toBe(form.funds.total_at!.page);
    expect(check.cells![0]).toMatchObject({ role: 'total', page: check.page, bbox: check.bbox });
    expect(check.cells!.filter(c => c.role === 'part').length).toBe(form.funds.sources.length);
    expect(await printedIn(check.page!, printed.toFixed(2), check.bbox!)).toBe(true);
  });

  it('form_staff is on the form\'s page, boxed by the figure its goal text prints, and its cell is the goal cell', async () => {
    const staff = doc.checks.filter(c => c.rule === 'form_staff');
    // The 整体 form states 编制数 71, 实有人数 95, 科室数 11 (the text: 74, 98, 10) and 退休 32 (as the text).
    expect(staff.map(c => [c.column, c.actual, c.status])).toEqual(expect.arrayContaining([
      ['编制数', 71, 'fail'], ['实有人数', 95, 'fail'], ['科室数', 11, 'fail'], ['退休人数', 32, 'pass']]));
    const { items } = await baselines(pdf(), 33);
    const boxes: Record<string, readonly number[]> = {};
    for (const check of staff) {
      const figure = String(check.actual);
      expect(check.page).toBe(33);
      expect(check.bbox, `${check.column} has a box`).not.toBeNull();
      expect(check.cells).toEqual([expect.objectContaining({ role: 'total', page: 33, bbox: check.bbox })]);
      const cell = check.cells![0]!;
      const row = doc.tables[cell.table]!.rows.find(r => r.index === cell.row)!;
      // The cell is the goal text's cell holding the figure, and the box lies inside it.
      expect(row.cells[cell.column]).toMatch(new RegExp(`(^|\\D)${figure}(\\D|$)`));
      const cellBox = row.boxes![cell.column]!;
      expect(check.bbox![0]).toBeGreaterThanOrEqual(cellBox[0]); expect(check.bbox![2]).toBeLessThanOrEqual(cellBox[2]);
      expect(check.bbox![1]).toBeGreaterThanOrEqual(cellBox[1]); expect(check.bbox![3]).toBeLessThanOrEqual(cellBox[3]);
      // pdf.js prints the figure in a line of words: the box is on that line, within its ends, and the
      // width of the figure's digits (not the line's).
      const line = items.find(i => i.text.includes(figure) && i.start[0] <= check.bbox![0] + 1 && i.end[0] >= check.bbox![2] - 1 &&
        i.start[1] >= check.bbox![1] && i.start[1] <= check.bbox![3] + 1);
      expect(line, `a printed line holding ${figure} under its box`).toBeDefined();
      const height = check.bbox![3] - check.bbox![1];
      expect(check.bbox![2] - check.bbox![0]).toBeLessThanOrEqual(figure.length * height * 0.75);
      expect(line!.end[0] - line!.start[0]).toBeGreaterThan(4 * (check.bbox![2] - check.bbox![0]));
      boxes[figure] = check.bbox!;
    }
    // Figures on one printed line are boxed in the order it prints them: 下设 11 个科室，编制数 71人，实有人数 95 人.
    expect(boxes['11']![0]).toBeLessThan(boxes['71']![0]);
    expect(boxes['71']![0]).toBeLessThan(boxes['95']![0]);
  });

  it('a form written before staff figures kept their place still checks them, unboxed, and says why', () => {
    const old: OutputDocument = structuredClone(doc);
    for (const f of old.forms) delete f.staff;
    expect(OutputDocumentSchema.safeParse(old).success).toBe(true);
    const prose = [{ page: 5, text: '下设 10 个科室，编制数 74 人，实有人数 98 人，退休 32 人。' }];
    const checks = formStaffChecks(context(old), prose);
    expect(checks.map(c => [c.column, c.actual, c.expected])).toEqual(expect.arrayContaining([['编制数', 71, 74], ['退休人数', 32, 32]]));
    for (const c of checks) {
      expect(c.bbox).toBeNull();
      expect(c.cells).toEqual([]);
      expect(c.message).toContain('was not recorded');
    }
  });

  it('a staff figure read by OCR keeps no box, and its check says so', () => {
    // The layout stage places no figure among OCR'd words: the run joins OCR words and mends their text.
    const run = { x0: 100, top: 300, x1: 300, bottom: 310, text: '下设 11 个科室，编制数 71人', fontSize: 10, fontName: 'f' };
    const text = '下设 11 个科室，编制数 71人';
    expect(cellFigures([run], text, DEFAULT_LAYOUT)!.map(f => f.text)).toEqual(['11', '71']);
    expect(cellFigures([{ ...run, confidence: 91 }], text, DEFAULT_LAYOUT)).toBeNull();
    // A form on a page read by OCR: form_staff says why its figure has no box.
    const scanned: OutputDocument = structuredClone(doc);
    for (const p of scanned.pages) if (p.number === 33) p.text_source = 'ocr';
    for (const f of scanned.forms) for (const st of f.staff ?? []) st.at = null;
    const checks = formStaffChecks(context(scanned), [{ page: 5, text: '编制数 74 人' }]);
    expect(checks.length).toBe(1);
    expect(checks[0]).toMatchObject({ page: 33, bbox: null, cells: [] });
    expect(checks[0]!.message).toContain(UNPLACED_STAFF_FIGURE.ocr);
  });

  it('a table read in the wrong unit fails unit_scale at its printed 单位：万元', async () => {
    const changed: OutputDocument = structuredClone(doc);
    const i = changed.tables.findIndex(t => t.number === '表3');
    expect(changed.tables[i]!.unit).toBe('万元');
    changed.tables[i]!.unit = '元';
    const failed = unitScale(context(changed)).filter(c => c.status === 'fail');
    expect(failed.map(c => c.table)).toEqual(['表3']);
    const [check] = failed;
    expect(check!.page).toBe(changed.tables[i]!.pages[0]);
    expect(check!.bbox).toEqual(changed.tables[i]!.unit_at!.bbox);
    expect(await printedIn(check!.page!, '万元', check!.bbox!)).toBe(true);
  });

  it('forms written before positions were recorded still read', () => {
    const old = structuredClone(doc.forms[0]!) as Record<string, unknown> & typeof doc.forms[0];
    delete (old.funds as { total_at?: unknown }).total_at;
    for (const s of old.funds.sources) delete s.at;
    for (const ind of old.indicators) delete ind.weight_at;
    delete old.staff;
    expect(PerformanceFormSchema.safeParse(old).success).toBe(true);
  });
});

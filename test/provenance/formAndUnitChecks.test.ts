/**
 * Checks of the performance forms and of a table's unit point where the page prints what they are about:
 * the form's figures and the table's 单位：万元 — measured with pdf.js (pdfGlyphs), not taken from the JSON.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { OutputDocument } from '../../src/model/document.js';
import { PerformanceFormSchema } from '../../src/model/forms.js';
import { extractDocument } from '../../src/pipeline.js';
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
    expect(PerformanceFormSchema.safeParse(old).success).toBe(true);
  });
});

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { checkCommand } from '../../src/cli/checkCommand.js';
import { readOutputDocument } from '../../src/dataset/readInputs.js';
import { mergeCommand } from '../../src/cli/mergeCommand.js';
import { writeOutputs } from '../../src/emit/writeOutputs.js';
import { columnKey, parseAmount } from '../../src/model/amounts.js';
import { DebugDocumentSchema } from '../../src/model/debug.js';
import { OutputDocumentSchema, type OutputDocument } from '../../src/model/document.js';
import { extractDocument, type ExtractResult } from '../../src/pipeline.js';
import { checkOutputJson } from '../../src/validate/index.js';
import { baselines, inBox } from './pdfGlyphs.js';

const gridPdf = (): Uint8Array => new Uint8Array(readFileSync(new URL('../../samples/atushi-2024-grid.pdf', import.meta.url)));

/** The same document as a file of schema_version 1 would hold it: none of the provenance fields. */
function asVersion1(doc: OutputDocument): unknown {
  const v1 = JSON.parse(JSON.stringify(doc));
  v1.schema_version = 1;
  for (const p of v1.pages) { delete p.width; delete p.height; }
  for (const t of v1.tables) { delete t.regions; for (const r of t.rows) { delete r.boxes; delete r.ocr; } }
  for (const c of v1.checks) { delete c.cells; delete c.bbox; }
  return v1;
}

describe('checks say which printed cells they are about; --debug keeps the layout decisions', () => {
  let result: ExtractResult;
  beforeAll(async () => { result = await extractDocument(gridPdf(), 'atushi-2024-grid.pdf', { ocr: null, debug: true }); }, 600_000);
  const doc = (): OutputDocument => result.document;
  const cellText = (c: { table: number; row: number; column: number }): string =>
    doc().tables[c.table].rows.find(r => r.index === c.row)!.cells[c.column];

  it('sum checks list their printed total first, then the figures that add up to the expected value', () => {
    const rules = new Set(['row_sum', 'code_sum', 'project_sum', 'total_sum', 'side_sum', 'three_public_sum']);
    const sums = doc().checks.filter(c => rules.has(c.rule) && c.status !== 'skip');
    expect(sums.length).toBeGreaterThan(200);
    const value = (cells: { table: number; row: number; column: number }[]): number => cells.reduce((s, p) => s + (parseAmount(cellText(p)) ?? 0), 0);
    for (const c of sums) {
      const [total] = c.cells!;
      const parts = c.cells!.filter(x => x.role === 'part');
      expect(Math.abs(value(c.cells!.filter(x => x.role === 'total')) - c.actual!), `${c.rule} ${c.message}`).toBeLessThan(0.005);
      const table = doc().tables[total.table];
      expect(total).toMatchObject({ role: 'total', row: c.row, page: c.page });
      expect(columnKey(table.columns[total.column])).toBe(c.column);
      expect(c.bbox).toEqual(table.rows.find(r => r.index === c.row)!.boxes![total.column]);
      expect(parts.length).toBeGreaterThan(0);
      expect(parts.every(p => p.role === 'part' && p.bbox !== null)).toBe(true);
      expect(Math.abs(value(parts) - c.expected!), `${c.rule} ${c.message}`).toBeLessThan(0.005);
    }
  });

  it('every table rule check naming a row has cells; cross-table checks reach into the other tables', () => {
    for (const c of doc().checks.filter(c => c.row !== null && c.table !== null && !c.rule.startsWith('prose'))) {
      expect(c.cells!.length, `${c.rule}: ${c.message}`).toBeGreaterThan(0);
    }
    const cross = doc().checks.filter(c => c.rule === 'cross_table' && c.status === 'pass');
    expect(cross.length).toBeGreaterThan(0);
    for (const c of cross) expect(new Set(c.cells!.map(x => x.table)).size).toBeGreaterThan(1);
    // 表4 names code 234 otherwise than 表1: both rows' label cells are outlined.
    const named = doc().checks.find(c => c.rule === 'code_name' && c.status === 'fail')!;
    expect(named.cells!.map(x => cellText(x))).toEqual(expect.arrayContaining(['234 抗疫特别国债还本支出', '234 抗疫特别国债安排的支出']));
  });

  it('a prose check is boxed by the printed line holding its figure (2.77% on page 21)', async () => {
    const share = doc().checks.find(c => c.rule === 'prose_share' && c.status === 'fail')!;
    expect(share.actual).toBe(2.77);
    const { items } = await baselines(gridPdf(), share.page!);
    const printed = items.filter(i => i.text.includes('2.77'));
    expect(printed.length).toBeGreaterThan(0);
    expect(printed.some(i => inBox(i.start, share.bbox!) && inBox(i.end, share.bbox!))).toBe(true);
  });

  it('writes NAME.debug.json that validates, with each continuation decision and its reason', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'bt-debug-'));
    await writeOutputs(doc(), dir, 'grid', { debug: result.debug });
    const debug = DebugDocumentSchema.parse(JSON.parse(await readFile(path.join(dir, 'grid.debug.json'), 'utf8')));
    expect(debug.pages.map(p => p.number)).toEqual(doc().pages.map(p => p.number));
    const continued = debug.continuations.filter(d => d.decision === 'continue');
    expect(continued.length).toBeGreaterThan(0);
    for (const d of continued) {
      expect(d.reason.length).toBeGreaterThan(10);
      expect(d.from!.table).toBe(d.to.table);
      expect(doc().tables[d.to.table].pages).toContain(d.to.page);
    }
    // Each table starts with a 'new' decision on its first page, and its fragments are recorded there.
    doc().tables.forEach((t, i) => {
      expect(debug.continuations.find(d => d.to.table === i)).toMatchObject({ decision: 'new', to: { page: expect.any(Number) } });
      expect(debug.pages.some(p => p.fragments.some(f => f.table === i && f.columns.length === t.columns.length + 1))).toBe(true);
    });
    const p10 = debug.pages.find(p => p.number === 10)!;
    expect(p10.rules.length).toBeGreaterThan(10);
    expect(p10.titleBlocks.find(b => b.accepted)?.text).toContain('单位支出总体情况表');
    expect(debug.pages.flatMap(p => p.titleBlocks).some(b => !b.accepted && b.reason)).toBe(true);
  });

  it('keeps no intermediates unless asked', async () => {
    const plain = await extractDocument(gridPdf(), 'atushi-2024-grid.pdf', { ocr: null });
    expect(plain.debug).toBeUndefined();
  }, 600_000);

  it('check and merge read a file of schema_version 1 as before', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'bt-v1-'));
    const v1 = asVersion1(doc());
    expect(OutputDocumentSchema.safeParse(v1).success).toBe(true);
    const v2 = checkOutputJson(JSON.parse(JSON.stringify(doc())));
    const old = checkOutputJson(v1);
    expect(old.schemaIssues).toEqual([]);
    expect(old.checks.map(c => [c.rule, c.status])).toEqual(v2.checks.map(c => [c.rule, c.status]));
    writeFileSync(path.join(dir, 'old.json'), JSON.stringify(v1));
    writeFileSync(path.join(dir, 'new.json'), JSON.stringify(doc()));
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      expect(await checkCommand([path.join(dir, 'old.json')])).toBe(await checkCommand([path.join(dir, 'new.json')]));
      expect(log.mock.calls.flat().join('\n')).toContain('old.json: schema ok');
      const read = await readOutputDocument(path.join(dir, 'old.json'));
      expect('doc' in read && read.doc.schema_version).toBe(1);
      expect(await mergeCommand([path.join(dir, 'old.json'), '--out', path.join(dir, 'dataset-old')])).toBe(0);
      expect(await mergeCommand([path.join(dir, 'new.json'), '--out', path.join(dir, 'dataset-new')])).toBe(0);
    } finally {
      log.mockRestore();
    }
    const cells = async (d: string) => readFile(path.join(dir, d, 'cells.csv'), 'utf8').catch(() => '');
    expect(await cells('dataset-old')).toBe(await cells('dataset-new'));
  }, 600_000);
});

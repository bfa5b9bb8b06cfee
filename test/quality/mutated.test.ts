/**
 * Seeded damage to real disclosures: every mutated copy that comes out with fewer pages, tables or amount
 * cells than the intact one is `degraded`, with a reason — none is silently ok.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { PdfOpenError } from '../../src/pdf/openDocument.js';
import { extractDocument, type ExtractResult } from '../../src/pipeline.js';
import { MUTATIONS, mutate, seededRandom } from '../batch/support/mutate.js';
import { firstPages, SAMPLE_B } from '../batch/support/pdfs.js';

const SEED = 1207;
const CASES = 80;
// One table per page numbered 公开01表…公开12表, and three unnumbered tables on three pages.
const NUMBERED = path.join(import.meta.dirname, '../../samples/real/jiangsu-provincial-cppcc-office-2018-dept-budget-tables.pdf');

let bases: { data: Uint8Array; intact: ExtractResult }[];
const extract = (data: Uint8Array) => extractDocument(data, 'mutated.pdf', { ocr: null });

beforeAll(async () => {
  const datas = [new Uint8Array(readFileSync(NUMBERED)), await firstPages(SAMPLE_B, 3)];
  bases = [];
  for (const data of datas) bases.push({ data, intact: await extract(data.slice()) });
}, 120_000);

it(`${CASES} damaged copies: whatever lost pages, tables or cells is degraded with its reason`, async () => {
  for (const b of bases) expect(b.intact.document.quality!.status).toBe('ok');
  const rand = seededRandom(SEED);
  let lost = 0, unreadable = 0;
  for (let i = 0; i < CASES; i++) {
    const base = bases[i % bases.length]!, kind = MUTATIONS[i % MUTATIONS.length]!;
    let r: ExtractResult;
    try { r = await extract(new Uint8Array(mutate(base.data, kind, rand))); } catch (err) {
      expect(err, `case ${i} ${kind}`).toBeInstanceOf(PdfOpenError); // unreadable as a whole: a failure, not a verdict
      unreadable++;
      continue;
    }
    const was = base.intact.counters, now = r.counters, q = r.document.quality!;
    const what = `case ${i} (${kind}): pages ${now.pages}/${was.pages}, tables ${now.tables}/${was.tables}, cells ${now.cells}/${was.cells}`;
    if (now.pages < was.pages || now.tables < was.tables || now.cells < was.cells) {
      lost++;
      expect(q.status, what).toBe('degraded');
      expect(q.reasons.length, what).toBeGreaterThan(0);
      for (const reason of q.reasons) expect(reason.message.length, what).toBeGreaterThan(0);
    }
    if (q.status === 'ok') expect(r.document.warnings.filter(w => /could not|cannot/.test(w.message)), what).toEqual([]);
  }
  expect(lost).toBeGreaterThan(5); // the mutations do cost content
  console.log(`mutated: ${lost} of ${CASES} lost content (all degraded), ${unreadable} unreadable`);
}, 900_000);

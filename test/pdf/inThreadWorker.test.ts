/**
 * The in-thread parser on our own port (chunks of operator lists and text content handed over without a
 * deep copy) gives what pdf.js's own in-thread worker gives: the same text items and operator lists on
 * every page, including pages whose lists come in several chunks (the parser empties its arrays after
 * sending each one); the same failures for a damaged file; the same outcome for reads pending when the
 * document is destroyed. openDocument gives a text-only document its own such worker and ends it with it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { destroyWithDocument, inThreadWorker } from '../../src/pdf/inThreadWorker.js';
import { loadInThreadParser, pdfjs } from '../../src/pdf/pdfjsLoaded.js';
import { mutate, seededRandom } from '../batch/support/mutate.js';

const REAL = path.join(import.meta.dirname, '../../samples/real');
const SAMPLES = ['jiangsu-provincial-high-court-2019-dept-budget.pdf', 'jiangsu-provincial-cppcc-office-2018-dept-budget-text.pdf'];
const OPTIONS = { isEvalSupported: false, maxImageSize: 0, useSystemFonts: false, disableFontFace: true, verbosity: 0 };

/** A document opened with pdf.js's own in-thread worker (`ours` false) or with inThreadWorker, and how to close it. */
async function open(data: Uint8Array, ours: boolean): Promise<{ doc: pdfjs.PDFDocumentProxy; close(): Promise<void> }> {
  await loadInThreadParser();
  const worker = ours ? await inThreadWorker(0) : null;
  try {
    const doc = await pdfjs.getDocument({ data: data.slice(), ...OPTIONS, ...(worker ? { worker: worker.pdfWorker } : {}) }).promise;
    return { doc, close: async () => { await doc.destroy(); worker?.destroy(); } };
  } catch (err) {
    worker?.destroy();
    throw err;
  }
}

/** A page's reading as text: typed arrays named as such, pdf.js's document-numbered font ids (g_d0_f1) without the document's number. */
const canonical = (value: unknown): string => JSON.stringify(value, (_key, v: unknown) =>
  ArrayBuffer.isView(v) ? { [v.constructor.name]: Array.from(v as unknown as ArrayLike<number>) }
    : v).replace(/\bg_d\d+_/g, 'g_d_');

async function readAll(data: Uint8Array, ours: boolean): Promise<string[]> {
  const { doc, close } = await open(data, ours);
  const pages: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const text = await page.getTextContent({ disableNormalization: true });
    const ops = await page.getOperatorList();
    pages.push(canonical({ text, fnArray: ops.fnArray, argsArray: ops.argsArray }));
    page.cleanup();
  }
  await close();
  return pages;
}

it.each(SAMPLES)('reads every page of %s as pdf.js\'s own in-thread worker does', async name => {
  const data = new Uint8Array(readFileSync(path.join(REAL, name)));
  const stock = await readAll(data, false);
  const ours = await readAll(data, true);
  expect(ours.length).toBe(stock.length);
  expect(ours.map((page, i) => page === stock[i] ? 'same' : `page ${i + 1} differs`)).toEqual(ours.map(() => 'same'));
  // several chunks per page were handed over: more operators than one chunk holds (pdf.js flushes at 1000), more items than one text batch (10)
  const most = (key: 'fnArray' | 'items') => Math.max(...ours.map(p => {
    const page = JSON.parse(p) as { fnArray: unknown[]; text: { items: unknown[] } };
    return (key === 'fnArray' ? page.fnArray : page.text.items).length;
  }));
  expect(most('fnArray')).toBeGreaterThan(1000);
  expect(most('items')).toBeGreaterThan(10);
});

const settled = (p: Promise<unknown>): Promise<string> =>
  p.then(v => `resolved ${JSON.stringify(v)}`, (e: Error) => `rejected ${e.name}: ${e.message}`);

/** How a promise has ended by now: its value or error, or 'pending'. */
async function outcome(p: Promise<unknown>): Promise<string> {
  let state = 'pending';
  p.then(v => { state = `resolved ${JSON.stringify(v)}`; }, (e: Error) => { state = `rejected ${e.name}: ${e.message}`; });
  for (let i = 0; i < 20; i++) await new Promise(r => setImmediate(r));
  return state;
}

it('fails on damaged copies as pdf.js\'s own in-thread worker does', async () => {
  const data = new Uint8Array(readFileSync(path.join(REAL, SAMPLES[0]!)));
  const rand = seededRandom(15);
  for (const kind of ['truncate', 'junk-range', 'flip-bytes'] as const) {
    const bad = mutate(data, kind, rand);
    const seen: string[][] = [];
    for (const mode of [false, true]) seen.push(await (async () => {
      try {
        const { doc, close } = await open(bad, mode);
        const got: string[] = [`opened ${doc.numPages}`];
        for (let n = 1; n <= doc.numPages; n++) {
          const page = await doc.getPage(n).catch((e: Error) => e);
          if (page instanceof Error) { got.push(`page ${n}: ${page.message}`); continue; }
          got.push(await settled(page.getTextContent().then(t => t.items.length)), await settled(page.getOperatorList().then(o => o.fnArray.length)));
        }
        await close();
        return got;
      } catch (err) {
        return [`unopened ${(err as Error).name}: ${(err as Error).message}`];
      }
    })());
    expect(seen[1], kind).toEqual(seen[0]);
  }
});

it('leaves reads pending at destroy() as pdf.js\'s own in-thread worker does', async () => {
  const data = new Uint8Array(readFileSync(path.join(REAL, SAMPLES[0]!)));
  const seen = [];
  for (const ours of [false, true]) {
    const { doc, close } = await open(data, ours);
    const page = await doc.getPage(3);
    const text = page.getTextContent().then(t => t.items.length);
    const ops = page.getOperatorList().then(o => o.fnArray.length);
    await new Promise(r => setImmediate(r));
    await close();
    seen.push([await outcome(text), await outcome(ops)]);
  }
  expect(seen[1]).toEqual(seen[0]);
});

it('a document given its worker destroys it with itself', async () => {
  await loadInThreadParser();
  const worker = await inThreadWorker(0);
  const doc = await pdfjs.getDocument({ data: new Uint8Array(readFileSync(path.join(REAL, SAMPLES[0]!))), ...OPTIONS, worker: worker.pdfWorker }).promise;
  destroyWithDocument(doc, worker);
  await doc.getPage(1);
  expect(worker.pdfWorker.destroyed).toBe(false);
  await doc.destroy();
  expect(worker.pdfWorker.destroyed).toBe(true);
});

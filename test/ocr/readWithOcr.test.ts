/**
 * Pages read past a page waiting for OCR: the text pages after it are read while it is being read (not
 * only the next few), pages come out in page order, and what OCR noted about a page comes out with it.
 */
import { readFileSync } from 'node:fs';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import type { Warning } from '../../src/model/document.js';
import { DRAWABLE_IDLE_PAGES, pagesWithText } from '../../src/ocr/readWithOcr.js';
import { zeroOcrCounters, type OcrPool } from '../../src/ocr/pool.js';
import { drawablePage, openDocument, type PdfDocument } from '../../src/pdf/openDocument.js';

// 23 pages; page 3 has no text layer (it draws only rules), every other page has one
const FILE = 'samples/real/shanghai-putuo-justice-bureau-2026-dept-budget.pdf';
const OCR_PAGE = 3;

/** Which pages reading has asked pdf.js for; `reached` resolves once page `n` was asked for, or after `ms`. */
function watchReading(doc: PdfDocument) {
  let last = 0;
  const waiting: { n: number; go: () => void }[] = [];
  const getPage = doc.getPage.bind(doc);
  doc.getPage = (n: number) => {
    last = Math.max(last, n);
    for (const w of waiting.filter(w => w.n <= last)) w.go();
    return getPage(n);
  };
  return {
    last: () => last,
    reached: (n: number, ms: number) => new Promise<void>(resolve => {
      if (last >= n) return resolve();
      const timer = setTimeout(resolve, ms);
      waiting.push({ n, go: () => { clearTimeout(timer); resolve(); } });
    }),
  };
}

describe('pagesWithText', () => {
  it('reads every text page past a page waiting for OCR, and keeps pages and their notes in order', async () => {
    const doc = await openDocument(new Uint8Array(readFileSync(FILE)), { textOnly: true });
    const reading = watchReading(doc);
    let lastAskedWhenOcrDone = 0;
    const pool: OcrPool = {
      async recognizePage(_page, n) {
        // held until reading has asked for the last page (were reading held too, the page is let go
        // after a minute and the assertion below fails)
        await reading.reached(doc.numPages, 60_000);
        lastAskedWhenOcrDone = reading.last();
        return { runs: [], rules: [], seconds: 0, skewDeg: 0, blank: false, corrections: [{ from: `读${n}`, to: `页${n}` }] };
      },
      counters: zeroOcrCounters,
      async close() { /* nothing to stop */ },
    };
    const warnings: Warning[] = [];
    const out: number[] = [];
    try {
      for await (const page of pagesWithText(doc, { ocr: pool, maxOcrPagesInFlight: 4, maxPagesAhead: 64 }, w => warnings.push(w))) {
        out.push(page.number);
        if (page.number === OCR_PAGE) {
          expect(page.textSource).toBe('ocr');
          // the page's OCR note is passed on before the page itself
          expect(warnings.map(w => w.page)).toEqual([OCR_PAGE]);
        }
      }
    } finally {
      await doc.destroy();
    }
    expect(out).toEqual(Array.from({ length: doc.numPages }, (_, i) => i + 1));
    expect(lastAskedWhenOcrDone).toBe(doc.numPages);
    expect(warnings.map(w => w.code)).toEqual(['ocr_phrase_corrected']);
  }, 600_000); // a guard against a hang only

  it('waits for OCR once too many pages are held behind it', async () => {
    const doc = await openDocument(new Uint8Array(readFileSync(FILE)), { textOnly: true });
    const reading = watchReading(doc);
    let lastAskedWhenOcrDone = 0;
    const pool: OcrPool = {
      async recognizePage() {
        // once the five pages after it are asked for, give reading many turns to go further than it may
        await reading.reached(OCR_PAGE + 5, 60_000);
        for (let turn = 0; turn < 5_000; turn++) await new Promise(r => setImmediate(r));
        lastAskedWhenOcrDone = reading.last();
        return { runs: [], rules: [], seconds: 0, skewDeg: 0, blank: false, corrections: [] };
      },
      counters: zeroOcrCounters,
      async close() { /* nothing to stop */ },
    };
    const out: number[] = [];
    try {
      for await (const page of pagesWithText(doc, { ocr: pool, maxOcrPagesInFlight: 4, maxPagesAhead: 5 }, () => undefined)) out.push(page.number);
    } finally {
      await doc.destroy();
    }
    expect(out).toEqual(Array.from({ length: doc.numPages }, (_, i) => i + 1));
    // page 3 and the five pages after it are held; reading stops there (the page reader may have two more in hand)
    expect(lastAskedWhenOcrDone).toBeGreaterThanOrEqual(OCR_PAGE + 5);
    expect(lastAskedWhenOcrDone).toBeLessThanOrEqual(OCR_PAGE + 7);
  }, 600_000); // a guard against a hang only

  /** The document with each drawable copy it opens counted, and a pool that only looks at what it is given. */
  async function counting(bytes: Uint8Array) {
    const doc = await openDocument(bytes, { textOnly: true });
    const seen = { copiesOpened: 0, drawnOps: 0 };
    // each drawable copy opened takes the document's bytes once
    const getData = doc.getData.bind(doc);
    doc.getData = () => { seen.copiesOpened++; return getData(); };
    const pool: OcrPool = {
      async recognizePage(page) {
        seen.drawnOps = (await page.getOperatorList()).fnArray.length;
        return { runs: [], rules: [], seconds: 0, skewDeg: 0, blank: false, corrections: [] };
      },
      counters: zeroOcrCounters,
      async close() { /* nothing to stop */ },
    };
    return { doc, seen, pool };
  }

  it('closes the drawable copy once enough text pages follow the last page drawn, and opens it again for the next', async () => {
    // a scanned page (its image needs the drawable copy) followed by the 22 text pages of FILE
    const made = await PDFDocument.create();
    const scan = await PDFDocument.load(readFileSync('samples/atushi-2024-scan.pdf'));
    const text = await PDFDocument.load(readFileSync(FILE));
    for (const p of await made.copyPages(scan, [0])) made.addPage(p);
    for (const p of await made.copyPages(text, text.getPageIndices().filter(i => i !== OCR_PAGE - 1))) made.addPage(p);
    const { doc, seen, pool } = await counting(await made.save());
    expect(doc.numPages - 1).toBeGreaterThanOrEqual(DRAWABLE_IDLE_PAGES);
    try {
      for await (const page of pagesWithText(doc, { ocr: pool, maxOcrPagesInFlight: 4, maxPagesAhead: 64 }, () => undefined)) void page;
      expect(seen.drawnOps).toBeGreaterThan(0);
      expect(seen.copiesOpened).toBe(1);
      // the copy was closed after the last text page: drawing a page again opens a new one
      const again = await drawablePage(doc, 1);
      expect((await again.getOperatorList()).fnArray.length).toBe(seen.drawnOps);
      expect(seen.copiesOpened).toBe(2);
      // while it is open, it is drawn from again
      await drawablePage(doc, 2);
      expect(seen.copiesOpened).toBe(2);
    } finally {
      await doc.destroy();
    }
  }, 600_000); // a guard against a hang only

  it('opens no drawable copy for a page that draws only rules', async () => {
    const { doc, seen, pool } = await counting(new Uint8Array(readFileSync(FILE)));
    try {
      for await (const page of pagesWithText(doc, { ocr: pool, maxOcrPagesInFlight: 4, maxPagesAhead: 64 }, () => undefined)) void page;
      expect(seen.drawnOps).toBeGreaterThan(0); // page 3 was drawn, from the document itself
      expect(seen.copiesOpened).toBe(0);
    } finally {
      await doc.destroy();
    }
  }, 600_000); // a guard against a hang only
});

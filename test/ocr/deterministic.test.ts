/**
 * OCR reads a page the same whichever engine of the pool reads it and whatever that engine read
 * before: an engine keeps its state (page segmentation mode, character whitelist, whatever tesseract
 * carries between images) from one page to the next, and pages go to whichever engine is free first,
 * so any such carry-over would make a document read differently from run to run. Nor does it depend on
 * how many engines share the page's reads (its bands, cells and words go to whichever is free).
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOcrPool, type OcrPageResult } from '../../src/ocr/index.js';
import { openDocument, type PdfDocument } from '../../src/pdf/openDocument.js';

// Page 15 of the scanned sample is table 7 (project expenditure: long names in wrapped cells, "（含…）");
// page 8 is table 2 (65 amounts, a turned scan), whose reading ends the engine in another mode.
const PAGE = 15, BEFORE = 8;

/** Everything the layout stage takes from a page: text, boxes, confidences and rules. */
const reading = (r: OcrPageResult): string[] => [
  ...r.runs.map(x => `${x.text} ${x.x0.toFixed(3)} ${x.top.toFixed(3)} ${x.x1.toFixed(3)} ${x.bottom.toFixed(3)} ${x.confidence ?? ''}`),
  ...r.rules.map(g => `rule ${g.x0.toFixed(3)} ${g.top.toFixed(3)} ${g.x1.toFixed(3)} ${g.bottom.toFixed(3)}`),
];

describe('OCR reading does not depend on the engine that reads the page', () => {
  let scan: PdfDocument;
  let fresh: OcrPageResult, afterOther: OcrPageResult, shared: OcrPageResult;

  beforeAll(async () => {
    scan = await openDocument(new Uint8Array(readFileSync('samples/atushi-2024-scan.pdf')));
    // One engine that has read nothing, one that read another page first.
    const a = createOcrPool({ workers: 1, pageTimeoutMs: 600_000 });
    const b = createOcrPool({ workers: 1, pageTimeoutMs: 600_000 });
    // Two engines reading two pages at once: each page's cells and words go to whichever is free.
    const c = createOcrPool({ workers: 2, pageTimeoutMs: 600_000 });
    try {
      fresh = await a.recognizePage(await scan.getPage(PAGE), PAGE);
      await b.recognizePage(await scan.getPage(BEFORE), BEFORE);
      afterOther = await b.recognizePage(await scan.getPage(PAGE), PAGE);
      [, shared] = await Promise.all([c.recognizePage(await scan.getPage(BEFORE), BEFORE), c.recognizePage(await scan.getPage(PAGE), PAGE)]);
      expect(c.counters().enginesStarted).toBe(2);
    } finally {
      await Promise.all([a.close(), b.close(), c.close()]);
    }
  }, 900_000); // a guard against a hang only

  afterAll(async () => { await scan?.destroy(); });

  it('reads a page on an engine that has read another page exactly as on a fresh engine', () => {
    expect(fresh.runs.length).toBeGreaterThan(50);
    expect(reading(afterOther)).toEqual(reading(fresh));
  });

  it('reads a page whose reads two engines share with another page exactly as one engine alone', () => {
    expect(reading(shared)).toEqual(reading(fresh));
  });
});

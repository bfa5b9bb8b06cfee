/** A document's OCR engine is stopped once idle for some pages, or after the last page, and started again when a page needs it. */
import { describe, expect, it } from 'vitest';
import { documentOcr, OCR_IDLE_PAGES } from '../../src/batch/processDocument.js';
import { zeroOcrCounters } from '../../src/ocr/pool.js';
import type { PdfPage } from '../../src/pdf/openDocument.js';

/** Pools that count the engines started and stopped and the pages each read. */
function fakePools() {
  const log = { started: 0, stopped: 0 };
  const make = () => {
    let pages = 0, running = false;
    return {
      pool: {
        recognizePage: async () => { if (!running) { running = true; log.started++; } pages++; return { runs: [], rules: [], seconds: 0, skewDeg: 0, blank: false, corrections: [] }; },
        counters: () => ({ ...zeroOcrCounters(), pages }),
        close: async () => undefined,
      },
      close: async () => { if (running) { running = false; log.stopped++; } },
    };
  };
  return { log, make };
}

const page = {} as PdfPage;

describe('documentOcr', () => {
  it('keeps the engine while pages need it, stops it after idle pages and at the last page, counting every page', async () => {
    const { log, make } = fakePools();
    const ocr = documentOcr(make);
    const pages = 3 * OCR_IDLE_PAGES;
    for (let n = 1; n <= pages; n++) {
      // pages 1-3 scanned, then text pages, then one scanned page near the end
      if (n <= 3 || n === pages - 1) await ocr.pool.recognizePage(page, n);
      ocr.pageDone(n, pages);
      if (n === 3) expect(log).toEqual({ started: 1, stopped: 0 }); // consecutive scanned pages share one engine
      if (n === 3 + OCR_IDLE_PAGES - 1) expect(log.stopped).toBe(0);
      if (n === 3 + OCR_IDLE_PAGES) expect(log.stopped).toBe(1);
    }
    expect(log).toEqual({ started: 2, stopped: 2 }); // the second engine stopped once the last page was read
    expect(ocr.pool.counters().pages).toBe(4);
    expect(ocr.enginesStopped).toBe(2);
    await ocr.close();
  });

  it('starts nothing for a document that needs no OCR', async () => {
    const { log, make } = fakePools();
    const ocr = documentOcr(make);
    for (let n = 1; n <= 50; n++) ocr.pageDone(n, 50);
    await ocr.close();
    expect(log).toEqual({ started: 0, stopped: 0 });
    expect(ocr.enginesStopped).toBe(0);
  });
});

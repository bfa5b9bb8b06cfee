import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OcrEngine, OcrEngineFactory } from '../../src/ocr/engine.js';
import { createOcrPool, lazyOcrPool, OcrPageError, OcrTimeoutError, type OcrPoolOptions } from '../../src/ocr/index.js';
import { pageLimitMs } from '../../src/ocr/pool.js';
import { DEFAULT_RESOLUTION_SETTINGS } from '../../src/ocr/render.js';
import type { OcrLine } from '../../src/ocr/words.js';
import { openDocument, type PdfDocument, type PdfPage } from '../../src/pdf/openDocument.js';

/** An engine that answers after `delayMs` (never, when null) and records what happened. */
function fakeEngines(delayMs: number | null, lines: OcrLine[] = []) {
  const log = { created: 0, terminated: 0, running: 0, maxRunning: 0, lineReads: 0, cellReads: 0, dpi: [] as number[], pageWidths: [] as number[], pageHeights: [] as number[] };
  const factory: OcrEngineFactory = async dpi => {
    log.created++; log.dpi.push(dpi);
    const engine: OcrEngine = {
      name: 'fake',
      async recognize(_image, mode) {
        if (mode === 'line') { log.lineReads++; return []; } // second look at crops: nothing found
        if (mode === 'block' || mode === 'digits') { log.cellReads++; return []; } // ruled cells read alone: nothing found
        log.pageWidths.push(_image.width); log.pageHeights.push(_image.height);
        log.running++; log.maxRunning = Math.max(log.maxRunning, log.running);
        try {
          if (delayMs === null) await new Promise(() => undefined);
          await new Promise(r => setTimeout(r, delayMs ?? 0));
          return lines;
        } finally { log.running--; }
      },
      async terminate() { log.terminated++; },
    };
    return engine;
  };
  return { factory, log };
}

describe('lazy OCR pool', () => {
  it('starts no pool when asked for its counters or closed, and one when a page needs it', async () => {
    let created = 0;
    const { factory } = fakeEngines(0);
    const create = (options: OcrPoolOptions) => { created++; return createOcrPool({ ...options, engine: factory }); };
    const lazy = lazyOcrPool({ workers: 1 }, create);
    expect(lazy.pool.counters()).toMatchObject({ pages: 0, enginesStarted: 0 });
    await lazy.close();
    expect(created).toBe(0);
    const again = lazyOcrPool({ workers: 1 }, create);
    const doc = await openDocument(new Uint8Array(readFileSync('samples/atushi-2024-scan.pdf')));
    try {
      await again.pool.recognizePage(await doc.getPage(7), 7);
      expect(created).toBe(1);
      expect(again.pool.counters()).toMatchObject({ pages: 1, enginesStarted: 1 });
    } finally {
      await again.close();
      await doc.destroy();
    }
  });
});

describe('OCR pool', () => {
  let doc: PdfDocument;
  let page: PdfPage;
  beforeAll(async () => {
    doc = await openDocument(new Uint8Array(readFileSync('samples/atushi-2024-scan.pdf')));
    page = await doc.getPage(7);
  });
  afterAll(async () => { await doc?.destroy(); });

  it('starts engines only when pages come, never more than `workers`, and closes them', async () => {
    const { factory, log } = fakeEngines(50, [{ words: [{ text: '94.12', x0: 100, top: 100, x1: 150, bottom: 120, confidence: 95 }] }]);
    // Read at the resolution asked for (print size left out: at 100 dpi the scan's print is small).
    const pool = createOcrPool({ workers: 2, dpi: 100, engine: factory, settings: { resolution: { ...DEFAULT_RESOLUTION_SETTINGS, minGlyphPx: 0 } } });
    expect(log.created).toBe(0);
    const results = await Promise.all([1, 2, 3].map(n => pool.recognizePage(page, n)));
    expect(log.created).toBe(2);
    expect(log.maxRunning).toBeLessThanOrEqual(2);
    expect(log.dpi).toEqual([100, 100]);
    expect(log.lineReads).toBeGreaterThan(0); // ink the fake engine did not cover got a second look
    expect(log.cellReads).toBeGreaterThan(0); // the table's inked cells were read one by one
    expect(results[0].runs).toEqual([expect.objectContaining({ text: '94.12', x0: 72, top: 72, x1: 108, bottom: 86.4 })]);
    expect(results[0].rules.length).toBeGreaterThan(10); // page 7 of the scan is a ruled table
    expect(results[0].seconds).toBeGreaterThan(0);
    expect(pool.counters()).toMatchObject({ pages: 3, failedPages: 0, enginesStarted: 2 });
    await pool.close();
    expect(log.terminated).toBe(2);
    await expect(pool.recognizePage(page, 4)).rejects.toThrow(/page 4.*closed/);
  }, 600_000); // a guard against a hang only

  it('shares a page among the engines there are: its cells are read by both at once, and no engine starts for them alone', async () => {
    let created = 0, reading = 0, most = 0;
    const cellModes = new Set<string>();
    const factory: OcrEngineFactory = async () => {
      created++;
      return {
        name: 'slow',
        async recognize(_image, mode) {
          if (mode !== 'page') cellModes.add(mode);
          reading++; most = Math.max(most, reading);
          try { await new Promise(r => setTimeout(r, 20)); return []; } finally { reading--; }
        },
        async terminate() { /* nothing to stop */ },
      };
    };
    const pool = createOcrPool({ workers: 2, dpi: 100, engine: factory, settings: { resolution: { ...DEFAULT_RESOLUTION_SETTINGS, minGlyphPx: 0 } } });
    // one page alone: its cells wait for the one engine its reading started
    await pool.recognizePage(page, 7);
    expect(cellModes.has('block')).toBe(true); // the page reading found nothing: its inked cells were read alone
    expect([created, most]).toEqual([1, 1]);
    // two pages at once start the second engine …
    await Promise.all([pool.recognizePage(page, 8), pool.recognizePage(page, 9)]);
    expect(created).toBe(2);
    // … which then reads a lone page's cells alongside the first
    most = 0;
    await pool.recognizePage(page, 10);
    expect(most).toBe(2);
    await pool.close();
    expect(pool.counters()).toMatchObject({ pages: 4, enginesStarted: 2 });
  }, 600_000); // a guard against a hang only

  it('renders a page whose print is small at the asked resolution again, finer, and one whose print is large enough once', async () => {
    // The scanned sample's print at 100 dpi is about half the height it has at 200 dpi.
    const { factory, log } = fakeEngines(0);
    const pool = createOcrPool({ workers: 1, dpi: 100, engine: factory });
    await pool.recognizePage(page, 1);
    expect(pool.counters().finerPages).toBe(1);
    const at100 = Math.ceil(page.getViewport({ scale: 100 / 72 }).width);
    expect(log.pageWidths[0]).toBeGreaterThan(at100 * 1.3);
    expect(log.pageWidths[0]).toBeLessThanOrEqual(Math.ceil(page.getViewport({ scale: DEFAULT_RESOLUTION_SETTINGS.maxDpi / 72 }).width));
    await pool.close();
    const again = fakeEngines(0);
    const at200 = createOcrPool({ workers: 1, dpi: 200, engine: again.factory });
    await at200.recognizePage(page, 1);
    expect(at200.counters().finerPages).toBe(0);
    expect(again.log.pageWidths[0]).toBe(Math.ceil(page.getViewport({ scale: 200 / 72 }).width));
    await at200.close();
  }, 600_000); // a guard against a hang only

  it('starts a slot\'s engine once the page shows ink, while small print is rendered again, and none for a page that cannot be rendered', async () => {
    const events: string[] = [];
    const { factory, log } = fakeEngines(0);
    const logged: OcrEngineFactory = async dpi => { events.push('engine asked'); const e = await factory(dpi); events.push('engine started'); return e; };
    /** The page, its drawing logged (or failing, when `fail`). */
    const watched = (fail: boolean): PdfPage => new Proxy(page, {
      get(target, key) {
        if (key !== 'render') return Reflect.get(target, key, target) as unknown;
        return (params: Parameters<PdfPage['render']>[0]) => {
          events.push('render asked');
          if (fail) throw new Error('cannot draw');
          const task = target.render(params);
          return { ...task, promise: task.promise.then(() => { events.push('rendered'); }) };
        };
      },
    });
    // at 100 dpi the scan's print is small: the page is rendered again, finer, while the engine starts
    const pool = createOcrPool({ workers: 1, dpi: 100, engine: logged });
    await pool.recognizePage(watched(false), 1);
    expect(events.filter(e => e === 'rendered')).toHaveLength(3); // a coarse first look, the base resolution, finer
    expect(events.indexOf('engine asked')).toBeGreaterThan(events.indexOf('rendered'));
    expect(events.indexOf('engine asked')).toBeLessThan(events.lastIndexOf('render asked'));
    expect(log.created).toBe(1);
    // the engine stays with its slot: the next page starts none
    await pool.recognizePage(watched(false), 2);
    expect(log.created).toBe(1);
    await pool.close();
    expect(log.terminated).toBe(1);

    events.length = 0;
    const failing = createOcrPool({ workers: 1, dpi: 100, engine: logged });
    await expect(failing.recognizePage(watched(true), 3)).rejects.toThrow(/page 3/);
    expect(events).toEqual(['render asked']);
    expect(log.created).toBe(1);
    expect(failing.counters()).toMatchObject({ pages: 0, failedPages: 1, enginesStarted: 0 });
    await failing.close();
    expect(log.terminated).toBe(1);
  }, 600_000); // a guard against a hang only

  it('gives the engine nothing of a page that shows only ruling lines, and starts none for it', async () => {
    // page 14 of this final account is an empty ruled row: no text, no image, only rules
    const bare = await openDocument(new Uint8Array(readFileSync('samples/real/shanghai-putuo-finance-bureau-2024-dept-final.pdf')));
    const { factory, log } = fakeEngines(0);
    const pool = createOcrPool({ workers: 1, dpi: 100, engine: factory });
    try {
      const blankPage = await bare.getPage(14);
      let draws = 0;
      const counted = new Proxy(blankPage, { get: (target, key) => key === 'render' ? (...a: Parameters<PdfPage['render']>) => { draws++; return target.render(...a); } : Reflect.get(target, key, target) as unknown });
      const r = await pool.recognizePage(counted, 14);
      expect(draws).toBe(1); // the coarse first look settled it: not drawn at full size
      expect(r).toMatchObject({ blank: true, runs: [], corrections: [] });
      expect(r.rules.filter(x => x.orientation === 'v').length).toBeGreaterThanOrEqual(8); // its cell walls
      expect(log.pageWidths).toEqual([]);
      expect(log.cellReads + log.lineReads).toBe(0);
      expect(log.created).toBe(0); // nothing to read: no engine started for it
      const scanned = await pool.recognizePage(page, 7);
      expect(scanned.blank).toBe(false);
      expect(log.pageWidths).toHaveLength(1);
      expect(log.created).toBe(1);
      expect(pool.counters()).toMatchObject({ pages: 2, blankPages: 1, enginesStarted: 1 });
    } finally {
      await pool.close();
      await bare.destroy();
    }
    expect(log.terminated).toBe(1);
  }, 600_000); // a guard against a hang only

  it('rejects a page that runs over its time limit with an error naming the page, and replaces its engine', async () => {
    const { factory, log } = fakeEngines(null);
    const pool = createOcrPool({ workers: 1, dpi: 72, pageTimeoutMs: 1500, pageTimeoutLoadStretch: 1, engine: factory });
    const err = await pool.recognizePage(page, 7).catch(e => e);
    expect(err).toBeInstanceOf(OcrTimeoutError);
    expect(err.message).toMatch(/^page 7: OCR did not finish within 1500 ms/);
    expect(log.terminated).toBe(1);
    expect(pool.counters()).toMatchObject({ timedOutPages: 1, failedPages: 1 });
    await pool.close();
  }, 600_000); // a guard against a hang only

  it('stretches the page limit with the load per core, within pageTimeoutLoadStretch', () => {
    const s = { pageTimeoutMs: 60_000, pageTimeoutLoadStretch: 4 };
    expect(pageLimitMs(s, 0.5, 2)).toBe(60_000);
    expect(pageLimitMs(s, 2, 2)).toBe(60_000);
    expect(pageLimitMs(s, 5, 2)).toBe(150_000);
    expect(pageLimitMs(s, 24, 2)).toBe(240_000);
    expect(pageLimitMs({ ...s, pageTimeoutLoadStretch: 1 }, 24, 2)).toBe(60_000);
  });

  it('reports an engine failure as a page error', async () => {
    const pool = createOcrPool({ workers: 1, dpi: 72, engine: async () => { throw new Error('no language data'); } });
    const err = await pool.recognizePage(page, 3).catch(e => e);
    expect(err).toBeInstanceOf(OcrPageError);
    expect(err.message).toBe('page 3: OCR failed: no language data');
    await pool.close();
  }, 600_000); // a guard against a hang only
});

describe('closing the OCR pool', () => {
  it('rejects pages in progress at once and terminates their engines', async () => {
    const doc = await openDocument(new Uint8Array(readFileSync('samples/atushi-2024-scan.pdf')));
    const { factory, log } = fakeEngines(null);
    const pool = createOcrPool({ workers: 1, dpi: 72, pageTimeoutMs: 60_000, engine: factory });
    const page = await doc.getPage(7);
    const inProgress = pool.recognizePage(page, 7).catch(e => e);
    const waiting = pool.recognizePage(page, 8).catch(e => e);
    while (log.running === 0) await new Promise(r => setTimeout(r, 20));
    const t = performance.now();
    await pool.close();
    expect((await inProgress).message).toBe('page 7: OCR failed: the OCR pool was closed');
    expect((await waiting).message).toBe('page 8: OCR failed: the OCR pool was closed');
    expect(performance.now() - t).toBeLessThan(1000);
    expect(log.terminated).toBe(1);
    await doc.destroy();
  }, 600_000); // a guard against a hang only
});

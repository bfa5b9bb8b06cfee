import { describe, expect, it } from 'vitest';
import type { OcrEngine, OcrEngineFactory } from '../../src/ocr/engine.js';
import { createEngineShare } from '../../src/ocr/engineShare.js';
import type { GrayImage } from '../../src/ocr/image.js';

/** An image whose width names it (the fake engine answers with that name). */
const img = (name: number): GrayImage => ({ width: name, height: 1, data: new Uint8Array(name) });

/** Engines that answer each read when the test says so; `order` lists the reads as engines take them. */
function gatedEngines(failStart = 0) {
  const log = { created: 0, terminated: 0, order: [] as number[] };
  const gates: (() => void)[] = [];
  let failures = failStart;
  const factory: OcrEngineFactory = async () => {
    if (failures > 0) { failures--; throw new Error('no language data'); }
    log.created++;
    const engine: OcrEngine = {
      name: 'gated',
      async recognize(image) {
        log.order.push(image.width);
        await new Promise<void>(resolve => gates.push(resolve));
        return [{ words: [{ text: String(image.width), x0: 0, top: 0, x1: 1, bottom: 1, confidence: 90 }] }];
      },
      async terminate() { log.terminated++; },
    };
    return engine;
  };
  /** Let the oldest read in progress answer. */
  const answer = async (): Promise<void> => {
    while (!gates.length) await new Promise(r => setTimeout(r, 1));
    gates.shift()!();
    await new Promise(r => setTimeout(r, 1));
  };
  return { factory, log, answer };
}

const text = (lines: { words: { text: string }[] }[]): string => lines.flatMap(l => l.words.map(w => w.text)).join(' ');

describe('engines shared by pages', () => {
  it('gives reads to free engines, an earlier page\'s reads first, and starts no more engines than asked', async () => {
    const { factory, log, answer } = gatedEngines();
    let started = 0;
    const share = createEngineShare(2, factory, 200, () => { started++; });
    const early = { order: 0 }, late = { order: 1 };
    const reads = [21, 22, 23].map(n => share.read(late, img(n), 'page'));
    reads.push(share.read(early, img(11), 'block'), share.read(early, img(12), 'block'));
    for (let i = 0; i < 5; i++) await answer();
    // two taken before the earlier page asked, then the earlier page's reads before the later page's last
    expect(log.order).toEqual([21, 22, 11, 12, 23]);
    expect((await Promise.all(reads)).map(text)).toEqual(['21', '22', '23', '11', '12']);
    expect([log.created, started, share.reads]).toEqual([2, 2, 5]);
    await share.close();
    expect(log.terminated).toBe(2);
  });

  it('starts engines ahead of reads for the pages that will want them, within the limit', async () => {
    const { factory, log } = gatedEngines();
    let started = 0;
    const share = createEngineShare(2, factory, 200, () => { started++; });
    share.warm(1);
    share.warm(1);
    await new Promise(r => setTimeout(r, 5));
    expect([log.created, started]).toEqual([1, 1]);
    share.warm(3);
    await new Promise(r => setTimeout(r, 5));
    expect([log.created, started]).toEqual([2, 2]);
    await share.close();
    expect(log.terminated).toBe(2);
  });

  it('drops a page\'s waiting reads when it is abandoned and replaces the engine busy with it; other pages go on', async () => {
    const { factory, log, answer } = gatedEngines();
    const share = createEngineShare(1, factory, 200, () => undefined);
    const stuck = { order: 0 }, other = { order: 1 };
    const a = share.read(stuck, img(1), 'page').catch(e => (e as Error).message);
    const b = share.read(stuck, img(2), 'page').catch(e => (e as Error).message);
    const c = share.read(other, img(3), 'page');
    while (!log.order.length) await new Promise(r => setTimeout(r, 1));
    share.abandon(stuck, new Error('page 1: OCR did not finish'), true);
    expect(await a).toBe('page 1: OCR did not finish');
    expect(await b).toBe('page 1: OCR did not finish');
    await answer(); // the abandoned read answers late: nobody hears it
    await answer();
    expect(text(await c)).toBe('3');
    expect(log.order).toEqual([1, 3]);
    expect(log.created).toBe(2); // the busy engine was replaced
    expect(log.terminated).toBe(1);
    await share.close();
    expect(log.terminated).toBe(2);
  });

  it('lets an engine busy with a failed page\'s read finish it and go on, unheard, when the page is not stuck', async () => {
    const { factory, log, answer } = gatedEngines();
    const share = createEngineShare(1, factory, 200, () => undefined);
    const failed = { order: 0 };
    const a = share.read(failed, img(1), 'page').catch(e => (e as Error).message);
    const c = share.read({ order: 1 }, img(3), 'page');
    while (!log.order.length) await new Promise(r => setTimeout(r, 1));
    share.abandon(failed, new Error('page 1: a cell could not be read'), false);
    expect(await a).toBe('page 1: a cell could not be read');
    await answer(); await answer();
    expect(text(await c)).toBe('3');
    expect([log.created, log.terminated]).toEqual([1, 0]); // the same engine read on
    await share.close();
  });

  it('fails a read whose engine does not start, and the page\'s other waiting reads with it; the next read tries a new engine', async () => {
    const { factory, log, answer } = gatedEngines(1);
    const share = createEngineShare(1, factory, 200, () => undefined);
    const page = { order: 0 };
    const first = share.read(page, img(1), 'page').catch(e => (e as Error).message);
    const second = share.read(page, img(2), 'page').catch(e => (e as Error).message);
    expect(await first).toBe('no language data');
    expect(await second).toBe('no language data');
    const next = share.read({ order: 1 }, img(3), 'page');
    await answer();
    expect(text(await next)).toBe('3');
    expect(log.created).toBe(1);
    await share.close();
    await expect(share.read(page, img(4), 'page')).rejects.toThrow(/closed/);
  });
});

import { describe, expect, it } from 'vitest';
import { UNREADABLE_MARK } from '../../src/model/amounts.js';
import type { TextRun } from '../../src/model/page.js';
import type { ReadMode } from '../../src/ocr/engine.js';
import type { GrayImage } from '../../src/ocr/image.js';
import { agreedAmount, DEFAULT_RESCALE_SETTINGS, rereadSmaller } from '../../src/ocr/rescale.js';
import { shrink } from '../../src/ocr/image.js';
import type { OcrLine } from '../../src/ocr/words.js';

const run = (text: string, x0: number, top: number, confidence: number): TextRun =>
  ({ text, x0, x1: x0 + 30, top, bottom: top + 10, fontSize: 10, fontName: 'ocr', confidence });
const page: GrayImage = { width: 1000, height: 1000, data: new Uint8Array(1000 * 1000).fill(255) };

/** An engine answering each look with the next of `answers` (words split the way tesseract splits a figure). */
const engine = (answers: string[]) => {
  const sizes: number[] = [];
  let i = 0;
  const read = async (img: GrayImage, _mode: ReadMode): Promise<OcrLine[]> => {
    sizes.push(img.width);
    const t = answers[i++ % answers.length]!;
    return [{ words: t.split(' ').map((w, k) => ({ text: w, x0: k * 10, x1: k * 10 + 9, top: 0, bottom: 10, confidence: 90 })) }];
  };
  return { read, sizes };
};

describe('shrink', () => {
  it('averages the pixels each new pixel covers', () => {
    const img: GrayImage = { width: 4, height: 2, data: Uint8Array.from([0, 0, 255, 255, 0, 0, 255, 255]) };
    expect(shrink(img, 0.5)).toEqual({ width: 2, height: 1, data: Uint8Array.from([0, 255]) });
    const third = shrink({ width: 3, height: 1, data: Uint8Array.from([0, 90, 180]) }, 2 / 3);
    expect([...third.data]).toEqual([30, 150]);
  });
});

describe('agreedAmount', () => {
  it('takes an amount only when every look gives it, well formed for the page', () => {
    expect(agreedAmount(['326.72', '326.72'], 2, false)).toBe('326.72');
    expect(agreedAmount(['4,213,779.28', '4,213,779.28'], 2, true)).toBe('4,213,779.28');
    expect(agreedAmount(['326.72', '320.72'], 2, false)).toBeNull();
    expect(agreedAmount(['326.720', '326.720'], 2, false)).toBeNull();
    expect(agreedAmount(['4213,779.28', '4,213,779.28'], 2, true)).toBeNull();
    expect(agreedAmount([], 2, false)).toBeNull();
  });
});

describe('rereadSmaller', () => {
  const s = DEFAULT_RESCALE_SETTINGS;
  const confident = ['12.30', '5.62', '1,902.40', '0.50', '84.65', '60.99', '449.52', '80.38'].map((t, k) => run(t, 50, 20 * k, 95));

  it('replaces a low-confidence amount that every smaller look reads alike, at each configured scale', async () => {
    const { read, sizes } = engine(['326.72', '326. 72']);
    const r = await rereadSmaller(page, [...confident, run('320.72', 300, 20, 39)], 2, s, read, () => true);
    expect(r.runs.at(-1)!.text).toBe('326.72');
    expect(r).toMatchObject({ reread: 1, changed: 1 });
    // crop of (30 + 2·3) pt × 2 px/pt, shrunk by each scale
    expect(sizes).toEqual(s.scales.map(f => Math.round(72 * f)));
  });

  it('keeps the reading when the looks disagree, and leaves confident readings alone', async () => {
    const { read, sizes } = engine(['326.72', '328.72']);
    const r = await rereadSmaller(page, [...confident, run('320.72', 300, 20, 39)], 2, s, read, () => true);
    expect(r.runs.map(x => x.text)).toEqual([...confident.map(x => x.text), '320.72']);
    expect(sizes).toHaveLength(2);
  });

  it('reads an amount marked unreadable again, and takes the agreed reading', async () => {
    const { read } = engine(['4,213,779.28']);
    const r = await rereadSmaller(page, [...confident, run(`${UNREADABLE_MARK}4,213.779.28`, 300, 20, 90)], 2, s, read, () => true);
    expect(r.runs.at(-1)!.text).toBe('4,213,779.28');
  });

  it('on a page where many amounts read with low confidence, doubts the more confident ones too', async () => {
    const shaky = confident.map((x, k) => ({ ...x, confidence: k < 3 ? 50 : 85 }));
    const { read, sizes } = engine(['1.00']);
    await rereadSmaller(page, shaky, 2, s, read, () => true);
    expect(sizes).toHaveLength(shaky.length * s.scales.length);
    const calm = engine(['1.00']);
    await rereadSmaller(page, confident.map((x, k) => ({ ...x, confidence: k < 1 ? 50 : 85 })), 2, s, calm.read, () => true);
    expect(calm.sizes).toHaveLength(s.scales.length);
  });
});

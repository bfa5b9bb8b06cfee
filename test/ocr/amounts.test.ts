import { describe, expect, it } from 'vitest';
import { UNREADABLE_MARK } from '../../src/model/amounts.js';
import { decimalConvention, DEFAULT_AMOUNT_SETTINGS, implausibleAmount, vetAmounts } from '../../src/ocr/amounts.js';
import type { ReadMode } from '../../src/ocr/engine.js';
import type { GrayImage } from '../../src/ocr/image.js';
import type { TextRun } from '../../src/model/page.js';
import type { OcrLine, OcrWord } from '../../src/ocr/words.js';

const word = (text: string, x0: number, x1: number, top = 100, confidence = 90): OcrWord => ({ text, x0, x1, top, bottom: top + 20, confidence });
const run = (text: string, x0: number, x1: number, top: number): TextRun => ({ text, x0, x1, top, bottom: top + 10, fontSize: 10, fontName: 'ocr' });
const page: GrayImage = { width: 1000, height: 1000, data: new Uint8Array(1000 * 1000).fill(255) };
const table = (odd: string): TextRun[] => [
  run('12.30', 50, 80, 50), run('5.62', 150, 175, 50),
  run('1,902.40', 50, 90, 70), run('0.50', 150, 175, 70),
  run('行政运行', 10, 45, 90), run(odd, 50, 80, 90),
];

/** An engine that answers every second look with the given texts, in turn. */
const engine = (answers: string[]) => {
  const asked: ReadMode[] = [];
  let i = 0;
  const read = async (_img: GrayImage, mode: ReadMode): Promise<OcrLine[]> => {
    asked.push(mode);
    const t = answers[i++ % answers.length]!;
    return t ? [{ words: [word(t, 0, 10)] }] : [];
  };
  return { read, asked };
};

describe('implausibleAmount', () => {
  it('holds a reading to the page convention and the form of a printed amount', () => {
    expect(implausibleAmount('5.602', 2)).toMatch(/3 decimal places/);
    expect(implausibleAmount('5.62', 2)).toBeNull();
    expect(implausibleAmount('05.20', 2)).toMatch(/leading zero/);
    expect(implausibleAmount('1,2345.67', 2)).toMatch(/separators/);
    expect(implausibleAmount('14.3?', 2)).toMatch(/alphabet/);
    expect(implausibleAmount('2.1.3', null)).toMatch(/decimal point/);
    // not amounts, or no convention to hold them to
    for (const t of ['201', '2024年', '12.5%', '5.602', '01']) expect(implausibleAmount(t, t === '5.602' ? null : 2)).toBeNull();
  });
  it('finds the convention only where nearly every amount shares it', () => {
    expect(decimalConvention(['1.00', '2.50', '3.75', '4.10', '5.602'])).toBe(2);
    expect(decimalConvention(['1.00', '2.5', '3.75', '4.1'])).toBeNull();
    expect(decimalConvention(['1.00', '2.50'])).toBeNull();
  });
});

describe('vetAmounts', () => {
  it('keeps a second look that every look reads the same well-formed way', async () => {
    const e = engine(['5.62']);
    const r = await vetAmounts(page, table('5.602'), 2, DEFAULT_AMOUNT_SETTINGS, e.read, () => true);
    expect(r).toMatchObject({ suspects: 1, corrected: 1, unreadable: 0 });
    expect(e.asked).toEqual(['digits', 'digits', 'digits']);
    expect(r.runs.map(w => w.text)).toEqual(['12.30', '5.62', '1,902.40', '0.50', '行政运行', '5.62']);
  });
  it('marks the reading unreadable when the looks disagree or stay malformed, keeping the raw text', async () => {
    for (const answers of [['5.602'], ['5.62', '5.02', '5.62'], ['']]) {
      const r = await vetAmounts(page, table('5.602'), 2, DEFAULT_AMOUNT_SETTINGS, engine(answers).read, () => true);
      expect(r).toMatchObject({ suspects: 1, corrected: 0, unreadable: 1 });
      expect(r.runs[5].text).toBe(`${UNREADABLE_MARK}5.602`);
    }
  });
  it('judges a number OCR left a gap in as the one number it prints', async () => {
    const e = engine(['9.99']);
    const r = await vetAmounts(page, table('172.8 9'), 2, DEFAULT_AMOUNT_SETTINGS, e.read, () => true);
    expect(r.suspects).toBe(0);
    const split = [...table('172.8'), run('9', 82, 86, 90)];
    expect((await vetAmounts(page, split, 2, DEFAULT_AMOUNT_SETTINGS, e.read, () => true)).suspects).toBe(0);
    const wrapped = [...table('172.8'), run('9', 70, 76, 101)];
    expect((await vetAmounts(page, wrapped, 2, DEFAULT_AMOUNT_SETTINGS, e.read, () => true)).suspects).toBe(0);
    const gapped = await vetAmounts(page, table('14.3 72'), 2, DEFAULT_AMOUNT_SETTINGS, engine(['14.37']).read, () => true);
    expect(gapped.runs[5].text).toBe('14.37');
  });
  it('reads again a number read in pieces without the separators its page prints (seen: "2 664. 22" for 27,664.22)', async () => {
    expect(implausibleAmount('2664.22', 2, true)).toMatch(/thousands separators/);
    expect(implausibleAmount('2664.22', 2, false)).toBeNull();
    // The table's page prints "1,902.40": a second look that reads the whole number is kept, with its commas.
    for (const answer of ['27,664.22', '27664.22']) {
      const r = await vetAmounts(page, table('2 664. 22'), 2, DEFAULT_AMOUNT_SETTINGS, engine([answer]).read, () => true);
      expect(r).toMatchObject({ suspects: 1, corrected: 1 });
      expect(r.runs[5].text).toBe('27,664.22');
    }
    const unsure = await vetAmounts(page, table('2 664. 22'), 2, DEFAULT_AMOUNT_SETTINGS, engine(['27,664.22', '2,664.22']).read, () => true);
    expect(unsure.runs[5].text).toBe(`${UNREADABLE_MARK}2664.22`);
  });
  it('leaves well-formed pages alone', async () => {
    const e = engine(['9.99']);
    const r = await vetAmounts(page, table('3.33'), 2, DEFAULT_AMOUNT_SETTINGS, e.read, () => true);
    expect(r.suspects).toBe(0);
    expect(e.asked).toEqual([]);
  });
});

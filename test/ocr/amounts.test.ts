import { describe, expect, it } from 'vitest';
import { UNREADABLE_MARK } from '../../src/model/amounts.js';
import { decimalConvention, DEFAULT_AMOUNT_SETTINGS, implausibleAmount, joinLostPoints, keepsShape, vetAmounts } from '../../src/ocr/amounts.js';
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
  it('holds a figure with one stray glyph at an end, and integers with misplaced commas', () => {
    // a rule touching the last digits of 471.963743 read as "好"
    for (const t of ['”471.9637好', '471.9637好', '好1,234.56']) expect(implausibleAmount(t, 6)).toMatch(/alphabet/);
    expect(implausibleAmount('14,82000', 2)).toMatch(/separators/);
    // labels, units, figures in prose, signs and well-formed integers are not judged so
    for (const t of ['1.5亿', '12.5万元', '合计1,902.40', '1,234.56元', '2.34倍', '1,200', '-1,234.56', '下降1.54%']) expect(implausibleAmount(t, 2)).toBeNull();
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
  it('does not excuse a reading by a neighbour that makes no amount with it', async () => {
    // "15.00" beside "”471.96好" joins to a text with a Han glyph: not an amount, so no excuse.
    const runs = [...table('15.00'), run('”471.96好', 90, 120, 90)];
    const r = await vetAmounts(page, runs, 2, DEFAULT_AMOUNT_SETTINGS, engine(['471.96']).read, () => true);
    expect(r).toMatchObject({ suspects: 1, corrected: 1 });
    expect(r.runs[6].text).toBe('471.96');
  });
  it('takes the reading of the looks that keep the shape of a reading with an odd glyph', async () => {
    expect(keepsShape('T,344.46', '7,344.46')).toBe(true);
    expect(keepsShape('T,344.46', '334.46')).toBe(false);
    expect(keepsShape('T,344.46', '7,344.45')).toBe(false);
    expect(keepsShape('7,344.46', '7,344.46')).toBe(false); // nothing odd: no shape to keep
    const r = await vetAmounts(page, table('T,344.46'), 2, DEFAULT_AMOUNT_SETTINGS, engine(['7,344.46', '7,344.46', '334.46']).read, () => true);
    expect(r.runs[5].text).toBe('7,344.46');
    // two looks in the shape that disagree, or only one in it: unreadable
    for (const answers of [['7,344.46', '1,344.46', '334.46'], ['7,344.46', '334.46', '34.46']]) {
      const u = await vetAmounts(page, table('T,344.46'), 2, DEFAULT_AMOUNT_SETTINGS, engine(answers).read, () => true);
      expect(u.runs[5].text).toBe(`${UNREADABLE_MARK}T,344.46`);
    }
  });
  it('joins an amount whose decimal point was lost into one reading, and reads it again', async () => {
    const lost = [...table('1.00'), run('14,820', 50, 75, 110), run('00', 80, 88, 110)];
    expect(joinLostPoints(lost, 2).map(r => r.text).slice(6)).toEqual(['14,820 00']);
    expect(joinLostPoints(lost, null)).toHaveLength(8);
    // codes of one row side by side, a far-off figure, another line: left apart
    for (const [a, b] of [[run('201', 50, 62, 110), run('03', 66, 74, 110)], [run('14,820', 50, 75, 110), run('00', 120, 128, 110)], [run('14,820', 50, 75, 110), run('00', 80, 88, 125)]]) {
      expect(joinLostPoints([a!, b!], 2)).toHaveLength(2);
    }
    const r = await vetAmounts(page, lost, 2, DEFAULT_AMOUNT_SETTINGS, engine(['14,820.00']).read, () => true);
    expect(r.runs.map(x => x.text).slice(6)).toEqual(['14,820.00']);
    const u = await vetAmounts(page, lost, 2, DEFAULT_AMOUNT_SETTINGS, engine(['']).read, () => true);
    expect(u.runs.map(x => x.text).slice(6)).toEqual([`${UNREADABLE_MARK}14,82000`]);
  });
  it('leaves well-formed pages alone', async () => {
    const e = engine(['9.99']);
    const r = await vetAmounts(page, table('3.33'), 2, DEFAULT_AMOUNT_SETTINGS, e.read, () => true);
    expect(r.suspects).toBe(0);
    expect(e.asked).toEqual([]);
  });
});

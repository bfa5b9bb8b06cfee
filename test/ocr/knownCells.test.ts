import { describe, expect, it } from 'vitest';
import type { GrayImage } from '../../src/ocr/image.js';
import { DEFAULT_KNOWN_CELL_SETTINGS, fitsPitch, isKnownName, knownCandidate, oneInkLine, pagePitch, type KnownCandidate } from '../../src/ocr/knownCells.js';
import type { OcrWord } from '../../src/ocr/words.js';

const S = DEFAULT_KNOWN_CELL_SETTINGS;
const word = (text: string, x0: number, x1: number, confidence = 92, top = 100, bottom = 127): OcrWord => ({ text, x0, top, x1, bottom, confidence });
const CELL = { x0: 90, top: 90, x1: 600, bottom: 140 };
/** Ink of `glyphs` Han glyphs 26 px high at a pitch of 28 px, from x = 100. */
const inkOf = (glyphs: number) => ({ x0: 100, top: 100, x1: 100 + 28 * glyphs - 2, bottom: 126 });
const yes = () => true;

describe('isKnownName', () => {
  it('knows header terms, registry names, numbered names and code + the name the registry gives the code', () => {
    expect(isKnownName('一般公共预算')).toBe(true);
    expect(isKnownName('一般公共服务支出')).toBe(true);
    expect(isKnownName('2.一般公共服务支出')).toBe(true);
    expect(isKnownName('其中:一般公共服务支出')).toBe(true);
    expect(isKnownName('201一般公共服务支出')).toBe(true);
  });
  it('does not know a name with a lost glyph, a code the registry names otherwise, or a lone glyph', () => {
    expect(isKnownName('一般公共服务支')).toBe(false);
    expect(isKnownName('资本性出')).toBe(false);
    expect(isKnownName('205一般公共服务支出')).toBe(false);
    expect(isKnownName('类')).toBe(false);
  });
});

describe('knownCandidate', () => {
  it('takes a confident known name whose words reach every edge of one line of ink', () => {
    const words = [word('一般', 100, 154), word('公共', 156, 210), word('服务', 212, 266), word('支出', 268, 322)];
    const c = knownCandidate(words, CELL, inkOf(8), yes, 3, S);
    expect(c).not.toBeNull();
    expect(c!.units).toBe(8);
    expect(c!.pitch).toBeCloseTo(222 / (8 * 26), 5);
  });
  it('leaves a cell whose ink goes on past the words (a glyph lost at the end) to be read', () => {
    const words = [word('一般', 100, 154), word('公共', 156, 210), word('服务', 212, 266), word('支出', 268, 322)];
    expect(knownCandidate(words, CELL, inkOf(9), yes, 3, S)).toBeNull();
  });
  it('leaves unsure words, words reaching out of the cell, and ink of more than one line to be read', () => {
    const words = [word('一般公共', 100, 210), word('服务支出', 212, 322)];
    expect(knownCandidate([words[0]!, { ...words[1]!, confidence: 50 }], CELL, inkOf(8), yes, 3, S)).toBeNull();
    expect(knownCandidate(words, { ...CELL, x1: 300 }, inkOf(8), yes, 3, S)).toBeNull();
    expect(knownCandidate(words, CELL, inkOf(8), () => false, 3, S)).toBeNull();
    expect(knownCandidate(words, CELL, inkOf(8), yes, 3, S)).not.toBeNull();
  });
});

describe('page pitch', () => {
  const at = (pitch: number, units: number): KnownCandidate => ({ pitch, units });
  it('is unknown with too few candidates, else their lower quartile', () => {
    expect(pagePitch([at(1.05, 4), at(1.06, 5), at(1.07, 6)], S)).toBeNull();
    expect(pagePitch([at(1.3, 4), at(1.06, 5), at(1.05, 6), at(1.07, 8), at(1.08, 9)], S)).toBe(1.06);
  });
  it('passes text set at the page pitch and not ink holding one glyph more (one lost in the middle)', () => {
    expect(fitsPitch(at(1.07, 10), 1.07, S)).toBe(true);
    // "资本性出" read for the four glyphs of 资本性支出: its ink is five glyphs wide.
    expect(fitsPitch(at((5 * 1.07) / 4, 4), 1.07, S)).toBe(false);
    // Letter-spaced text is read again.
    expect(fitsPitch(at(1.3, 4), 1.07, S)).toBe(false);
  });
});

describe('oneInkLine', () => {
  const img = (rows: number[]): GrayImage => {
    const data = new Uint8Array(20 * 40).fill(255);
    for (const y of rows) data.fill(0, y * 20 + 2, y * 20 + 10);
    return { width: 20, height: 40, data };
  };
  it('is true when every row of the box holds ink, false across a gap between lines', () => {
    const line = Array.from({ length: 10 }, (_, i) => 5 + i);
    expect(oneInkLine(img(line), 128, { x0: 0, top: 5, x1: 20, bottom: 15 })).toBe(true);
    expect(oneInkLine(img([...line, 20, 21, 22]), 128, { x0: 0, top: 5, x1: 20, bottom: 23 })).toBe(false);
  });
});

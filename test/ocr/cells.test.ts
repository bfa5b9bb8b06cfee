import { describe, expect, it } from 'vitest';
import { decimalConvention } from '../../src/ocr/amountForm.js';
import { cropWithMargin, DEFAULT_CELL_SETTINGS, inkBox, readCells, ruledCells, surelyNumber } from '../../src/ocr/cells.js';
import type { ReadMode } from '../../src/ocr/engine.js';
import type { GrayImage } from '../../src/ocr/image.js';
import type { Segment } from '../../src/ocr/lines.js';
import type { OcrLine, OcrWord } from '../../src/ocr/words.js';

const PX_PER_PT = 200 / 72;
const seg = (orientation: 'h' | 'v', across: number, start: number, end: number): Segment =>
  ({ orientation, across, start, end, thickness: 2, sideInk: 0, slope: 0, runs: [] });

/** A 600×400 px page with a ruled 3-column × 2-row grid from (100,100) to (500,300). */
const GRID: Segment[] = [
  seg('h', 100, 100, 500), seg('h', 200, 100, 500), seg('h', 300, 100, 500),
  seg('v', 100, 100, 300), seg('v', 200, 100, 300), seg('v', 250, 100, 300), seg('v', 500, 100, 300),
];

function page(width = 600, height = 400): GrayImage {
  return { width, height, data: new Uint8Array(width * height).fill(240) };
}
/** Paint a filled box of grey `v` (a stand-in for a glyph). */
function ink(img: GrayImage, x0: number, y0: number, x1: number, y1: number, v = 150): void {
  for (let y = y0; y < y1; y++) img.data.fill(v, y * img.width + x0, y * img.width + x1);
}
const word = (text: string, x0: number, top: number, x1: number, bottom: number, confidence = 90): OcrWord => ({ text, x0, top, x1, bottom, confidence });

describe('ruledCells', () => {
  it('finds the cells the rules enclose, out to the rules, and not the paper outside the table', () => {
    const cells = ruledCells(GRID, 600, 400, PX_PER_PT);
    expect(cells).toHaveLength(6);
    const near = (a: number, b: number) => Math.abs(a - b) <= 8;
    for (const [x0, x1] of [[100, 200], [200, 250], [250, 500]]) {
      for (const [top, bottom] of [[100, 200], [200, 300]]) {
        expect(cells.some(c => near(c.x0, x0) && near(c.x1, x1) && near(c.top, top) && near(c.bottom, bottom)), `${x0} ${top}`).toBe(true);
      }
    }
  });
  it('finds nothing without a grid', () => {
    expect(ruledCells([seg('h', 100, 100, 500)], 600, 400, PX_PER_PT)).toEqual([]);
  });
});

describe('inkBox and cropWithMargin', () => {
  it('bounds the ink away from the cell edges', () => {
    const img = page();
    ink(img, 120, 120, 160, 140); ink(img, 120, 160, 150, 180);
    ink(img, 101, 101, 103, 199, 0); // rule residue at the edge
    const box = inkBox(img, 200, { x0: 100, top: 100, x1: 200, bottom: 200 }, 3, 12);
    expect(box).toEqual({ x0: 120, top: 120, x1: 160, bottom: 180 });
    expect(inkBox(page(), 200, { x0: 100, top: 100, x1: 200, bottom: 200 }, 3, 12)).toBeNull();
  });
  it('crops with a white margin and stretches grey ink to black', () => {
    const img = page();
    ink(img, 120, 120, 160, 140, 150);
    const crop = cropWithMargin(img, { x0: 120, top: 120, x1: 160, bottom: 140 }, 10);
    expect(crop).toMatchObject({ width: 60, height: 40 });
    expect(crop.data[0]).toBe(255);
    expect(crop.data[15 * 60 + 20]).toBe(0);
  });
});

describe('readCells', () => {
  /** A page with ink in the grid's first two cells and a reader answering per crop size. */
  function setup(answers: Record<ReadMode, (img: GrayImage) => OcrLine[]>) {
    const img = page();
    ink(img, 120, 130, 180, 160); // cell (100..200, 100..200)
    ink(img, 215, 130, 235, 160); // cell (200..250, 100..200)
    const modes: ReadMode[] = [];
    const read = async (crop: GrayImage, mode: ReadMode) => { modes.push(mode); return answers[mode](crop); };
    return { img, modes, read };
  }
  const pad = Math.round(DEFAULT_CELL_SETTINGS.cropPadPt * PX_PER_PT);
  /** One word covering the whole ink of a crop (crop pixels). */
  const whole = (text: string, confidence = 90) => (crop: GrayImage): OcrLine[] =>
    [{ words: [word(text, pad, pad, crop.width - pad, crop.height - pad, confidence)] }];

  it('puts each cell\'s own reading in place of page words that reach across cells', async () => {
    const { img, read, modes } = setup({
      page: () => [], line: () => [], digits: () => [],
      block: crop => (crop.width > 60 ? whole('资本')(crop) : whole('出')(crop)),
    });
    // The page read the two cells as one word spanning the rule at x = 200.
    const pageLines = [{ words: [word('资本出', 120, 130, 235, 160, 95)] }];
    const got = await readCells(img, 200, pageLines, GRID, PX_PER_PT, DEFAULT_CELL_SETTINGS, read, () => true);
    expect(got).toMatchObject({ cells: 6, read: 2, digitRereads: 0 });
    expect(modes).toEqual(['block', 'block']);
    const words = got.lines.flatMap(l => l.words).map(w => [w.text, w.x0, w.x1]);
    expect(words).toEqual([['资本', 120, 180], ['出', 215, 235]]);
  });

  it('keeps the page reading when it lies inside the cell and holds glyphs the crop lost', async () => {
    const { img, read } = setup({ page: () => [], line: () => [], digits: () => [], block: whole('般公共') });
    const pageLines = [{ words: [word('一般公共', 120, 130, 180, 160, 60)] }];
    const got = await readCells(img, 200, pageLines, GRID, PX_PER_PT, DEFAULT_CELL_SETTINGS, read, () => true);
    expect(got.lines.flatMap(l => l.words).map(w => w.text)).toEqual(['一般公共', '般公共']);
  });

  it('reads a number with impossible characters again as digits only', async () => {
    const { img, read, modes } = setup({ page: () => [], line: () => [], block: whole(']1', 70), digits: whole('11', 30) });
    const got = await readCells(img, 200, [], GRID, PX_PER_PT, DEFAULT_CELL_SETTINGS, read, () => true);
    expect(got.digitRereads).toBe(2);
    // both cells are asked for at once (the pool's engines share them), then each again as digits
    expect(modes).toEqual(['block', 'block', 'digits', 'digits']);
    expect(got.lines.flatMap(l => l.words).map(w => w.text)).toEqual(['11', '11']);
  });

  it('does nothing when turned off', async () => {
    const { img, read, modes } = setup({ page: () => [], line: () => [], block: whole('x'), digits: whole('1') });
    const got = await readCells(img, 200, [], GRID, PX_PER_PT, { ...DEFAULT_CELL_SETTINGS, enabled: false }, read, () => true);
    expect(got).toMatchObject({ cells: 0, read: 0, lines: [] });
    expect(modes).toEqual([]);
  });
  it('does not read again a cell the page read surely as a number of the page\'s form, and reads the others', async () => {
    const { img, read, modes } = setup({ page: () => [], line: () => [], digits: () => [], block: whole('7.50') });
    // Amounts of two decimals elsewhere on the page set its convention.
    const elsewhere = ['1.00', '2.00', '3.00'].map((t, i) => word(t, 10 + 60 * i, 350, 50 + 60 * i, 370, 95));
    const pageLines = [{ words: [word('12.50', 120, 130, 180, 160, 95), word('7.5', 215, 130, 235, 160, 95), ...elsewhere] }];
    const got = await readCells(img, 200, pageLines, GRID, PX_PER_PT, DEFAULT_CELL_SETTINGS, read, () => true);
    expect(got).toMatchObject({ read: 1, sure: 1 });
    expect(modes).toEqual(['block']); // "7.5" has one decimal where the page prints two: read alone
    expect(got.lines.flatMap(l => l.words).map(w => w.text).sort()).toEqual(['1.00', '12.50', '2.00', '3.00', '7.50']);
    // Above 100 every inked cell is read alone.
    const all = await readCells(img, 200, pageLines, GRID, PX_PER_PT, { ...DEFAULT_CELL_SETTINGS, sureConfidence: 101 }, read, () => true);
    expect(all).toMatchObject({ read: 2, sure: 0 });
  });
  it('does not read again text cells whose page reading is a known name read whole, once the page\'s glyph pitch is known', async () => {
    const img = page();
    // Four glyphs 18 px high at a pitch of 20 px in four cells, read by the page as two words each.
    const cells: [string, string, number, number][] = [['基本', '支出', 110, 140], ['项目', '支出', 260, 140], ['人员', '经费', 110, 240], ['公用', '经费', 260, 240]];
    const pageWords = cells.flatMap(([a, b, x, y]) => { ink(img, x, y, x + 78, y + 18); return [word(a, x, y - 1, x + 38, y + 19, 93), word(b, x + 40, y - 1, x + 78, y + 19, 93)]; });
    const modes: ReadMode[] = [];
    const read = async (_: GrayImage, mode: ReadMode) => { modes.push(mode); return []; };
    const got = await readCells(img, 200, [{ words: pageWords }], GRID, PX_PER_PT, DEFAULT_CELL_SETTINGS, read, () => true);
    expect(got).toMatchObject({ read: 0, known: 4 });
    expect(modes).toEqual([]);
    expect(got.lines.flatMap(l => l.words).map(w => w.text)).toEqual(pageWords.map(w => w.text));
    // The last glyph of one cell unread: its ink reaches past the words, it is read, and the three
    // others are too few to know the page's pitch by.
    const lost = pageWords.map((w, i) => (i === 7 ? { ...w, text: '经', x1: w.x0 + 18 } : w));
    expect(await readCells(img, 200, [{ words: lost }], GRID, PX_PER_PT, DEFAULT_CELL_SETTINGS, read, () => true)).toMatchObject({ read: 4, known: 0 });
    // Above 100 every such cell is read.
    expect(await readCells(img, 200, [{ words: pageWords }], GRID, PX_PER_PT, { ...DEFAULT_CELL_SETTINGS, knownConfidence: 101 }, read, () => true)).toMatchObject({ read: 4, known: 0 });
  });
});

describe('surelyNumber', () => {
  const cell = { x0: 100, top: 100, x1: 200, bottom: 200 };
  const at = (text: string, confidence = 95, x0 = 120, x1 = 180) => word(text, x0, 130, x1, 160, confidence);
  it('takes one confident amount of the page\'s form, or a code, wholly inside the cell', () => {
    expect(surelyNumber([at('1,618.40')], cell, 3, 85, 2, true)).toBe(true);
    expect(surelyNumber([at('172.89')], cell, 3, 85, 2, true)).toBe(true);
    expect(surelyNumber([at('03')], cell, 3, 85, null, false)).toBe(true);
    expect(surelyNumber([at('2,869', 95, 120, 160), at('.77', 95, 160, 180)], cell, 3, 85, 2, true)).toBe(true);
  });
  it('leaves a doubtful, ill-formed or overflowing reading to be read alone', () => {
    expect(surelyNumber([at('172.89', 84)], cell, 3, 85, 2, false)).toBe(false); // not confident
    expect(surelyNumber([at('172.8')], cell, 3, 85, 2, false)).toBe(false); // decimals unlike the page's
    expect(surelyNumber([at('172.89')], cell, 3, 85, null, false)).toBe(false); // no convention to hold it to
    expect(surelyNumber([at('1618.40')], cell, 3, 85, 2, true)).toBe(false); // no separators where the page prints them
    expect(surelyNumber([at('2,.869.77')], cell, 3, 85, 2, true)).toBe(false);
    expect(surelyNumber([at('05.20')], cell, 3, 85, 2, false)).toBe(false); // a leading zero
    expect(surelyNumber([at('3')], cell, 3, 85, null, false)).toBe(false); // one digit: a code's glyph may be lost
    expect(surelyNumber([at('12.50', 95, 120, 230)], cell, 3, 85, 2, false)).toBe(false); // reaches into the next cell
    expect(surelyNumber([at('收入')], cell, 3, 85, 2, false)).toBe(false);
    expect(surelyNumber([], cell, 3, 85, 2, false)).toBe(false);
  });
  it('finds the decimal places nearly all amounts of a page share', () => {
    expect(decimalConvention(['1.00', '2.50', '3.25', '4.10', '合计'], DEFAULT_CELL_SETTINGS)).toBe(2);
    expect(decimalConvention(['1.00', '2.5', '3.25', '4.1'], DEFAULT_CELL_SETTINGS)).toBeNull();
    expect(decimalConvention(['1.00', '2.50'], DEFAULT_CELL_SETTINGS)).toBeNull();
  });
});

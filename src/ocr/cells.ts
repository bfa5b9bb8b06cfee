/**
 * Reading a ruled table one cell at a time. With the rules erased, a page read in sparse-text mode
 * sees a header of narrow stacked columns ("资本/性支/出") as loose glyphs and joins them across
 * neighbouring columns ("性支资本出"). The rules are known (lines.ts), so the cells are known: the
 * paper the rules enclose. Each cell holding ink is cropped (its ink plus white margin) and read
 * alone in single-block mode, so what is stacked in a cell stays in that cell, and short isolated
 * words ("03" in a narrow 款 column) are read with nothing else around them.
 *
 * A cell the page reading has read surely as a number is not read again: its words lie wholly inside
 * it, each confident, and they make one amount well formed for the page (its decimal places, its
 * thousands separators, no leading zero) or one code. The engine's time goes by the ink it recognises,
 * and reading such a cell again gave the same text. Nor is a text cell whose page reading is a known
 * name read whole (knownCells.ts).
 */
import { READ_GROUPED_AMOUNT } from '../model/amounts.js';
import { decimalConvention, decimalsOf, implausibleAmount, type ConventionSettings } from './amountForm.js';
import type { ReadMode } from './engine.js';
import type { GrayImage } from './image.js';
import { DEFAULT_KNOWN_CELL_SETTINGS, fitsPitch, knownCandidate, oneInkLine, pagePitch, type KnownCellSettings } from './knownCells.js';
import type { Segment } from './lines.js';
import type { OcrLine, OcrWord } from './words.js';

/** (its decimal convention: how the page's amounts are judged before a cell's page reading is taken as sure) */
export interface CellSettings extends ConventionSettings, KnownCellSettings {
  /** Read ruled cells one by one (replacing the page reading inside them). */
  enabled: boolean;
  /** Rules are drawn this much thicker (each side) and longer (each end) when enclosing cells. */
  rulePadPt: number;
  ruleExtendPt: number;
  /** Cells smaller than this are gaps between double rules, not cells. */
  minWidthPt: number;
  minHeightPt: number;
  /** An enclosed area must fill at least this share of its bounding box to be a (rectangular) cell. */
  minFill: number;
  /** Cells larger than this share of the page are not table cells (a frame around the page). */
  maxPageShare: number;
  /** Ink pixels below this count in a cell (after a margin) mean an empty cell; specks. */
  minInkPx: number;
  /** Ignore this much next to the cell's edges (left-over rule ink). */
  edgeMarginPt: number;
  /** White margin around the cropped ink. */
  cropPadPt: number;
  /** Words of a cell read with lower confidence are dropped. */
  minConfidence: number;
  /** A page word reaching this far past a cell's edge belongs to more than that cell. */
  insidePt: number;
  /** At most this many cells per page are read (bounds the cost on dense pages). */
  maxCells: number;
  /**
   * A cell whose page reading is one well-formed amount or code, every word at least this confident
   * (0–100) and wholly inside the cell, keeps the page's reading and is not read alone. Above 100:
   * every inked cell is read alone. Measured in README (OCR speed).
   */
  sureConfidence: number;
}

export const DEFAULT_CELL_SETTINGS: CellSettings = {
  enabled: true,
  rulePadPt: 0.6,
  ruleExtendPt: 1.5,
  minWidthPt: 5,
  minHeightPt: 6,
  minFill: 0.85,
  maxPageShare: 0.25,
  minInkPx: 12,
  edgeMarginPt: 1,
  cropPadPt: 4,
  minConfidence: 0,
  insidePt: 1,
  maxCells: 400,
  sureConfidence: 85,
  minConventionAmounts: 4,
  minConventionShare: 0.8,
  ...DEFAULT_KNOWN_CELL_SETTINGS,
};

export interface CellBox { x0: number; top: number; x1: number; bottom: number }

/**
 * The cells the rules enclose, in pixels: connected areas of paper in an image where only the rules
 * are drawn, leaving out the area that reaches the image border (outside every table) and areas
 * that are not near-rectangular.
 */
export function ruledCells(rules: readonly Segment[], width: number, height: number, pxPerPt: number, s: CellSettings = DEFAULT_CELL_SETTINGS): CellBox[] {
  if (rules.length < 4) return [];
  // Work at a quarter of the resolution in each direction: cells are large, rules are drawn thick.
  const f = 4;
  const w = Math.ceil(width / f), h = Math.ceil(height / f);
  const wall = new Uint8Array(w * h);
  const pad = Math.max(1, (s.rulePadPt * pxPerPt) / f), ext = (s.ruleExtendPt * pxPerPt) / f;
  for (const g of rules) {
    const a0 = g.start / f - ext, a1 = g.end / f + ext, c = g.across / f;
    const lo = Math.floor(c - pad), hi = Math.ceil(c + pad);
    for (let a = Math.max(0, Math.floor(a0)); a <= Math.min((g.orientation === 'h' ? w : h) - 1, Math.ceil(a1)); a++) {
      for (let k = Math.max(0, lo); k <= Math.min((g.orientation === 'h' ? h : w) - 1, hi); k++) {
        if (g.orientation === 'h') wall[k * w + a] = 1; else wall[a * w + k] = 1;
      }
    }
  }
  const label = new Int32Array(w * h);
  const cells: CellBox[] = [];
  const stack: number[] = [];
  let next = 0;
  for (let start = 0; start < wall.length; start++) {
    if (wall[start] || label[start]) continue;
    next++;
    label[start] = next;
    stack.push(start);
    let x0 = w, y0 = h, x1 = 0, y1 = 0, n = 0, border = false;
    while (stack.length) {
      const k = stack.pop() as number;
      const x = k % w, y = (k - x) / w;
      n++;
      if (x < x0) x0 = x; if (x > x1) x1 = x; if (y < y0) y0 = y; if (y > y1) y1 = y;
      if (x === 0 || y === 0 || x === w - 1 || y === h - 1) border = true;
      if (x > 0 && !wall[k - 1] && !label[k - 1]) { label[k - 1] = next; stack.push(k - 1); }
      if (x < w - 1 && !wall[k + 1] && !label[k + 1]) { label[k + 1] = next; stack.push(k + 1); }
      if (y > 0 && !wall[k - w] && !label[k - w]) { label[k - w] = next; stack.push(k - w); }
      if (y < h - 1 && !wall[k + w] && !label[k + w]) { label[k + w] = next; stack.push(k + w); }
    }
    if (border) continue;
    const bw = x1 - x0 + 1, bh = y1 - y0 + 1;
    if (bw * f < s.minWidthPt * pxPerPt || bh * f < s.minHeightPt * pxPerPt) continue;
    if (n < s.minFill * bw * bh || bw * bh > s.maxPageShare * w * h) continue;
    // Back to full pixels, out to the middle of the walls around the area (where the rules lie).
    const grow = Math.floor(pad) + 1;
    cells.push({
      x0: Math.max(0, (x0 - grow) * f), top: Math.max(0, (y0 - grow) * f),
      x1: Math.min(width, (x1 + 1 + grow) * f), bottom: Math.min(height, (y1 + 1 + grow) * f),
    });
  }
  return cells;
}

/** Bounding box of the ink inside a cell (away from its edges, where a rule was erased), or null when it holds too little ink. */
export function inkBox(img: GrayImage, threshold: number, cell: CellBox, marginPx: number, minInk: number): CellBox | null {
  const x0 = Math.max(0, Math.round(cell.x0 + marginPx)), x1 = Math.min(img.width, Math.round(cell.x1 - marginPx));
  const y0 = Math.max(0, Math.round(cell.top + marginPx)), y1 = Math.min(img.height, Math.round(cell.bottom - marginPx));
  let bx0 = Infinity, by0 = Infinity, bx1 = -1, by1 = -1, n = 0;
  for (let y = y0; y < y1; y++) {
    const row = y * img.width;
    for (let x = x0; x < x1; x++) {
      if (img.data[row + x] > threshold) continue;
      n++;
      if (x < bx0) bx0 = x; if (x > bx1) bx1 = x; if (y < by0) by0 = y; if (y > by1) by1 = y;
    }
  }
  return n < minInk ? null : { x0: bx0, top: by0, x1: bx1 + 1, bottom: by1 + 1 };
}

/**
 * The ink box with `padPx` of white around it (whatever surrounds it on the page is not copied),
 * its contrast stretched so that its darkest ink is black and grey at `paperLevel` or lighter is
 * white: scanned digits are often printed grey-on-grey, and the engine, binarising a small crop on
 * its own, then loses strokes ("03" read as "0", with high confidence).
 */
export function cropWithMargin(img: GrayImage, box: CellBox, padPx: number, paperLevel = 230): GrayImage {
  const bw = box.x1 - box.x0, bh = box.bottom - box.top;
  const width = bw + 2 * padPx, height = bh + 2 * padPx;
  const data = new Uint8Array(width * height).fill(255);
  let lo = 255;
  for (let y = 0; y < bh; y++) {
    const src = (box.top + y) * img.width + box.x0;
    for (let x = 0; x < bw; x++) if (img.data[src + x] < lo) lo = img.data[src + x];
  }
  const hi = Math.max(lo + 40, paperLevel), scale = 255 / (hi - lo);
  for (let y = 0; y < bh; y++) {
    const src = (box.top + y) * img.width + box.x0, dst = (y + padPx) * width + padPx;
    for (let x = 0; x < bw; x++) data[dst + x] = Math.min(255, Math.max(0, Math.round((img.data[src + x] - lo) * scale)));
  }
  return { width, height, data };
}

export interface CellReading {
  lines: OcrLine[];
  /** Cells enclosed by the rules, and those holding ink that were read. */
  cells: number;
  read: number;
  /** Cells read again as digits only. */
  digitRereads: number;
  /** Inked cells the page reading read surely as a number, not read alone. */
  sure: number;
  /** Inked cells whose page reading is a known name read whole (knownCells.ts), not read alone. */
  known: number;
}

/** A reading that is a number apart from characters a number cannot hold. */
const CONFUSED_NUMBER = /^(?=.*[^\d.,-])[\d\][|lIO工.,-]+$/u;

/** Words read in a crop (with `pad` of margin around `ink`) → page pixels; empty words dropped. */
function toPage(lines: readonly OcrLine[], pad: number, ink: CellBox): OcrLine[] {
  return lines
    .map(l => ({
      words: l.words
        .filter(w => w.text.trim() !== '')
        .map(w => ({ ...w, x0: w.x0 - pad + ink.x0, x1: w.x1 - pad + ink.x0, top: w.top - pad + ink.top, bottom: w.bottom - pad + ink.top })),
    }))
    .filter(l => l.words.length > 0);
}

const chars = (ws: readonly OcrWord[]): number => ws.reduce((n, w) => n + [...w.text.replace(/\s/g, '')].length, 0);
const minConf = (ws: readonly OcrWord[]): number => Math.min(...ws.map(w => w.confidence));

/**
 * The page's own reading of a cell is kept when it is wholly inside the cell (no word reaching into
 * a neighbour) and either holds the cell's reading plus glyphs the crop lost, or is at least as long
 * and surer: its least confident word beats the cell reading's least confident one ("预算数" read
 * alone as "氢算数").
 */
function pageReadsBetter(lines: readonly OcrLine[], cellWords: readonly OcrLine[], cell: CellBox, slack: number): boolean {
  const page = lines.flatMap(l => l.words).filter(w => centreIn(w, cell));
  const mine = cellWords.flatMap(l => l.words);
  if (!page.length) return false;
  const inside = page.every(w => w.x0 >= cell.x0 - slack && w.x1 <= cell.x1 + slack && w.top >= cell.top - slack && w.bottom <= cell.bottom + slack);
  if (!inside) return false;
  const pageText = page.map(w => w.text).join('').replace(/\s/g, ''), cellText = mine.map(w => w.text).join('').replace(/\s/g, '');
  // The crop lost Han glyphs the page reading has ("一般公共服务支出" read alone as "般公共服务支出").
  const lost = pageText.length > cellText.length ? leftOver(cellText, pageText) : null;
  if (lost !== null && /^\p{Script=Han}+$/u.test(lost)) return true;
  return chars(page) >= chars(mine) && minConf(page) > minConf(mine);
}

/** What is left of `b` when the characters of `a` are taken out in order; null when `a` is not a subsequence of `b`. */
function leftOver(a: string, b: string): string | null {
  let i = 0, rest = '';
  for (const ch of b) { if (i < a.length && ch === a[i]) i++; else rest += ch; }
  return i === a.length ? rest : null;
}

/**
 * The page's words in a cell read surely as a number: all wholly inside it and at least `minConf`
 * confident, on one line, making one amount with the page's decimal places (separators every three
 * digits where the page prints them, no leading zero) or one code of 2 to 7 digits.
 */
export function surelyNumber(words: readonly OcrWord[], cell: CellBox, slack: number, minConf: number, decimals: number | null, grouped: boolean): boolean {
  if (!words.length || words.some(w => w.confidence < minConf)) return false;
  if (!words.every(w => w.x0 >= cell.x0 - slack && w.x1 <= cell.x1 + slack && w.top >= cell.top - slack && w.bottom <= cell.bottom + slack)) return false;
  const h = Math.max(...words.map(w => w.bottom - w.top));
  if (Math.max(...words.map(w => w.top)) - Math.min(...words.map(w => w.top)) > 0.5 * h) return false;
  const text = [...words].sort((a, b) => a.x0 - b.x0).map(w => w.text).join('').replace(/\s/g, '');
  if (/^\d{2,7}$/.test(text)) return true;
  return decimals !== null && decimalsOf(text) === decimals && implausibleAmount(text, decimals, grouped) === null;
}

const centreIn = (w: OcrWord, c: CellBox): boolean => {
  const cx = (w.x0 + w.x1) / 2, cy = (w.top + w.bottom) / 2;
  return cx >= c.x0 && cx < c.x1 && cy >= c.top && cy < c.bottom;
};

/**
 * Read every inked ruled cell alone and put its reading in place of the page's words centred in it.
 * A cell whose own reading is empty, or which the page reads better, keeps the page's words.
 */
export async function readCells(
  img: GrayImage, threshold: number, lines: readonly OcrLine[], rules: readonly Segment[], pxPerPt: number, s: CellSettings,
  read: (image: GrayImage, mode: ReadMode) => Promise<OcrLine[]>, wanted: () => boolean,
): Promise<CellReading> {
  const result: CellReading = { lines: lines.map(l => ({ words: [...l.words] })), cells: 0, read: 0, digitRereads: 0, sure: 0, known: 0 };
  if (!s.enabled) return result;
  const cells = ruledCells(rules, img.width, img.height, pxPerPt, s);
  result.cells = cells.length;
  const pageWords = lines.flatMap(l => l.words);
  const decimals = decimalConvention(pageWords.map(w => w.text.replace(/\s/g, '')), s);
  const grouped = pageWords.some(w => READ_GROUPED_AMOUNT.test(w.text.replace(/\s/g, '')));
  const slack = s.insidePt * pxPerPt;
  const pad = Math.round(s.cropPadPt * pxPerPt), margin = Math.round(s.edgeMarginPt * pxPerPt);
  const replaced: CellBox[] = [];
  const fresh: OcrLine[] = [];
  // Inked cells, and those whose page reading is a known name (knownCells.ts), before any is read:
  // the page's glyph pitch is measured on the latter.
  const inked = cells.slice(0, s.maxCells).flatMap(cell => {
    const ink = inkBox(img, threshold, cell, margin, s.minInkPx);
    if (!ink) return [];
    const words = pageWords.filter(w => centreIn(w, cell));
    return [{ cell, ink, words, known: knownCandidate(words, cell, ink, () => oneInkLine(img, threshold, ink), slack, s) }];
  });
  const pitch = pagePitch(inked.flatMap(c => c.known ?? []), s);
  const toRead = inked.filter(({ cell, words, known }) => {
    if (surelyNumber(words, cell, slack, s.sureConfidence, decimals, grouped)) { result.sure++; return false; }
    if (known && pitch !== null && fitsPitch(known, pitch, s)) { result.known++; return false; }
    return true;
  });
  // Every cell's reading is asked for at once (the pool's free engines share them); each is then
  // weighed in the cells' order, as it would be read one after another.
  const readCell = async ({ cell, ink }: (typeof inked)[number]): Promise<{ cell: CellBox; got: OcrLine[] } | null> => {
    if (!wanted()) return null;
    result.read++;
    const crop = cropWithMargin(img, ink, pad);
    // Single-block mode for every cell: single-line mode drops lone glyphs ("款") and reads "03" as "0".
    let got = toPage(await read(crop, 'block'), pad, ink).map(l => ({ words: l.words.filter(w => w.confidence >= s.minConfidence) }));
    got = got.filter(l => l.words.length > 0);
    if (!got.length) return null;
    const text = got.flatMap(l => l.words.map(w => w.text)).join('').replace(/\s/g, '');
    if (CONFUSED_NUMBER.test(text) && /\d/.test(text)) {
      // "11" read as "]1" or "]11", "31" as "31]": read again allowing only digits and separators.
      result.digitRereads++;
      const again = toPage(await read(crop, 'digits'), pad, ink).map(l => ({ words: l.words.filter(w => /^[\d.,-]+$/.test(w.text)) })).filter(l => l.words.length);
      if (again.length) got = again;
    }
    return { cell, got };
  };
  for (const r of await Promise.all(toRead.map(readCell))) {
    if (!r || pageReadsBetter(result.lines, r.got, r.cell, slack)) continue;
    replaced.push(r.cell);
    fresh.push(...r.got);
  }
  result.lines = result.lines
    .map(l => ({ words: l.words.filter(w => !replaced.some(c => centreIn(w, c))) }))
    .filter(l => l.words.length > 0)
    .concat(fresh);
  return result;
}

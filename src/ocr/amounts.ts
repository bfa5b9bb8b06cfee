/**
 * A reading that cannot be right is not accepted. Amounts on a page follow its convention: one number
 * of decimal places (two, in almost every budget table), thousands separators every three digits, no
 * leading zero, nothing but digits and separators. A reading that breaks it ("5.602" on a page of
 * two-decimal figures, "05.20", "14.3?") is read again from the image — digits only, enlarged, and
 * binarised at another level — and the new reading is kept when every look that gives a well-formed
 * amount agrees. Otherwise the word is marked unreadable (UNREADABLE_MARK before its raw text): the
 * cell keeps what was read and no number is made of it, so no plausible-looking wrong figure goes on.
 */
import { AMOUNT_ALPHABET, READ_GROUPED_AMOUNT, READ_UNGROUPED_AMOUNT, UNREADABLE_MARK } from '../model/amounts.js';
import { decimalConvention as conventionOf, decimalsOf, implausibleAmount, type ConventionSettings } from './amountForm.js';
import type { ReadMode } from './engine.js';
import { otsuThreshold, twoTone, upscale, type GrayImage } from './image.js';
import { cropWithMargin, type CellBox } from './cells.js';
import type { TextRun } from '../model/page.js';
import { repairNumber, type OcrLine } from './words.js';

export { implausibleAmount };

export interface AmountSettings extends ConventionSettings {
  /** Vet amount readings at all. */
  enabled: boolean;
  /** White margin around a word's ink when it is read again. */
  cropPadPt: number;
  /** Enlargement for the second look. */
  upscale: number;
  /** The two-tone look binarises this much darker than the crop's own Otsu level (thin strokes, specks). */
  thresholdShift: number;
  /** At most this many words per page are read again (bounds the cost of a noisy page). */
  maxRereads: number;
}

export const DEFAULT_AMOUNT_SETTINGS: AmountSettings = {
  enabled: true,
  minConventionAmounts: 4,
  minConventionShare: 0.8,
  cropPadPt: 3,
  upscale: 2,
  thresholdShift: 40,
  maxRereads: 40,
};

/** The page's decimal convention (see amountForm.ts), by these settings. */
export function decimalConvention(texts: readonly string[], s: AmountSettings = DEFAULT_AMOUNT_SETTINGS): number | null {
  return conventionOf(texts, s);
}

/**
 * Runs of digits that continue `run`: right beside it on its line (closer than a glyph or two), or on
 * the next line of a narrow cell ("172.8" over "9"). Either way the cell joins them into one number.
 */
function pieces(runs: readonly TextRun[], run: TextRun): string[] {
  const beside = (a: TextRun, b: TextRun): boolean => {
    const overlap = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
    const sameLine = overlap > 0.5 * Math.min(a.bottom - a.top, b.bottom - b.top) && b.x0 >= a.x1 - 0.5 && b.x0 - a.x1 < 2 * Math.max(a.fontSize, b.fontSize);
    const h = Math.max(a.bottom - a.top, b.bottom - b.top);
    const nextLine = b.top >= a.bottom - 0.3 * h && b.top - a.bottom < 0.8 * h && Math.min(a.x1, b.x1) > Math.max(a.x0, b.x0);
    return sameLine || nextLine;
  };
  const digits = (r: TextRun): boolean => /^[\d.,\s]+$/.test(r.text);
  const before = runs.find(r => r !== run && digits(r) && beside(r, run));
  const after = runs.find(r => r !== run && digits(r) && beside(run, r));
  const out: string[] = [];
  if (before) out.push(before.text + run.text);
  if (after) out.push(run.text + after.text);
  if (before && after) out.push(before.text + run.text + after.text);
  return out;
}

/** A run's text as one number would be read (parseAmount drops the gaps OCR leaves inside numbers). */
const compact = (text: string): string => text.replace(/\s+/g, '');

export interface AmountVetting {
  runs: TextRun[];
  /** Readings that broke the page's amount form, those read again to a good form, and those marked unreadable. */
  suspects: number;
  corrected: number;
  unreadable: number;
}

/**
 * Vet every amount reading of a page — each run, as it will become a cell's text — and read the
 * implausible ones again from the image (`read` is the engine, `wanted` turns false when the page has
 * been abandoned).
 */
export async function vetAmounts(
  img: GrayImage, runs: readonly TextRun[], pxPerPt: number, s: AmountSettings,
  read: (image: GrayImage, mode: ReadMode) => Promise<OcrLine[]>, wanted: () => boolean,
): Promise<AmountVetting> {
  const out: AmountVetting = { runs: [...runs], suspects: 0, corrected: 0, unreadable: 0 };
  if (!s.enabled) return out;
  const decimals = decimalConvention(runs.map(r => compact(r.text)), s);
  const grouped = runs.some(r => READ_GROUPED_AMOUNT.test(compact(r.text)));
  out.runs = joinLostPoints(runs, decimals);
  const joined = [...out.runs];
  const pad = Math.round(s.cropPadPt * pxPerPt);
  let budget = s.maxRereads;
  for (const [i, run] of out.runs.entries()) {
    const text = compact(run.text);
    if (implausibleAmount(text, decimals, grouped) === null) continue;
    // OCR may split one printed number into two runs ("172.8" and "9"); the cell joins them again.
    if (pieces(joined, run).some(t => AMOUNT_ALPHABET.test(compact(t)) && implausibleAmount(compact(t), decimals, grouped) === null)) continue;
    out.suspects++;
    const box = runBoxPx(run, pxPerPt, img);
    const better = box && budget-- > 0 && wanted() ? await readAgain(img, box, pad, decimals, grouped, s, read, wanted, text) : null;
    if (better) out.corrected++; else out.unreadable++;
    out.runs[i] = { ...run, text: better ?? `${UNREADABLE_MARK}${text}` };
  }
  return out;
}

/**
 * An amount whose decimal point OCR lost reads as two runs side by side on its line: an integer with
 * thousands separators and the page's number of decimal digits ("14,820" and "00" where 14,820.00 is
 * printed). Each such pair is one run again, its text the two readings apart ("14,820 00"), which the
 * vetting then reads again as the number it is or marks unreadable — never two cells' worth of figures.
 */
export function joinLostPoints(runs: readonly TextRun[], decimals: number | null): TextRun[] {
  if (!decimals) return [...runs];
  const out = [...runs];
  const fraction = new RegExp(`^\\d{${decimals}}$`);
  for (let i = 0; i < out.length; i++) {
    const a = out[i]!;
    if (!/^-?\d{1,3}(?:,\d{3})+$/.test(compact(a.text))) continue;
    const h = a.bottom - a.top;
    const j = out.findIndex(b => b !== a && fraction.test(compact(b.text)) && b.x0 >= a.x1 - 0.5 && b.x0 - a.x1 < 1.5 * h
      && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 0.5 * Math.min(h, b.bottom - b.top));
    if (j < 0) continue;
    const b = out[j]!;
    out[i] = {
      ...a, text: `${a.text} ${b.text}`, x1: b.x1, top: Math.min(a.top, b.top), bottom: Math.max(a.bottom, b.bottom),
      ...(a.confidence !== undefined || b.confidence !== undefined ? { confidence: Math.min(a.confidence ?? 100, b.confidence ?? 100) } : {}),
    };
    out.splice(j, 1);
    if (j < i) i--;
  }
  return out;
}

/** A run's box in the page image's pixels, clipped to the image; null when nothing of it is left. */
export function runBoxPx(run: TextRun, pxPerPt: number, img: GrayImage): CellBox | null {
  const clamp = (v: number, hi: number): number => Math.max(0, Math.min(hi, Math.round(v)));
  const box = {
    x0: clamp(run.x0 * pxPerPt, img.width), top: clamp(run.top * pxPerPt, img.height),
    x1: clamp(run.x1 * pxPerPt, img.width), bottom: clamp(run.bottom * pxPerPt, img.height),
  };
  return box.x1 > box.x0 && box.bottom > box.top ? box : null;
}

/**
 * Each look read as one amount (glyph repairs; on a page that groups thousands, the commas of a look
 * read whole put back); null once the page is abandoned (time limit): its engine is gone, and no
 * further read may be started.
 */
export async function readLooks(
  looks: readonly GrayImage[], mode: ReadMode, grouped: boolean,
  read: (image: GrayImage, mode: ReadMode) => Promise<OcrLine[]>, wanted: () => boolean,
): Promise<string[] | null> {
  const texts: string[] = [];
  for (const look of looks) {
    if (!wanted()) return null;
    const text = repairNumber(compact((await read(look, mode)).flatMap(l => l.words.map(w => w.text.trim())).join('')));
    texts.push(grouped && READ_UNGROUPED_AMOUNT.test(text) ? text.replace(/\B(?=(\d{3})+\.)/g, ',') : text);
  }
  return texts;
}

/**
 * Look again three ways; the reading when every well-formed one agrees, else null. When the page reading
 * (`raw`) is an amount with glyphs no amount holds in places ("T,344.46"), the looks that keep its shape
 * — its length, its separators where it has them, its digits where it has them — say what those glyphs
 * are: a look that lost or gained glyphs ("334.46") is set aside when at least two that keep the shape
 * read it the same way (and none that keeps it reads otherwise).
 */
async function readAgain(
  img: GrayImage, box: CellBox, pad: number, decimals: number | null, grouped: boolean, s: AmountSettings,
  read: (image: GrayImage, mode: ReadMode) => Promise<OcrLine[]>, wanted: () => boolean, raw = '',
): Promise<string | null> {
  const crop = cropWithMargin(img, box, pad);
  const looks = [crop, upscale(crop, s.upscale), twoTone(crop, Math.max(0, otsuThreshold(crop) - s.thresholdShift))];
  const good = (await readLooks(looks, 'digits', grouped, read, wanted))
    ?.filter(t => decimalsOf(t) !== null && implausibleAmount(t, decimals, grouped) === null) ?? [];
  if (good.length > 0 && good.every(t => t === good[0])) return good[0]!;
  const shaped = good.filter(t => keepsShape(raw, t));
  return shaped.length >= 2 && shaped.every(t => t === shaped[0]) ? shaped[0]! : null;
}

/**
 * `look` reads `raw` in its shape: `raw` holds glyphs no amount holds (letters, marks) among its digits and
 * separators, and `look` has the same length, the same separators where `raw` has them, and the same
 * digits where `raw` has digits; only the odd glyphs differ.
 */
export function keepsShape(raw: string, look: string): boolean {
  const r = [...raw], l = [...look];
  if (!r.some(c => !/[\d.,-]/.test(c)) || r.length !== l.length) return false;
  return r.every((c, k) => !/[\d.,-]/.test(c) ? /\d/.test(l[k]!) : c === l[k]);
}

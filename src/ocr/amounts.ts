/**
 * A reading that cannot be right is not accepted. Amounts on a page follow its convention: one number
 * of decimal places (two, in almost every budget table), thousands separators every three digits, no
 * leading zero, nothing but digits and separators. A reading that breaks it ("5.602" on a page of
 * two-decimal figures, "05.20", "14.3?") is read again from the image — digits only, enlarged, and
 * binarised at another level — and the new reading is kept when every look that gives a well-formed
 * amount agrees. Otherwise the word is marked unreadable (UNREADABLE_MARK before its raw text): the
 * cell keeps what was read and no number is made of it, so no plausible-looking wrong figure goes on.
 */
import { AMOUNT_ALPHABET, READ_DECIMAL_AMOUNT, READ_GROUPED_AMOUNT, READ_UNGROUPED_AMOUNT, UNREADABLE_MARK } from '../model/amounts.js';
import type { ReadMode } from './engine.js';
import { otsuThreshold, twoTone, upscale, type GrayImage } from './image.js';
import { cropWithMargin, type CellBox } from './cells.js';
import type { TextRun } from '../model/page.js';
import { repairNumber, type OcrLine } from './words.js';

export interface AmountSettings {
  /** Vet amount readings at all. */
  enabled: boolean;
  /** A page sets a decimal convention once it prints at least this many amounts with a decimal part… */
  minConventionAmounts: number;
  /** …and this share of them have the same number of decimal places. */
  minConventionShare: number;
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

/** Decimal places of an amount reading, or null when it has no decimal part. */
const decimalsOf = (text: string): number | null => READ_DECIMAL_AMOUNT.exec(text)?.[1]!.length ?? null;

/** The page's decimal convention: the decimal places nearly all its amounts have, or null. */
export function decimalConvention(texts: readonly string[], s: AmountSettings = DEFAULT_AMOUNT_SETTINGS): number | null {
  const counts = new Map<number, number>();
  let n = 0;
  for (const t of texts) {
    const d = decimalsOf(t);
    if (d === null) continue;
    n++;
    counts.set(d, (counts.get(d) ?? 0) + 1);
  }
  if (n < s.minConventionAmounts) return null;
  const [d, k] = [...counts].sort((a, b) => b[1] - a[1])[0]!;
  return k >= s.minConventionShare * n ? d : null;
}

/**
 * Why a reading cannot be a printed amount of this page, or null when it can (or is no amount at all:
 * labels, codes, years, percentages are not judged here). `grouped`: the page prints thousands
 * separators. A reading read whole without them has had them put back already (restoreThousands, the
 * commas are the smallest marks); one that reaches here without them was read in pieces ("2 664. 22"
 * for 27,664.22), and the gap may hold what was lost.
 */
export function implausibleAmount(text: string, decimals: number | null, grouped = false): string | null {
  if (/[\p{Script=Han}%％]/u.test(text) || (text.match(/\d/g)?.length ?? 0) < 2) return null;
  if (!AMOUNT_ALPHABET.test(text)) {
    // Digits with a decimal part and something a number cannot hold ("14.3?", "1a.37").
    return /\d[.,]\d/.test(text) && /^[^\p{L}]*\p{L}?[^\p{L}]*$/u.test(text) ? 'characters outside the amount alphabet' : null;
  }
  if (!/\.\d/.test(text)) return null; // integers: codes, counts, 元 amounts — no convention to hold them to
  if ((text.match(/\./g) ?? []).length > 1) return 'more than one decimal point';
  if (/^-?0\d/.test(text)) return 'a leading zero';
  if (text.includes(',') && !READ_GROUPED_AMOUNT.test(text)) return 'thousands separators out of place';
  if (grouped && READ_UNGROUPED_AMOUNT.test(text)) return 'no thousands separators where the page prints them';
  const d = decimalsOf(text);
  if (decimals !== null && d !== null && d !== decimals) return `${d} decimal places where the page prints ${decimals}`;
  return null;
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
  const pad = Math.round(s.cropPadPt * pxPerPt);
  let budget = s.maxRereads;
  for (const [i, run] of out.runs.entries()) {
    const text = compact(run.text);
    if (implausibleAmount(text, decimals, grouped) === null) continue;
    // OCR may split one printed number into two runs ("172.8" and "9"); the cell joins them again.
    if (pieces(runs, run).some(t => implausibleAmount(compact(t), decimals, grouped) === null)) continue;
    out.suspects++;
    const box = runBoxPx(run, pxPerPt, img);
    const better = box && budget-- > 0 && wanted() ? await readAgain(img, box, pad, decimals, grouped, s, read, wanted) : null;
    if (better) out.corrected++; else out.unreadable++;
    out.runs[i] = { ...run, text: better ?? `${UNREADABLE_MARK}${text}` };
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

/** Look again three ways; the reading when every well-formed one agrees, else null. */
async function readAgain(
  img: GrayImage, box: CellBox, pad: number, decimals: number | null, grouped: boolean, s: AmountSettings,
  read: (image: GrayImage, mode: ReadMode) => Promise<OcrLine[]>, wanted: () => boolean,
): Promise<string | null> {
  const crop = cropWithMargin(img, box, pad);
  const looks = [crop, upscale(crop, s.upscale), twoTone(crop, Math.max(0, otsuThreshold(crop) - s.thresholdShift))];
  const good = (await readLooks(looks, 'digits', grouped, read, wanted))
    ?.filter(t => decimalsOf(t) !== null && implausibleAmount(t, decimals, grouped) === null) ?? [];
  return good.length > 0 && good.every(t => t === good[0]) ? good[0]! : null;
}

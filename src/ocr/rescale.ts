/**
 * Amounts read again at smaller scales. The engine's reading of digits depends on their size in
 * pixels: print that is sharp and of a certain size (a broken-text copy rendered from its fonts, a
 * serif figure font) can be misread consistently at the page's resolution — "320.72" for 326.72,
 * "1353.25" for 135.25, a figure whose 6 reads as 0 — yet read correctly when the same glyphs are a
 * quarter or a third smaller. Such misreadings are plausible amounts, so the vetting of their form
 * (amounts.ts) lets them pass; what gives them away is the engine's low confidence.
 *
 * Every amount read with low confidence, and every amount marked unreadable, is read again from the
 * image shrunk to each of the configured scales. When every shrunk look gives the same amount, well
 * formed for the page, that amount is taken; otherwise the reading stays as it was.
 */
import { parseAmount, READ_DECIMAL_AMOUNT, READ_GROUPED_AMOUNT, unreadableReading } from '../model/amounts.js';
import type { TextRun } from '../model/page.js';
import { decimalConvention, implausibleAmount, readLooks, runBoxPx } from './amounts.js';
import type { ReadMode } from './engine.js';
import { shrink, type GrayImage } from './image.js';
import { cropRegion } from './recover.js';
import type { OcrLine } from './words.js';

export interface RescaleSettings {
  enabled: boolean;
  /** Amount readings whose confidence (0–100) is below this are read again. */
  maxConfidence: number;
  /**
   * On a page where at least this share of the amount readings are below maxConfidence, the print reads
   * poorly at this scale and more confident readings are doubtful too: those below doubtfulPageConfidence
   * are read again as well.
   */
  doubtfulPageShare: number;
  doubtfulPageConfidence: number;
  /** The shrunk looks (factors below 1); all must agree. */
  scales: readonly number[];
  /** White margin around the run's box in the crop. */
  cropPadPt: number;
  /** At most this many readings per page are read again. */
  maxRereads: number;
}

export const DEFAULT_RESCALE_SETTINGS: RescaleSettings = {
  enabled: true,
  maxConfidence: 75,
  doubtfulPageShare: 0.25,
  doubtfulPageConfidence: 90,
  scales: [0.75, 0.6],
  cropPadPt: 3,
  maxRereads: 40,
};

export interface Rescaled {
  runs: TextRun[];
  /** Readings read again, and those the shrunk looks changed. */
  reread: number;
  changed: number;
}

const compact = (text: string): string => text.replace(/\s+/g, '');

/** The amount a run's reading stands for: its text, or the raw reading of one marked unreadable. */
const readingOf = (run: TextRun): { text: string; unreadable: boolean } => {
  const raw = unreadableReading(run.text);
  return raw === null ? { text: compact(run.text), unreadable: false } : { text: compact(raw), unreadable: true };
};

/** Read again every low-confidence or unreadable amount of a page at smaller scales (see the top of the file). */
export async function rereadSmaller(
  img: GrayImage, runs: readonly TextRun[], pxPerPt: number, s: RescaleSettings,
  read: (image: GrayImage, mode: ReadMode) => Promise<OcrLine[]>, wanted: () => boolean,
): Promise<Rescaled> {
  const out: Rescaled = { runs: [...runs], reread: 0, changed: 0 };
  if (!s.enabled || !s.scales.length) return out;
  const decimals = decimalConvention(runs.map(r => readingOf(r).text));
  const grouped = runs.some(r => READ_GROUPED_AMOUNT.test(readingOf(r).text));
  const pad = Math.round(s.cropPadPt * pxPerPt);
  let budget = s.maxRereads;
  const amounts = runs.filter(r => r.confidence !== undefined && READ_DECIMAL_AMOUNT.test(readingOf(r).text));
  const doubtful = amounts.filter(r => r.confidence! < s.maxConfidence).length >= s.doubtfulPageShare * amounts.length;
  const below = doubtful ? Math.max(s.maxConfidence, s.doubtfulPageConfidence) : s.maxConfidence;
  for (const [i, run] of out.runs.entries()) {
    const { text, unreadable } = readingOf(run);
    if (!unreadable && (run.confidence === undefined || run.confidence >= below || !READ_DECIMAL_AMOUNT.test(text))) continue;
    if (unreadable && !/\d[.,]\d/.test(text)) continue;
    if (budget-- <= 0 || !wanted()) break;
    out.reread++;
    const box = runBoxPx(run, pxPerPt, img);
    if (!box) continue;
    const crop = cropRegion(img, box, pad).image;
    const looks = await readLooks(s.scales.map(scale => shrink(crop, scale)), 'block', grouped, read, wanted);
    if (!looks) return out;
    const agreed = agreedAmount(looks, decimals, grouped);
    if (agreed === null || (!unreadable && parseAmount(agreed) === parseAmount(text))) continue;
    out.changed++;
    out.runs[i] = { ...run, text: agreed };
  }
  return out;
}

/**
 * The amount every look gives, when each is a well-formed amount of the page (its decimal places, its
 * separators) and all stand for the same number; the first look's text. Else null.
 */
export function agreedAmount(looks: readonly string[], decimals: number | null, grouped: boolean): string | null {
  if (!looks.length) return null;
  for (const t of looks) if (!READ_DECIMAL_AMOUNT.test(t) || implausibleAmount(t, decimals, grouped) !== null) return null;
  const v = parseAmount(looks[0]!);
  return v !== null && looks.every(t => parseAmount(t) === v) ? looks[0]! : null;
}

/**
 * How far a printed figure may be from the sum it should equal. The rounding slack exists for
 * figures the publisher converted (元 ↔ 万元, each part rounded on its own); it is not there to absorb
 * misreadings. A figure read by OCR is taken at its word: a sum that touches an OCR'd page must hold
 * exactly ("5.602" read for "5.62" is off by 0.018, within three terms' slack, and must not pass).
 */
import type { OutputDocument } from '../model/document.js';
import type { ValidationSettings } from './settings.js';

/** Pages whose text came from OCR. */
export function ocrPageSet(doc: OutputDocument): ReadonlySet<number> {
  return new Set(doc.pages.filter(p => p.text_source === 'ocr').map(p => p.number));
}

/** Slack in hundredths for a sum of `terms` parts whose figures are printed on `pages`. */
export function sumSlack(settings: ValidationSettings, ocrPages: ReadonlySet<number>, pages: Iterable<number>, terms: number): number {
  for (const p of pages) if (ocrPages.has(p)) return 0;
  return terms * settings.roundingSlackPerTermHundredths;
}

/**
 * Slack in fen between two printings of one figure: the coarser precision (times the setting) when the
 * publisher printed both, half the coarser precision when either was read by OCR and the two differ in
 * precision (one was rounded from the other), none when either was read by OCR at the same precision.
 */
export function sameFigureSlackFen(settings: ValidationSettings, ocrPages: ReadonlySet<number>,
  a: { precisionFen: number; page: number | null }, b: { precisionFen: number; page: number | null }): number {
  const coarser = Math.max(a.precisionFen, b.precisionFen);
  const ocr = (a.page !== null && ocrPages.has(a.page)) || (b.page !== null && ocrPages.has(b.page));
  if (!ocr) return coarser * settings.crossTableSlackPrecisionUnits;
  return a.precisionFen === b.precisionFen ? 0 : coarser / 2;
}

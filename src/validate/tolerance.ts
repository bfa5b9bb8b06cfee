/**
 * How far a printed figure may be from the sum it should equal. The rounding slack exists for
 * figures the publisher converted (元 ↔ 万元, each part rounded on its own); it is not there to absorb
 * misreadings. A figure read by OCR is taken at its word: a sum that touches an OCR'd page must hold
 * exactly ("5.602" read for "5.62" is off by 0.018, within three terms' slack, and must not pass).
 */
import type { OutputDocument } from '../model/document.js';
import type { ValidationSettings } from './settings.js';

/** Pages whose text came from OCR; `finePrint` those of them whose amounts are printed finer than hundredths. */
export interface OcrPages extends ReadonlySet<number> {
  readonly finePrint?: ReadonlySet<number>;
}

/** Pages whose text came from OCR, with those printing amounts finer than hundredths ("122.800000"). */
export function ocrPageSet(doc: OutputDocument): OcrPages {
  const pages = new Set(doc.pages.filter(p => p.text_source === 'ocr').map(p => p.number));
  const tally = new Map<number, { fine: number; all: number }>();
  for (const table of doc.tables) {
    for (const row of table.rows) {
      if (!pages.has(row.page)) continue;
      const t = tally.get(row.page) ?? { fine: 0, all: 0 };
      for (const cell of row.cells) {
        const m = /^-?[\d,]+\.(\d+)$/.exec(cell.trim());
        if (!m) continue;
        t.all++;
        if (m[1]!.length > 2) t.fine++;
      }
      tally.set(row.page, t);
    }
  }
  // Most of the page's amounts, so that one misread with a third decimal ("5.602") does not make a page fine.
  const finePrint = new Set([...tally].filter(([, t]) => t.fine * 2 > t.all).map(([p]) => p));
  return Object.assign(pages, { finePrint });
}

/**
 * Slack in hundredths for a sum of `terms` parts whose figures are printed on `pages`. On OCR'd pages
 * none, except that figures printed finer than hundredths are compared rounded to hundredths, each
 * part and the total off by up to half a hundredth.
 */
export function sumSlack(settings: ValidationSettings, ocrPages: OcrPages, pages: Iterable<number>, terms: number): number {
  const list = [...pages];
  if (list.some(p => ocrPages.has(p))) return list.some(p => ocrPages.finePrint?.has(p)) ? Math.floor((terms + 1) / 2) : 0;
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

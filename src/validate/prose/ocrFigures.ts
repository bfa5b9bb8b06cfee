/**
 * Whether a figure read from an OCR'd page has the form a printed figure has. OCR cuts numbers ("8.35"
 * read as "8 35" or "8。35", leaving "35万元"), adds digits ("1.549%" for "1.54%") and marks what it could
 * not read (UNREADABLE_MARK); a prose check built on such a figure would report the misreading as the
 * document's error.
 */
import { UNREADABLE_MARK } from '../../model/amounts.js';
import type { Mention } from './parse.js';

/** Why a mention's form is doubtful, or null when it reads like a printed figure. */
export function doubtfulOcrFigure(m: Mention): string | null {
  if (m.before.endsWith(UNREADABLE_MARK) || m.printed.includes(UNREADABLE_MARK)) return 'OCR marked it unreadable';
  // A digit, or a digit and a separator or gap, right before the figure: the number was cut in two.
  if (/\d[\s.,，。、·．:：]*$/.test(m.before)) return 'the digits before it suggest a number cut in two';
  if (/[.．·。]$/.test(m.before)) return 'it follows a stray decimal point';
  if (m.kind === 'percent' && m.decimals > 2) return `${m.decimals} decimal places in a percentage`;
  if (m.kind === 'amount' && (m.unit === '万元' || m.unit === '元') && m.decimals !== 0 && m.decimals !== 2) {
    return `${m.decimals} decimal place(s) in an amount in ${m.unit}`;
  }
  return null;
}

import { YUAN_PER_UNIT } from '../model/currencyUnit.js';
import type { CurrencyUnit } from '../model/document.js';

/** An amount in the table's unit → integer hundredths of that unit. */
export function toHundredths(amount: number): number {
  return Math.round(amount * 100);
}

/** 分 in one hundredth of the unit: 1 for 元, 10 000 for 万元. */
export function fenPerHundredth(unit: CurrencyUnit): number {
  return fenPerUnit(unit) / 100;
}

/** 分 (fen) in one of the printed unit. */
export function fenPerUnit(unit: CurrencyUnit): number {
  return YUAN_PER_UNIT[unit] * 100;
}

/** Print hundredths as the document would: 3,481.70. */
export function formatHundredths(h: number): string {
  const neg = h < 0;
  const abs = Math.abs(h);
  const whole = Math.floor(abs / 100).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const frac = (abs % 100).toString().padStart(2, '0');
  return `${neg ? '-' : ''}${whole}.${frac}`;
}

/** Print fen in a given unit: formatFen(348170000000, '万元') → "3,481.70 万元". */
export function formatFen(fen: number, unit: CurrencyUnit): string {
  return `${formatHundredths(Math.round(fen / fenPerHundredth(unit)))} ${unit}`;
}

/** Hundredths back to a plain number in the table's unit (for Check.expected / actual). */
export function fromHundredths(h: number): number {
  return h / 100;
}

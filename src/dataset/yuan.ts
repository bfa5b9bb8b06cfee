import { YUAN_PER_UNIT } from '../model/currencyUnit.js';
import type { CurrencyUnit } from '../model/document.js';

/** How many 元 one printed unit is, as a bigint for exact arithmetic. */
const yuanPerUnit = (unit: CurrencyUnit): bigint => BigInt(YUAN_PER_UNIT[unit]);

const DECIMAL = /^([-−–]?)(\d+)(?:\.(\d+))?$/;

/**
 * A printed amount ("1,234.56", in `unit`) as an exact decimal string of 元, computed in integers:
 * 809.21 万元 → "8092100.00". At least two decimals (分); more only when the printed figure is finer
 * than a 分. Null when the text is not a number.
 */
export function toYuan(printed: string, unit: CurrencyUnit): string | null {
  const m = printed.replace(/[\s,]/g, '').match(DECIMAL);
  if (!m) return null;
  const fraction = m[3] ?? '';
  let scaled = BigInt(m[2] + fraction) * yuanPerUnit(unit);
  let scale = fraction.length;
  if (scale < 2) { scaled *= 10n ** BigInt(2 - scale); scale = 2; }
  while (scale > 2 && scaled % 10n === 0n) { scaled /= 10n; scale--; }
  const digits = scaled.toString().padStart(scale + 1, '0');
  const text = `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
  return m[1] && scaled !== 0n ? `-${text}` : text;
}

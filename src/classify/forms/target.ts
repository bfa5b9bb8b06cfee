import { LEADING_FIGURE, parseAmount } from '../../model/amounts.js';
import type { Comparator } from '../../model/forms.js';

export interface ParsedTarget { comparator: Comparator | null; value: number | null; value_unit: string | null }

/** Printed comparators, longest first, and the symbol each one means. */
const COMPARATORS: [RegExp, Comparator][] = [
  [/^(>=|＞=|≥|≧|⩾|不低于|不少于|大于等于|大于或等于)/, '≥'],
  [/^(<=|＜=|≤|≦|⩽|不高于|不超过|不多于|小于等于|小于或等于)/, '≤'],
  [/^(>|＞|大于|高于|超过)/, '>'],
  [/^(<|＜|小于|低于)/, '<'],
  [/^(==|=|＝|等于)/, '='],
];

/** A unit after the number: short, no digits, no brackets or sentence punctuation ("次", "%", "万元/辆", "个月"). */
const UNIT = /^[^\d\s()（）[\]【】，,；;。:：]{1,6}$/;

/**
 * A printed target as comparator, number and unit: ">=4 次" → ≥ 4 次, "=100%" → = 100 %, "≤ 30 日" → ≤ 30 日.
 * A bare figure ("100%") reads as "=". Words alone ("优", "达标", "有效保障") are 定性. Anything else keeps
 * comparator, number and unit null: a date, "≤核定人数", a figure with a remark — never a guessed number.
 */
export function parseTarget(printed: string): ParsedTarget {
  const none: ParsedTarget = { comparator: null, value: null, value_unit: null };
  let t = printed.normalize('NFKC').replace(/\s+/g, ' ').trim();
  if (!t) return none;
  let comparator: Comparator | null = null;
  for (const [re, c] of COMPARATORS) {
    const m = re.exec(t);
    if (m) { comparator = c; t = t.slice(m[0].length).trim(); break; }
  }
  if (!/\d/.test(t)) {
    return comparator === null && t.length > 0 && !/[<>=≤≥]/.test(t) ? { comparator: '定性', value: null, value_unit: null } : none;
  }
  const m = LEADING_FIGURE.exec(t);
  if (!m) return none;
  const rest = t.slice(m[0].length).trim();
  if (rest !== '' && !UNIT.test(rest)) return none;
  const value = parseAmount(m[1]!);
  if (value === null) return none;
  return { comparator: comparator ?? '=', value, value_unit: rest || null };
}

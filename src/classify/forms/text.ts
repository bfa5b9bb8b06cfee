import { parseAmount, PLAIN_NUMBER } from '../../model/amounts.js';
import type { CurrencyUnit } from '../../model/currencyUnit.js';

/** Runs of spaces folded to one. */
export const tidyText = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** A target with the digits a text layer split by a space joined again ("2024年1 2月", "2702.7 0"). */
export const tidyFigure = (text: string): string => tidyText(text).replace(/(\d\.?)\s+(?=[\d.])/g, '$1');

/** Fragments of one wrapped cell, in reading order, as one text (CJK lines join without a space). */
export function joinFragments(parts: readonly string[]): string {
  let out = '';
  for (const raw of parts) {
    const p = raw.trim();
    if (!p) continue;
    out += out && /[A-Za-z0-9]$/.test(out) && /^[A-Za-z0-9]/.test(p) ? ` ${p}` : p;
  }
  return tidyText(out);
}

/** A printed amount, or null ("", "—", labels). */
export const amountOf = (cell: string | undefined): number | null => parseAmount((cell ?? '').replace(/\s+/g, ''));

/** The currency unit a label names ("项目资金（万元）" → 万元). */
export function unitInLabel(label: string): CurrencyUnit | null {
  const m = /[（(]\s*(亿元|万元|千元|元)\s*[)）]/.exec(label);
  return (m?.[1] as CurrencyUnit | undefined) ?? null;
}

/** A label without its unit, colon or "其中" ("其中：财政拨款" → "财政拨款"). */
export const cleanLabel = (label: string): string =>
  label.replace(/[（(]\s*(亿元|万元|千元|元)\s*[)）]/g, '').replace(/^其中\s*[:：]?/, '').replace(/[:：\s]+$/g, '').replace(/\s+/g, '').trim();

/** A printed weight ("18", "10分", "20%"). */
export function weightOf(cell: string | undefined): number | null {
  const t = (cell ?? '').normalize('NFKC').trim().replace(/\s*(分|%)$/, '');
  return PLAIN_NUMBER.test(t) ? Number(t) : null;
}

/** A project cell split into its code and name ("11000021T00000012 2127-购买考试服务支出项目"). */
export function splitProjectCode(text: string): { code: string | null; name: string } {
  let rest = text.trim();
  const codes: string[] = [];
  const big = /^([0-9A-Z]{8,})(?=\s|[-－—]|[\u4e00-\u9fff]|$)\s*/.exec(rest);
  if (big && /\d{4}/.test(big[1]!)) { codes.push(big[1]!); rest = rest.slice(big[0].length); }
  // A number before a dash and another number is a range of years ("1980—2018年…"), not a code.
  const small = /^(\d{2,})\s*[-－—](?!\s*\d)\s*/.exec(rest);
  if (small) { codes.push(small[1]!); rest = rest.slice(small[0].length); }
  return { code: codes.length ? codes.join(' ') : null, name: rest.trim() };
}

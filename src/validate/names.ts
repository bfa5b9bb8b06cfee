/** Label helpers: the printed words of rows and columns, normalised for comparison. */

/** Remove every space (ASCII, full-width, NBSP) and fold full-width brackets and colons. */
export function normLabel(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/[\s\u3000\u00a0]+/g, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .replace(/：/g, ':')
    .replace(/[“”"‘’']/g, '');
}

/** Outline markers at the start of an income/expenditure line. */
const LEVEL1 = /^[一二三四五六七八九十]+[、.．]/;
const LEVEL2 = /^(\d+[.、．](?!\d)|[(（][一二三四五六七八九十]+[)）]|[(（]\d+[)）])/;
const OF_WHICH = /^其中[:：]?/;

export type OutlineLevel = 1 | 2 | 'of_which' | null;

export function outlineLevel(name: string): OutlineLevel {
  const n = name.trim();
  if (OF_WHICH.test(n)) return 'of_which';
  if (LEVEL1.test(n)) return 1;
  if (LEVEL2.test(n)) return 2;
  return null;
}

/** "一、社会保障和就业支出" → "社会保障和就业支出"; "其中：一般财力" → "一般财力". */
export function stripMarker(name: string): string {
  let n = normLabel(name);
  n = n.replace(OF_WHICH, '');
  n = n.replace(/^[一二三四五六七八九十]+[、.．]/, '');
  n = n.replace(/^(\d+[.、．](?!\d)|\([一二三四五六七八九十]+\)|\(\d+\))/, '');
  return n;
}

/** Total rows: 合计, 总计, 收入总计, 支出总计, 本年收入合计, 小计 … (whitespace already removed). */
const TOTAL_NAME = /^(本年|当年|上年)?(收入|支出|收支)?(合计|总计|小计)$/;

export function isTotalName(name: string | null): boolean {
  if (!name) return false;
  return TOTAL_NAME.test(stripMarker(name));
}


/** Column header segment meaning "the total of its siblings". */
export function isTotalSegment(seg: string): boolean {
  const n = normLabel(seg);
  return /(合计|总计|小计)$/.test(n) && !/^其中/.test(n);
}

/** A "其中" column or line: a part of its predecessor, not an addend of the total. */
export function isOfWhichSegment(seg: string): boolean {
  return /^其中/.test(normLabel(seg));
}

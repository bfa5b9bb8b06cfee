/** Label helpers: the printed words of rows and columns, normalised for comparison. */

import { normLabel } from '../model/text.js';

export { normLabel };

/**
 * Outline markers at the start of an income/expenditure line, outermost first, as Chinese official
 * documents number their levels: 一、 > （一） > 1. / 1、 > （1） > ①.
 */
const MARKERS: RegExp[] = [
  /^[一二三四五六七八九十]+[、.．]/,
  /^[(（][一二三四五六七八九十]+[)）]/,
  /^\d+[.、．](?!\d)/,
  /^[(（]\d+[)）]/,
  /^[①-⑳]/,
];
const OF_WHICH = /^其中[:：]?/;

/** 1 for the outermost marker (一、) … 5 for ①; "of_which" for 其中; null for an unmarked line. */
export type OutlineLevel = number | 'of_which' | null;

export function outlineLevel(name: string): OutlineLevel {
  const n = name.trim();
  if (OF_WHICH.test(n)) return 'of_which';
  const rank = MARKERS.findIndex((m) => m.test(n));
  return rank >= 0 ? rank + 1 : null;
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
/**
 * The bare "当年收入" / "本年支出" that older summary tables print, unnumbered, for the year's subtotal
 * (numbered, "一、本年收入" heads the lines below it instead).
 */
const YEAR_SUBTOTAL = /^(本年|当年)(收入|支出)$/;

export function isTotalName(name: string | null): boolean {
  if (!name) return false;
  return TOTAL_NAME.test(stripMarker(name)) || YEAR_SUBTOTAL.test(normLabel(name));
}


/** Column header segment meaning "the total of its siblings". */
export function isTotalSegment(seg: string): boolean {
  const n = normLabel(seg);
  return /(合计|总计|小计|总数|总额)$/.test(n) && !isOfWhichSegment(n);
}

/**
 * A "其中" column or line: a part of its predecessor, not an addend of the total. So is a column that
 * restates a total less something ("扣除基建项目后预算数", "不含…").
 */
export function isOfWhichSegment(seg: string): boolean {
  return /^(其中|扣除|剔除|不含)/.test(normLabel(seg));
}

// Government procurement is a cut across spending (what of it is bought through procurement), never a
// kind of spending beside 基本支出 and 项目支出.
const CROSS_CUT = /政府采购/;

/** Whether `seg` is a cut across its siblings' spending rather than a part of their total. */
export function isCrossCutSegment(seg: string, siblings: readonly string[]): boolean {
  return CROSS_CUT.test(normLabel(seg)) && siblings.some((s) => !CROSS_CUT.test(normLabel(s)) && !isTotalSegment(s));
}

/**
 * Whether a column beside a total is one of its parts. A total that names what it adds up ("“三公”经费合计")
 * covers only those siblings (因公出国（境）费, 公务用车…, 公务接待费), not 会议费 or 培训费 printed beside it.
 */
export function isPartOfTotal(totalSeg: string, seg: string): boolean {
  if (/三公/.test(normLabel(totalSeg))) return /因公出国|公务用车|公务接待|三公/.test(normLabel(seg));
  return true;
}

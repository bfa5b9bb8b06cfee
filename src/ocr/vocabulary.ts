/**
 * Constrained correction of what OCR read against the small vocabulary budget tables are printed in:
 * standard table titles and header terms. A misread glyph in a title ("财务收文预算总表" for
 * "财务收支预算总表", "一般公共预算基本文出") costs the whole table its type; the printed words are
 * nearly always one of a few hundred phrases, so a stretch of a run that is one glyph (two, for long
 * phrases) from exactly one phrase of the vocabulary is that phrase. Every edit is returned, so the
 * caller can record it; runs holding figures are never touched.
 */
import type { TextRun } from '../model/page.js';

/** Standard table titles (without the year and unit) and header terms of 预算/决算公开 tables. */
export const STANDARD_TERMS: readonly string[] = [
  // titles
  '部门收支总体情况表', '部门收入总体情况表', '部门支出总体情况表', '单位收支总体情况表', '单位收入总体情况表', '单位支出总体情况表',
  '财务收支预算总表', '部门财务收支预算总表', '收支预算总表', '收入预算总表', '支出预算总表', '部门收入预算表', '部门支出预算表',
  '财政拨款收支预算总表', '财政拨款收支总体情况表', '财政拨款收支预算总体情况表', '财政拨款支出预算表', '财政拨款收入支出决算表', '收入支出决算总表',
  '一般公共预算支出情况表', '一般公共预算支出预算表', '一般公共预算基本支出情况表', '一般公共预算基本支出预算表',
  '一般公共预算财政拨款支出预算表', '一般公共预算财政拨款基本支出预算表', '一般公共预算项目支出情况表',
  '政府性基金预算支出情况表', '政府性基金预算支出预算表', '国有资本经营预算支出情况表', '国有资本经营预算支出预算表',
  '三公经费支出预算表', '财政拨款三公经费支出情况表', '项目支出预算表', '项目支出情况表', '项目支出绩效目标表',
  '政府采购预算表', '政府采购预算明细表', '政府购买服务预算表', '机关运行经费预算表', '上年结转结余情况明细表',
  '部门整体支出绩效目标表', '基本支出预算表',
  // header terms
  '功能分类科目编码', '功能分类科目名称', '经济分类科目编码', '经济分类科目名称', '支出功能分类科目', '部门预算支出经济分类科目',
  '科目编码', '科目名称', '项目名称', '单位名称', '部门名称', '编制单位', '本年收入', '本年支出', '本年收入合计', '本年支出合计',
  '收入总计', '支出总计', '基本支出', '项目支出', '人员经费', '公用经费', '一般公共预算', '政府性基金预算', '国有资本经营预算',
  '财政拨款', '财政拨款（补助）', '财政专户管理资金', '单位资金', '事业收入', '事业单位经营收入', '上级补助收入',
  '附属单位上缴收入', '其他收入', '上年结转', '上年结转结余', '年末结转和结余', '用事业基金弥补收支差额', '预算数', '决算数',
  '因公出国（境）费', '公务接待费', '公务用车购置及运行费', '公务用车购置费', '公务用车运行费', '工资福利支出',
  '商品和服务支出', '对个人和家庭的补助', '资本性支出',
];

export interface TermEdit { from: string; to: string }

const isHan = (ch: string): boolean => /\p{Script=Han}/u.test(ch);
/** Glyphs allowed to differ for a phrase of this length (short phrases have too many real neighbours). */
const allowance = (len: number): number => (len >= 8 ? 2 : len >= 6 ? 1 : 0);
/**
 * Glyphs that turn one real budget phrase into another (事业单位经营支出 / …收入, 本年收入 / 本年支出):
 * reading one of them is what was printed, not a misreading to correct.
 */
const MEANINGFUL = new Set('收支入出增减上下本年');
/**
 * Look-alikes chi_sim reads for each other in these phrases (printed glyph → glyph read): when two
 * phrases are equally near a reading, the one reached through look-alikes only is what was printed
 * ("收文预算总表" is 收支预算总表, not 收入预算总表).
 */
const LOOKALIKES: ReadonlyMap<string, string> = new Map([['支', '文'], ['拨', '拔'], ['洋', '详']]);
const byLookalikes = (read: readonly string[], term: readonly string[]): boolean =>
  term.every((c, k) => c === read[k] || LOOKALIKES.get(c) === read[k]);

/**
 * The text with every stretch that nearly matches exactly one vocabulary phrase replaced by it.
 * Longer phrases are tried first; a differing glyph must be Han on both sides (a digit is a figure).
 */
export function correctTerms(text: string, terms: readonly string[] = STANDARD_TERMS): { text: string; edits: TermEdit[] } {
  if (/\d[\d,.]*\.\d/.test(text) || [...text].filter(isHan).length < 4) return { text, edits: [] };
  const chars = [...text];
  const fixed = new Array<boolean>(chars.length).fill(false);
  const edits: TermEdit[] = [];
  const sorted = [...new Set(terms)].sort((a, b) => [...b].length - [...a].length);
  for (const term of sorted) {
    const want = [...term], n = want.length, limit = allowance(n);
    if (limit === 0 || n > chars.length) continue;
    for (let i = 0; i + n <= chars.length; i++) {
      if (fixed.slice(i, i + n).some(Boolean)) continue;
      let diff = 0;
      for (let k = 0; k < n && diff <= limit; k++) {
        if (chars[i + k] === want[k]) continue;
        if (!isHan(chars[i + k]!) || !isHan(want[k]!) || MEANINGFUL.has(chars[i + k]!)) { diff = limit + 1; break; }
        diff++;
      }
      if (diff > limit) continue;
      const window = chars.slice(i, i + n).join('');
      if (diff > 0) {
        // Another phrase of the same length as near: the reading does not say which.
        const read = chars.slice(i, i + n);
        const rivals = sorted.filter(o => o !== term && [...o].length === n && [...o].filter((c, k) => c !== read[k]).length <= diff);
        if (rivals.length && !(byLookalikes(read, want) && !rivals.some(o => byLookalikes(read, [...o])))) continue;
        edits.push({ from: window, to: term });
        for (let k = 0; k < n; k++) chars[i + k] = want[k]!;
      }
      for (let k = 0; k < n; k++) fixed[i + k] = true;
    }
  }
  return { text: chars.join(''), edits };
}

/** Correct every run of a page; the edits are returned for the record. */
export function correctRuns(runs: readonly TextRun[], terms: readonly string[] = STANDARD_TERMS): { runs: TextRun[]; edits: TermEdit[] } {
  const edits: TermEdit[] = [];
  const out = runs.map(r => {
    const c = correctTerms(r.text, terms);
    if (!c.edits.length) return r;
    edits.push(...c.edits);
    return { ...r, text: c.text };
  });
  return { runs: out, edits };
}

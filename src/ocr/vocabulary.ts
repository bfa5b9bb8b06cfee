/**
 * Constrained correction of what OCR read against the small vocabulary budget tables are printed in:
 * standard table titles and header terms. A misread glyph in a title ("财务收文预算总表" for
 * "财务收支预算总表", "一般公共预算基本文出") costs the whole table its type; the printed words are
 * nearly always one of a few hundred phrases, so a stretch of a run that is one glyph (two, for long
 * phrases) from exactly one phrase of the vocabulary is that phrase. Every edit is returned, so the
 * caller can record it; runs holding figures are never touched.
 */
import { HOLDS_DECIMAL_FIGURE } from '../model/amounts.js';
import type { TextRun } from '../model/page.js';
import { MEANING_GLYPHS, nearestName } from '../codes/nearestName.js';
import { STANDARD_TERMS, SUMMARY_ROW_NAMES } from '../codes/standardTerms.js';

export interface TermEdit { from: string; to: string }

const isHan = (ch: string): boolean => /\p{Script=Han}/u.test(ch);
/** Glyphs allowed to differ for a phrase of this length (short phrases have too many real neighbours). */
const allowance = (len: number): number => (len >= 8 ? 2 : len >= 6 ? 1 : 0);
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
  if (HOLDS_DECIMAL_FIGURE.test(text) || [...text].filter(isHan).length < 4) return { text, edits: [] };
  const edits: TermEdit[] = [];
  const chars = dropSpecks([...text], terms, edits);
  const fixed = new Array<boolean>(chars.length).fill(false);
  const sorted = [...new Set(terms)].sort((a, b) => [...b].length - [...a].length);
  for (const term of sorted) {
    const want = [...term], n = want.length, limit = allowance(n);
    if (limit === 0 || n > chars.length) continue;
    for (let i = 0; i + n <= chars.length; i++) {
      if (fixed.slice(i, i + n).some(Boolean)) continue;
      let diff = 0;
      for (let k = 0; k < n && diff <= limit; k++) {
        if (chars[i + k] === want[k]) continue;
        if (!isHan(chars[i + k]!) || !isHan(want[k]!) || MEANING_GLYPHS.has(chars[i + k]!)) { diff = limit + 1; break; }
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

/** Marks a speck on the paper is read as. */
const SPECK = /^[:：.,，、'`·;；]$/u;

/**
 * A speck read as a mark between two glyphs of a phrase ("本年:收入" for 本年收入): the mark goes when
 * the text without it holds a vocabulary phrase (four glyphs or more) that runs across its place.
 */
function dropSpecks(chars: string[], terms: readonly string[], edits: TermEdit[]): string[] {
  let out = chars;
  for (let i = 1; i + 1 < out.length; i++) {
    if (!SPECK.test(out[i]!) || !isHan(out[i - 1]!) || !isHan(out[i + 1]!)) continue;
    const without = [...out.slice(0, i), ...out.slice(i + 1)];
    let found: { term: string; at: number } | null = null;
    for (const t of terms) {
      const want = [...t], n = want.length;
      if (n < 4) continue;
      for (let at = Math.max(0, i - n + 1); at <= i - 1 && at + n <= without.length && !found; at++) {
        if (want.every((c, k) => without[at + k] === c)) found = { term: t, at };
      }
      if (found) break;
    }
    if (!found) continue;
    edits.push({ from: out.slice(found.at, found.at + [...found.term].length + 1).join(''), to: found.term });
    out = without;
    i--;
  }
  return out;
}

/**
 * Runs of one line split at a speck read as a mark ("本年" and ":收入", one header cell) joined into one
 * run where the joined text, the mark dropped, holds a vocabulary phrase across the join: the phrase is
 * then corrected like any other. A run is joined only to the nearest run ending just left of it
 * (within half a glyph height) on the same line.
 */
function joinSpeckSplits(runs: readonly TextRun[], terms: readonly string[], edits: TermEdit[]): TextRun[] {
  const out = [...runs];
  const dropped = new Set<TextRun>();
  for (const b of runs) {
    const first = [...b.text];
    if (first.length < 2 || !SPECK.test(first[0]!) || !isHan(first[1]!)) continue;
    const h = b.bottom - b.top;
    const left = runs.filter(a => a !== b && !dropped.has(a) && isHan([...a.text].at(-1) ?? '')
      && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) >= 0.5 * Math.min(h, a.bottom - a.top)
      && b.x0 - a.x1 <= 0.5 * h && a.x1 - b.x0 <= 0.5 * h && a.x0 < b.x0);
    const a = left.sort((p, q) => q.x1 - p.x1)[0];
    if (!a) continue;
    const joined = `${a.text}${b.text}`;
    const c = correctTerms(joined, terms);
    const speckAt = [...a.text].length;
    // The speck must be what went: a phrase was found across it.
    if (!c.edits.length || [...c.text].length !== [...joined].length - 1 || [...c.text][speckAt] !== first[1]) continue;
    edits.push(...c.edits);
    const merged: TextRun = { ...a, text: c.text, x0: Math.min(a.x0, b.x0), x1: Math.max(a.x1, b.x1), top: Math.min(a.top, b.top), bottom: Math.max(a.bottom, b.bottom),
      ...(a.confidence !== undefined || b.confidence !== undefined ? { confidence: Math.min(a.confidence ?? 100, b.confidence ?? 100) } : {}) };
    out[out.indexOf(a)] = merged;
    out.splice(out.indexOf(b), 1);
    dropped.add(a).add(b);
  }
  return out;
}

/**
 * The run printed as the next line of the same cell as `a` (a header phrase wrapped: "一般公共预算资" over
 * "金"): just below it, within its width, both all Han; null when there is none or more than one.
 */
function wrappedLine(a: TextRun, runs: readonly TextRun[]): TextRun | null {
  const h = a.bottom - a.top;
  const below = runs.filter(b => b !== a && /^\p{Script=Han}+$/u.test(b.text)
    && b.top >= a.bottom - 0.3 * h && b.top - a.bottom < 0.8 * h && b.x0 >= a.x0 - 0.5 * h && b.x1 <= a.x1 + 0.5 * h);
  return below.length === 1 ? below[0]! : null;
}

let wrapNameCache: { terms: readonly string[]; names: string[] } | null = null;
/** Whole names a wrapped cell may hold: the vocabulary's phrases and the summary tables' row names (一般公共预算资金). */
function wrapNames(terms: readonly string[]): string[] {
  if (wrapNameCache?.terms !== terms) wrapNameCache = { terms, names: [...new Set([...terms, ...SUMMARY_ROW_NAMES])] };
  return wrapNameCache.names;
}

/** Correct every run of a page; the edits are returned for the record. */
export function correctRuns(runs: readonly TextRun[], terms: readonly string[] = STANDARD_TERMS): { runs: TextRun[]; edits: TermEdit[] } {
  const edits: TermEdit[] = [];
  const out = joinSpeckSplits(runs, terms, edits).map(r => {
    const c = correctTerms(r.text, terms);
    if (!c.edits.length) return r;
    edits.push(...c.edits);
    return { ...r, text: c.text };
  });
  // A phrase wrapped over two lines of its cell is corrected across the wrap: a vocabulary phrase running
  // across it, in the upper line (the lower one may start another phrase), or the two lines together
  // nearer one known header or summary name than any other (nearestName; "一般公共预算次" over "金").
  const texts = new Map<TextRun, string>();
  for (const r of out) {
    if (!/^\p{Script=Han}+$/u.test(r.text) || texts.has(r)) continue;
    const below = wrappedLine(r, out);
    if (!below || texts.has(below)) continue;
    const upper = [...r.text], lower = [...below.text], joined = r.text + below.text;
    const c = correctTerms(joined, terms);
    if (c.edits.length && c.text.endsWith(below.text) && [...c.text].length === upper.length + lower.length) {
      edits.push(...c.edits);
      texts.set(r, [...c.text].slice(0, upper.length).join(''));
      continue;
    }
    const near = nearestName(joined, wrapNames(terms));
    if (!near) continue;
    const name = [...near.name];
    if (name.length === upper.length + lower.length) {
      texts.set(r, name.slice(0, upper.length).join('')).set(below, name.slice(upper.length).join(''));
    } else if (near.name.endsWith(below.text)) {
      texts.set(r, name.slice(0, name.length - lower.length).join(''));
    } else continue;
    edits.push({ from: joined, to: near.name });
  }
  const wrapped = out.map(r => (texts.has(r) ? { ...r, text: texts.get(r)! } : r));
  return { runs: wrapped, edits };
}

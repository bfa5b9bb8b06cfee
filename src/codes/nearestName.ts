/**
 * The known name an OCR reading of a label stands for. Labels of budget tables are drawn from a small
 * vocabulary (the registry's names, standard titles and terms); a scan misreads glyphs of them
 * ("一般公共预算搜获收入" for 一般公共预算拨款收入), now and then loses one or reads a speck as one. A reading
 * is taken as a known name only when that name is near enough for its length and clearly nearer than
 * any other: a reading between two names says neither.
 */

const isHan = (ch: string): boolean => /\p{Script=Han}/u.test(ch);

/**
 * Glyphs that make one real name another (事业单位经营支出 / …收入, 本年收入 / 本年支出): a reading that
 * holds one of them is what was printed there, not a misreading to correct.
 */
export const MEANING_GLYPHS: ReadonlySet<string> = new Set('收支入出增减上下本年');

/** Plain edit distance in glyphs (insertions, deletions, substitutions; each costs one). */
export function glyphDistance(a: string, b: string): number {
  const x = [...a], y = [...b];
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    for (let j = 1; j <= y.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[y.length]!;
}

/** Glyphs `read` differs from `want` at (same length), or null when a difference may not be corrected. */
function substitutions(read: readonly string[], want: readonly string[]): number | null {
  let n = 0;
  for (let k = 0; k < read.length; k++) {
    if (read[k] === want[k]) continue;
    if (!isHan(read[k]!) || !isHan(want[k]!) || MEANING_GLYPHS.has(read[k]!)) return null;
    n++;
  }
  return n;
}

/**
 * How many edits turn the reading into `name` when only misreadings are allowed: Han glyphs read as
 * other Han glyphs (never one of MEANING_GLYPHS), plus at most one glyph lost or one extra glyph read.
 * Infinity when the reading cannot be a misreading of `name`.
 */
export function misreadDistance(reading: string, name: string): number {
  const read = [...reading], want = [...name];
  if (read.length === want.length) return substitutions(read, want) ?? Infinity;
  let best = Infinity;
  if (read.length === want.length + 1) {
    // A glyph too many (a speck read as a glyph): drop each one in turn.
    for (let k = 0; k < read.length; k++) {
      if (MEANING_GLYPHS.has(read[k]!) || !isHan(read[k]!)) continue;
      const s = substitutions([...read.slice(0, k), ...read.slice(k + 1)], want);
      if (s !== null) best = Math.min(best, s + 1);
    }
  } else if (read.length + 1 === want.length) {
    // A glyph lost: put each of the name's glyphs back in turn.
    for (let k = 0; k < want.length; k++) {
      if (!isHan(want[k]!)) continue;
      const s = substitutions(read, [...want.slice(0, k), ...want.slice(k + 1)]);
      if (s !== null) best = Math.min(best, s + 1);
    }
  }
  return best;
}

/** Edits allowed for a name of `n` glyphs when any known name may be meant (short names have real neighbours). */
export const vocabularyAllowance = (n: number): number => (n >= 12 ? 3 : n >= 8 ? 2 : n >= 6 ? 1 : 0);

export interface NearestName {
  name: string;
  /** Edits from the reading to the name. */
  distance: number;
  /** Edit distance from the reading to the next nearest candidate (Infinity when there is none). */
  runnerUp: number;
}

/**
 * The candidate the reading is a misreading of, or null: it must be within `allowance` edits (by
 * misreadDistance), the reading must not itself be a candidate, and every other candidate must be
 * further by plain edit distance — by one edit more when one edit separates the reading from the name,
 * by two more when it takes several.
 */
export function nearestName(reading: string, candidates: Iterable<string>, allowance: (glyphs: number) => number = vocabularyAllowance): NearestName | null {
  const n = [...reading].length;
  const limit = allowance(n);
  if (limit <= 0) return null;
  let best: string | null = null, bestDistance = Infinity;
  const all = [...new Set(candidates)];
  if (all.includes(reading)) return null;
  for (const c of all) {
    if (Math.abs([...c].length - n) > 1) continue;
    const d = misreadDistance(reading, c);
    if (d < bestDistance) { best = c; bestDistance = d; }
  }
  if (best === null || bestDistance > limit) return null;
  let runnerUp = Infinity;
  for (const c of all) {
    if (c === best || Math.abs([...c].length - n) >= Math.min(runnerUp, bestDistance + 2)) continue;
    runnerUp = Math.min(runnerUp, glyphDistance(reading, c));
  }
  const margin = bestDistance === 1 ? 1 : 2;
  return runnerUp >= bestDistance + margin ? { name: best, distance: bestDistance, runnerUp } : null;
}

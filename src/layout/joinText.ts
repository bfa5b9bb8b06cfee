import { AMOUNT_OR_PERCENT } from '../model/amounts.js';
import { squash } from '../model/text.js';

/**
 * Joining the fragments of one cell. CJK fragments join without a space; Latin letters and digits keep
 * one; a number broken over lines ("1,902." + "40") becomes one number.
 */
const LATIN_END = /[A-Za-z0-9%)\]]$/;
const LATIN_START = /^[A-Za-z0-9(\[]/;

export { squash };

/** A printed amount or a percentage, spaces aside. */
export const isAmount = (s: string): boolean => AMOUNT_OR_PERCENT.test(squash(s));

/** Join fragments already in reading order (lines top to bottom, runs left to right). */
export function joinFragments(parts: readonly string[]): string {
  let out = '';
  for (const raw of parts) {
    const part = raw.trim();
    if (!part) continue;
    if (out && LATIN_END.test(out) && LATIN_START.test(part)) out += ' ';
    out += part;
  }
  // Numbers split by a wrap or by the exporter ("23,292.3" + "0", "1,902. 40") are one number.
  return isAmount(out) ? squash(out) : out;
}

/** Join a cell given as lines of fragments (each line left to right). */
export function joinLines(lines: readonly (readonly string[])[]): string {
  return joinFragments(lines.map(l => joinFragments(l)));
}

/**
 * Text whose characters remember where they were printed: `from[i]` is the origin of `text[i]` (null for a
 * space the join put in). The same joins as joinFragments, for finding a character's glyph again.
 */
export interface Traced<T> { text: string; from: (T | null)[] }

const trimTraced = <T>(t: Traced<T>): Traced<T> => {
  const start = t.text.length - t.text.trimStart().length;
  const end = t.text.trimEnd().length;
  return start >= end ? { text: '', from: [] } : { text: t.text.slice(start, end), from: t.from.slice(start, end) };
};

/** joinFragments, keeping each character's origin. */
export function joinTraced<T>(parts: readonly Traced<T>[]): Traced<T> {
  let text = '';
  const from: (T | null)[] = [];
  for (const raw of parts) {
    const part = trimTraced(raw);
    if (!part.text) continue;
    if (text && LATIN_END.test(text) && LATIN_START.test(part.text)) { text += ' '; from.push(null); }
    text += part.text;
    from.push(...part.from);
  }
  if (!isAmount(text)) return { text, from };
  // A number broken over lines is squashed, as joinFragments does.
  const kept = Array.from({ length: text.length }, (_, i) => i).filter(i => !/\s/.test(text[i]!));
  return { text: kept.map(i => text[i]).join(''), from: kept.map(i => from[i] ?? null) };
}

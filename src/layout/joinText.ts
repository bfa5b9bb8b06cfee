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

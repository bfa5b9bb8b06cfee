/**
 * Cells whose page reading is a known name, read whole. Most of the cells read one by one hold text
 * (row names, header terms), and most of those the page reading has already read right: reading them
 * again costs as much engine time as reading them on the page did, for the same text. What the page
 * reading gets wrong in such cells is mostly lost glyphs (a final "出" or "付", a line of a two-line
 * cell, a glyph in the middle: "资本性出"), rarely a glyph misread into another exact phrase.
 *
 * A text cell keeps its page reading, without being read alone, when all of this holds:
 * - its words lie wholly inside it, each at least `knownConfidence` confident, and the cell's ink is
 *   one line (no blank row across it);
 * - the words reach the ink's four edges (within half a glyph): nothing at either end, above or below
 *   was left unread;
 * - the text is exactly a known name — a standard title or header term, a summary row name, or a name
 *   the code registry knows — optionally after a numbering ("1.", "二、", "其中:") or a code the
 *   registry knows by that very name ("201一般公共服务支出");
 * - the ink is no wider than the text's glyphs take at the page's own glyph pitch plus half a glyph,
 *   so no glyph in the middle was lost. The pitch (ink width per glyph, in ink heights) is measured on
 *   the page's candidate cells (their lower quartile: tightly set text); with fewer than
 *   `knownPitchCells` candidates it is not known and every such cell is read.
 */
import { registryEntries, registryNamesCode } from '../codes/index.js';
import { STANDARD_TERMS, SUMMARY_ROW_NAMES } from '../codes/standardTerms.js';
import { normLabel } from '../model/text.js';
import type { GrayImage } from './image.js';
import type { OcrWord } from './words.js';

export interface KnownCellSettings {
  /** Every word of a known-name cell must be at least this confident (0–100); above 100: none is taken. */
  knownConfidence: number;
  /** Candidates needed on a page to measure its glyph pitch. */
  knownPitchCells: number;
  /** Ink allowed beyond the text's glyphs (at the page's pitch), in glyphs; below one lost glyph. */
  knownPitchSlack: number;
  /** Ink allowed beyond the words' boxes on each side, in ink heights. */
  knownEdgeSlack: number;
}

export const DEFAULT_KNOWN_CELL_SETTINGS: KnownCellSettings = {
  knownConfidence: 80,
  knownPitchCells: 4,
  knownPitchSlack: 0.5,
  knownEdgeSlack: 0.5,
};

interface Box { x0: number; top: number; x1: number; bottom: number }

let names: Set<string> | null = null;
/** The known names, as normLabel gives them. */
function knownNames(): Set<string> {
  if (!names) {
    names = new Set([...STANDARD_TERMS, ...SUMMARY_ROW_NAMES].map(normLabel));
    for (const e of registryEntries()) {
      names.add(normLabel(e.name));
      for (const f of e.former_names) names.add(normLabel(f.name));
    }
  }
  return names;
}

const isHan = (ch: string): boolean => /\p{Script=Han}/u.test(ch);
/** Numbering printed before a row name. */
const NUMBERING = /^(?:\d{1,2}[.、]|[一二三四五六七八九十]{1,3}、|[(（][一二三四五六七八九十\d]{1,3}[)）]|其中:)/u;

/** Whether `text` (normLabel'd) is a known name, after a numbering or a code that names it. */
export function isKnownName(text: string): boolean {
  const known = knownNames();
  if ([...text].filter(isHan).length < 2) return false;
  if (known.has(text)) return true;
  const numbered = NUMBERING.exec(text);
  if (numbered && known.has(text.slice(numbered[0].length))) return true;
  const coded = /^(\d{3,7})(\p{Script=Han}.*)$/u.exec(text);
  return coded !== null && known.has(coded[2]!) && registryNamesCode(coded[1]!, coded[2]!);
}

/** Width the text's glyphs take, in glyph heights: a Han glyph 1, anything else (digits, marks) 0.6. */
const glyphUnits = (text: string): number => [...text].reduce((u, c) => u + (isHan(c) ? 1 : 0.6), 0);

export interface KnownCandidate {
  /** Ink width per glyph unit, in ink heights. */
  pitch: number;
  units: number;
}

/**
 * Whether the ink in `box` is one line: no row of the box is without ink (lines of text have a gap
 * between them; the glyphs of one line of Han text leave none).
 */
export function oneInkLine(img: GrayImage, threshold: number, box: Box): boolean {
  for (let y = box.top; y < box.bottom; y++) {
    const row = y * img.width;
    let inked = false;
    for (let x = box.x0; x < box.x1 && !inked; x++) inked = img.data[row + x]! <= threshold;
    if (!inked) return false;
  }
  return true;
}

/**
 * A cell (its ink box `ink`, a test of whether that ink is one line, the page's words centred in the cell)
 * whose page reading is a known name read whole, apart from the pitch test (see the top of the file);
 * null when it is not one.
 */
export function knownCandidate(words: readonly OcrWord[], cell: Box, ink: Box, oneLine: () => boolean, slack: number, s: KnownCellSettings): KnownCandidate | null {
  if (!words.length || words.some(w => w.confidence < s.knownConfidence)) return null;
  if (!words.every(w => w.x0 >= cell.x0 - slack && w.x1 <= cell.x1 + slack && w.top >= cell.top - slack && w.bottom <= cell.bottom + slack)) return null;
  const inkH = ink.bottom - ink.top, inkW = ink.x1 - ink.x0;
  // Word boxes say little of a line's height ("一" is a few pixels high, others reach far below the
  // glyphs): the ink says it, and every word's middle lies within it.
  if (inkH <= 0 || words.some(w => (w.top + w.bottom) / 2 < ink.top || (w.top + w.bottom) / 2 > ink.bottom)) return null;
  const edge = s.knownEdgeSlack * inkH;
  if (ink.x0 < Math.min(...words.map(w => w.x0)) - edge || ink.x1 > Math.max(...words.map(w => w.x1)) + edge) return null;
  if (ink.top < Math.min(...words.map(w => w.top)) - edge || ink.bottom > Math.max(...words.map(w => w.bottom)) + edge) return null;
  const text = normLabel([...words].sort((a, b) => a.x0 - b.x0).map(w => w.text).join(''));
  if (!isKnownName(text) || !oneLine()) return null;
  const units = glyphUnits(text);
  return { pitch: inkW / (units * inkH), units };
}

/** The page's glyph pitch: the lower quartile of its candidates' pitches; null with too few of them. */
export function pagePitch(candidates: readonly KnownCandidate[], s: KnownCellSettings): number | null {
  if (candidates.length < Math.max(1, s.knownPitchCells)) return null;
  const sorted = candidates.map(c => c.pitch).sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 4)]!;
}

/** A candidate whose ink holds no more glyphs than its text (at the page's pitch, plus the slack). */
export const fitsPitch = (c: KnownCandidate, pitch: number, s: KnownCellSettings): boolean =>
  c.pitch * c.units <= (c.units + s.knownPitchSlack) * pitch;

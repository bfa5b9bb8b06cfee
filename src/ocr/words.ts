/**
 * OCR words (pixels of the page image) → TextRun (page points, y down). A recognised line is split
 * into runs where a vertical rule or a wide gap separates words, so each run is at most one printed
 * line of one cell; the spaces an engine puts between CJK characters are dropped, and numbers split
 * into pieces are joined whole again.
 */
import { DIGIT_LOOKALIKES, DIGIT_OR_LOOKALIKE_G, OCR_NUMBER_LIKE, READ_GROUPED_AMOUNT } from '../model/amounts.js';
import type { TextRun } from '../model/page.js';
import type { Segment } from './lines.js';

/** One recognised word, box in image pixels. */
export interface OcrWord {
  text: string;
  x0: number;
  top: number;
  x1: number;
  bottom: number;
  /** 0–100. */
  confidence: number;
}

/** Words an engine read as one text line, left to right. */
export interface OcrLine {
  words: OcrWord[];
}

export interface WordSettings {
  /** Words further apart than this many line heights are in different cells (open tables). */
  maxWordGapEm: number;
  /** Between non-CJK words, a gap of at least this many line heights is printed as a space. */
  spaceGapEm: number;
  /** A vertical rule this close to (or inside) the gap between two words separates them. */
  ruleSlackPt: number;
  /** Words read with lower confidence that hold no letter, digit or Han character are noise. */
  minNoiseConfidence: number;
  /** fontName given to OCR runs. */
  fontName: string;
}

export const DEFAULT_WORD_SETTINGS: WordSettings = {
  maxWordGapEm: 1.6,
  spaceGapEm: 0.45,
  ruleSlackPt: 2,
  minNoiseConfidence: 60,
  fontName: 'ocr',
};

// Han, CJK symbols and punctuation, fullwidth forms: no spaces are printed between these.
const CJK = /[\p{Script=Han}\u3000-\u303F\uFF00-\uFFEF\u2E80-\u2FDF]/u;
const MEANINGFUL = /[\p{L}\p{N}]/u;

/**
 * Undo typical scan confusions inside a word that is otherwise a number: 1 read as 工/l/I/], 0 as O, 5 as S,
 * and `,` ↔ `.` (an amount has one decimal point, the last separator; `,` precedes exactly three digits).
 */
export function repairNumber(text: string): string {
  // Separators read as their full-width forms ("14，820"): in a word of digits and separators they are the ASCII ones.
  if (/[，．]/.test(text) && /^[\d,.，．]+$/.test(text)) text = text.replace(/，/g, ',').replace(/．/g, '.');
  // Specks next to a digit read as brackets or bars: "1],244.59".
  let despeckled = text.replace(/(?<=\d)[\][|'‘’`](?=[\d,.])/g, '');
  // 5 read as S in an amount ("1.S12.04", "128,148.S6"). Not next to a 5: a 5 read twice ("5S,932.26")
  // cannot be told from a printed 55, so that word stays as read (and is not accepted as an amount).
  if (/S/.test(despeckled) && !/5S|S5/.test(despeckled) && /^[\dS]+(?:[,.][\dS]+)+$/.test(despeckled) && (despeckled.match(/\d/g)?.length ?? 0) >= 2) {
    despeckled = despeckled.replace(/S/g, '5');
  }
  if (!OCR_NUMBER_LIKE.test(despeckled) || (despeckled.match(DIGIT_OR_LOOKALIKE_G)?.length ?? 0) < 2 || !/\d/.test(despeckled)) return text;
  let t = despeckled.replace(DIGIT_OR_LOOKALIKE_G, ch => DIGIT_LOOKALIKES.get(ch) ?? ch).replace(/[.,]{2,}/g, m => m[m.length - 1]);
  const seps = [...t.matchAll(/[.,]/g)].map(m => m.index ?? 0);
  if (seps.length >= 2) {
    const last = seps[seps.length - 1];
    const groupsOk = seps.slice(0, -1).every((p, i) => seps[i + 1] - p === 4);
    if (groupsOk) t = [...t].map((ch, i) => (i === last ? '.' : seps.includes(i) ? ',' : ch)).join('');
  } else if (seps.length === 1 && t[seps[0]] === ',' && /,\d{1,2}\D?$/.test(t)) {
    t = t.replace(',', '.');
  }
  return t;
}

const HAN = /\p{Script=Han}/u;

/**
 * Undo scan confusions of CJK text: the character 一 read as a dash ("-般公共预算"), brackets read
 * as half-width or angle brackets ("政府办公厅〈室)"), a colon after Han read half-width ("其中:");
 * text with Han characters prints full-width brackets and colons.
 */
export function repairCjkText(text: string): string {
  if (!HAN.test(text)) return text;
  return text
    .replace(/[-—–_~](?=\p{Script=Han})/gu, '一')
    .replace(/[《〈(（]{2,}/g, '（').replace(/[)）〉]{2,}/g, '）')
    .replace(/[〈(]/g, '（').replace(/[〉)]/g, '）')
    .replace(/(?<=\p{Script=Han})[:：](?!\d)/gu, '：');
}

/** Join word texts the way they were printed: no space next to CJK, a space only for a visible gap. */
export function joinWords(words: readonly OcrWord[], s: WordSettings): string {
  let text = '';
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (i > 0) {
      const prev = words[i - 1];
      const em = Math.max(prev.bottom - prev.top, w.bottom - w.top);
      const cjkJoin = CJK.test(prev.text.slice(-1)) || CJK.test(w.text.charAt(0));
      if (!cjkJoin && w.x0 - prev.x1 >= s.spaceGapEm * em) text += ' ';
    }
    text += w.text;
  }
  return text;
}

/** Lines of words → runs in page points. `vRules` are vertical rule segments in the same pixels. */
export function linesToRuns(lines: readonly OcrLine[], vRules: readonly Segment[], pxPerPt: number, s = DEFAULT_WORD_SETTINGS): TextRun[] {
  const runs: TextRun[] = [];
  for (const line of lines) {
    const words = line.words
      .map(w => ({ ...w, text: repairNumber(w.text.trim()) }))
      .filter(w => w.text !== '' && (w.confidence >= s.minNoiseConfidence || MEANINGFUL.test(w.text)))
      .sort((a, b) => a.x0 - b.x0);
    for (const group of splitAtGaps(words, vRules, pxPerPt, s)) runs.push(toRun(group, pxPerPt, s));
  }
  return restoreThousands(mergeDoubleReads(runs));
}

/**
 * The same glyphs read twice, once in each of two overlapping readings of one line (the page reading and
 * a closer look at part of it): "一般公共" and "公共预算资金" printed where 一般公共预算资金 stands. Two
 * runs of one line that overlap where the end of the left one's text is the start of the right one's
 * (Han glyphs, and the overlap about as wide as those glyphs) are one run, read once.
 */
export function mergeDoubleReads(runs: readonly TextRun[]): TextRun[] {
  const out: (TextRun | null)[] = [...runs];
  for (let i = 0; i < out.length; i++) {
    for (let j = 0; j < out.length && out[i]; j++) {
      const a = out[i]!, b = out[j];
      if (i === j || !b || b.x0 <= a.x0 || b.x1 <= a.x1 || b.x0 >= a.x1) continue;
      const shared = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
      if (shared < 0.5 * Math.min(a.bottom - a.top, b.bottom - b.top)) continue;
      const k = repeatedGlyphs(a.text, b.text);
      if (!k) continue;
      const glyph = (a.x1 - a.x0) / [...a.text].length, overlap = a.x1 - b.x0;
      if (overlap < 0.5 * k * glyph || overlap > (k + 0.75) * glyph) continue;
      out[i] = {
        ...a, x1: b.x1, top: Math.min(a.top, b.top), bottom: Math.max(a.bottom, b.bottom), text: a.text + [...b.text].slice(k).join(''),
        fontSize: Math.max(a.fontSize, b.fontSize),
        ...(a.confidence !== undefined || b.confidence !== undefined ? { confidence: Math.min(a.confidence ?? 100, b.confidence ?? 100) } : {}),
      };
      out[j] = null;
      j = -1; // the longer run may now overlap another
    }
  }
  return out.filter((r): r is TextRun => r !== null);
}

/** How many Han glyphs end `left` and start `right` (the longest such stretch shorter than both), or 0. */
function repeatedGlyphs(left: string, right: string): number {
  const a = [...left], b = [...right];
  for (let k = Math.min(a.length, b.length) - 1; k >= 1; k--) {
    const tail = a.slice(-k);
    if (tail.every((ch, n) => ch === b[n] && HAN.test(ch))) return k;
  }
  return 0;
}

/**
 * Thousands commas are the smallest marks on a page and OCR drops some ("1902.40", "1554,220.00" for
 * 1,554,220.00). When the page prints other amounts with commas, put them back in amounts that lost them
 * — all of them, or some where those left stand every three digits; the value is unchanged.
 */
export function restoreThousands(runs: TextRun[]): TextRun[] {
  if (!runs.some(r => READ_GROUPED_AMOUNT.test(r.text.replace(/(?<=[,.])\s+/g, '')))) return runs;
  return runs.map(r => {
    // A gap after a separator is OCR's spacing ("82, 096. 42"); one between digits may hold a digit lost
    // ("2 664. 22" for 27,664.22): that reading is left for the amount vetting.
    const text = r.text.replace(/(?<=[,.])\s+/g, '');
    if (!LOST_COMMAS.test(text) || READ_GROUPED_AMOUNT.test(text)) return r;
    const [int, frac] = text.replace(/,/g, '').split('.');
    return { ...r, text: `${int.replace(/\B(?=(\d{3})+$)/g, ',')}.${frac}` };
  });
}

/** An amount with a decimal part, four or more integer digits and its commas, if any, every three digits from the point. */
const LOST_COMMAS = /^-?(?=(?:\d,?){4})\d+(?:,\d{3})*\.\d+$/;

function splitAtGaps(words: OcrWord[], vRules: readonly Segment[], pxPerPt: number, s: WordSettings): OcrWord[][] {
  const groups: OcrWord[][] = [];
  const slack = s.ruleSlackPt * pxPerPt;
  for (const w of words) {
    const group = groups[groups.length - 1];
    const prev = group?.[group.length - 1];
    if (prev) {
      const em = Math.max(prev.bottom - prev.top, w.bottom - w.top);
      const midY = (Math.min(prev.top, w.top) + Math.max(prev.bottom, w.bottom)) / 2;
      const ruled = vRules.some(r => r.across >= prev.x1 - slack && r.across <= w.x0 + slack && midY >= r.start && midY <= r.end);
      if (!ruled && w.x0 - prev.x1 <= s.maxWordGapEm * em) { group.push(w); continue; }
    }
    groups.push([w]);
  }
  return groups;
}

function toRun(words: OcrWord[], pxPerPt: number, s: WordSettings): TextRun {
  let x0 = Infinity, top = Infinity, x1 = -Infinity, bottom = -Infinity, size = 0;
  for (const w of words) {
    x0 = Math.min(x0, w.x0); top = Math.min(top, w.top); x1 = Math.max(x1, w.x1); bottom = Math.max(bottom, w.bottom);
    size = Math.max(size, w.bottom - w.top);
  }
  return {
    x0: x0 / pxPerPt, top: top / pxPerPt, x1: x1 / pxPerPt, bottom: bottom / pxPerPt,
    text: repairCjkText(joinWords(words, s)), fontSize: size / pxPerPt, fontName: s.fontName,
    confidence: Math.min(...words.map(w => w.confidence)),
  };
}

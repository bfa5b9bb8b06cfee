import { PROSE_FIGURE } from '../../model/amounts.js';
import type { CurrencyUnit } from '../../model/document.js';
import { fenPerUnit } from '../money.js';
import { normLabel } from '../names.js';

/** One line of the document's non-table text, in reading order; `lines`: its printed lines with their boxes. */
export interface ProseLine { page: number; text: string; lines?: { text: string; bbox: [number, number, number, number] }[] }

/** A stretch of a paragraph's text printed as one line: [start, end) in the text, its page and box. */
export interface PrintedSpan { start: number; end: number; page: number; bbox: [number, number, number, number] }

/** A paragraph rebuilt from printed lines, with the top-level section it sits in. */
export interface Paragraph {
  text: string;
  page: number;
  /** the text of the enclosing "一、…" heading, '' before the first */
  section: string;
  isHeading: boolean;
  /** Where its text is printed, line by line (absent when the lines' boxes are not known). */
  spans: PrintedSpan[];
}

/** A figure stated in prose: an amount ("3,481.70 万元") or a percentage ("92.26%"). */
export interface Mention {
  kind: 'amount' | 'percent';
  /** amount in fen, or percentage × 10^decimals as an integer */
  value: number;
  decimals: number;
  unit: CurrencyUnit | null;
  /** the words before it in its clause, normalised */
  label: string;
  /** the printed text, for messages */
  printed: string;
  /** the text after it up to the next figure */
  after: string;
  /** the whole sentence before it (for "…（类）…（款）…（项）：预算数为 …") */
  before: string;
  /** where it starts in the paragraph's text */
  start: number;
}

const MARKER = /^(第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]|\d+[、.．](?!\d))/;
const TOP_HEADING = /^(第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、)/;
const TERMINAL = /[。；;！？!?：:]$/;

const isHeadingLine = (t: string) => MARKER.test(t) && t.length <= 60 && !PROSE_FIGURE.test(t);

/** Rebuild paragraphs: a line continues the previous one unless that ended a sentence or was a heading. */
export function paragraphs(lines: ProseLine[]): Paragraph[] {
  const out: Paragraph[] = [];
  let section = '';
  for (const line of lines) {
    const text = line.text.trim();
    if (text === '') continue;
    const prev = out[out.length - 1];
    const heading = isHeadingLine(text);
    if (prev && !prev.isHeading && !heading && !MARKER.test(text) && !TERMINAL.test(prev.text)) {
      prev.spans.push(...spansOf(line, prev.text.length));
      prev.text += text;
      continue;
    }
    if (heading && TOP_HEADING.test(text)) section = text;
    out.push({ text, page: line.page, section, isHeading: heading, spans: spansOf(line, 0) });
  }
  return out;
}

/** The printed lines of a prose line as spans of a paragraph's text that reaches `offset` before it. */
function spansOf(line: ProseLine, offset: number): PrintedSpan[] {
  const lead = line.text.length - line.text.trimStart().length;
  let at = offset - lead;
  return (line.lines ?? []).map((l) => {
    const start = at;
    at += l.text.length;
    return { start, end: at, page: line.page, bbox: l.bbox };
  });
}

/**
 * The page of the printed line where a stretch of a paragraph starts: a paragraph running over a page
 * break has lines on both pages. The paragraph's first page when its lines are not known.
 */
export function linePageAt(p: Paragraph, index: number): number {
  return p.spans.find((s) => index >= s.start && index < s.end)?.page ?? p.page;
}

/** The box of the printed line where a stretch of a paragraph starts, on the given page, or null. */
export function lineBoxAt(p: Paragraph, index: number, page: number): [number, number, number, number] | null {
  const span = p.spans.find((s) => index >= s.start && index < s.end);
  return span && span.page === page ? span.bbox : null;
}

const FIGURES = new RegExp(PROSE_FIGURE.source, 'g');
const BOUNDARY = /[，,。；;：:、]/;

/** The figures of a paragraph, each with the words of its clause before it. */
export function mentions(p: Paragraph): Mention[] {
  const out: Mention[] = [];
  const text = p.text;
  const found = [...text.matchAll(FIGURES)];
  found.forEach((m, i) => {
    const start = m.index!;
    const prevEnd = i > 0 ? found[i - 1]!.index! + found[i - 1]![0].length : 0;
    let from = start;
    while (from > prevEnd && !BOUNDARY.test(text[from - 1]!)) from--;
    const next = found[i + 1]?.index ?? text.length;
    const intPart = m[1]!.replace(/,/g, '');
    const frac = m[2] ?? '';
    const unit = m[3]!;
    const digits = BigInt(intPart + frac);
    if (unit === '%' || unit === '％') {
      out.push({ kind: 'percent', value: Number(digits), decimals: frac.length, unit: null,
        label: normLabel(text.slice(from, start)), printed: m[0], after: text.slice(start + m[0].length, next), before: text.slice(0, start), start });
      return;
    }
    const cu = unit as CurrencyUnit;
    // fen = digits × fenPerUnit / 10^decimals, exact in integers for 元 and 万元 with ≤ 2 decimals
    const fen = Number(digits) * fenPerUnit(cu) / 10 ** frac.length;
    out.push({ kind: 'amount', value: Math.round(fen), decimals: frac.length, unit: cu,
      label: normLabel(text.slice(from, start)), printed: m[0], after: text.slice(start + m[0].length, next), before: text.slice(0, start), start });
  });
  return out;
}

/** Drop the unit's name, years and list numbering from a label: "阿图什市…2024年收入预算" → "收入预算". */
export function cleanLabel(label: string, orgName: string | null): string {
  let l = label;
  if (orgName) l = l.split(normLabel(orgName)).join('');
  l = l.replace(/\d{4}年(度)?/g, '').replace(/截至\S*底/g, '');
  l = l.replace(/^其中:?/, '').replace(/^(\d+|[一二三四五六七八九十]+)[、.．]/, '');
  l = l.replace(/(为|是|共计|达到?)$/, '');
  return l;
}

export const isChangeLabel = (l: string) => /(比|较)上年|同比|增加|减少|增长|下降|持平/.test(l);
export const isShareLabel = (l: string) => /占/.test(l);

import type { LayoutSettings } from './settings.js';
import type { CurrencyUnit } from '../model/document.js';
import { type Box, union } from '../model/geometry.js';
import { isProseOrFooter } from './anchors.js';
import { squash } from './joinText.js';
import { joinRuns, type TextLine } from './textLines.js';

/** The lines that open a table: label, title, org line, unit line. */
export interface TitleBlock {
  top: number;
  bottom: number;
  number: string | null;
  title: string;
  org: string | null;
  /** The word before the org name (编制单位, 部门, …): says whether a department or a unit reports. */
  orgLabel: string | null;
  unit: CurrencyUnit | null;
  /** Where the unit is printed (the runs of 单位：万元, or of the bare 万元), in the page's own coordinates. */
  unitBox?: Box | null;
  /** The same, placed: the page and displayed box (set by the layout stage as the page is added). */
  unitAt?: { page: number; bbox: [number, number, number, number] } | null;
  /** "(续)" titles continue the previous table. */
  continued: boolean;
  /** A title printed at the foot of the previous page whose org/unit lines open this page. */
  carried?: boolean;
}

const NUM = '[0-9０-９一二三四五六七八九十]+';
// 表3, 表3-1, 附表2, 公开04表, 预算01表, 决算02表, 公开表2, 预算表12.
const LABEL = `(?:(?:公开|预算|决算|附)?表${NUM}(?:[-—之]${NUM})?|(?:公开|预算|决算|部门|单位)${NUM}表|附表)`;
const LABEL_ONLY = new RegExp(`^(${LABEL})[:：.、]?$`);
const LEADING_LABEL = new RegExp(`^(${LABEL})[:：.、]?`);
const LEADING_INDEX = /^([0-9]{1,2}[.、．]|[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十0-9]{1,3}[)）])/;
const CONTINUED = /[（(]续(表)?[)）]$|续表$/;
const TITLE_END = /表(?:[（(][^()（）]{1,12}[)）])?$/;
const SENTENCE = /[，。；！？,;]/;
const TOC_TAIL = /(…|\.{4,}|·{4,})|\d+$/;
const UNIT_RE = /(?:金额)?单位[:：]\s*(亿元|万元|千元|元)/;
// The label may carry a parenthesis: 部门（单位）：烟台市审计局.
const ORG_RE = /(编制单位|编制部门|预算单位|预算部门|单位名称|部门名称|主管部门|部门|单位)(?:[（(][^（）()]{1,6}[)）])?[:：]\s*([^\s:：]+)/;
// An org name printed without a label next to the unit ("507-湖州市卫生健康委员会 单位：万元"): an
// optional numeric unit code, then the name.
const BARE_ORG = /^(?:\d{2,}[-－—.、]?)?([\u4E00-\u9FFF][\u4E00-\u9FFF（）()]{3,39})$/;

/** Org or unit line. */
export function parseOrgUnit(text: string): { org: string | null; orgLabel: string | null; unit: CurrencyUnit | null } {
  // "507-湖州市卫生健康委员会 万元": a bare org name and a bare currency word, apart.
  const bareUnit = text.trim().match(/^(\S+)\s+(亿元|万元|千元|元)$/);
  const bareOrg = bareUnit?.[1].match(BARE_ORG)?.[1];
  if (bareUnit && bareOrg && !TITLE_END.test(bareOrg)) return { org: bareOrg, orgLabel: null, unit: bareUnit[2] as CurrencyUnit };
  const t = squash(text);
  const unit = (t.match(UNIT_RE)?.[1] as CurrencyUnit | undefined) ?? null;
  const withoutUnit = t.replace(UNIT_RE, ' ');
  const m = withoutUnit.match(ORG_RE);
  const org = m && !/^[亿万千]?元?$/.test(m[2]) ? m[2] : null;
  if (org || !unit) return { org, orgLabel: org ? m![1] : null, unit };
  const bare = withoutUnit.trim().match(BARE_ORG)?.[1] ?? null;
  return { org: bare && !TITLE_END.test(bare) ? bare : null, orgLabel: null, unit };
}

/** The title part of a line if it reads as a table title, with its printed label. */
export function parseTitleLine(text: string): { number: string | null; title: string; continued: boolean } | null {
  let t = squash(text);
  if (!t || t.length > 70 || SENTENCE.test(t) || TOC_TAIL.test(t) || /^(注|备注|说明|附注)/.test(t)) return null;
  if (/^第[一二三四五六七八九十0-9]+部分/.test(t)) return null; // a section heading (第二部分 …公开表)
  let number: string | null = null;
  const label = t.match(LEADING_LABEL);
  if (label && label[0].length < t.length) { number = label[1]; t = t.slice(label[0].length); }
  else if (LEADING_INDEX.test(t)) t = t.replace(LEADING_INDEX, '');
  const continued = CONTINUED.test(t);
  t = t.replace(CONTINUED, '');
  if (t.length < 4 || !TITLE_END.test(t)) return null;
  if (/为空表/.test(t)) return null;
  return { number, title: t, continued };
}

export const isLabelOnly = (text: string): string | null => squash(text).match(LABEL_ONLY)?.[1] ?? null;

/**
 * The text of a title line in the title's type size. Smaller text sharing the line is a table cell's
 * text overflowing its clip onto the title block (invisible in print), except a table label ("表3").
 */
export function titleLineText(line: TextLine, s: LayoutSettings): string {
  const max = Math.max(...line.runs.map(r => r.fontSize));
  const kept = line.runs.filter(r => r.fontSize >= s.titleFontShare * max || isLabelOnly(r.text));
  return kept.length === line.runs.length ? line.text : joinRuns(kept, s.wordGapEm);
}

type ParsedTitle = NonNullable<ReturnType<typeof parseTitleLine>>;

/** A title line considered as a block's start, kept (with `extract --debug`) with the verdict and its reason. */
export interface TitleCandidate {
  x0: number;
  top: number;
  x1: number;
  bottom: number;
  text: string;
  accepted: boolean;
  reason: string;
  /** The block it became, when accepted. */
  block?: TitleBlock;
}

/** Lines from..to as one candidate's box and text. */
function candidateOf(lines: readonly TextLine[], from: number, to: number, accepted: boolean, reason: string, block?: TitleBlock): TitleCandidate {
  const ls = lines.slice(from, to + 1);
  return { x0: Math.min(...ls.map(l => l.x0)), top: Math.min(...ls.map(l => l.top)), x1: Math.max(...ls.map(l => l.x1)),
    bottom: Math.max(...ls.map(l => l.bottom)), text: ls.map(l => squash(l.text)).join(' / '), accepted, reason, block };
}

/**
 * The title starting at lines[i], and how many lines it takes: one, or two when a long title wraps
 * ("…会议费、培训费支出预算" / "表") — the second line in the same type size, right under the first.
 */
function titleAt(lines: readonly TextLine[], i: number, s: LayoutSettings): { parsed: ParsedTitle; span: number } | null {
  const line = lines[i];
  const text = titleLineText(line, s);
  const one = parseTitleLine(text);
  if (one) return { parsed: one, span: 1 };
  const next = lines[i + 1];
  if (!next || isLabelOnly(text) || SENTENCE.test(squash(text))) return null;
  const sameSize = Math.abs(next.fontSize - line.fontSize) <= s.titleSizeShare * line.fontSize;
  if (!sameSize || next.top - line.bottom > s.titleWrapGapEm * line.fontSize) return null;
  const two = parseTitleLine(text + titleLineText(next, s));
  return two ? { parsed: two, span: 2 } : null;
}

interface BlockMeta {
  number: string | null;
  org: string | null;
  orgLabel: string | null;
  unit: CurrencyUnit | null;
  unitBox: Box | null;
  sawMeta: boolean;
  bottom: number;
  /** Index of the last line the block takes. */
  last: number;
}

/** The org, unit, label and subtitle lines from lines[from] on (at most maxLines of them). */
function metaLines(lines: readonly TextLine[], from: number, maxLines: number, bottom: number): BlockMeta {
  const meta: BlockMeta = { number: null, org: null, orgLabel: null, unit: null, unitBox: null, sawMeta: false, bottom, last: from - 1 };
  for (let j = from; j < lines.length && j < from + maxLines; j++) {
    let text = lines[j].text;
    const at = j;
    // A unit wrapped in a narrow cell: "单位：万" / "元".
    const wrappedUnit = /单位[:：][亿万千]?$/.test(squash(text)) && /^[亿万千]?元$/.test(squash(lines[j + 1]?.text ?? ''));
    if (wrappedUnit) text += squash(lines[++j].text);
    const t = squash(text);
    const m = parseOrgUnit(text);
    const label = isLabelOnly(t);
    const subtitle = /^[（(].{1,16}[)）]$/.test(t) || /^\d{4}年度?$/.test(t);
    if (!m.org && !m.unit && !subtitle && !label) break;
    meta.number ??= label; // a label printed under its title ("收入支出决算总表" / "公开01表")
    if (!meta.unit && m.unit) meta.unitBox = unitRuns(lines.slice(at, j + 1), m.unit);
    meta.org ??= m.org; meta.orgLabel ??= m.orgLabel; meta.unit ??= m.unit;
    meta.sawMeta ||= !!(m.org || m.unit);
    meta.bottom = lines[j].bottom;
    meta.last = j;
  }
  return meta;
}

/**
 * The box of the runs printing a unit on its line(s): those holding "单位：万元" (or, printed bare, the
 * last "万元"); a run holding more (the org name and the unit as one run) is taken whole.
 */
function unitRuns(lines: readonly TextLine[], unit: CurrencyUnit): Box | null {
  const runs = lines.flatMap(l => l.runs);
  const owner: number[] = [];
  let text = '';
  runs.forEach((r, i) => { for (const ch of squash(r.text)) { text += ch; owner.push(i); } });
  const m = UNIT_RE.exec(text);
  const start = m ? m.index : text.lastIndexOf(unit);
  if (start < 0) return null;
  const end = m ? m.index + m[0].length : start + unit.length;
  const taken = runs.filter((_, i) => owner.slice(start, end).includes(i));
  return taken.length ? union(taken) : null;
}

/**
 * Title blocks on a page. A title line must be followed, within a few lines, by an org or unit line, or
 * by the table itself (`bodyStartsBelow`): that keeps contents pages and prose mentions out. A title
 * that is the last thing printed on its page is returned too (its table starts on the next page).
 * `carried` is such a title from the previous page: when this page opens with org/unit lines, they
 * complete it.
 */
export function findTitleBlocks(lines: readonly TextLine[], s: LayoutSettings, bodyStartsBelow: (y: number) => boolean,
  carried: TitleBlock | null = null, considered?: TitleCandidate[]): TitleBlock[] {
  const blocks: TitleBlock[] = [];
  if (lines.some(l => squash(l.text) === '目录')) {
    const at = lines.findIndex(l => squash(l.text) === '目录');
    considered?.push(candidateOf(lines, at, at, false, 'a contents page (目录): its titles are not tables'));
    return blocks;
  }
  const content = lines.filter(l => !isProseOrFooter(l, Infinity));
  let i = 0;
  if (carried && content.length) {
    const meta = metaLines(content, 0, s.titleBlockMaxLines, content[0].bottom);
    if (meta.sawMeta) {
      blocks.push({ ...carried, top: content[0].top, bottom: meta.bottom, org: carried.org ?? meta.org,
        orgLabel: carried.orgLabel ?? meta.orgLabel, unit: carried.unit ?? meta.unit, carried: true,
        unitBox: carried.unit ? null : meta.unitBox, unitAt: carried.unit ? carried.unitAt ?? null : null });
      considered?.push(candidateOf(content, 0, meta.last, true, `org/unit lines completing the title "${carried.title}" printed at the foot of the page before`, blocks[blocks.length - 1]));
      i = meta.last + 1;
    }
  }
  for (; i < content.length; i++) {
    // A label line over its title ("表3" / "支出总表") is taken with the title below it.
    if (isLabelOnly(content[i].text) && content[i + 1] && titleAt(content, i + 1, s)) continue;
    const found = titleAt(content, i, s);
    if (!found) continue;
    const { parsed, span } = found;
    const line = content[i];
    let top = line.top, number = parsed.number;
    const prev = content[i - 1];
    const prevLabel = prev ? isLabelOnly(prev.text) : null;
    if (!number && prevLabel && line.top - prev.bottom < s.titleLabelReachEm * line.fontSize) { number = prevLabel; top = prev.top; }
    const meta = metaLines(content, i + span, s.titleBlockMaxLines, content[i + span - 1].bottom);
    const atPageEnd = meta.last === content.length - 1;
    const first = top === line.top ? i : i - 1;
    if (!meta.sawMeta && !atPageEnd && !bodyStartsBelow(meta.bottom)) {
      considered?.push(candidateOf(content, first, Math.max(meta.last, i + span - 1), false, 'reads as a title, but no org or unit line follows it and no table (rules or a row of figures) starts right below it'));
      continue;
    }
    blocks.push({ top, bottom: meta.bottom, number: number ?? meta.number, title: parsed.title, org: meta.org,
      orgLabel: meta.orgLabel, unit: meta.unit, unitBox: meta.unitBox, continued: parsed.continued });
    considered?.push(candidateOf(content, first, Math.max(meta.last, i + span - 1), true,
      meta.sawMeta ? 'title followed by its org or unit line' : atPageEnd ? 'title ending the page (its table may start on the next page)' : 'title with a table (rules or a row of figures) right below it',
      blocks[blocks.length - 1]));
    i = meta.last;
  }
  return blocks;
}

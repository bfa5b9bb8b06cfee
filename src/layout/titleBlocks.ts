import type { CurrencyUnit } from '../model/document.js';
import { squash } from './joinText.js';
import { type TextLine } from './textLines.js';

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
  /** "(续)" titles continue the previous table. */
  continued: boolean;
}

const NUM = '[0-9０-９一二三四五六七八九十]+';
const LABEL_ONLY = new RegExp(`^(表${NUM}(?:[-—之]${NUM})?|公开${NUM}表|附表${NUM}?)[:：.、]?$`);
const LEADING_LABEL = new RegExp(`^(表${NUM}(?:[-—之]${NUM})?|公开${NUM}表|附表${NUM}?)[:：.、]?`);
const LEADING_INDEX = /^([0-9]{1,2}[.、．]|[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十0-9]{1,3}[)）])/;
const CONTINUED = /[（(]续(表)?[)）]$|续表$/;
const TITLE_END = /表(?:[（(][^()（）]{1,12}[)）])?$/;
const SENTENCE = /[，。；！？,;]/;
const TOC_TAIL = /(…|\.{4,}|·{4,})|\d+$/;
const UNIT_RE = /(?:金额)?单位[:：]\s*(亿元|万元|千元|元)/;
const ORG_RE = /(编制单位|编制部门|预算单位|预算部门|单位名称|部门名称|主管部门|部门|单位)[:：]\s*([^\s:：]+)/;

/** Org or unit line. */
export function parseOrgUnit(text: string): { org: string | null; orgLabel: string | null; unit: CurrencyUnit | null } {
  const t = squash(text);
  const unit = (t.match(UNIT_RE)?.[1] as CurrencyUnit | undefined) ?? null;
  const withoutUnit = t.replace(UNIT_RE, ' ');
  const m = withoutUnit.match(ORG_RE);
  const org = m && !/^(亿元|万元|千元|元)$/.test(m[2]) ? m[2] : null;
  return { org, orgLabel: org ? m![1] : null, unit };
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
 * Title blocks on a page. A title line must be followed, within a few lines, by an org or unit line, or
 * by the table itself (`bodyStartsBelow`): that keeps contents pages and prose mentions out.
 */
export function findTitleBlocks(lines: readonly TextLine[], maxLines: number, bodyStartsBelow: (y: number) => boolean): TitleBlock[] {
  const blocks: TitleBlock[] = [];
  if (lines.some(l => squash(l.text) === '目录')) return blocks;
  for (let i = 0; i < lines.length; i++) {
    const parsed = parseTitleLine(lines[i].text);
    if (!parsed) continue;
    let top = lines[i].top, bottom = lines[i].bottom, number = parsed.number;
    const prev = lines[i - 1];
    const prevLabel = prev ? isLabelOnly(prev.text) : null;
    if (!number && prevLabel && lines[i].top - prev.bottom < 3 * lines[i].fontSize) { number = prevLabel; top = prev.top; }
    let org: string | null = null, orgLabel: string | null = null, unit: CurrencyUnit | null = null, sawMeta = false;
    for (let j = i + 1; j < lines.length && j <= i + maxLines; j++) {
      const t = squash(lines[j].text);
      const meta = parseOrgUnit(t);
      const subtitle = /^[（(].{1,16}[)）]$/.test(t) || /^\d{4}年度?$/.test(t);
      if (!meta.org && !meta.unit && !subtitle && !isLabelOnly(t)) break;
      org ??= meta.org; orgLabel ??= meta.orgLabel; unit ??= meta.unit;
      sawMeta ||= !!(meta.org || meta.unit);
      bottom = lines[j].bottom;
    }
    if (!sawMeta && !bodyStartsBelow(bottom)) continue;
    blocks.push({ top, bottom, number, title: parsed.title, org, orgLabel, unit, continued: parsed.continued });
  }
  return blocks;
}

import type { Check } from '../../model/document.js';
import { fenPerUnit, formatFen } from '../money.js';
import type { RuleContext } from '../rules/context.js';
import { cleanLabel, isChangeLabel, isShareLabel, lineBoxAt, linePageAt, mentions, paragraphs, type Mention, type Paragraph, type ProseLine } from './parse.js';
import { resolveCell } from '../tables.js';
import type { Candidate } from './ties.js';
import { tieAmount } from './ties.js';
import { doubtfulOcrFigure } from './ocrFigures.js';
import { ocrPageSet } from '../tolerance.js';

export type { ProseLine } from './parse.js';

/**
 * A prose check on the page of the printed line holding the figure it is about (a paragraph may run over
 * a page break), boxed by that line; its cells are those of the table figure it was compared with, if any.
 */
const at = (p: Paragraph, about: Mention, init: Pick<Check, 'rule' | 'status' | 'message'> & Partial<Check>, tied?: Candidate): Check => ({
  table: null, row: null, column: null, expected: null, actual: null, page: linePageAt(p, about.start), ...init,
  cells: tied?.entry ? resolveCell(tied.view, { row: tied.entry.row, key: tied.column, group: tied.entry.group }, 'part') : [],
  bbox: lineBoxAt(p, about.start, linePageAt(p, about.start)),
});

const quote = (m: Mention, label: string) => `"${label}${m.printed}"`;
const pct = (scaled: number, decimals: number) => (scaled / 10 ** decimals).toFixed(decimals) + '%';

/** prose_figure: a figure stated in the 说明 equals the table figure its words name. */
function figureCheck(ctx: RuleContext, p: Paragraph, m: Mention, label: string): Check | null {
  const tie = tieAmount(ctx, label, m.before);
  if (!tie || m.unit === null) return null;
  const prosePrecision = fenPerUnit(m.unit) / 10 ** m.decimals;
  const slack = (c: { precisionFen: number }) => ctx.settings.proseSlackPrecisionUnits * Math.max(prosePrecision, c.precisionFen);
  const hit = tie.candidates.find((c) => Math.abs(c.fen - m.value) <= slack(c) + 1e-9);
  const c = hit ?? tie.candidates[0]!;
  const unit = c.view.unit!;
  const toUnit = (fen: number) => fen / fenPerUnit(unit);
  if (!hit && tie.strength === 'weak') return null;
  return at(p, m, {
    rule: 'prose_figure', status: hit ? 'pass' : 'fail', table: c.view.label, row: c.entry?.row ?? null, column: c.column,
    expected: toUnit(c.fen), actual: toUnit(m.value),
    message: hit
      ? `The text on page ${linePageAt(p, m.start)} states ${quote(m, label)}, matching ${c.what} (${formatFen(c.fen, unit)}).`
      : `The text on page ${linePageAt(p, m.start)} states ${quote(m, label)}, but ${tie.candidates.map((x) => `${x.what} is ${formatFen(x.fen, x.view.unit!)}`).join('; ')}.`,
  }, c);
}

/** prose_share: "占 92.26%" = the figure ÷ the whole it is part of ("收入预算 …，其中：…"). */
function shareCheck(ctx: RuleContext, p: Paragraph, part: Mention, partLabel: string, share: Mention, whole: Mention): Check | null {
  if (whole.value <= 0 || part.value > whole.value) return null;
  const computed = (part.value / whole.value) * 100 * 10 ** share.decimals;
  const ok = Math.abs(computed - share.value) <= 0.5 + ctx.settings.percentSlackLastDigits + 1e-9;
  return at(p, share, {
    rule: 'prose_share', status: ok ? 'pass' : 'fail', expected: Math.round(computed) / 10 ** share.decimals, actual: share.value / 10 ** share.decimals,
    message: ok
      ? `The text on page ${linePageAt(p, share.start)}: ${quote(part, partLabel)} is ${pct(share.value, share.decimals)} of ${whole.printed} as stated.`
      : `The text on page ${linePageAt(p, share.start)} says ${quote(part, partLabel)} is ${pct(share.value, share.decimals)} of ${whole.printed}, ` +
        `but ${part.printed} ÷ ${whole.printed} = ${pct(Math.round(computed), share.decimals)}.`,
  });
}

/** "比2025年年初预算数", "较上年": the words before the figure a change is measured from. */
const isComparisonBase = (label: string): boolean => /^(比|较)/.test(label) && !/增加|减少|增长|下降|持平|上升|降低/.test(label);

/** prose_change: "比上年减少 795.34 万元，下降 19.85%" agree with each other and the current figure. */
function changeCheck(ctx: RuleContext, p: Paragraph, current: Mention, label: string, change: Mention, rate: Mention,
  base: Mention | null): Check | null {
  const up = /增加|增长|上升/.test(change.label);
  const down = /减少|下降|降低/.test(change.label);
  const rateUp = /增长|上升|增加/.test(rate.label);
  const rateDown = /下降|减少|降低/.test(rate.label);
  if (up === down || rateUp === rateDown) return null;
  // the rate is of the figure compared with: printed ("比2025年年初预算数 99,003.18 万元增加…") or derived
  const previous = base ? base.value : up ? current.value - change.value : current.value + change.value;
  if (change.value !== 0 && up !== rateUp) {
    return at(p, rate, { rule: 'prose_change', status: 'fail', actual: rate.value / 10 ** rate.decimals,
      message: `The text on page ${linePageAt(p, rate.start)} says ${quote(current, label)} changed by "${change.label}${change.printed}" but calls the rate "${rate.label}${rate.printed}": the directions disagree.` });
  }
  if (previous <= 0) return null; // growth from nothing: "增长 100%" by convention, nothing to check
  const computed = (change.value / previous) * 100 * 10 ** rate.decimals;
  const ok = Math.abs(computed - rate.value) <= 0.5 + ctx.settings.percentSlackLastDigits + 1e-9;
  return at(p, rate, {
    rule: 'prose_change', status: ok ? 'pass' : 'fail', expected: Math.round(computed) / 10 ** rate.decimals, actual: rate.value / 10 ** rate.decimals,
    message: ok
      ? `The text on page ${linePageAt(p, rate.start)}: ${quote(current, label)}, "${change.label}${change.printed}" is ${pct(rate.value, rate.decimals)} of last year's figure as stated.`
      : `The text on page ${linePageAt(p, rate.start)} says ${quote(current, label)} is "${change.label}${change.printed}" on last year, "${rate.label}${rate.printed}", ` +
        `but ${change.printed} of last year's ${formatFen(previous, current.unit!)} is ${pct(Math.round(computed), rate.decimals)}.`,
  });
}

/**
 * On a page read by OCR, a check is only as good as the figures it uses: one whose form a misreading
 * explains (cut, stray decimals, marked unreadable) turns the check into a skip that says why.
 */
function onlyIfReadable(p: Paragraph, ocrPages: ReadonlySet<number>, c: Check | null, used: Mention[]): Check | null {
  if (!c || !ocrPages.has(p.page)) return c;
  for (const m of used) {
    const why = doubtfulOcrFigure(m);
    if (why) {
      return { ...c, status: 'skip', expected: null, actual: null,
        message: `The text on page ${c.page ?? p.page} was read by OCR and its figure "${m.printed}" may be misread (${why}); ${c.rule} was not checked.` };
    }
  }
  return c;
}

/** All prose rules over the document's 说明 text. */
export function proseChecks(ctx: RuleContext, lines: ProseLine[]): Check[] {
  const out: Check[] = [];
  const ocrPages = ocrPageSet(ctx.doc);
  const org = ctx.doc.document.unit;
  let whole: Mention | null = null;
  let section = '';
  for (const p of paragraphs(lines)) {
    if (p.section !== section) { section = p.section; whole = null; }
    let main: { m: Mention; label: string } | null = null;
    let change: Mention | null = null;
    let base: Mention | null = null;
    for (const m of mentions(p)) {
      const label = cleanLabel(m.label, org);
      if (m.kind === 'amount' && main && isComparisonBase(label)) {
        // "比2025年年初预算数 99,003.18 万元": last year's figure the change is measured from, not a new subject
        base = m;
        const c = onlyIfReadable(p, ocrPages, figureCheck(ctx, p, m, label), [m]);
        if (c) out.push(c);
      } else if (m.kind === 'amount' && !isChangeLabel(label) && !isShareLabel(label)) {
        main = { m, label };
        change = null;
        base = null;
        const c = onlyIfReadable(p, ocrPages, figureCheck(ctx, p, m, label), [m]);
        if (c) out.push(c);
        if (/其中|包括/.test(m.after)) whole = m;
      } else if (m.kind === 'amount' && isChangeLabel(label)) {
        change = { ...m, label };
      } else if (m.kind === 'percent' && isShareLabel(label) && main && whole && whole !== main.m) {
        const c = onlyIfReadable(p, ocrPages, shareCheck(ctx, p, main.m, main.label, m, whole), [main.m, m, whole]);
        if (c) out.push(c);
      } else if (m.kind === 'percent' && isChangeLabel(label) && main && change) {
        const c = onlyIfReadable(p, ocrPages, changeCheck(ctx, p, main.m, main.label, change, { ...m, label }, base),
          base ? [main.m, change, m, base] : [main.m, change, m]);
        if (c) out.push(c);
        change = null;
      }
    }
  }
  return out;
}

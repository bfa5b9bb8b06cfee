import type { Check } from '../../model/document.js';
import { fenPerHundredth, formatFen } from '../money.js';
import type { ValidationSettings } from '../settings.js';
import { checkAt, rowLabel, type CellRef, type TableView } from '../tables.js';
import { covers, isTotalCode, TOTAL_WITH_CARRYOVER, type Source } from './sources.js';
import { sameFigureSlackFen } from '../tolerance.js';
import type { RuleId } from '../../model/rules.js';

/** Figures that should be one and the same number, printed in several tables. */
export interface Family {
  rule: RuleId;
  /** what the figures are, for messages: "general-budget spending by function" */
  what: string;
  sources: Source[];
}

interface Vote { source: Source; fen: number }

/** Where a vote's figure is printed, with its precision (for the tolerance). */
const printing = (v: Vote, code: string) => ({ precisionFen: v.source.precisionFen, page: v.source.figures.get(code)?.entry?.page ?? null });

const agree = (a: Vote, b: Vote, code: string, s: ValidationSettings, ocr: ReadonlySet<number>) =>
  Math.abs(a.fen - b.fen) <= sameFigureSlackFen(s, ocr, printing(a, code), printing(b, code));

function votesFor(sources: Source[], code: string): Vote[] {
  return sources.filter((s) => covers(s, code)).map((s) => ({ source: s, fen: s.figures.get(code)?.fen ?? 0 }));
}

function allCodes(sources: Source[]): string[] {
  const codes = new Set<string>();
  for (const s of sources) for (const c of s.figures.keys()) codes.add(c);
  return [...codes].sort((a, b) => Number(isTotalCode(a)) - Number(isTotalCode(b)) || a.localeCompare(b));
}

const where = (s: Source) => `${s.view.label} "${s.column}"`;
const codeWords = (code: string, v: Vote) => {
  const e = v.source.figures.get(code)?.entry;
  if (code === TOTAL_WITH_CARRYOVER) return 'the total with carry-over';
  return isTotalCode(code) ? 'the total' : e ? rowLabel(e.rec) : `code ${code}`;
};

/** The printed cell of a vote's figure, when its table prints a row for the code. */
function voteCells(votes: readonly Vote[], code: string): CellRef[] {
  return votes.flatMap((v) => {
    const fig = v.source.figures.get(code);
    return fig?.entry ? [{ view: v.source.view, row: fig.entry.row, key: fig.key, group: fig.entry.group }] : [];
  });
}

/** Sources that disagree with every other source on most codes cover other money: set them aside. */
function outOfScope(f: Family, s: ValidationSettings, ocr: ReadonlySet<number>): Source[] {
  const codes = allCodes(f.sources);
  const out: Source[] = [];
  for (const a of f.sources) {
    let comparable = 0;
    let mostlyDifferent = 0;
    for (const b of f.sources) {
      if (a === b) continue;
      let compared = 0, differ = 0;
      for (const c of codes) {
        if (!covers(a, c) || !covers(b, c)) continue;
        const va = { source: a, fen: a.figures.get(c)?.fen ?? 0 };
        const vb = { source: b, fen: b.figures.get(c)?.fen ?? 0 };
        if (va.fen === 0 && vb.fen === 0) continue;
        compared++;
        if (!agree(va, vb, c, s, ocr)) differ++;
      }
      if (compared < s.differentScopeMinCodes) continue;
      comparable++;
      if (differ / compared > s.differentScopeShare) mostlyDifferent++;
    }
    if (comparable > 0 && mostlyDifferent === comparable) out.push(a);
  }
  return out;
}

/** Compare one family code by code; blame the odd one out, or the later table on a tie. */
export function voteFamily(f: Family, settings: ValidationSettings, ocr: ReadonlySet<number> = new Set()): Check[] {
  const out: Check[] = [];
  const excluded = outOfScope(f, settings, ocr);
  for (const s of excluded) {
    out.push(boxedWithoutRow(s.view, checkAt(s.view, {
      rule: f.rule, status: 'skip', column: s.column,
      message: `${where(s)} disagrees with ${f.sources.filter((x) => x !== s).map(where).join(', ')} on most lines; ` +
        `they seem to cover different money, so ${f.what} was not compared line by line.`,
    })));
  }
  const sources = f.sources.filter((s) => !excluded.includes(s));
  if (sources.length < 2) return out;
  for (const code of allCodes(sources)) {
    const votes = votesFor(sources, code);
    if (votes.length < 2 || votes.every((v) => v.fen === 0)) continue;
    const clusters: Vote[][] = [];
    for (const v of votes) {
      const c = clusters.find((cl) => agree(cl[0]!, v, code, settings, ocr));
      if (c) c.push(v); else clusters.push([v]);
    }
    if (clusters.length === 1) {
      const last = votes[votes.length - 1]!;
      const fig = last.source.figures.get(code);
      out.push(boxedWithoutRow(last.source.view, checkAt(last.source.view, {
        rule: f.rule, status: 'pass', row: fig?.entry?.row ?? null, page: fig?.entry?.page, column: fig?.key ?? null,
        group: fig?.entry?.group, parts: voteCells(votes.filter((v) => v !== last), code),
        expected: last.fen / fenPerHundredth(last.source.view.unit!) / 100, actual: last.fen / fenPerHundredth(last.source.view.unit!) / 100,
        message: `${f.what}: ${codeWords(code, last)} agrees across ${votes.map((v) => where(v.source)).join(', ')}.`,
      })));
      continue;
    }
    const major = clusters.find((cl) => cl.length * 2 > votes.length);
    const blamed = major ? votes.filter((v) => !major.includes(v)) : [votes[votes.length - 1]!];
    const reference = major ?? votes.filter((v) => v !== blamed[0]);
    for (const v of blamed) out.push(failFor(f, code, v, reference));
  }
  return out;
}

/**
 * A check about a table as a whole — it prints no row for the code (its figure is then zero), or it was
 * not compared line by line — is boxed by the table's area on the check's page, as unit_scale boxes a
 * table that prints no unit.
 */
function boxedWithoutRow(view: TableView, c: Check): Check {
  if (c.bbox || c.row !== null) return c;
  const region = view.table.regions?.find(r => r.page === c.page) ?? view.table.regions?.[0];
  return region ? { ...c, page: region.page, bbox: region.bbox } : c;
}

function failFor(f: Family, code: string, v: Vote, reference: Vote[]): Check {
  const unit = v.source.view.unit!;
  const fig = v.source.figures.get(code);
  const ref = reference[0]!;
  const others = reference.map((r) => `${where(r.source)} prints ${formatFen(r.fen, r.source.view.unit!)}`).join('; ');
  const toUnit = (fen: number) => fen / fenPerHundredth(unit) / 100;
  return boxedWithoutRow(v.source.view, checkAt(v.source.view, {
    rule: f.rule, status: 'fail', row: fig?.entry?.row ?? null, page: fig?.entry?.page, column: fig?.key ?? v.source.column,
    group: fig?.entry?.group, parts: voteCells(reference, code),
    expected: toUnit(ref.fen), actual: toUnit(v.fen),
    message: `${f.what}: ${where(v.source)} ${fig?.entry ? `row ${codeWords(code, v)}` : `has no row for ${codeWords(code, ref)}`} ` +
      `is ${formatFen(v.fen, unit)}, but ${others}.`,
  }));
}

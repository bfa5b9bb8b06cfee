import type { Bbox, Check, CheckCell } from '../../model/document.js';
import type { PerformanceForm, PrintedAt } from '../../model/forms.js';
import { unionBbox } from '../../model/geometry.js';
import { squash } from '../../model/text.js';
import { fenPerUnit, formatFen } from '../money.js';
import { resolveCell, type TableView } from '../tables.js';
import type { RuleContext } from './context.js';

/** How a check names a form: its project (or its unit, for a 整体 form) and its first page. */
export const formLabel = (f: PerformanceForm): string =>
  `${f.title}「${f.project.name ?? f.project.department ?? '?'}」`;

const formCheck = (f: PerformanceForm, init: Pick<Check, 'rule' | 'status' | 'message'> & Partial<Check>): Check => ({
  table: formLabel(f), page: f.pages[0] ?? null, row: null, column: null, expected: null, actual: null, ...init,
});

/**
 * Where a form check looks: the figures it read, as cells (the first given role `first`, the others
 * `rest`), and its page and box — the first figure's page, and that figure's box when it is a total,
 * else the box around the figures printed on that page.
 * Figures without a recorded place (files written before it was, header lines) leave the form's first
 * page and no box.
 */
export function formPlace(f: PerformanceForm, figures: readonly (PrintedAt | null | undefined)[], first: CheckCell['role'], rest: CheckCell['role']): Pick<Check, 'page' | 'bbox' | 'cells'> {
  const known = figures.filter((a): a is PrintedAt => !!a);
  const cells = known.map((a, i): CheckCell => ({ table: a.table, row: a.row, column: a.column, page: a.page, bbox: a.bbox, role: i === 0 ? first : rest }));
  const page = known[0]?.page;
  if (page === undefined) return { page: f.pages[0] ?? null, bbox: null, cells };
  // A printed total is the figure checked; figures checked together (weights, sources) are boxed together.
  return { page, bbox: first === 'total' ? known[0]!.bbox : known.filter(a => a.page === page).reduce<Bbox | null>((box, a) => unionBbox(box, a.bbox), null), cells };
}

const round = (v: number): number => Math.round(v * 1e6) / 1e6;

/**
 * form_weights: the 分值/权重 of a form's indicators sum to 100 where they are printed. A 项目支出 form may
 * also sum to 90: project evaluation (财预〔2020〕10号) scores 预算执行率 with the remaining 10 points, so many
 * forms print only the other indicators' 90. A 整体 (unit-wide) form has no such reserve.
 */
export function formWeights(ctx: RuleContext): Check[] {
  return (ctx.doc.forms ?? []).flatMap((f) => {
    const weights = f.indicators.map(i => i.weight);
    if (!weights.some(w => w !== null)) return [];
    const printed = weights.filter((w): w is number => w !== null);
    const sum = round(printed.reduce((a, b) => a + b, 0));
    const allowed = f.kind === 'project' ? [100, 90] : [100];
    const hit = allowed.find(a => Math.abs(sum - a) < 1e-6);
    const ok = hit !== undefined && printed.length === weights.length;
    return [formCheck(f, {
      ...formPlace(f, f.indicators.map(i => i.weight_at), 'part', 'part'),
      rule: 'form_weights', status: ok ? 'pass' : 'fail', expected: hit ?? 100, actual: sum,
      message: ok
        ? `${formLabel(f)}: the ${printed.length} indicator weights sum to ${sum}${sum === 90 ? ' (10 left to 预算执行率)' : ''}.`
        : `${formLabel(f)}: the indicator weights (${printed.join(' + ')}) sum to ${sum}, not ${allowed.join(' or ')}` +
          (printed.length < weights.length ? `; ${weights.length - printed.length} indicator(s) print no weight.` : '.'),
    })];
  });
}

/** form_funds: the funds by source add up to the form's printed total. */
export function formFunds(ctx: RuleContext): Check[] {
  return (ctx.doc.forms ?? []).flatMap((f) => {
    const { total, sources } = f.funds;
    if (total === null || sources.length === 0 || f.unit === null) return [];
    const fen = (v: number) => Math.round(v * fenPerUnit(f.unit!));
    const sum = sources.reduce((a, s) => a + fen(s.amount), 0);
    const ok = sum === fen(total);
    const parts = sources.map(s => `${s.source} ${formatFen(fen(s.amount), f.unit!)}`).join(' + ');
    return [formCheck(f, {
      ...formPlace(f, [f.funds.total_at, ...sources.map(s => s.at)], f.funds.total_at ? 'total' : 'part', 'part'),
      rule: 'form_funds', status: ok ? 'pass' : 'fail', column: 'funds', expected: total, actual: sum / fenPerUnit(f.unit),
      message: ok
        ? `${formLabel(f)}: ${parts} = the total ${formatFen(fen(total), f.unit)}.`
        : `${formLabel(f)}: ${parts} = ${formatFen(sum, f.unit)}, but the total is printed as ${formatFen(fen(total), f.unit)}.`,
    })];
  });
}

const TOTAL_KEY = /合计|总计|小计|金额|项目支出/;

/**
 * form_project_funds: a project's funds on its form agree with its line(s) in the 项目支出表. The project is
 * the line's 项目 column, or its name where the table has no 科目 codes (a 项目支出表 listing projects by
 * name alone). A name printed on several lines (one project funded in several parts, one form per part)
 * agrees when the form matches one of its lines, or the forms of that name add up to its lines together.
 */
export function formProjectFunds(ctx: RuleContext): Check[] {
  const lines = ctx.views.filter(v => v.table.type === 'project_expenditure' && v.unit !== null).flatMap(v =>
    v.table.rows.flatMap(row => row.records.flatMap((rec) => {
      const name = rec.project ?? (rec.code === null ? rec.name : null);
      const keys = Object.keys(rec.amounts);
      const key = keys.find(k => TOTAL_KEY.test(k)) ?? keys[0];
      return name && key !== undefined ? [{ view: v, row: row.index, group: row.records.indexOf(rec), key, name: squash(name), fen: Math.round(rec.amounts[key]! * fenPerUnit(v.unit!)) }] : [];
    })));
  if (!lines.length) return [];
  const fundsOf = (f: PerformanceForm): number | null =>
    f.funds.total ?? (f.funds.sources.length ? f.funds.sources.reduce((a, s) => a + s.amount, 0) : null);
  const checked = (ctx.doc.forms ?? []).filter(f => f.kind === 'project' && f.project.name && f.unit !== null && fundsOf(f) !== null);
  return checked.flatMap((f) => {
    const name = squash(f.project.name!);
    const mine = lines.filter(l => l.name === name);
    if (!mine.length) return [];
    const unit = mine[0]!.view.unit!;
    const formFen = Math.round(fundsOf(f)! * fenPerUnit(f.unit!));
    const tableFen = mine.reduce((a, l) => a + l.fen, 0);
    const namesakes = checked.filter(g => squash(g.project.name!) === name);
    const namesakesFen = namesakes.reduce((a, g) => a + Math.round(fundsOf(g)! * fenPerUnit(g.unit!)), 0);
    const line = mine.length > 1 ? mine.find(l => l.fen === formFen) : undefined;
    const ok = tableFen === formFen || line !== undefined || (namesakes.length > 1 && namesakesFen === tableFen);
    const expectedFen = line?.fen ?? tableFen;
    // The form's figure (its total, else its sources), then the table's line(s) it is compared with.
    const own = formPlace(f, f.funds.total !== null ? [f.funds.total_at] : f.funds.sources.map(s => s.at), 'total', 'total');
    const tableCells = (line ? [line] : mine).flatMap(l => resolveCell(l.view as TableView, { row: l.row, key: l.key, group: l.group }, 'part'));
    return [formCheck(f, {
      ...own, cells: [...own.cells!, ...tableCells],
      rule: 'form_project_funds', status: ok ? 'pass' : 'fail', column: 'funds',
      expected: expectedFen / fenPerUnit(unit), actual: formFen / fenPerUnit(unit),
      message: ok
        ? `${formLabel(f)}: the form's ${formatFen(formFen, f.unit!)} agree with ${mine[0]!.view.label}` +
          (line ? ` (one of its ${mine.length} lines of that name).` : namesakes.length > 1 && tableFen !== formFen ? ` (its ${namesakes.length} forms of that name together).` : '.')
        : `${formLabel(f)}: the form gives ${formatFen(formFen, f.unit!)}, but ${mine[0]!.view.label} gives the project ${formatFen(tableFen, unit)}` +
          (mine.length > 1 ? ` over ${mine.length} lines, none of them equal to the form.` : '.'),
    })];
  });
}

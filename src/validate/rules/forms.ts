import type { Check } from '../../model/document.js';
import type { PerformanceForm } from '../../model/forms.js';
import { squash } from '../../model/text.js';
import { fenPerUnit, formatFen } from '../money.js';
import type { RuleContext } from './context.js';

/** How a check names a form: its project (or its unit, for a 整体 form) and its first page. */
export const formLabel = (f: PerformanceForm): string =>
  `${f.title}「${f.project.name ?? f.project.department ?? '?'}」`;

const formCheck = (f: PerformanceForm, init: Pick<Check, 'rule' | 'status' | 'message'> & Partial<Check>): Check => ({
  table: formLabel(f), page: f.pages[0] ?? null, row: null, column: null, expected: null, actual: null, ...init,
});

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
      rule: 'form_funds', status: ok ? 'pass' : 'fail', column: 'funds', expected: total, actual: sum / fenPerUnit(f.unit),
      message: ok
        ? `${formLabel(f)}: ${parts} = the total ${formatFen(fen(total), f.unit)}.`
        : `${formLabel(f)}: ${parts} = ${formatFen(sum, f.unit)}, but the total is printed as ${formatFen(fen(total), f.unit)}.`,
    })];
  });
}

const TOTAL_KEY = /合计|总计|小计|金额|项目支出/;

/** form_project_funds: a project's funds on its form agree with its line(s) in the 项目支出表. */
export function formProjectFunds(ctx: RuleContext): Check[] {
  const lines = ctx.views.filter(v => v.table.type === 'project_expenditure' && v.unit !== null).flatMap(v =>
    v.table.rows.flatMap(row => row.records.flatMap((rec) => {
      const name = rec.project ?? null;
      const keys = Object.keys(rec.amounts);
      const key = keys.find(k => TOTAL_KEY.test(k)) ?? keys[0];
      return name && key !== undefined ? [{ view: v, name: squash(name), fen: Math.round(rec.amounts[key]! * fenPerUnit(v.unit!)) }] : [];
    })));
  if (!lines.length) return [];
  return (ctx.doc.forms ?? []).flatMap((f) => {
    const name = f.project.name ? squash(f.project.name) : null;
    const amount = f.funds.total ?? (f.funds.sources.length ? f.funds.sources.reduce((a, s) => a + s.amount, 0) : null);
    if (f.kind !== 'project' || !name || amount === null || f.unit === null) return [];
    const mine = lines.filter(l => l.name === name);
    if (!mine.length) return [];
    const unit = mine[0]!.view.unit!;
    const tableFen = mine.reduce((a, l) => a + l.fen, 0);
    const formFen = Math.round(amount * fenPerUnit(f.unit));
    const ok = tableFen === formFen;
    return [formCheck(f, {
      rule: 'form_project_funds', status: ok ? 'pass' : 'fail', column: 'funds',
      expected: tableFen / fenPerUnit(unit), actual: formFen / fenPerUnit(unit),
      message: ok
        ? `${formLabel(f)}: the form's ${formatFen(formFen, f.unit)} agree with ${mine[0]!.view.label}.`
        : `${formLabel(f)}: the form gives ${formatFen(formFen, f.unit)}, but ${mine[0]!.view.label} gives the project ${formatFen(tableFen, unit)}.`,
    })];
  });
}

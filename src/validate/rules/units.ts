import type { Check } from '../../model/document.js';
import { fenPerHundredth, formatFen } from '../money.js';
import { checkAt, sumKeys, type TableView } from '../tables.js';
import type { RuleContext } from './context.js';

/** Distinct figures of a table, in fen, as its printed unit says. */
function figures(view: TableView, minFen: number): Set<number> {
  const out = new Set<number>();
  if (!view.unit) return out;
  const per = fenPerHundredth(view.unit);
  for (const g of view.groups) for (const e of g.entries) for (const k of g.keys) {
    const fen = sumKeys(e.rec, [k]) * per;
    if (Math.abs(fen) >= minFen) out.add(fen);
  }
  return out;
}

const SCALES = [10_000, 1 / 10_000, 1_000, 1 / 1_000];

/**
 * What a unit_scale check is about: the table's printed unit (its 单位：万元), or, where the table prints
 * none and the document's unit stands in, the table itself (its area on its first page).
 */
function unitPlace(view: TableView): Pick<Check, 'page' | 'bbox'> {
  const t = view.table;
  if (t.unit_at) return { page: t.unit_at.page, bbox: t.unit_at.bbox };
  const region = t.regions?.find(r => r.page === t.pages[0]) ?? t.regions?.[0];
  return region ? { page: region.page, bbox: region.bbox } : { page: t.pages[0] ?? null, bbox: null };
}

/**
 * unit_scale: a table's figures are plausible for its printed unit. When none of its figures
 * appears in the other tables at face value but several appear there ×10 000 (or ÷), the table
 * was read in the wrong unit (元 taken for 万元, or the reverse).
 */
export function unitScale(ctx: RuleContext): Check[] {
  const out: Check[] = [];
  const s = ctx.settings;
  const all = ctx.views.map((v) => figures(v, s.unitWitnessMinFen));
  const stats = ctx.views.map((_, i) => tally(all, i));
  // a table is blamed only when others agree among themselves at face value
  const anyFace = stats.some((t) => t.face > 0);
  ctx.views.forEach((view, i) => {
    const mine = all[i]!;
    if (mine.size === 0 || !view.unit) return;
    const { face, bestScale, bestCount, near } = stats[i]!;
    if (face === 0 && bestCount >= s.unitMismatchMinFigures && anyFace) {
      const example = [...mine].find((x) => near(Math.round(x * bestScale)))!;
      out.push({ ...checkAt(view, {
        rule: 'unit_scale', status: 'fail', column: null, expected: null, actual: null,
        message: `${view.label} says its unit is "${view.unit}", but ${bestCount} of its figures appear in other tables only ` +
          `after scaling by ${bestScale >= 1 ? `×${bestScale}` : `÷${1 / bestScale}`} (e.g. ${formatFen(example, view.unit)} ↔ ` +
          `${formatFen(Math.round(example * bestScale), view.unit)}); the unit was probably misread.`,
      }), ...unitPlace(view) });
    } else if (face > 0) {
      out.push({ ...checkAt(view, {
        rule: 'unit_scale', status: 'pass', column: null,
        message: `${view.label}: ${face} of its figures match other tables in the printed unit "${view.unit}".`,
      }), ...unitPlace(view) });
    }
  });
  return out;
}

/** How many of table i's figures appear elsewhere at face value, and after the best rescaling. */
function tally(all: Array<Set<number>>, i: number) {
  const mine = all[i]!;
  const others = new Set<number>();
  all.forEach((f, j) => { if (j !== i) for (const x of f) others.add(x); });
  const near = (x: number) => {
    // compare at the coarser precision: a 元 figure restated in 万元 is rounded to 100 元
    for (const o of others) if (Math.abs(o - x) <= Math.max(10_000, Math.abs(x) * 1e-6)) return true;
    return false;
  };
  let face = 0;
  const scaled = new Map<number, number>();
  for (const x of mine) {
    if (near(x)) face++;
    for (const k of SCALES) if (near(Math.round(x * k))) scaled.set(k, (scaled.get(k) ?? 0) + 1);
  }
  const [bestScale, bestCount] = [...scaled.entries()].sort((a, b) => b[1] - a[1])[0] ?? [1, 0];
  return { face, bestScale, bestCount, near };
}

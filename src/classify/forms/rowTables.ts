import type { Table } from '../../model/document.js';
import type { Indicator, PerformanceForm } from '../../model/forms.js';
import { indicatorHeader, type FormColumnRole } from './columns.js';
import { cellAt, gridIndicators, listIndicators, type GridRow } from './indicators.js';
import { partitionRows, type Anchor } from './partition.js';
import { staffOf, type GoalSource } from './staff.js';
import { amountOf, cleanLabel, joinFragments, splitProjectCode } from './text.js';

/**
 * Tables that give every project a band of rows: one line per indicator (北京 预算12表: 项目名称, 项目总额,
 * 绩效目标 merged down the band) or one line per project with its indicators listed in one cell (广州). The
 * project, amount and goal cells are merged over the band and printed once, centred in it; a band can run
 * over a page break. The rows of consecutive pieces are therefore read as one sequence.
 */
export interface RowTablePiece { table: Table; roles: FormColumnRole[]; rows: GridRow[] }

/** The roles of a piece: from its header, else from a header line among its rows, else null. */
export function rowTableRoles(table: Table): FormColumnRole[] | null {
  const fromHeader = indicatorHeader(table.columns.map(c => c.path.join('')));
  if (fromHeader?.includes('project')) return fromHeader;
  const line = table.rows.find(r => indicatorHeader(r.cells)?.includes('project'));
  return line ? indicatorHeader(line.cells) : null;
}

const GOAL_OR_LIST_END = /[。；;.!！]$/;
const TOTAL_NAME = /^(合计|总计|小计)/;

/** Codes that may name the same project: equal, one missing, or one the tail of the other ("… 3764" and "3764"). */
const sameCode = (a: string | null, b: string | null): boolean => !a || !b || a === b || a.endsWith(` ${b}`) || b.endsWith(` ${a}`);

const column = (roles: readonly FormColumnRole[], role: FormColumnRole): number[] => roles.flatMap((r, i) => (r === role ? [i] : []));
const textIn = (row: GridRow, cols: readonly number[]): string => joinFragments(cols.map(c => row.cells[c] ?? ''));

/** Anchors: rows with the band's amount, widened by the project-name lines printed next to them. */
function anchorsOf(rows: readonly GridRow[], total: number[], project: number[]): Anchor[] {
  const amountRows = rows.flatMap((r, i) => (total.some(c => amountOf(r.cells[c]) !== null) ? [i] : []));
  const anchors = amountRows.map(i => ({ first: i, last: i, center: i }));
  rows.forEach((r, i) => {
    if (amountRows.includes(i) || !textIn(r, project)) return;
    let best: Anchor | null = null;
    for (const a of anchors) if (!best || Math.abs(a.first - i) < Math.abs(best.first - i)) best = a;
    if (!best || Math.abs(best.first - i) > 3) return;
    best.first = Math.min(best.first, i); best.last = Math.max(best.last, i);
  });
  // Widening may make neighbours touch; keep them apart so that every anchor keeps its own run.
  for (let k = 1; k < anchors.length; k++) if (anchors[k]!.first <= anchors[k - 1]!.last) anchors[k]!.first = anchors[k - 1]!.last + 1;
  for (const a of anchors) { a.last = Math.max(a.first, a.last); a.center = (a.first + a.last) / 2; }
  return anchors;
}

/** Forms of a sequence of pieces that continue one another (same columns). */
export function readRowTable(pieces: readonly RowTablePiece[], title: string): PerformanceForm[] {
  const roles = pieces[0]!.roles;
  const rows = pieces.flatMap(p => p.rows.filter(r => !indicatorHeader(r.cells)));
  const [project, total, source, goal, list] = (['project', 'total', 'source', 'goal', 'indicator_list'] as const).map(r => column(roles, r));
  const anchors = anchorsOf(rows, total!, project!);
  const breaksText = (row: number, cols: readonly number[]): boolean => {
    const above = textIn(rows[row - 1] ?? { page: 0, cells: [] }, cols), here = textIn(rows[row] ?? { page: 0, cells: [] }, cols);
    return above !== '' && here !== '' && !GOAL_OR_LIST_END.test(above);
  };
  const { runs } = partitionRows(rows.length, anchors, { cut: b => (breaksText(b, goal!) ? 1.5 : 0) + (breaksText(b, list!) ? 1.5 : 0) });
  const unit = pieces[0]!.table.unit;
  const forms: PerformanceForm[] = [];
  const goalSources = new Map<PerformanceForm, GoalSource[]>();
  let department: string | null = null;
  runs.forEach((run, k) => {
    const band = rows.slice(run.start, run.end + 1);
    const anchorRow = rows[anchors[k]!.first]!;
    const amountRow = band.find(r => total!.some(c => amountOf(r.cells[c]) !== null)) ?? anchorRow;
    const printedName = joinFragments(band.map(r => textIn(r, project!)));
    const indicators: Indicator[] = list!.length
      ? listIndicators(band.map(r => textIn(r, list!)).join(''), band.find(r => textIn(r, list!))?.page ?? anchorRow.page)
      : gridIndicators(band, roles);
    const goals = goal!.length ? [joinFragments(band.map(r => textIn(r, goal!)))].filter(Boolean) : [];
    const goalCells: GoalSource[] = goals.map(text => ({
      text, cells: band.flatMap(r => goal!.flatMap(c => ((r.cells[c] ?? '').trim() ? [{ text: r.cells[c]!.trim(), column: c, at: r.at?.[c] ?? null }] : []))),
    }));
    if (!indicators.length && !goals.length) {
      // A total or department line between the projects (合计：…, 广州市生态环境局 …).
      if (printedName && !TOTAL_NAME.test(printedName)) department = printedName;
      return;
    }
    const { code, name } = splitProjectCode(printedName);
    const sources = source!.flatMap(c => {
      const amount = amountOf(amountRow.cells[c]);
      return amount === null ? [] : [{ source: cleanLabel(pieces[0]!.table.columns[c]?.path.join('') ?? `列${c + 1}`), amount, at: cellAt(amountRow, c) }];
    });
    const pages = [...new Set(band.map(r => r.page))];
    const prev = forms[forms.length - 1];
    if (prev && name && prev.project.name === name && sameCode(prev.project.code, code) && prev.funds.total === amountOf(total!.map(c => amountRow.cells[c]).find(v => amountOf(v) !== null))) {
      // The band's project printed again after a page break: one form.
      prev.pages = [...new Set([...prev.pages, ...pages])];
      prev.goals.push(...goals.filter(g => !prev.goals.includes(g)));
      goalSources.get(prev)?.push(...goalCells);
      prev.indicators.push(...indicators);
      return;
    }
    forms.push({
      kind: 'project', title, pages, project: { name: name || null, code, department }, unit,
      funds: (() => {
        const at = total!.find(c => amountOf(amountRow.cells[c]) !== null);
        return { total: at === undefined ? null : amountOf(amountRow.cells[at]), sources, total_at: at === undefined ? null : cellAt(amountRow, at) };
      })(),
      goals, indicators,
    });
    goalSources.set(forms[forms.length - 1]!, goalCells);
  });
  for (const form of forms) form.staff = staffOf(form.goals, goalSources.get(form) ?? []);
  return forms;
}

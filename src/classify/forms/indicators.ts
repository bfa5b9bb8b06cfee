import type { Bbox } from '../../model/document.js';
import type { Indicator, PrintedAt } from '../../model/forms.js';
import type { PrintedFigure, RawRow } from '../../model/rawTable.js';
import type { FormColumnRole } from './columns.js';
import { spreadLevels } from './levels.js';
import { parseTarget } from './target.js';
import { joinFragments, tidyFigure, tidyText, weightOf } from './text.js';

/**
 * A line of a form: its page and cells and, for a row of a table (not a header line), which row of which
 * table it is with its cells' boxes. A line folded from several rows keeps, per column, the first row
 * that printed something there.
 */
export interface GridRow { page: number; cells: string[]; at?: (LineCell | null)[] }

/** Where a line's cell is printed: which row of which table, its box, and the figures among its words. */
export interface LineCell { table: number; row: number; page: number; bbox: Bbox; figures?: PrintedFigure[] | null }

/**
 * The cells of a table row as a form line sees them. `printed` is the row as the layout stage gave it: the
 * figures among a cell's words are taken from the printed cell of the same text (a label the classifier
 * moved to another column keeps its text).
 */
export function gridRow(row: { index: number; page: number; cells: string[]; boxes?: (Bbox | null)[] }, table: number | null, printed?: RawRow): GridRow {
  if (table === null || !row.boxes) return { page: row.page, cells: row.cells };
  const figuresOf = (c: number): PrintedFigure[] | null => {
    if (!printed?.figures) return null;
    const text = row.cells[c]!;
    const from = printed.cells[c] === text ? c : printed.cells.indexOf(text);
    return from < 0 ? null : printed.figures[from] ?? null;
  };
  return {
    page: row.page, cells: row.cells,
    at: row.cells.map((_, c) => (row.boxes![c] ? { table, row: row.index, page: row.page, bbox: row.boxes![c]!, figures: figuresOf(c) } : null)),
  };
}

/** Where a line prints the text of column `c`, or null. */
export function cellAt(row: GridRow, c: number): PrintedAt | null {
  const at = row.at?.[c];
  return at ? { page: at.page, bbox: at.bbox, table: at.table, row: at.row, column: c } : null;
}

/** Where a line prints the first non-empty column of a role. */
const roleAt = (row: GridRow, roles: readonly FormColumnRole[], role: FormColumnRole): PrintedAt | null => {
  const c = roles.findIndex((r, i) => r === role && (row.cells[i] ?? '').trim() !== '');
  return c < 0 ? null : cellAt(row, c);
};

const cellOf = (row: GridRow, roles: readonly FormColumnRole[], role: FormColumnRole): string =>
  joinFragments(roles.flatMap((r, i) => (r === role ? [row.cells[i] ?? ''] : [])));

/** An indicator from its printed parts; the target is read from the comparator, value and unit cells together. */
export function indicator(page: number, level1: string | null, level2: string | null, name: string, target: string,
  extra: Partial<Pick<Indicator, 'period_target' | 'basis' | 'weight' | 'weight_at'>> = {}): Indicator {
  const printed = tidyFigure(target);
  return {
    page, level1: level1 || null, level2: level2 || null, name: tidyText(name), target: printed, ...parseTarget(printed),
    period_target: extra.period_target || null, basis: extra.basis || null, weight: extra.weight ?? null,
    ...(extra.weight_at !== undefined ? { weight_at: extra.weight_at } : {}),
  };
}

/** A 绩效指标 cell that prints all three levels in one ("产出指标数量指标系统故障修复率") split into them. */
function splitNamed(text: string, level1: string | null, level2: string | null): { level1: string | null; level2: string | null; name: string } {
  const m = /^(产出指标|效益指标|满意度指标|成本指标)(\S{2,10}?指标)(.+)$/.exec(text);
  return m && !level1 && !level2 ? { level1: m[1]!, level2: m[2]!, name: m[3]! } : { level1, level2, name: text };
}

/**
 * The indicator rows of a grid (one row per 三级指标): merged 一级/二级 cells are spread back over the rows
 * they cover (二级 inside each 一级), and a row that only continues the cells above (no name, no target)
 * is folded into the row before.
 */
export function gridIndicators(rows: readonly GridRow[], roles: readonly FormColumnRole[]): Indicator[] {
  const lines: GridRow[] = [];
  for (const row of rows) {
    if (roles.every((_, i) => !(row.cells[i] ?? '').trim())) continue;
    const prev = lines[lines.length - 1];
    const continues = (['name', 'indicator_list', 'comparator', 'target', 'level1', 'level2'] as const).every(role => !cellOf(row, roles, role));
    if (prev && continues) {
      if (prev.at || row.at) prev.at = prev.cells.map((c, i) => (c.trim() ? prev.at?.[i] ?? null : row.at?.[i] ?? null));
      prev.cells = prev.cells.map((c, i) => joinFragments([c, row.cells[i] ?? '']));
    } else lines.push({ page: row.page, cells: [...row.cells], ...(row.at ? { at: [...row.at] } : {}) });
  }
  const { level1, level2 } = spreadLevels(lines.map(r => cellOf(r, roles, 'level1')), lines.map(r => cellOf(r, roles, 'level2')),
    lines.map(r => cellOf(r, roles, 'name')));
  const out: Indicator[] = [];
  lines.forEach((row, r) => {
    const named = splitNamed(cellOf(row, roles, 'name') || cellOf(row, roles, 'indicator_list'), level1[r] ?? null, level2[r] ?? null);
    const name = named.name;
    // A 指标性质 column says 定性 beside a target in words (定性 | 优): the words are the target.
    const comparator = cellOf(row, roles, 'comparator').replace(/^定性/, '');
    const target = [comparator, cellOf(row, roles, 'target'), cellOf(row, roles, 'value_unit')].join('');
    // Every indicator prints a target; a line without one is a note or page number the table ran into.
    if (!name || !target) return;
    const weight = weightOf(cellOf(row, roles, 'weight'));
    out.push(indicator(row.page, named.level1, named.level2, name, target, {
      period_target: cellOf(row, roles, 'period_target'), basis: cellOf(row, roles, 'basis'), weight,
      weight_at: weight === null ? null : roleAt(row, roles, 'weight'),
    }));
  });
  return out;
}

/**
 * Indicators printed as one list in a single cell: "1、1－产出指标，11－数量指标，项目专职环保员数量；
 * 实施周期指标值：≦核定人数，年度指标值：≦核定人数；2、…" (the annual value is the target).
 */
export function listIndicators(text: string, page: number): Indicator[] {
  const t = text.replace(/\s+/g, '');
  const item = /(?:^|[;；。])(?:\d+[、.．])?\d*[-－—]?([^,，;；]+?)[,，]\d*[-－—]?([^,，;；]+?)[,，](.+?)[;；]实施周期指标值[:：](.*?)[,，。]?年度指标值[:：](.*?)(?=[;；](?:\d+[、.．])?\d+[-－—]|[;；]?$)/g;
  const out: Indicator[] = [];
  for (const m of t.matchAll(item)) {
    out.push(indicator(page, m[1]!, m[2]!, m[3]!, m[5]!, { period_target: m[4]! }));
  }
  return out;
}

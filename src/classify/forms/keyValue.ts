import type { CurrencyUnit, Table } from '../../model/document.js';
import type { PerformanceForm } from '../../model/forms.js';
import { headerRole, indicatorHeader, type FormColumnRole } from './columns.js';
import type { RawTable } from '../../model/rawTable.js';
import { cellAt, gridRow, type GridRow } from './indicators.js';
import type { GoalSource } from './staff.js';
import { amountOf, cleanLabel, joinFragments, unitInLabel } from './text.js';

/**
 * A key–value form piece (项目名称 / 预算单位 / 项目资金 / 总体目标 … above an indicator grid), before its
 * grid is read: the grid rows stay raw so that a piece continued on the next page can add its rows first.
 */
export interface KeyValuePiece {
  head: Omit<PerformanceForm, 'indicators' | 'pages' | 'title' | 'kind'> & { labelled: boolean };
  roles: FormColumnRole[] | null;
  grid: GridRow[];
  /** The cells each goal text was read from (for where its staff figures are printed). */
  goalSources: GoalSource[];
}

const INDICATOR_ROLES: readonly FormColumnRole[] = ['level1', 'level2', 'name', 'indicator_list'];
const DEPARTMENT = /^(预算单位|主管部门|单位名称|部门名称|预算部门|实施单位)/;
const PROJECT = /^项目名称/;
const CODE = /^项目(编码|代码|编号)/;
const GOAL = /(绩效目标|总体目标|年度目标|中长期目标|目标任务)$/;
const FUND_LABEL = /资金|预算|拨款|安排|总额|其他|经费|收入/;
const TOTAL_LABEL = /总额|合计|总计/;
const LABEL = /^(预算单位|主管部门|单位名称|部门名称|预算部门|实施单位|项目名称|项目(编码|代码|编号)|项目负责人|单位联系人|联系电话|项目资金|资金来源|资金总额|年度预算|项目属性|项目期限|项目类型)/;

/** The cells of a line with merged-cell repeats and empty cells dropped. */
const tokensOf = (cells: readonly string[]): { text: string; column: number }[] =>
  cells.map((c, column) => ({ text: c.trim(), column })).filter((c, i, all) => c.text !== '' && c.text !== all[i - 1]?.text);

/**
 * The lines a table offers: its header rows (a form's first lines often end up there) and its rows.
 * `printed` is the table as the layout stage gave it (for where the figures among a cell's words are).
 */
function linesOf(table: Table, index: number | null, printed?: RawTable): GridRow[] {
  const depth = Math.max(0, ...table.columns.map(c => c.path.length));
  const header = Array.from({ length: depth }, (_, level) => ({
    page: table.pages[0]!, cells: table.columns.map(c => c.path[level] ?? ''),
  }));
  return [...header, ...table.rows.map(r => gridRow(r, index, printed?.rows[r.index]))];
}

/**
 * A 整体 form printed as one table: the unit's name and its funds are columns of the header (单位名称 |
 * 资金总额 | 一般公共预算 | 其他资金 … | 一级指标 …) with their values on one line of the grid. Fills only
 * what the form's key–value lines did not give.
 */
function identityFromColumns(table: Table, grid: readonly GridRow[], indicatorRoles: readonly FormColumnRole[], head: KeyValuePiece['head']): void {
  const labels = table.columns.map(c => c.path.join(''));
  // The form's own columns stand left of its indicators; each is taken by its own (lowest) label:
  // "按收入性质分 / 一般公共预算" is a source, not a 指标性质.
  const firstIndicator = indicatorRoles.findIndex(r => INDICATOR_ROLES.includes(r));
  const leaves = table.columns.map((c, i) => (firstIndicator < 0 || i < firstIndicator ? c.path[c.path.length - 1] ?? '' : ''));
  const roles = leaves.map(l => (l ? headerRole(l) : 'other'));
  const totalCols = roles.flatMap((r, i) => (r === 'total' ? [i] : []));
  const line = grid.find(r => totalCols.some(c => amountOf(r.cells[c]) !== null));
  if (!line) return;
  if (head.funds.total === null && !head.funds.sources.length) {
    const totalCol = totalCols.find(c => amountOf(line.cells[c]) !== null);
    head.funds.total = totalCol === undefined ? null : amountOf(line.cells[totalCol]);
    head.funds.total_at = totalCol === undefined ? null : cellAt(line, totalCol);
    head.funds.sources = roles.flatMap((r, c) => {
      const amount = r === 'source' ? amountOf(line.cells[c]) : null;
      return amount === null ? [] : [{ source: cleanLabel(leaves[c]!), amount, at: cellAt(line, c) }];
    });
  }
  const department = labels.findIndex((l, i) => leaves[i] !== '' && DEPARTMENT.test(l));
  if (head.project.department === null && department >= 0 && line.cells[department]?.trim()) head.project.department = joinFragments([line.cells[department]!]);
}

/** Columns left of the first indicator column are the form's own (unit, funds, goal), never an indicator's. */
function indicatorColumns(roles: readonly FormColumnRole[]): FormColumnRole[] {
  const first = roles.findIndex(r => INDICATOR_ROLES.includes(r));
  return roles.map((r, i) => (i < first ? 'other' : r));
}

/** Read one piece of a key–value form; its grid rows are everything after the indicator header line. */
export function readKeyValuePiece(table: Table, index: number | null = null, printed?: RawTable): KeyValuePiece {
  const lines = linesOf(table, index, printed);
  const headerAt = lines.findIndex(l => indicatorHeader(l.cells) !== null);
  const top = headerAt < 0 ? lines : lines.slice(0, headerAt);
  const head: KeyValuePiece['head'] = {
    project: { name: null, code: null, department: null }, unit: table.unit, funds: { total: null, sources: [], total_at: null }, goals: [], labelled: false,
  };
  const goalSources: GoalSource[] = [];
  let formUnit: CurrencyUnit | null = null;
  for (const line of top) {
    const tokens = tokensOf(line.cells);
    let label: string | null = null;
    tokens.forEach(({ text: tok, column }, i) => {
      const next = tokens[i + 1]?.text ?? '';
      formUnit ??= unitInLabel(tok);
      if (LABEL.test(tok) || GOAL.test(cleanLabel(tok))) head.labelled = true;
      if (PROJECT.test(tok) && next && !LABEL.test(next)) head.project.name = joinFragments([next]);
      else if (CODE.test(tok) && next && !LABEL.test(next)) head.project.code = next.trim();
      else if (DEPARTMENT.test(tok) && next && !LABEL.test(next)) head.project.department ??= joinFragments([next]);
      else if (GOAL.test(cleanLabel(tok))) {
        const rest = tokens.slice(i + 1);
        const text = joinFragments(rest.map(t => t.text));
        if (text) {
          head.goals.push(text);
          goalSources.push({ text, cells: rest.map(t => ({ text: t.text, column: t.column, at: line.at?.[t.column] ?? null })) });
        }
      }
      const amount = amountOf(tok);
      if (amount === null) { label = tok; return; }
      if (label === null || !FUND_LABEL.test(label)) return;
      const name = cleanLabel(label);
      if (TOTAL_LABEL.test(name)) { head.funds.total = amount; head.funds.total_at = cellAt(line, column); }
      else head.funds.sources.push({ source: name, amount, at: cellAt(line, column) });
      label = null;
    });
  }
  head.unit = formUnit ?? table.unit;
  // Only where the indicator header is the table's own column header: its other columns are the form's.
  const depth = Math.max(0, ...table.columns.map(c => c.path.length));
  if (headerAt >= 0 && headerAt < depth) identityFromColumns(table, lines.slice(headerAt + 1), indicatorHeader(lines[headerAt]!.cells)!, head);
  return {
    head,
    roles: headerAt < 0 ? null : indicatorColumns(indicatorHeader(lines[headerAt]!.cells)!),
    // Without an indicator header the piece continues the form before: all its lines are grid rows.
    grid: lines.slice(headerAt + 1),
    goalSources,
  };
}

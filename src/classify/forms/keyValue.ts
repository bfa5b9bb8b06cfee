import type { CurrencyUnit, Table } from '../../model/document.js';
import type { PerformanceForm } from '../../model/forms.js';
import { indicatorHeader, type FormColumnRole } from './columns.js';
import type { GridRow } from './indicators.js';
import { amountOf, cleanLabel, joinFragments, unitInLabel } from './text.js';

/**
 * A key–value form piece (项目名称 / 预算单位 / 项目资金 / 总体目标 … above an indicator grid), before its
 * grid is read: the grid rows stay raw so that a piece continued on the next page can add its rows first.
 */
export interface KeyValuePiece {
  head: Omit<PerformanceForm, 'indicators' | 'pages' | 'title' | 'kind'> & { labelled: boolean };
  roles: FormColumnRole[] | null;
  grid: GridRow[];
}

const DEPARTMENT = /^(预算单位|主管部门|单位名称|部门名称|预算部门|实施单位)/;
const PROJECT = /^项目名称/;
const CODE = /^项目(编码|代码|编号)/;
const GOAL = /(绩效目标|总体目标|年度目标|中长期目标|目标任务)$/;
const FUND_LABEL = /资金|预算|拨款|安排|总额|其他|经费|收入/;
const TOTAL_LABEL = /总额|合计|总计/;
const LABEL = /^(预算单位|主管部门|单位名称|部门名称|预算部门|实施单位|项目名称|项目(编码|代码|编号)|项目负责人|单位联系人|联系电话|项目资金|资金来源|资金总额|年度预算|项目属性|项目期限|项目类型)/;

/** The cells of a line with merged-cell repeats and empty cells dropped. */
const tokensOf = (cells: readonly string[]): string[] =>
  cells.map(c => c.trim()).filter((c, i, all) => c !== '' && c !== all[i - 1]);

/** The lines a table offers: its header rows (a form's first lines often end up there) and its rows. */
function linesOf(table: Table): GridRow[] {
  const depth = Math.max(0, ...table.columns.map(c => c.path.length));
  const header = Array.from({ length: depth }, (_, level) => ({
    page: table.pages[0]!, cells: table.columns.map(c => c.path[level] ?? ''),
  }));
  return [...header, ...table.rows.map(r => ({ page: r.page, cells: r.cells }))];
}

/** Read one piece of a key–value form; its grid rows are everything after the indicator header line. */
export function readKeyValuePiece(table: Table): KeyValuePiece {
  const lines = linesOf(table);
  const headerAt = lines.findIndex(l => indicatorHeader(l.cells) !== null);
  const top = headerAt < 0 ? lines : lines.slice(0, headerAt);
  const head: KeyValuePiece['head'] = {
    project: { name: null, code: null, department: null }, unit: table.unit, funds: { total: null, sources: [] }, goals: [], labelled: false,
  };
  let formUnit: CurrencyUnit | null = null;
  for (const line of top) {
    const tokens = tokensOf(line.cells);
    let label: string | null = null;
    tokens.forEach((tok, i) => {
      const next = tokens[i + 1] ?? '';
      formUnit ??= unitInLabel(tok);
      if (LABEL.test(tok) || GOAL.test(cleanLabel(tok))) head.labelled = true;
      if (PROJECT.test(tok) && next && !LABEL.test(next)) head.project.name = joinFragments([next]);
      else if (CODE.test(tok) && next && !LABEL.test(next)) head.project.code = next.trim();
      else if (DEPARTMENT.test(tok) && next && !LABEL.test(next)) head.project.department ??= joinFragments([next]);
      else if (GOAL.test(cleanLabel(tok))) {
        const text = joinFragments(tokens.slice(i + 1));
        if (text) head.goals.push(text);
      }
      const amount = amountOf(tok);
      if (amount === null) { label = tok; return; }
      if (label === null || !FUND_LABEL.test(label)) return;
      const name = cleanLabel(label);
      if (TOTAL_LABEL.test(name)) head.funds.total = amount;
      else head.funds.sources.push({ source: name, amount });
      label = null;
    });
  }
  head.unit = formUnit ?? table.unit;
  return {
    head,
    roles: headerAt < 0 ? null : indicatorHeader(lines[headerAt]!.cells),
    // Without an indicator header the piece continues the form before: all its lines are grid rows.
    grid: lines.slice(headerAt + 1),
  };
}

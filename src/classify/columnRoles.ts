import { AMOUNT_PATTERN, unreadableReading } from '../model/amounts.js';
import { squash } from '../model/text.js';
import type { ColumnRole } from '../model/document.js';
import type { RawTable } from '../model/rawTable.js';

const CODE_ONLY = /^\d{1,7}$/;
const CODE_NAME = /^\d{3}(\d{2}){0,2}\s*[^\d\s.,]/;
const CODE_HEADER = /^(类|款|项)$|编码|代码/;
const NAME_HEADER = /名称|科目|项目|功能分类|经济分类|内容|单位$/;
// The last header word of a label column (an empty column is judged by its header alone).
const LABEL_WORD = /名称|^项目$|^科目$|^功能分类$|^经济分类$|内容$/;
// A line-number column (行次 in 决算 layouts, 序号): it labels rows, it is never an amount.
const LINE_NUMBER_HEADER = /^(行次|栏次|行号|序号|编号)$/;

/** Cells that count rows 1, 2, 3 … (a line-number column printed without its header word). */
function countsRows(cells: readonly string[]): boolean {
  if (cells.length < 5 || !cells.every(v => /^\d{1,3}$/.test(v))) return false;
  return cells.every((v, i) => i === 0 || Number(v) === Number(cells[i - 1]) + 1);
}


/** A project column follows the row's name within the same group (no amount column in between). */
function followsLabel(roles: readonly ColumnRole[]): boolean {
  for (let i = roles.length - 1; i >= 0; i--) {
    if (roles[i] === 'amount') return false;
    if (roles[i] === 'name' || roles[i] === 'code_name') return true;
  }
  return false;
}

/**
 * Role of each column, from its cells first (what is printed in it) and its header second:
 * code digits, "code name" labels, names, project names, amounts, other text.
 */
export function columnRoles(table: RawTable): ColumnRole[] {
  const ncols = Math.max(table.columnPaths.length, ...table.rows.map(r => r.cells.length));
  const roles: ColumnRole[] = [];
  for (let c = 0; c < ncols; c++) {
    const path = table.columnPaths[c] ?? [];
    const last = path[path.length - 1] ?? '';
    const joined = path.join('/');
    const cells = table.rows.map(r => squash(r.cells[c] ?? '')).filter(Boolean);
    const share = (re: RegExp): number => (cells.length ? cells.filter(v => re.test(v)).length / cells.length : 0);
    // An amount OCR marked unreadable is still an amount: it counts for the column's figures, not its words.
    const amountShare = cells.length ? cells.filter(v => AMOUNT_PATTERN.test(v) || unreadableReading(v) !== null).length / cells.length : 0;
    if (LINE_NUMBER_HEADER.test(last) || countsRows(cells)) roles.push('text');
    else if ((CODE_HEADER.test(last) || /编码|代码/.test(joined)) && !/名称/.test(last) && (!cells.length || share(CODE_ONLY) >= 0.8)) roles.push('code');
    else if (cells.length && share(CODE_NAME) >= 0.5 && amountShare < 0.5) roles.push('code_name');
    else if (/项目名称|专项名称/.test(last) && followsLabel(roles)) roles.push('project');
    else if (cells.length ? amountShare >= 0.6 : !LABEL_WORD.test(last)) roles.push('amount');
    else if (NAME_HEADER.test(joined) || !cells.length || cells.some(v => !AMOUNT_PATTERN.test(v) && unreadableReading(v) === null)) roles.push('name');
    else roles.push('text');
  }
  // Only the first text-like column of each group names the row; later ones are plain text.
  return roles;
}

/** Columns that form one record: a side-by-side table has two (收入 | 支出). */
export interface ColumnGroup {
  code: number[];
  name: number | null;
  codeName: number | null;
  project: number | null;
  amounts: number[];
  text: number[];
}

/**
 * Columns that form one record. `filled[c]` is how many rows print something in column c, `paths[c]`
 * its header: when a group has several label columns (a category column merged over rows, then the
 * item), the row's name is the label column filled in most rows, a 名称 header counting for half the
 * rows; the others are kept as text.
 */
export function columnGroups(roles: readonly ColumnRole[], filled: readonly number[] = [], paths: readonly string[][] = []): ColumnGroup[] {
  const groups: ColumnGroup[] = [];
  let g: ColumnGroup | null = null;
  const rows = Math.max(0, ...filled);
  const labelScore = (c: number): number => (filled[c] ?? 0) + (/名称/.test((paths[c] ?? []).join('/')) ? rows / 2 : 0);
  const fresh = (): ColumnGroup => ({ code: [], name: null, codeName: null, project: null, amounts: [], text: [] });
  roles.forEach((role, c) => {
    const labelLike = role === 'code' || role === 'name' || role === 'code_name';
    // A label column after amounts starts the next side of a side-by-side table.
    if (!g || (labelLike && g.amounts.length > 0 && !(role === 'code' && g.code.length && !g.name && !g.codeName))) {
      g = fresh(); groups.push(g);
    }
    if (role === 'code') g.code.push(c);
    else if (role === 'name') {
      if (g.codeName !== null) g.text.push(c);
      else if (g.name === null) g.name = c;
      else if (labelScore(c) >= labelScore(g.name)) { g.text.push(g.name); g.name = c; } else g.text.push(c);
    }
    else if (role === 'code_name') { if (g.codeName === null && g.name === null) g.codeName = c; else g.text.push(c); }
    else if (role === 'project') { if (g.project === null) g.project = c; else g.text.push(c); }
    else if (role === 'amount') g.amounts.push(c);
    else g.text.push(c);
  });
  return groups;
}

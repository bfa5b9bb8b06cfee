import type { Table } from '../../model/document.js';
import type { PerformanceForm } from '../../model/forms.js';
import type { RawTable } from '../../model/rawTable.js';
import { indicatorHeader } from './columns.js';
import { gridIndicators, gridRow } from './indicators.js';
import { readKeyValuePiece, type KeyValuePiece } from './keyValue.js';
import { readRowTable, rowTableRoles, type RowTablePiece } from './rowTables.js';
import { staffOf } from './staff.js';

export { parseTarget } from './target.js';

const kindOf = (title: string): PerformanceForm['kind'] => (/整体/.test(title) ? 'unit' : 'project');

/** Same project on both sides (a form whose header is repeated on its next page). */
const sameProject = (a: KeyValuePiece['head'], b: KeyValuePiece['head']): boolean =>
  b.project.name !== null && a.project.name === b.project.name && a.project.code === b.project.code;

/**
 * Every performance-target form (绩效目标表) of a document, from its classified performance_target tables in
 * page order. A piece that starts without the form's identity (no 项目名称 / 单位名称 lines, no indicator
 * header), or repeats the identity of the form before, continues that form: pieces are joined at the form
 * level, whether or not the layout already joined the pages into one table.
 */
/** A line that opens a form: its 项目名称 / 单位名称 label. */
const OPENS_FORM = /^(预算单位|项目名称|单位名称)/;

/**
 * A key–value table may hold several forms printed under one title (one per project, joined by the layout
 * as one table): it is cut where a line naming a project (项目名称 …) follows an indicator grid. Later pieces
 * have no header of their own: their identity lines are rows.
 */
export function splitForms(table: Table): Table[] {
  const pieces: Table['rows'][] = [[]];
  const depth = Math.max(0, ...table.columns.map(c => c.path.length));
  let sawGrid = Array.from({ length: depth }, (_, l) => table.columns.map(c => c.path[l] ?? '')).some(cells => indicatorHeader(cells) !== null);
  for (const row of table.rows) {
    const opens = row.cells.some(c => OPENS_FORM.test(c.trim()));
    if (opens && sawGrid) { pieces.push([]); sawGrid = false; }
    if (indicatorHeader(row.cells) !== null) sawGrid = true;
    pieces[pieces.length - 1]!.push(row);
  }
  if (pieces.length === 1) return [table];
  return pieces.map((rows, i) => i === 0 ? { ...table, rows, pages: [...new Set(rows.map(r => r.page))] } : {
    ...table, rows, pages: [...new Set(rows.map(r => r.page))], columns: table.columns.map(c => ({ ...c, path: [] })),
  });
}

/**
 * `printed`, the tables as the layout stage gave them (aligned with `tables`), tells where the figures among
 * a cell's words are printed: with it, each staff figure of a goal text gets its place (`staff[].at`).
 */
export function readForms(tables: readonly Table[], printed?: readonly RawTable[]): PerformanceForm[] {
  const forms: PerformanceForm[] = [];
  let open: { piece: KeyValuePiece; title: string; pages: Set<number> } | null = null;
  let rowRun: { pieces: RowTablePiece[]; title: string } | null = null;
  const closeKeyValue = () => {
    if (!open) return;
    const { piece, title, pages } = open;
    const { labelled: _labelled, ...head } = piece.head;
    forms.push({
      kind: kindOf(title), title, pages: [...pages], ...head, staff: staffOf(head.goals, piece.goalSources),
      indicators: piece.roles ? gridIndicators(piece.grid, piece.roles) : [],
    });
    open = null;
  };
  const closeRows = () => {
    if (rowRun) forms.push(...readRowTable(rowRun.pieces, rowRun.title));
    rowRun = null;
  };
  const pieces = tables.flatMap((t, index) => (t.type === 'performance_target' && !rowTableRoles(t) ? splitForms(t) : [t]).map(table => ({ table, index })));
  for (const { table, index } of pieces) {
    if (table.type !== 'performance_target') continue;
    const rowRoles = rowTableRoles(table);
    const rows = table.rows.map(r => gridRow(r, index, printed?.[index]?.rows[r.index]));
    if (rowRoles || (rowRun && !open && table.columns.length === rowRun.pieces[0]!.roles.length && !readKeyValuePiece(table).head.labelled)) {
      closeKeyValue();
      const roles = rowRoles ?? rowRun!.pieces[rowRun!.pieces.length - 1]!.roles;
      if (rowRun && roles.length !== rowRun.pieces[0]!.roles.length) closeRows();
      rowRun ??= { pieces: [], title: table.title };
      rowRun.pieces.push({ table, roles, rows });
      continue;
    }
    closeRows();
    const piece = readKeyValuePiece(table, index, printed?.[index]);
    const continues = open !== null && (!piece.head.labelled || sameProject(open.piece.head, piece.head));
    if (open && continues) {
      const prev: KeyValuePiece = open.piece;
      if (!prev.roles) prev.roles = piece.roles;
      prev.grid.push(...piece.grid);
      prev.head.goals.push(...piece.head.goals.filter(g => !prev.head.goals.includes(g)));
      prev.goalSources.push(...piece.goalSources);
      table.pages.forEach(p => open!.pages.add(p));
      continue;
    }
    closeKeyValue();
    open = { piece, title: table.title, pages: new Set(table.pages) };
  }
  closeKeyValue();
  closeRows();
  return forms;
}

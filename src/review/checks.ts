/** The checks as the review page lists them: failed first, grouped by table, each with where to look. */
import type { Bbox, CheckCell, Check, OutputDocument } from '../model/document.js';

/** What the page's script needs to show one check (its index in `checks` is its id). */
export interface CheckTarget {
  /** Page to scroll to. */
  page: number | null;
  cells: CheckCell[];
  /** The printed figure's box on `page` (a prose check: its text line). */
  bbox: Bbox | null;
  /** Without cells (a v1 file): the grid row to mark, found from the check's table label and row. */
  row: { table: number; row: number } | null;
  rule: string;
  status: Check['status'];
  message: string;
  expected: number | null;
  actual: number | null;
  column: string | null;
}

export interface CheckGroup { label: string; table: number | null; ids: number[] }

/** The table a check's label names ("表4", a title, or a form's "title「org」"), or null. */
function tableOfLabel(doc: OutputDocument, label: string | null): number | null {
  if (!label) return null;
  const i = doc.tables.findIndex(t => t.number === label || t.title === label || (label.startsWith(t.title) && label.includes(t.org ?? t.title)));
  return i < 0 ? null : i;
}

/** A check that names its row but not its cells: the row's printed cells stand for them. */
function rowCells(doc: OutputDocument, table: number, index: number): CheckCell[] {
  const row = doc.tables[table]?.rows.find(r => r.index === index);
  const out: CheckCell[] = [];
  for (const [column, bbox] of (row?.boxes ?? []).entries()) if (bbox) out.push({ table, row: index, column, page: row!.page, bbox, role: 'other' });
  return out;
}

export function checkTargets(doc: OutputDocument): CheckTarget[] {
  return doc.checks.map(c => {
    const table = c.cells?.[0]?.table ?? tableOfLabel(doc, c.table);
    const row = !c.cells?.length && table !== null && c.row !== null ? { table, row: c.row } : null;
    return {
      page: c.page ?? c.cells?.[0]?.page ?? null,
      cells: c.cells?.length ? c.cells : row ? rowCells(doc, row.table, row.row) : [],
      bbox: c.bbox ?? null,
      row,
      rule: c.rule, status: c.status, message: c.message, expected: c.expected, actual: c.actual, column: c.column,
    };
  });
}

const STATUS_ORDER: Check['status'][] = ['fail', 'unknown', 'pass', 'skip'];

/**
 * Check ids of one status grouped by the table they are about (in the order of the tables in the
 * document; checks about no table last), each group in page order.
 */
export function groupChecks(doc: OutputDocument, targets: readonly CheckTarget[], status: Check['status']): CheckGroup[] {
  const groups = new Map<string, CheckGroup>();
  for (const [id, c] of doc.checks.entries()) {
    if (c.status !== status) continue;
    const label = c.table ?? '(document)';
    let g = groups.get(label);
    if (!g) groups.set(label, g = { label, table: targets[id]!.cells[0]?.table ?? tableOfLabel(doc, c.table), ids: [] });
    g.ids.push(id);
  }
  const page = (id: number): number => targets[id]!.page ?? Infinity;
  for (const g of groups.values()) g.ids.sort((a, b) => page(a) - page(b) || a - b);
  const order = (g: CheckGroup): number => g.table ?? (g.label === '(document)' ? Infinity : doc.tables.length);
  return [...groups.values()].sort((a, b) => order(a) - order(b) || page(a.ids[0]!) - page(b.ids[0]!));
}

export const statusesInOrder = (doc: OutputDocument): Check['status'][] => STATUS_ORDER.filter(s => doc.checks.some(c => c.status === s));

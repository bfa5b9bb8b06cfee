/**
 * Which table cells a check concerns. Checks name their table by its label (printed number, else title),
 * their row by the row's index and their column by its header path; labels repeat (untitled forms, a
 * number printed twice), so the page and row pick the table among those with the label.
 */
import { columnKey, parseAmount } from '../../model/amounts.js';
import type { Check, Column, OutputDocument, Row, Table } from '../../model/document.js';

/** How checks name a table (as the validate stage labels it): its printed number, else its title. */
export const tableLabel = (table: Table): string => table.number ?? table.title;

export interface CheckLocation {
  tableIndex: number;
  /** The row's `index`, or null for a check about the table (or one column) as a whole. */
  row: number | null;
  /** The concerned columns' `index`es: the checked amount, or the row's labels when no column is named. */
  columns: number[];
}

const LABEL_ROLES: ReadonlySet<Column['role']> = new Set(['code', 'name', 'code_name', 'project']);

/** The tables a label names, and each table's rows by index, computed once per document. */
interface DocumentIndex {
  byLabel: Map<string, number[]>;
  rows: Map<number, Row>[];
}

function indexDocument(doc: OutputDocument): DocumentIndex {
  const byLabel = new Map<string, number[]>();
  doc.tables.forEach((t, i) => byLabel.set(tableLabel(t), [...(byLabel.get(tableLabel(t)) ?? []), i]));
  return { byLabel, rows: doc.tables.map(t => new Map(t.rows.map(r => [r.index, r]))) };
}

function pickTable(doc: OutputDocument, index: DocumentIndex, check: Check): number | null {
  const candidates = index.byLabel.get(check.table ?? '') ?? [];
  if (candidates.length <= 1) return candidates[0] ?? null;
  const holdsRow = (i: number): boolean => {
    const row = check.row === null ? undefined : index.rows[i]!.get(check.row);
    return !!row && (check.page === null || row.page === check.page);
  };
  const onPage = (i: number): boolean => check.page !== null && doc.tables[i]!.pages.includes(check.page);
  return candidates.find(holdsRow) ?? candidates.find(onPage) ?? candidates[0]!;
}

function pickColumns(table: Table, check: Check, cells: readonly string[] | null): number[] {
  if (check.column !== null) {
    const keyed = table.columns.filter(c => columnKey(c) === check.column);
    // Side-by-side tables repeat a path: the cell holding the printed figure is the one meant.
    const holding = cells && check.actual !== null ? keyed.filter(c => parseAmount(cells[c.index] ?? '') === check.actual) : [];
    const chosen = holding.length ? holding.slice(0, 1) : keyed;
    if (chosen.length) return chosen.map(c => c.index);
  }
  if (!cells) return [];
  const labels = table.columns.filter(c => LABEL_ROLES.has(c.role) && (cells[c.index] ?? '') !== '');
  return (labels.length ? labels : table.columns.slice(0, 1)).map(c => c.index);
}

/** Where each check points in the document's tables (null when it names no table that exists). */
export function locateChecks(doc: OutputDocument): (CheckLocation | null)[] {
  const index = indexDocument(doc);
  return doc.checks.map(check => {
    if (check.table === null) return null;
    const tableIndex = pickTable(doc, index, check);
    if (tableIndex === null) return null;
    const table = doc.tables[tableIndex]!;
    const row = check.row === null ? undefined : index.rows[tableIndex]!.get(check.row);
    return { tableIndex, row: row?.index ?? null, columns: pickColumns(table, check, row?.cells ?? null) };
  });
}

/** A check that compares a printed figure with the figure it should equal (a sum, a balance, a total). */
export const isFigureCheck = (c: Check): boolean => c.rule !== 'ocr_repair' && c.status !== 'skip' && c.expected !== null && c.actual !== null;

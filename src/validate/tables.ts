import type { BudgetRecord, Check, CheckCell, CurrencyUnit, OutputDocument, Table, TableType } from '../model/document.js';
import { columnKey, parseAmount } from '../model/amounts.js';
import { amountKeys, buildColumnTree, type ColumnNode } from './columns.js';
import { formatHundredths, fromHundredths, toHundredths } from './money.js';
import { isTotalName } from './names.js';
import type { RuleId } from '../model/rules.js';

/** One record of one row, with where it was printed. */
export interface Entry {
  row: number;
  page: number;
  group: number;
  rec: BudgetRecord;
}

/** What a rule needs of a table: its label, unit, record groups and column tree per group. */
export interface TableView {
  table: Table;
  /** Index of the table in the document's tables (null for a table outside a document). */
  index: number | null;
  label: string;
  unit: CurrencyUnit | null;
  groups: GroupView[];
}

export interface GroupView {
  index: number;
  entries: Entry[];
  keys: string[];
  tree: ColumnNode;
}

export function tableLabel(t: Table): string {
  return t.number ?? t.title;
}

export function viewTable(table: Table, docUnit: CurrencyUnit | null, index: number | null = null): TableView {
  const allKeys = amountKeys(table);
  const nGroups = Math.max(0, ...table.rows.map((r) => r.records.length));
  const groups: GroupView[] = [];
  for (let g = 0; g < nGroups; g++) {
    const entries: Entry[] = [];
    const used = new Set<string>();
    for (const r of table.rows) {
      const rec = r.records[g];
      if (!rec) continue;
      entries.push({ row: r.index, page: r.page, group: g, rec });
      for (const k of Object.keys(rec.amounts)) used.add(k);
    }
    const keys = nGroups === 1 ? allKeys : allKeys.filter((k) => used.has(k));
    groups.push({ index: g, entries, keys, tree: buildColumnTree(keys) });
  }
  return { table, index, label: tableLabel(table), unit: table.unit ?? docUnit, groups };
}

export function viewDocument(doc: OutputDocument): TableView[] {
  return doc.tables.map((t, i) => viewTable(t, doc.document.currency_unit, i));
}

export function firstOfType(views: TableView[], type: TableType): TableView | undefined {
  return views.find((v) => v.table.type === type);
}

/** Σ of the given keys of a record, in hundredths; absent cells count as zero. */
export function sumKeys(rec: BudgetRecord, keys: string[]): number {
  let s = 0;
  for (const k of keys) s += toHundredths(rec.amounts[k] ?? 0);
  return s;
}

export function hasAny(rec: BudgetRecord, keys: string[]): boolean {
  return keys.some((k) => rec.amounts[k] !== undefined);
}

export function isTotalEntry(e: Entry): boolean {
  return e.rec.code === null && isTotalName(e.rec.name);
}

/** The last total row of a group (合计 / 总计), preferring a grand total over a subtotal. */
export function totalEntry(group: GroupView): Entry | undefined {
  const totals = group.entries.filter(isTotalEntry);
  return totals.find((e) => /总计$/.test(e.rec.name ?? '')) ?? totals[totals.length - 1];
}

/** The group holding classification codes (the 支出 side of a side-by-side table). */
export function codedGroup(view: TableView): GroupView | undefined {
  return view.groups.find((g) => g.entries.some((e) => e.rec.code !== null));
}

/**
 * A printed cell a check involves, as rules know it: a row (its index) of a table (default: the check's
 * own) and an amount column's key, or null for the row's label cells (code, name, project).
 */
export interface CellRef {
  view?: TableView;
  row: number;
  key: string | null;
  /** The record group of the row the figure belongs to: tells apart same-named columns of two sides. */
  group?: number;
  role?: CheckCell['role'];
}

/** The figures a check compares its printed figure with: the same column of other rows. */
export const entryCells = (entries: readonly Entry[], key: string, view?: TableView): CellRef[] =>
  entries.map((e) => ({ view, row: e.row, key, group: e.group }));

const LABEL_ROLES = new Set(['code', 'name', 'code_name', 'project']);

/**
 * The printed cells a reference names, with their page and box. An amount key names one column (of
 * several with the same key, the one whose printed figure the row holds); a null key names the row's
 * label cells. A blank cell (a figure counted as zero) is not printed, so not named.
 */
export function resolveCell(view: TableView, ref: CellRef, role: CheckCell['role']): CheckCell[] {
  if (view.index === null) return [];
  const table = view.table;
  const row = table.rows[ref.row]?.index === ref.row ? table.rows[ref.row] : table.rows.find((r) => r.index === ref.row);
  if (!row) return [];
  const filled = (c: number): boolean => (row.cells[c] ?? '').trim() !== '';
  const value = ref.key !== null && ref.group !== undefined ? row.records[ref.group]?.amounts[ref.key] : undefined;
  const holds = (c: number, v: number | undefined): boolean => v !== undefined && parseAmount(row.cells[c] ?? '') === v;
  // A figure summed over several columns is keyed "a + b" (cross-table sources): each is a cell.
  const keys = ref.key === null ? [] : table.columns.some((col) => columnKey(col) === ref.key) ? [ref.key] : ref.key.split(' + ');
  const columns = ref.key === null
    ? table.columns.filter((col) => LABEL_ROLES.has(col.role) && filled(col.index)).map((col) => col.index)
    : keys.map((key) => table.columns.filter((col) => col.role === 'amount' && columnKey(col) === key).map((col) => col.index))
      .map((cs) => cs.find((c) => holds(c, keys.length > 1 ? undefined : value)) ?? cs.find(filled)).filter((c): c is number => c !== undefined);
  return columns.map((column) => ({ table: view.index!, row: row.index, column, page: row.page, bbox: row.boxes?.[column] ?? null, role }));
}

/**
 * Where a check looks: its own cell (the row and column it reports; the printed total) first, then the
 * cells it was compared with. Every check built by checkAt gets them, so no rule has to list them.
 */
function checkCells(view: TableView, own: CellRef | null, parts: readonly CellRef[]): CheckCell[] {
  const cells = own === null ? [] : resolveCell(view, own, own.key === null ? 'other' : 'total');
  const seen = new Set(cells.map((c) => `${c.table}/${c.row}/${c.column}`));
  const out = [...cells];
  for (const p of parts) {
    for (const c of resolveCell(p.view ?? view, p, p.role ?? (p.key === null ? 'other' : 'part'))) {
      const id = `${c.table}/${c.row}/${c.column}`;
      if (!seen.has(id)) { seen.add(id); out.push(c); }
    }
  }
  return out;
}

type CheckInit = Omit<Check, 'table' | 'page' | 'row' | 'column' | 'expected' | 'actual' | 'cells' | 'bbox'> &
  Partial<Pick<Check, 'page' | 'row' | 'column' | 'expected' | 'actual'>> & {
    /** The other printed cells the check involves (the figures summed, the figure compared with). */
    parts?: readonly CellRef[];
    /** The record group of `row` whose figure in `column` is checked (side-by-side tables). */
    group?: number;
  };

/**
 * Build a Check located in a table; page defaults to the table's first page. Its cells are the one it
 * reports (row and column) and the parts it was given; its box is that of its first cell on its page.
 */
export function checkAt(view: TableView, init: CheckInit): Check {
  const page = init.page ?? view.table.pages[0] ?? null;
  const row = init.row ?? null, column = init.column ?? null;
  const cells = checkCells(view, row === null ? null : { row, key: column, group: init.group }, init.parts ?? []);
  const own = cells.find((c) => c.table === view.index && c.row === row && c.page === page);
  return {
    rule: init.rule,
    status: init.status,
    table: view.label,
    page,
    row,
    column,
    message: init.message,
    expected: init.expected ?? null,
    actual: init.actual ?? null,
    cells,
    bbox: own?.bbox ?? null,
  };
}

/** A printed figure set against the sum of the figures it should equal (amounts in hundredths). */
export interface SumComparison {
  rule: RuleId;
  at: Entry;
  key: string;
  actual: number;
  expected: number;
  ok: boolean;
  /** The summed figures, as a reader would name them ("its 3 款 rows", "购置费 + 运行费"). */
  what: string;
  /** The summed figures' cells. */
  parts: readonly CellRef[];
}

export function sumCheck(view: TableView, c: SumComparison): Check {
  const unit = view.unit ?? '';
  return checkAt(view, {
    rule: c.rule,
    status: c.ok ? 'pass' : 'fail',
    page: c.at.page,
    row: c.at.row,
    column: c.key,
    expected: fromHundredths(c.expected),
    actual: fromHundredths(c.actual),
    group: c.at.group,
    parts: c.parts,
    message: c.ok
      ? `${view.label} row ${rowLabel(c.at.rec)}: "${c.key}" ${formatHundredths(c.actual)} equals ${c.what}.`
      : `${view.label} row ${rowLabel(c.at.rec)}: "${c.key}" is printed as ${formatHundredths(c.actual)} ${unit}, ` +
        `but ${c.what} add up to ${formatHundredths(c.expected)} ${unit} (difference ${formatHundredths(c.actual - c.expected)}).`,
  });
}

/** Quote a row the way a reader finds it: 「2010301 行政运行」. */
export function rowLabel(rec: BudgetRecord): string {
  const parts = [rec.code, rec.name, rec.project].filter((x): x is string => !!x);
  return `"${parts.join(' ')}"`;
}

import type { BudgetRecord, Check, CurrencyUnit, OutputDocument, Table, TableType } from '../model/document.js';
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

export function viewTable(table: Table, docUnit: CurrencyUnit | null): TableView {
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
  return { table, label: tableLabel(table), unit: table.unit ?? docUnit, groups };
}

export function viewDocument(doc: OutputDocument): TableView[] {
  return doc.tables.map((t) => viewTable(t, doc.document.currency_unit));
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

type CheckInit = Omit<Check, 'table' | 'page' | 'row' | 'column' | 'expected' | 'actual'> &
  Partial<Pick<Check, 'page' | 'row' | 'column' | 'expected' | 'actual'>>;

/** Build a Check located in a table; page defaults to the table's first page. */
export function checkAt(view: TableView, init: CheckInit): Check {
  return {
    rule: init.rule,
    status: init.status,
    table: view.label,
    page: init.page ?? view.table.pages[0] ?? null,
    row: init.row ?? null,
    column: init.column ?? null,
    message: init.message,
    expected: init.expected ?? null,
    actual: init.actual ?? null,
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

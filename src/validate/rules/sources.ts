import type { BudgetRecord, TableType } from '../../model/document.js';
import { CARRYOVER_WORDS, SOURCE_WORDS, TOTAL_WORDS, USE_WORDS } from '../../model/fundTerms.js';
import { findNode, grandTotalKey, termsOf, type ColumnNode } from '../columns.js';
import { fenPerHundredth } from '../money.js';
import { normLabel, stripMarker } from '../names.js';
import { codedGroup, firstOfType, isTotalEntry, sumKeys, type Entry, type GroupView, type TableView } from '../tables.js';

/** Pseudo-code of a table's total row in cross-table comparisons: the year's money. */
export const TOTAL = 'TOTAL';
/**
 * Pseudo-code of a total that includes money carried over from earlier years (上年结转, 上年…余额): a
 * summary's 支出总计 line, or the grand total of a table with a carry-over column. It is compared only
 * with totals of the same kind, never with a year's total (本年支出合计).
 */
export const TOTAL_WITH_CARRYOVER = 'TOTAL+carry-over';

export const isTotalCode = (code: string): boolean => code === TOTAL || code === TOTAL_WITH_CARRYOVER;

/** One table's printed figure for one code (or TOTAL), in fen. */
export interface Figure {
  fen: number;
  /** null when the table has no row for the code (its value then is zero) */
  entry: Entry | null;
  key: string;
}

/** A table column that restates figures printed elsewhere, keyed by code. */
export interface Source {
  view: TableView;
  /** which column, in words, for messages */
  column: string;
  /** codes it prints: every level, only 类, or only its total row */
  coverage: 'all' | 'class' | 'total';
  figures: Map<string, Figure>;
  /** fen in one printed hundredth: the precision of its figures */
  precisionFen: number;
  /** an empty table with a note ("…为空表"): every figure is zero */
  emptyByNote: boolean;
}

export type Selector = (tree: ColumnNode, keys: string[]) => string[] | null;

const byNode = (re: RegExp): Selector => (tree) => {
  const n = findNode(tree, (seg) => re.test(seg));
  return n ? termsOf(n) : null;
};

const CARRYOVER = new RegExp(CARRYOVER_WORDS.join('|'));
const CARRYOVER_OR_TOTAL = new RegExp([...CARRYOVER_WORDS, ...TOTAL_WORDS].join('|'));

/** A source's own column and the one transferred from above ("上级一般公共预算安排的转移支付收入"), printed whole. */
const sourceColumn = (word: string, between = ''): RegExp =>
  new RegExp(`^(上级)?${word}${between}(安排的转移支付|拨款|${SOURCE_WORDS.appropriation})?(收入)?$`);

/** Every column (not below another match) of a source of funds, own and transferred from above. */
const bySource = (re: RegExp): Selector => (tree) => {
  const found: ColumnNode[] = [];
  const visit = (n: ColumnNode) => {
    const seg = normLabel(n.seg);
    if (re.test(seg) && !CARRYOVER_OR_TOTAL.test(seg)) { found.push(n); return; }
    n.children.forEach(visit);
  };
  tree.children.forEach(visit);
  return found.length > 0 ? found.flatMap((n) => termsOf(n)) : null;
};

export const selectors = {
  total: ((tree, keys) => { const k = grandTotalKey(tree, keys); return k ? [k] : null; }) as Selector,
  general: bySource(sourceColumn(SOURCE_WORDS.general_budget)),
  govFund: bySource(sourceColumn(SOURCE_WORDS.gov_fund, '(预算)?')),
  stateCapital: bySource(sourceColumn(SOURCE_WORDS.state_capital, '(预算)?')),
  appropriation: byNode(new RegExp(`^${SOURCE_WORDS.appropriation}(?!.*(${CARRYOVER.source}))`)),
  basic: byNode(new RegExp(`^${USE_WORDS.basic}$`)),
  project: byNode(new RegExp(`^${USE_WORDS.project}$`)),
  personnel: byNode(new RegExp(`^${USE_WORDS.personnel}`)),
  publicUse: byNode(new RegExp(`^${USE_WORDS.public_expense}`)),
  carryover: ((tree) => {
    const nodes = tree.children.filter((c) => CARRYOVER.test(normLabel(c.seg)) && !/下年|年末/.test(c.seg));
    return nodes.length > 0 ? nodes.flatMap((n) => termsOf(n)) : null;
  }) as Selector,
};

/** Name → 类 code from every coded row of the document (for summary tables printing names only). */
// Prose rules ask for the index once per figure they tie: build it once per document.
const indexes = new WeakMap<readonly TableView[], Map<string, string>>();

export function classNameIndex(views: TableView[]): Map<string, string> {
  const cached = indexes.get(views);
  if (cached) return cached;
  const index = new Map<string, string>();
  indexes.set(views, index);
  const clash = new Set<string>();
  for (const v of views) for (const g of v.groups) for (const e of g.entries) {
    const { code, name } = e.rec;
    if (!code || !name || code.length !== 3) continue;
    const n = stripMarker(name);
    if (index.has(n) && index.get(n) !== code) clash.add(n);
    index.set(n, code);
  }
  for (const n of clash) index.delete(n);
  return index;
}

function codeOf(rec: BudgetRecord, names: Map<string, string>, side: boolean): string | null {
  if (rec.code) return rec.code;
  if (!side || !rec.name) return null;
  return names.get(stripMarker(rec.name)) ?? null;
}

function figureGroup(view: TableView): GroupView | undefined {
  return view.groups.length >= 2 ? view.groups[view.groups.length - 1] : codedGroup(view) ?? view.groups[0];
}

/** Build a source from the first table of a type, or undefined when it (or the column) is absent. */
export function makeSource(views: TableView[], names: Map<string, string>, type: TableType, select: Selector,
  column: string, coverage: Source['coverage'], pick?: (v: TableView) => boolean): Source | undefined {
  const view = views.find((v) => v.table.type === type && (!pick || pick(v))) ?? (pick ? undefined : firstOfType(views, type));
  if (!view || !view.unit) return undefined;
  const precisionFen = fenPerHundredth(view.unit);
  const emptyByNote = view.table.rows.length === 0 && view.table.note !== null;
  const figures = new Map<string, Figure>();
  const base = { view, column, coverage, figures, precisionFen, emptyByNote };
  if (emptyByNote) return base;
  const group = figureGroup(view);
  if (!group) return undefined;
  const keys = select(group.tree, group.keys);
  if (!keys || keys.length === 0) return undefined;
  const side = view.groups.length >= 2;
  const put = (code: string, e: Entry) => {
    if (!figures.has(code)) figures.set(code, { fen: sumKeys(e.rec, keys) * precisionFen, entry: e, key: keys.join(' + ') });
  };
  const totals = totalCodes(group, keys, side, select === selectors.total);
  for (const e of group.entries) {
    if (isTotalEntry(e)) { for (const code of totals(e)) put(code, e); continue; }
    if (coverage === 'total') continue;
    const code = codeOf(e.rec, names, side);
    if (!code || !code.startsWith('2') || e.rec.project) continue;
    if (coverage === 'class' && code.length !== 3) continue;
    put(code, e);
  }
  return base;
}

const YEAR_LINE = /^(本年|当年)/;
const GRAND_LINE = /总计$/;
// A column of money brought in from earlier years: a grand total over such a column includes it.
const CARRYOVER_SEGMENT = /(上年|年初).*(结转|结余|余额)|^结转结余/;
const NOT_CARRYOVER = /下年|年末|其中/;

/** Does the table print a column of money carried over from earlier years among its amounts? */
function hasCarryoverColumn(keys: string[]): boolean {
  return keys.some((k) => k.split('/').some((seg) => {
    const n = normLabel(seg);
    return CARRYOVER_SEGMENT.test(n) && !NOT_CARRYOVER.test(n);
  }));
}

/**
 * Which total pseudo-codes a total line stands for. A summary printing both a year's line (本年支出合计)
 * and a grand total (支出总计) gives each its own; a summary with one total line stands for both. A
 * table's grand total column is a total with carry-over when the table has a carry-over column.
 */
function totalCodes(group: GroupView, keys: string[], side: boolean, grandColumn: boolean): (e: Entry) => string[] {
  if (side) {
    const names = group.entries.filter(isTotalEntry).map((e) => normLabel(stripMarker(e.rec.name ?? '')));
    const split = names.some((n) => YEAR_LINE.test(n)) && names.some((n) => GRAND_LINE.test(n));
    if (!split) return () => [TOTAL, TOTAL_WITH_CARRYOVER];
    return (e) => {
      const n = normLabel(stripMarker(e.rec.name ?? ''));
      return YEAR_LINE.test(n) ? [TOTAL] : GRAND_LINE.test(n) ? [TOTAL_WITH_CARRYOVER] : [];
    };
  }
  const carry = grandColumn && keys.length === 1 && hasCarryoverColumn(group.keys);
  return () => [carry ? TOTAL_WITH_CARRYOVER : TOTAL];
}

/** Does the source print a figure for this code (a missing row then means zero)? */
export function covers(s: Source, code: string): boolean {
  if (s.emptyByNote) return code !== TOTAL_WITH_CARRYOVER;
  if (s.figures.has(code)) return true;
  if (isTotalCode(code) || s.coverage === 'total') return false;
  if (s.coverage === 'class' && code.length !== 3) return false;
  for (const c of s.figures.keys()) if (c !== TOTAL && c.length === code.length) return true;
  return false;
}

/** A single named line of a side-by-side table's income side ("二、上年结转结余") as a TOTAL figure. */
export function lineSource(views: TableView[], type: TableType, name: RegExp, column: string): Source | undefined {
  const view = firstOfType(views, type);
  if (!view || !view.unit || view.groups.length < 2) return undefined;
  const group = view.groups[0]!;
  const keys = selectors.total(group.tree, group.keys);
  const entry = group.entries.find((e) => e.rec.name && name.test(stripMarker(e.rec.name)));
  if (!keys || !entry) return undefined;
  const precisionFen = fenPerHundredth(view.unit);
  const figures = new Map<string, Figure>([[TOTAL, { fen: sumKeys(entry.rec, keys) * precisionFen, entry, key: keys[0]! }]]);
  return { view, column, coverage: 'total', figures, precisionFen, emptyByNote: false };
}

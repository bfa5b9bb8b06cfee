/**
 * Test-only: turn a samples/*.truth.json into the OutputDocument a perfect extraction would emit,
 * plus its prose lines. Never imported from src/ (the product must not see truth).
 */
import { readFileSync } from 'node:fs';
import type { BudgetRecord, Column, CurrencyUnit, OutputDocument, Row, Table, TableType } from '../../src/model/document.js';
import type { ProseLine } from '../../src/validate/index.js';

interface HeaderCell { text: string; colspan?: number; rowspan?: number }
interface TruthGroup { code: number[]; codeName: number | null; name: number | null; project: number | null; amounts: number[] }
interface TruthTable {
  key: string; number: string | null; title: string; unit: CurrencyUnit | null; note: string | null;
  header: HeaderCell[][]; rows: string[][]; groups: TruthGroup[];
}
export interface Truth {
  doc: { unit: string; year: number; kind: 'budget' | 'final'; scope: 'unit' | 'department'; currency_unit: CurrencyUnit };
  prose?: { before: string[]; after: string[] };
  tables: TruthTable[];
  planted_errors?: Array<{ id: string; table: string; row: number; column: number; column_path: string }>;
}

const squash = (s: string) => s.replace(/[\s\u3000]+/g, '');

/** Header rows with colspan/rowspan → one path per physical column, top to bottom. */
export function columnPaths(header: HeaderCell[][], width: number): string[][] {
  const grid: Array<Array<number | undefined>> = header.map(() => new Array(width).fill(undefined));
  const cells: HeaderCell[] = [];
  header.forEach((row, r) => {
    let c = 0;
    for (const cell of row) {
      while (c < width && grid[r]![c] !== undefined) c++;
      const id = cells.push(cell) - 1;
      for (let dr = 0; dr < (cell.rowspan ?? 1); dr++) for (let dc = 0; dc < (cell.colspan ?? 1); dc++) {
        if (grid[r + dr] && c + dc < width) grid[r + dr]![c + dc] = id;
      }
      c += cell.colspan ?? 1;
    }
  });
  return Array.from({ length: width }, (_, c) => {
    const ids: number[] = [];
    for (const row of grid) { const id = row[c]; if (id !== undefined && !ids.includes(id)) ids.push(id); }
    return ids.map((id) => squash(cells[id]!.text)).filter((t) => t !== '');
  });
}

export function classifyTitle(title: string): TableType | null {
  const t = squash(title);
  if (/三公/.test(t)) return 'three_public';
  if (/结转结余/.test(t)) return 'carryover';
  if (/政府采购/.test(t)) return 'procurement';
  if (/机关运行经费/.test(t)) return 'operating_costs';
  if (/政府性基金/.test(t)) return 'gov_fund_expenditure';
  if (/国有资本经营/.test(t)) return 'state_capital_expenditure';
  if (/财政拨款收.*支.*总/.test(t) || /财政拨款收支/.test(t)) return 'appropriation_summary';
  if (/基本支出/.test(t)) return 'general_budget_basic';
  if (/项目支出/.test(t)) return 'project_expenditure';
  if (/一般公共预算.*支出/.test(t) || /财政拨款支出/.test(t)) return 'general_budget_expenditure';
  if (/收.*支.*总/.test(t)) return 'income_expenditure_summary';
  if (/收入/.test(t)) return 'income';
  if (/支出/.test(t)) return 'expenditure';
  return null;
}

const LEVEL = { 3: '类', 5: '款', 7: '项' } as const;

function parseAmount(s: string): number | undefined {
  const t = s.replace(/[,\s]/g, '');
  if (t === '' || t === '-') return undefined;
  const n = Number(t);
  return Number.isFinite(n) ? n : undefined;
}

function record(cells: string[], g: TruthGroup, paths: string[][]): BudgetRecord {
  let code: string | null = g.code.map((i) => (cells[i] ?? '').trim()).join('') || null;
  let name = g.name !== null ? squash(cells[g.name] ?? '') : null;
  if (g.codeName !== null) {
    const m = /^\s*(\d{3,7})\s*(.*)$/.exec(cells[g.codeName] ?? '');
    if (m) { code = m[1]!; name = squash(m[2]!); } else name = squash(cells[g.codeName] ?? '');
  }
  if (code !== null && !/^\d+$/.test(code)) code = null;
  const project = g.project !== null ? squash(cells[g.project] ?? '') || null : null;
  const amounts: Record<string, number> = {};
  for (const i of g.amounts) {
    const v = parseAmount(cells[i] ?? '');
    if (v !== undefined) amounts[paths[i]!.join('/')] = v;
  }
  const level = code ? (LEVEL as Record<number, BudgetRecord['level']>)[code.length] ?? null : null;
  return { code, level, name: name || null, project, amounts };
}

function table(t: TruthTable, page: number): Table {
  const width = Math.max(t.header.reduce((w, r) => Math.max(w, r.reduce((s, c) => s + (c.colspan ?? 1), 0)), 0),
    ...t.rows.map((r) => r.length));
  const paths = columnPaths(t.header, width);
  const role = (i: number): Column['role'] => {
    for (const g of t.groups) {
      if (g.code.includes(i)) return 'code';
      if (g.codeName === i) return 'code_name';
      if (g.name === i) return 'name';
      if (g.project === i) return 'project';
      if (g.amounts.includes(i)) return 'amount';
    }
    return 'text';
  };
  const rows: Row[] = t.rows.map((cells, index) => ({
    index, page, cells, records: t.groups.map((g) => record(cells, g, paths)),
  }));
  return {
    number: t.number, title: t.title, org: null, type: classifyTitle(t.title), unit: t.unit, pages: [page], note: t.note,
    columns: paths.map((path, index) => ({ index, path, role: role(index) })), rows,
  };
}

export function truthToDocument(truth: Truth): { doc: OutputDocument; prose: ProseLine[] } {
  const firstTablePage = 5;
  const tables = truth.tables.map((t, i) => table(t, firstTablePage + i));
  const pages = firstTablePage + tables.length + 10;
  const doc: OutputDocument = {
    schema_version: 1,
    source: { file: 'truth.pdf', sha256: '0'.repeat(64), pages, bytes: 0 },
    document: { unit: truth.doc.unit, year: truth.doc.year, kind: truth.doc.kind, scope: truth.doc.scope, currency_unit: truth.doc.currency_unit },
    pages: Array.from({ length: pages }, (_, i) => ({ number: i + 1, text_source: 'pdf' as const })),
    tables, forms: [], checks: [], warnings: [],
  };
  const prose: ProseLine[] = [
    ...(truth.prose?.before ?? []).map((text) => ({ page: 2, text })),
    ...(truth.prose?.after ?? []).map((text) => ({ page: firstTablePage + tables.length, text })),
  ];
  return { doc, prose };
}

export function loadTruth(path: string): Truth {
  return JSON.parse(readFileSync(path, 'utf8')) as Truth;
}

/** Small hand-built documents for rule tests. */
import type { BudgetRecord, CurrencyUnit, OutputDocument, Table, TableType } from '../../src/model/document.js';

export interface RecSpec { code?: string; name?: string; project?: string; amounts?: Array<number | null> }

const LEVEL: Record<number, BudgetRecord['level']> = { 3: '类', 5: '款', 7: '项' };

/** One record group's columns (amount paths) and rows, side by side with more groups if given. */
export function makeTable(opts: {
  number?: string; title?: string; type: TableType | null; unit?: CurrencyUnit; note?: string | null;
  groups: Array<{ columns: string[]; rows: RecSpec[] }>;
}): Table {
  const nRows = Math.max(...opts.groups.map((g) => g.rows.length));
  const columns = opts.groups.flatMap((g) => g.columns.map((path) => ({ path: path.split('/'), role: 'amount' as const })))
    .map((c, index) => ({ index, ...c }));
  const rows = Array.from({ length: nRows }, (_, index) => ({
    index, page: 3, cells: [] as string[],
    records: opts.groups.map((g) => {
      const r = g.rows[index] ?? {};
      const amounts: Record<string, number> = {};
      g.columns.forEach((c, i) => { const v = r.amounts?.[i]; if (v !== null && v !== undefined) amounts[c] = v; });
      return { code: r.code ?? null, level: r.code ? LEVEL[r.code.length] ?? null : null, name: r.name ?? null,
        project: r.project ?? null, amounts };
    }),
  }));
  return { number: opts.number ?? '表1', title: opts.title ?? 'table', org: null, type: opts.type, unit: opts.unit ?? '万元',
    pages: [3], note: opts.note ?? null, columns, rows };
}

export function makeDoc(tables: Table[]): OutputDocument {
  return {
    schema_version: 1, source: { file: 'x.pdf', sha256: '0', pages: 10, bytes: 1 },
    document: { unit: '测试单位', year: 2024, kind: 'budget', scope: 'unit', currency_unit: '万元' },
    pages: [], tables, forms: [], checks: [], warnings: [],
  };
}

/** An expenditure table (合计 = 基本支出 + 项目支出) with one class, two 款 and their 项. */
export function expenditureTable(over: Partial<Record<string, number>> = {}, type: TableType = 'expenditure', number = '表3'): Table {
  const v = (k: string, d: number) => over[k] ?? d;
  return makeTable({
    number, title: type === 'expenditure' ? '支出总体情况表' : '一般公共预算支出情况表', type,
    groups: [{
      columns: ['支出预算/合计', '支出预算/基本支出', '支出预算/项目支出'],
      rows: [
        { code: '201', name: '一般公共服务支出', amounts: [v('201', 30), 20, 10] },
        { code: '20103', name: '政府办公厅（室）及相关机构事务', amounts: [v('20103', 30), 20, 10] },
        { code: '2010301', name: '行政运行', amounts: [v('2010301', 20), 20, null] },
        { code: '2010302', name: '一般行政管理事务', amounts: [10, null, v('2010302p', 10)] },
        { code: '208', name: '社会保障和就业支出', amounts: [5, 5, null] },
        { code: '20805', name: '行政事业单位养老支出', amounts: [5, 5, null] },
        { code: '2080505', name: '机关事业单位基本养老保险缴费支出', amounts: [5, 5, null] },
        { name: '合计', amounts: [v('total', 35), 25, 10] },
      ],
    }],
  });
}

export const fails = <C extends { status: string }>(checks: C[]) => checks.filter((c) => c.status === 'fail');
export const passes = <C extends { status: string }>(checks: C[]) => checks.filter((c) => c.status === 'pass');

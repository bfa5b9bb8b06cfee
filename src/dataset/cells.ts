import { columnKey, parseAmount } from '../model/amounts.js';
import { classificationOfCode, lookupCode, parentOf } from '../codes/index.js';
import type { BudgetRecord, OutputDocument, Row as TableRow, Table } from '../model/document.js';
import { columnMeaning } from '../classify/columnKeys.js';
import type { Row } from './fields.js';
import { regionOfUnit } from './region.js';
import { toYuan } from './yuan.js';

export const documentId = (doc: OutputDocument): string => doc.source.sha256.slice(0, 16);

/** The printed text of the cell that holds `value` under `key` (side-by-side tables repeat a path). */
function printedCell(table: Table, row: TableRow, key: string, value: number): { path: string[] | null; text: string } {
  const col = table.columns.find(c => columnKey(c) === key && parseAmount(row.cells[c.index] ?? '') === value);
  const text = col ? (row.cells[col.index] ?? '').replace(/[\s,]/g, '') : '';
  return { path: col?.path ?? null, text: text || String(value) };
}

/** The code's place in its classification: class/section/item prefixes, parent and official name. */
function codeColumns(code: string | null): Row {
  const cls = code ? classificationOfCode(code) : null;
  const info = code && cls ? lookupCode(code, cls, null) : null;
  const prefix = (n: number): string => (code && code.length >= n ? code.slice(0, n) : '');
  return {
    classification: cls ?? '', parent_code: code ? parentOf(code) ?? '' : '',
    functional_class: cls === 'functional' ? prefix(3) : '', functional_section: cls === 'functional' ? prefix(5) : '',
    functional_item: cls === 'functional' ? prefix(7) : '',
    economic_class: cls === 'economic' || cls === 'government_economic' ? prefix(3) : '',
    economic_section: cls === 'economic' || cls === 'government_economic' ? prefix(5) : '',
    official_name: info?.currentName ?? '',
  };
}

function recordCells(doc: OutputDocument, tableIndex: number, row: TableRow, recordIndex: number, rec: BudgetRecord): Row[] {
  const meta = doc.document;
  const table = doc.tables[tableIndex];
  const unit = table.unit ?? meta.currency_unit;
  const codeCols = codeColumns(rec.code);
  return Object.entries(rec.amounts).map(([key, value]) => {
    const printed = printedCell(table, row, key, value);
    const { key: canonical, phase } = columnMeaning(printed.path ?? key.split('/'), table.type, meta.kind);
    const yuan = unit ? toYuan(printed.text, unit) : null;
    return {
      document_id: documentId(doc), unit: meta.unit ?? '', region: regionOfUnit(meta.unit) ?? '', year: meta.year ?? '',
      kind: meta.kind ?? '', scope: meta.scope ?? '', table_index: tableIndex, table_number: table.number ?? '',
      table_title: table.title, table_type: table.type ?? '', column_key: canonical, column_path: key, phase: phase ?? '',
      page: row.page, row_index: row.index, record_index: recordIndex, code: rec.code ?? '', level: rec.level ?? '',
      ...codeCols, printed_name: rec.name ?? '', project: rec.project ?? '', printed_value: printed.text,
      printed_unit: unit ?? '', amount_yuan: yuan ?? '',
      proposed_yuan: phase === 'proposed' ? yuan ?? '' : '', executed_yuan: phase === 'executed' ? yuan ?? '' : '',
    };
  });
}

/** cells.csv rows of one document: one per amount of every record of every table. */
export function documentCells(doc: OutputDocument): Row[] {
  return doc.tables.flatMap((table, t) =>
    table.rows.flatMap(row => row.records.flatMap((rec, r) => recordCells(doc, t, row, r, rec))));
}

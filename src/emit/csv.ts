import { writeToString } from 'fast-csv';
import { columnKey, parseAmount, SPREADSHEET_NUMBER } from '../model/amounts.js';
import type { OutputDocument, Table } from '../model/document.js';

export const TIDY_HEADER = ['source_file', 'unit', 'year', 'kind', 'table_number', 'table_title', 'table_type', 'page',
  'row_index', 'code', 'level', 'name', 'project', 'column', 'value', 'value_unit'] as const;

const BOM = '\uFEFF';

/** Text that a spreadsheet would run as a formula is prefixed with an apostrophe. */
export const neutralize = (text: string): string => (/^[=+\-@\t\r]/.test(text) && !SPREADSHEET_NUMBER.test(text) ? `'${text}` : text);

export type CsvRow = (string | number)[];

const formatRows = (rows: CsvRow[]): Promise<string> =>
  writeToString(rows.map(r => r.map(v => (typeof v === 'string' ? neutralize(v) : v))), { rowDelimiter: '\n' });

export const toCsv = async (rows: CsvRow[]): Promise<string> => BOM + (await formatRows(rows)) + '\n';

/** Rows formatted at a time by csvPieces. */
const ROWS_PER_PIECE = 2000;

/**
 * The same text as toCsv, in pieces of a few thousand rows, so a large document's CSV is written out as
 * its rows are made instead of being held whole (rows and text) in memory. Each row is formatted on its
 * own (no header handling), so formatting in pieces gives the same text as formatting all at once.
 */
export async function* csvPieces(rows: Iterable<CsvRow>): AsyncGenerator<string> {
  yield BOM;
  let batch: CsvRow[] = [], first = true;
  const flush = async (): Promise<string> => {
    const text = (first ? '' : '\n') + (await formatRows(batch));
    first = false;
    batch = [];
    return text;
  };
  for (const row of rows) if (batch.push(row) >= ROWS_PER_PIECE) yield await flush();
  if (batch.length || first) yield await flush();
  yield '\n';
}

const collect = async (pieces: AsyncIterable<string>): Promise<string> => {
  let text = '';
  for await (const piece of pieces) text += piece;
  return text;
};

/** The tidy CSV: one line per amount cell (output contract). */
export const tidyCsv = (doc: OutputDocument): Promise<string> => collect(csvPieces(tidyRows(doc)));

/** The tidy CSV in pieces (see csvPieces). */
export const tidyCsvPieces = (doc: OutputDocument): AsyncGenerator<string> => csvPieces(tidyRows(doc));

function* tidyRows(doc: OutputDocument): Generator<CsvRow> {
  yield [...TIDY_HEADER];
  const meta = doc.document;
  for (const table of doc.tables) {
    for (const row of table.rows) for (const rec of row.records) for (const [key, value] of Object.entries(rec.amounts)) {
      // Side-by-side tables repeat a path ("决算数" on both sides): take the cell that holds this value.
      const col = table.columns.find(c => columnKey(c) === key && parseAmount(row.cells[c.index] ?? '') === value);
      const printed = col ? (row.cells[col.index] ?? '').replace(/[\s,]/g, '') : String(value);
      yield [doc.source.file, meta.unit ?? '', meta.year ?? '', meta.kind ?? '', table.number ?? '', table.title,
        table.type ?? '', row.page, row.index, rec.code ?? '', rec.level ?? '', rec.name ?? '', rec.project ?? '', key,
        printed || String(value), table.unit ?? meta.currency_unit ?? ''];
    }
  }
}

/** A table as printed: header paths as the first row, then the rebuilt cells. */
export async function wideCsv(table: Table): Promise<string> {
  const header = table.columns.map(c => c.path.join('/'));
  return toCsv([header, ...table.rows.map(r => table.columns.map(c => r.cells[c.index] ?? ''))]);
}

/** File name of a table's wide CSV: its printed number (or position) and title, safe on any system. */
export function wideCsvName(table: Table, position: number): string {
  const label = (table.number ?? String(position + 1).padStart(2, '0')).replace(/\s+/g, '');
  return safeName(`${label}-${table.title}`) + '.csv';
}

/**
 * File systems limit one name to 255 bytes (ext4, XFS, Btrfs, APFS; NTFS 255 UTF-16 units), and a Chinese
 * character takes 3 bytes in UTF-8. A name made here leaves room for what may be appended to it: a
 * "-<8 hex>" to tell same-named inputs apart, ".json", and an atomic write's ".<pid>.<8 hex>.tmp.old".
 */
export const FILE_NAME_MAX_BYTES = 255;
export const SAFE_NAME_MAX_BYTES = FILE_NAME_MAX_BYTES - '-12345678'.length - '.json'.length - '.1234567.12345678.tmp.old'.length;

/** The longest prefix of `text` that fits in `maxBytes` of UTF-8, never splitting a character. */
export function truncateUtf8(text: string, maxBytes: number): string {
  if (Buffer.byteLength(text) <= maxBytes) return text;
  let bytes = 0, end = 0;
  for (const ch of text) {
    bytes += Buffer.byteLength(ch);
    if (bytes > maxBytes) break;
    end += ch.length;
  }
  return text.slice(0, end);
}

/** A file name that cannot leave its folder: no separators, no control characters, no dot names, within SAFE_NAME_MAX_BYTES. */
export function safeName(name: string): string {
  const cleaned = truncateUtf8(name.replace(/[\u0000-\u001f\u007f/\\:*?"<>|]/g, '_').replace(/^\.+/, '_').trim(), SAFE_NAME_MAX_BYTES).trim();
  return cleaned || '_';
}

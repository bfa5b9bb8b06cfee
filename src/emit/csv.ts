import { writeToString } from 'fast-csv';
import { columnKey, parseAmount, SPREADSHEET_NUMBER } from '../model/amounts.js';
import type { OutputDocument, Table } from '../model/document.js';

export const TIDY_HEADER = ['source_file', 'unit', 'year', 'kind', 'table_number', 'table_title', 'table_type', 'page',
  'row_index', 'code', 'level', 'name', 'project', 'column', 'value', 'value_unit'] as const;

const BOM = '\uFEFF';

/** Text that a spreadsheet would run as a formula is prefixed with an apostrophe. */
export const neutralize = (text: string): string => (/^[=+\-@\t\r]/.test(text) && !SPREADSHEET_NUMBER.test(text) ? `'${text}` : text);

export const toCsv = async (rows: (string | number)[][]): Promise<string> =>
  BOM + (await writeToString(rows.map(r => r.map(v => (typeof v === 'string' ? neutralize(v) : v))), { rowDelimiter: '\n' })) + '\n';

/** The tidy CSV: one line per amount cell (output contract). */
export async function tidyCsv(doc: OutputDocument): Promise<string> {
  const out: (string | number)[][] = [[...TIDY_HEADER]];
  const meta = doc.document;
  for (const table of doc.tables) {
    for (const row of table.rows) for (const rec of row.records) for (const [key, value] of Object.entries(rec.amounts)) {
      // Side-by-side tables repeat a path ("决算数" on both sides): take the cell that holds this value.
      const col = table.columns.find(c => columnKey(c) === key && parseAmount(row.cells[c.index] ?? '') === value);
      const printed = col ? (row.cells[col.index] ?? '').replace(/[\s,]/g, '') : String(value);
      out.push([doc.source.file, meta.unit ?? '', meta.year ?? '', meta.kind ?? '', table.number ?? '', table.title,
        table.type ?? '', row.page, row.index, rec.code ?? '', rec.level ?? '', rec.name ?? '', rec.project ?? '', key,
        printed || String(value), table.unit ?? meta.currency_unit ?? '']);
    }
  }
  return toCsv(out);
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

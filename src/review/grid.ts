/** A table's rows printed on one page, rebuilt as an HTML grid beside the page image. */
import { escapeHtml } from './escape.js';
import type { Table } from '../model/document.js';

/** Cells some failed check involves, as "table-row-column" keys. */
export type CellKeys = ReadonlySet<string>;
export const cellKey = (table: number, row: number, column: number): string => `${table}-${row}-${column}`;

/** Below this OCR confidence (0–100) a cell is marked as doubtful. */
const LOW_CONFIDENCE = 60;

export const tableLabel = (t: Table): string => [t.number, t.title].filter(Boolean).join(' ') + (t.org ? `「${t.org}」` : '');

export function gridHtml(table: Table, tableIndex: number, page: number, failed: CellKeys): string {
  const rows = table.rows.filter(r => r.page === page);
  const width = Math.max(table.columns.length, ...rows.map(r => r.cells.length));
  const pages = table.pages.length > 1 ? ` — page ${page} of its pages ${table.pages.join(', ')}` : '';
  const out: string[] = [`<table class="grid" id="grid-${tableIndex}-${page}"><caption>${escapeHtml(tableLabel(table))}${escapeHtml(pages)}</caption>`];
  out.push('<thead><tr>');
  for (let c = 0; c < width; c++) out.push(`<th>${escapeHtml(table.columns[c]?.path.join(' / ') ?? '')}</th>`);
  out.push('</tr></thead><tbody>');
  for (const row of rows) {
    out.push(`<tr id="gr-${tableIndex}-${row.index}"${row.ocr ? ' class="ocr"' : ''}>`);
    for (let c = 0; c < width; c++) {
      const classes: string[] = [];
      let tip = '';
      if (failed.has(cellKey(tableIndex, row.index, c))) classes.push('fail');
      const reading = row.ocr?.[c];
      if (reading) {
        if (reading.original !== null) { classes.push('repaired'); tip = `OCR read "${reading.original}" (confidence ${reading.confidence}); corrected by the document's own sums`; }
        else if (reading.confidence < LOW_CONFIDENCE) { classes.push('lowconf'); tip = `OCR confidence ${reading.confidence}`; }
        else tip = `OCR confidence ${reading.confidence}`;
      }
      out.push(`<td id="g-${tableIndex}-${row.index}-${c}"${classes.length ? ` class="${classes.join(' ')}"` : ''}${tip ? ` title="${escapeHtml(tip)}"` : ''}>${escapeHtml(row.cells[c] ?? '')}</td>`);
    }
    out.push('</tr>');
  }
  if (!rows.length) out.push(`<tr><td class="empty" colspan="${Math.max(1, width)}">no rows read on this page</td></tr>`);
  out.push('</tbody></table>');
  return out.join('');
}

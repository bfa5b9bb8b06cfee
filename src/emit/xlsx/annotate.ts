/**
 * Marks in the table sheets: cells a failed check concerns are highlighted and carry the check's message
 * as a note; cells an OCR repair changed carry the original reading. One note per cell, however many
 * checks concern it.
 */
import type { Check } from '../../model/document.js';
import { shared } from './cells.js';
import type { CheckLocation } from './findings.js';
import { FINDING_FILL, FINDING_FONT, REPAIRED_FILL } from './styles.js';
import type { TablePlacement } from './tableSheet.js';

export interface LocatedCheck {
  check: Check;
  at: CheckLocation | null;
}

/** The sheet cells a located check concerns: its row's cells, a column's header cell, or the title. */
export function cellsOf(at: CheckLocation, placement: TablePlacement): { row: number; col: number }[] {
  const row = at.row === null ? (at.columns.length ? placement.headerBottom : placement.titleRow) : placement.rowOf.get(at.row)!;
  const cols = at.columns.map(c => placement.colOf.get(c)!);
  return (cols.length ? cols : [placement.colOf.values().next().value ?? 2]).map(col => ({ row, col }));
}

function noteFor(check: Check): string {
  if (check.rule !== 'ocr_repair') return `✗ ${check.rule}: ${check.message}`;
  const original = check.actual === null ? '' : `OCR 原读数 original reading: ${check.actual}\n`;
  return `${original}${check.message}`;
}

/** Highlight and annotate the cells of failed checks and OCR repairs. */
export function annotateCells(located: readonly LocatedCheck[], placements: readonly TablePlacement[]): void {
  const marks = new Map<string, { placement: TablePlacement; row: number; col: number; failed: boolean; notes: string[] }>();
  for (const { check, at } of located) {
    if (!at || !(check.status === 'fail' || check.rule === 'ocr_repair')) continue;
    const placement = placements[at.tableIndex]!;
    for (const { row, col } of cellsOf(at, placement)) {
      const key = `${at.tableIndex}:${row}:${col}`;
      const mark = marks.get(key) ?? { placement, row, col, failed: false, notes: [] };
      mark.failed ||= check.status === 'fail';
      mark.notes.push(noteFor(check));
      marks.set(key, mark);
    }
  }
  for (const m of marks.values()) {
    const cell = m.placement.sheet.getCell(m.row, m.col);
    // A new look for the cell: its current one is shared with other cells.
    cell.style = shared(m.failed ? { ...cell.style, fill: FINDING_FILL, font: { ...cell.style.font, ...FINDING_FONT } } : { ...cell.style, fill: REPAIRED_FILL });
    cell.note = m.notes.join('\n\n');
  }
}

import type { Check } from '../../model/document.js';
import { checkAt, rowLabel } from '../tables.js';
import type { RuleContext } from './context.js';

/**
 * ocr_unreadable: an amount OCR could not read with confidence is a finding of its own — the cell's
 * raw reading is quoted and no number stands in for it (sums over it fail until it is settled).
 */
export function unreadableCells(ctx: RuleContext): Check[] {
  const out: Check[] = [];
  for (const view of ctx.views) {
    for (const row of view.table.rows) {
      for (const rec of row.records) {
        for (const [key, raw] of Object.entries(rec.unreadable ?? {})) {
          out.push(checkAt(view, {
            rule: 'ocr_unreadable', status: 'fail', page: row.page, row: row.index, column: key,
            message: `${view.label} row ${rowLabel(rec)}: "${key}" on page ${row.page} was read by OCR as "${raw}", which cannot be a `
              + `figure of this table (its form breaks the page's), and reading it again did not settle it; no value is given for it.`,
          }));
        }
      }
    }
  }
  return out;
}

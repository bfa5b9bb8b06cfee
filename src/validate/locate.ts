import type { Check, OutputDocument } from '../model/document.js';
import { resolveCell, viewDocument, type TableView } from './tables.js';

/**
 * Give every check its cells and box. Checks built in a table (checkAt) have them already; the others
 * (registry, OCR repair, forms, prose) name a table by its label, a row and a column, and are located
 * here the same way: the row's cell in that column (the printed figure), or its label cells.
 */
export function locateChecks(doc: OutputDocument, checks: readonly Check[]): Check[] {
  let views: TableView[] | null = null;
  return checks.map((c) => {
    if (c.cells) return { ...c, bbox: c.bbox ?? null };
    views ??= viewDocument(doc);
    const view = c.table === null || c.row === null ? undefined
      : views.find((v) => v.label === c.table && v.table.rows.some((r) => r.index === c.row && r.page === c.page));
    const cells = view ? resolveCell(view, { row: c.row!, key: c.column }, c.column === null ? 'other' : 'total') : [];
    return { ...c, cells, bbox: c.bbox ?? cells.find((x) => x.page === c.page)?.bbox ?? null };
  });
}

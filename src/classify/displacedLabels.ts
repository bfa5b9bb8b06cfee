import { AMOUNT_PATTERN, unreadableReading } from '../model/amounts.js';
import type { RawTable } from '../model/rawTable.js';
import { squash } from '../model/text.js';

/** A figure, or an amount OCR marked unreadable: neither is a label, both say the column holds figures. */
const isNumber = (s: string): boolean => AMOUNT_PATTERN.test(squash(s)) || unreadableReading(s) !== null;

/**
 * A label printed in a cell merged over several columns ("当年支出小计" spanning a name and an amount
 * column) lands in whichever column lies under its centre. When that is a column of figures, the label
 * moves to the nearest empty label column on its side of the table: to the right when figures follow
 * it in the row, else to the left.
 */
export function relocateDisplacedLabels(table: RawTable): RawTable {
  const ncols = Math.max(0, ...table.rows.map(r => r.cells.length));
  const numericShare = Array.from({ length: ncols }, (_, c) => {
    const cells = table.rows.map(r => r.cells[c] ?? '').filter(v => v.trim());
    return cells.length ? cells.filter(isNumber).length / cells.length : 0;
  });
  const figureColumn = (c: number): boolean => numericShare[c] >= 0.5;
  const rows = table.rows.map(row => {
    const cells = [...row.cells];
    // Where the label was printed moves with it.
    const boxes = row.boxes && [...row.boxes], confidences = row.confidences && [...row.confidences], figures = row.figures && [...row.figures];
    const move = <T>(xs: (T | null)[] | undefined, from: number, to: number): void => {
      if (xs) { xs[to] = xs[from] ?? null; xs[from] = null; }
    };
    cells.forEach((text, c) => {
      if (!text.trim() || isNumber(text) || !figureColumn(c)) return;
      const figuresRight = cells.slice(c + 1).some(isNumber);
      const step = figuresRight ? 1 : -1;
      for (let t = c + step; t >= 0 && t < ncols; t += step) {
        if (figureColumn(t)) continue;
        if (!cells[t].trim()) { cells[t] = text; cells[c] = ''; move(boxes, c, t); move(confidences, c, t); move(figures, c, t); }
        break;
      }
    });
    return { ...row, cells, ...(boxes ? { boxes } : {}), ...(confidences ? { confidences } : {}), ...(figures ? { figures } : {}) };
  });
  return { ...table, rows };
}

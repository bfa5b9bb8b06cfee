import { FIGURE_IN_TEXT } from '../../model/amounts.js';
import type { PrintedAt, StaffFigure } from '../../model/forms.js';
import { staffStatements } from '../../model/staffFigures.js';
import type { LineCell } from './indicators.js';

/** A cell a goal text was read from: its text, its column and where it is printed (null: no box kept). */
export interface GoalCell { text: string; column: number; at: LineCell | null }

/** A goal text and the cells it was read from, in reading order. */
export interface GoalSource { text: string; cells: GoalCell[] }

/** Each figure of a cell's text (FIGURE_IN_TEXT) and where it is printed, when the layout stage placed it. */
function cellFigures(cell: GoalCell): { text: string; at: PrintedAt | null }[] {
  const found = [...cell.text.matchAll(FIGURE_IN_TEXT)].map(m => m[0]);
  const at = cell.at;
  // A cell that is one figure alone is boxed as a cell; figures among words have their own boxes.
  const boxes = !at ? null : found.length === 1 && found[0] === cell.text.trim() ? [{ text: found[0], bbox: at.bbox }] : at.figures ?? null;
  const known = !!boxes && boxes.length === found.length && boxes.every((f, i) => f.text === found[i]);
  return found.map((text, i) => ({
    text, at: known && at ? { page: at.page, bbox: boxes![i]!.bbox, table: at.table, row: at.row, column: cell.column } : null,
  }));
}

/**
 * The staff figures a form's goal texts state (the first statement of each, as form_staff reads them), each
 * with where it is printed: the figure's own glyphs, found by walking the figures of the goal text and of
 * the cells it was read from side by side. A goal whose figures do not line up with its cells' (a cell read
 * again since the layout placed it) and a goal read from header lines leave their figures unplaced (null).
 */
export function staffOf(goals: readonly string[], sources: readonly GoalSource[]): StaffFigure[] {
  const placed: { index: number; text: string; at: PrintedAt | null }[] = [];
  let offset = 0;
  for (const goal of goals) {
    const inText = [...goal.matchAll(FIGURE_IN_TEXT)];
    const source = sources.find(s => s.text === goal);
    const inCells = source ? source.cells.flatMap(cellFigures) : [];
    const aligned = inText.length === inCells.length && inText.every((m, i) => m[0] === inCells[i]!.text);
    inText.forEach((m, i) => placed.push({ index: offset + m.index!, text: m[0], at: aligned ? inCells[i]!.at : null }));
    offset += goal.length + 1;
  }
  return staffStatements(goals.join('\n')).map(s => {
    const figure = placed.find(p => p.index === s.index && p.text === s.digits);
    return { name: s.name, value: s.value, at: figure?.at ?? null };
  });
}

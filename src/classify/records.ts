import type { BudgetRecord, Column, Row } from '../model/document.js';
import type { RawTable } from '../model/rawTable.js';
import { type CodeSystem, codeLevel, joinCodeParts, splitCodeName } from './codes.js';
import type { ColumnGroup } from './columnRoles.js';

const squash = (s: string): string => s.replace(/\s+/g, '');

export function parseAmount(text: string): number | null {
  const t = squash(text).replace(/,/g, '').replace(/^[−–]/, '-');
  if (!/^-?\d+(\.\d+)?$/.test(t)) return null;
  return Number(t);
}

/** Key of an amount column in records and in the tidy CSV: its header path, or its position. */
export const columnKey = (col: Column): string => (col.path.length ? col.path.join('/') : `列${col.index + 1}`);

/** Turn printed rows into records: one per column group, with codes, names and amounts. */
export function buildRows(table: RawTable, columns: readonly Column[], groups: readonly ColumnGroup[], system: CodeSystem): Row[] {
  const previous: (string | null)[] = groups.map(() => null);
  return table.rows.map((row, index) => {
    const cell = (c: number | null): string => (c === null ? '' : (row.cells[c] ?? '').trim());
    const records = groups.map((g, gi): BudgetRecord => {
      let code: string | null = null, name = g.name !== null ? cell(g.name) : '';
      if (g.code.length) code = joinCodeParts(g.code.map(cell), previous[gi]);
      if (g.codeName !== null) {
        const split = splitCodeName(cell(g.codeName));
        code ??= split.code; name = split.name;
      } else if (!code && name) {
        const split = splitCodeName(name);
        if (split.code) { code = split.code; name = split.name; }
      }
      if (code) previous[gi] = code;
      const amounts: Record<string, number> = {};
      for (const c of g.amounts) {
        const v = parseAmount(cell(c));
        if (v !== null) amounts[columnKey(columns[c])] = v;
      }
      const project = g.project !== null ? squash(cell(g.project)) || null : null;
      return { code, level: code ? codeLevel(code, system) : null, name: squash(name) || null, project, amounts };
    });
    return { index, page: row.page, cells: row.cells, records };
  });
}

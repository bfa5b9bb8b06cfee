import { columnKey, parseAmount, unreadableReading } from '../model/amounts.js';
import type { BudgetRecord, Column, Row } from '../model/document.js';
import type { RawTable } from '../model/rawTable.js';
import { looseText, squash } from '../model/text.js';
import { type CodeSystem, codeLevel, joinCodeParts, splitCodeName } from './codes.js';
import type { ColumnGroup } from './columnRoles.js';
import { findCodeByName, lookupCode } from './registry/index.js';

/** A code the printed cells did not settle, taken from the registry by the row's name. */
export interface CodeRepair { page: number; row: number; printed: string[]; name: string; code: string }


/**
 * Code cells left blank or unreadable ("201", "0", "") give at best a partial code. When the registry's
 * name for that code is not the row's name, the one code under the same parent that carries the row's
 * name is taken instead (a misread 款 under 201 named 机关服务 is 2010303).
 */
function settleCode(code: string, parts: readonly string[], name: string, system: CodeSystem): string {
  const unsure = parts.some(p => !/^\d{2,3}$/.test(p.replace(/\s/g, '')));
  const cls = system === 'economic' ? 'economic' : 'functional';
  if (!unsure || !looseText(name)) return code;
  const info = lookupCode(code, cls, null);
  if (info && (looseText(info.name) === looseText(name) || info.renames.some(r => looseText(r.from) === looseText(name)))) return code;
  for (const prefix of [code.slice(0, 5), code.slice(0, 3)]) {
    if (prefix.length < 3 || prefix === code && code.length === 7) continue;
    const hit = findCodeByName(name, prefix, cls);
    if (hit) return hit;
  }
  return code;
}


/** Turn printed rows into records: one per column group, with codes, names and amounts. */
export function buildRows(table: RawTable, columns: readonly Column[], groups: readonly ColumnGroup[], system: CodeSystem, repairs: CodeRepair[] = []): Row[] {
  const previous: (string | null)[] = groups.map(() => null);
  return table.rows.map((row, index) => {
    const cell = (c: number | null): string => (c === null ? '' : (row.cells[c] ?? '').trim());
    const records = groups.map((g, gi): BudgetRecord => {
      let code: string | null = null, name = g.name !== null ? cell(g.name) : '';
      if (g.code.length) {
        const parts = g.code.map(cell);
        code = joinCodeParts(parts, previous[gi]);
        const settled = code ? settleCode(code, parts, name, system) : null;
        if (code && settled && settled !== code) {
          repairs.push({ page: row.page, row: index, printed: parts, name: squash(name), code: settled });
          code = settled;
        }
      }
      if (g.codeName !== null) {
        const split = splitCodeName(cell(g.codeName));
        code ??= split.code; name = split.name;
      } else if (!code && name) {
        const split = splitCodeName(name);
        if (split.code) { code = split.code; name = split.name; }
      }
      if (code) previous[gi] = code;
      const amounts: Record<string, number> = {};
      let unreadable: Record<string, string> | undefined;
      for (const c of g.amounts) {
        const v = parseAmount(cell(c));
        if (v !== null) amounts[columnKey(columns[c])] = v;
        const raw = v === null ? unreadableReading(cell(c)) : null;
        if (raw !== null) (unreadable ??= {})[columnKey(columns[c])] = raw;
      }
      const project = g.project !== null ? squash(cell(g.project)) || null : null;
      return { code, level: code ? codeLevel(code, system) : null, name: squash(name) || null, project, amounts, ...(unreadable ? { unreadable } : {}) };
    });
    return { index, page: row.page, cells: row.cells, records };
  });
}

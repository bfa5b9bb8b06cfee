import { columnKey, parseAmount, unreadableReading } from '../model/amounts.js';
import type { BudgetRecord, Column, Row } from '../model/document.js';
import type { RawRow, RawTable } from '../model/rawTable.js';
import { looseText, squash } from '../model/text.js';
import { joinCodeParts, splitCodeName } from './codes.js';
import { type Classification, levelOf } from '../model/codes.js';
import type { ColumnGroup } from './columnRoles.js';
import { classificationOfCode, findCodeByName, registryNamesCode } from '../codes/index.js';

/** A code the printed cells did not settle, taken from the registry by the row's name. */
export interface CodeRepair { page: number; row: number; printed: string[]; name: string; code: string }


/**
 * Code cells left blank or unreadable ("201", "0", "") give at best a partial code. When the registry's
 * name for that code is not the row's name, the one code under the same parent that carries the row's
 * name is taken instead (a misread 款 under 201 named 机关服务 is 2010303).
 */
function settleCode(code: string, parts: readonly string[], name: string, system: Classification): string {
  // A whole code printed in one cell (2089901) is what the document says, known to the registry or not;
  // so are 类 | 款 | 项 parts printed in full.
  const whole = parts.length === 1 && /^\d{3}(\d{2}){0,2}$/.test(parts[0].replace(/\s/g, ''));
  const unsure = !whole && parts.some(p => !/^\d{2,3}$/.test(p.replace(/\s/g, '')));
  const cls = classificationOfCode(code) ?? (system === 'economic' ? 'economic' : 'functional');
  if (!unsure || !looseText(name)) return code;
  if (registryNamesCode(code, name, cls)) return code;
  for (const prefix of [code.slice(0, 5), code.slice(0, 3)]) {
    if (prefix.length < 3 || prefix === code && code.length === 7) continue;
    const hit = findCodeByName(name, prefix, cls);
    // Never the code's own parent: a 项 named like its 款 (老龄卫生健康事务) stays a 项.
    if (hit && !code.startsWith(hit)) return hit;
  }
  return code;
}


/**
 * A lone two-digit tail in a merged code column ("99" after 2080506) is a 项 of the 款 above or a 款 of
 * the 类 above. joinCodeParts gives the structural reading (a 款 where the column prints its 项 whole,
 * else a 项); the other reading is taken when the registry names it as the row is named and the first
 * does not ("99 其他社会保障和就业支出" is 20899; "02 事业单位离退休" after 2080501 is 2080502).
 */
function settleTail(code: string, parts: readonly string[], previous: string | null, name: string): string {
  const tail = parts.length === 1 ? parts[0].replace(/\s/g, '') : '';
  if (!/^\d{2}$/.test(tail) || !previous || previous.length < 7 || !looseText(name)) return code;
  const named = (c: string): boolean => registryNamesCode(c, name);
  const other = code.length === 7 ? previous.slice(0, 3) + tail : previous.slice(0, 5) + tail;
  return !named(code) && named(other) ? other : code;
}

/** Each cell's box, aligned with its cells (null where a cell is empty or its place is unknown). */
function cellBoxes(row: RawRow): Row['boxes'] {
  return row.cells.map((text, c) => (text.trim() ? row.boxes?.[c] ?? null : null));
}

/** A row read by OCR: each cell's confidence (no reading is repaired yet). */
function ocrReadings(row: RawRow): Pick<Row, 'ocr'> {
  if (!row.confidences) return {};
  return { ocr: row.cells.map((text, c) => {
    const confidence = row.confidences?.[c];
    return text.trim() && confidence != null ? { confidence: Math.round(confidence * 10) / 10, original: null } : null;
  }) };
}

/** Turn printed rows into records: one per column group, with codes, names and amounts. */
export function buildRows(table: RawTable, columns: readonly Column[], groups: readonly ColumnGroup[], system: Classification, repairs: CodeRepair[] = []): Row[] {
  const previous: (string | null)[] = groups.map(() => null);
  const itemsWhole = groups.map(g => g.code.length === 1 && table.rows.some(r => /^\d{7}$/.test(squash(r.cells[g.code[0]] ?? ''))));
  return table.rows.map((row, index) => {
    const cell = (c: number | null): string => (c === null ? '' : (row.cells[c] ?? '').trim());
    const records = groups.map((g, gi): BudgetRecord => {
      let code: string | null = null, name = g.name !== null ? cell(g.name) : '';
      if (g.code.length) {
        const parts = g.code.map(cell);
        code = joinCodeParts(parts, previous[gi], itemsWhole[gi]);
        if (code) code = settleTail(code, parts, previous[gi], name);
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
      return { code, level: code ? levelOf(code, system) : null, name: squash(name) || null, project, amounts, ...(unreadable ? { unreadable } : {}) };
    });
    return { index, page: row.page, cells: row.cells, boxes: cellBoxes(row), ...ocrReadings(row), records };
  });
}

import type { Column, Table } from '../model/document.js';
import type { RawTable } from '../model/rawTable.js';
import { codeSystem } from './codes.js';
import { columnMeaning } from './columnKeys.js';
import { columnGroups, columnRoles } from './columnRoles.js';
import { relocateDisplacedLabels } from './displacedLabels.js';
import { buildRows, type CodeRepair } from './records.js';
export type { CodeRepair } from './records.js';
import { tableType } from './tableTypes.js';

export { columnKey, parseAmount } from '../model/amounts.js';
export { tableType } from './tableTypes.js';

/** Give a rebuilt table its meaning: type, column roles, codes, records. */
export function classifyTable(printed: RawTable, fallbackUnit: Table['unit'], repairs: CodeRepair[] = []): Table {
  const raw = relocateDisplacedLabels(printed);
  const roles = columnRoles(raw);
  const columns: Column[] = roles.map((role, index) => ({ index, path: raw.columnPaths[index] ?? [], role, number: raw.columnNumbers?.[index] ?? null }));
  const filled = roles.map((_, c) => raw.rows.filter(r => (r.cells[c] ?? '').trim() !== '').length);
  // Performance forms are prose in a grid: their figures are targets and scores, not classification codes.
  const type = tableType(raw.title);
  for (const c of columns) if (c.role === 'amount') c.column_key = columnMeaning(c.path, type, null).key;
  const groups = type === 'performance_target' || type === 'performance_evaluation' ? [] : columnGroups(roles, filled, raw.columnPaths);
  const system = codeSystem(raw.columnPaths.flat().join(' '), raw.title);
  return {
    number: raw.number, title: raw.title, org: raw.org, type, unit: raw.unit ?? fallbackUnit,
    ...(raw.unit && raw.unitAt ? { unit_at: raw.unitAt } : {}),
    pages: raw.pages, note: raw.note, columns, rows: buildRows(raw, columns, groups, system, repairs),
    regions: raw.regions ?? [],
  };
}

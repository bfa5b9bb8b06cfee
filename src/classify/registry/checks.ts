import type { BudgetRecord, Check, OutputDocument, Row, Table } from '../../model/document.js';
import { sameName } from './entries.js';
import { classificationOfCode, lookupCode } from './lookup.js';

type Located = Pick<Check, 'table' | 'page' | 'row'>;

const check = (rule: string, status: Check['status'], at: Located, message: string): Check =>
  ({ rule, status, ...at, column: null, message, expected: null, actual: null });

/** Is this printed name the official one, or a known former name? Returns a note, or null when it differs. */
export function nameVerdict(code: string, printed: string, year: number | null): { ok: boolean; note: string } | null {
  const cls = classificationOfCode(code);
  const info = cls ? lookupCode(code, cls, year) : null;
  if (!info) return null;
  if (sameName(printed, info.name)) return { ok: true, note: 'official name' };
  if (sameName(printed, info.currentName)) return { ok: true, note: `official name since ${info.renames.at(-1)?.year ?? info.editionYear}` };
  const rename = info.renames.find(r => sameName(printed, r.from));
  if (rename) return { ok: true, note: `former name, renamed "${rename.to}" in ${rename.year} (known rename)` };
  return { ok: false, note: `printed "${printed}", official name "${info.name}"${info.verified ? '' : ' (registry entry unverified)'}` };
}

function recordChecks(rec: BudgetRecord, at: Located, year: number | null): Check[] {
  if (!rec.code) return [];
  const cls = classificationOfCode(rec.code);
  const info = cls ? lookupCode(rec.code, cls, year) : null;
  if (!info) {
    const why = cls ? `not in the ${cls} classification registry` : 'neither a functional (2xx) nor an economic (3xx) classification code';
    return [check('code_registry', 'fail', at, `code ${rec.code}: ${why}`)];
  }
  const out = [check('code_registry', 'pass', at, `code ${rec.code}: ${cls} ${info.level ?? ''} ${info.name}`)];
  if (rec.name) {
    const verdict = nameVerdict(rec.code, rec.name, year)!;
    out.push(check('code_name', verdict.ok ? 'pass' : 'fail', at, `code ${rec.code}: ${verdict.note}`));
  }
  return out;
}

const tableLabel = (t: Table): string => t.number ?? t.title;

/**
 * Checks every code against the registry: 'code_registry' fails for a code the registry does not hold,
 * 'code_name' fails where the printed name differs from the official one (known renames pass).
 */
export function registryChecks(doc: OutputDocument): Check[] {
  const year = doc.document.year;
  return doc.tables.flatMap(t => t.rows.flatMap((row: Row) =>
    row.records.flatMap(rec => recordChecks(rec, { table: tableLabel(t), page: row.page, row: row.index }, year))));
}

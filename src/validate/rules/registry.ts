import type { BudgetRecord, Check, OutputDocument, Row, Table } from '../../model/document.js';
import { type Classification, levelOf, parentOf, sameName } from '../../codes/entries.js';
import { classificationOfCode, lookupCode } from '../../codes/lookup.js';
import type { RuleId } from '../../model/rules.js';

type Located = Pick<Check, 'table' | 'page' | 'row'>;

const check = (rule: RuleId, status: Check['status'], at: Located, message: string): Check =>
  ({ rule, status, ...at, column: null, message, expected: null, actual: null });

/**
 * Is this printed name the official one (in the document's year or now), or a known former name?
 * Names are compared after folding width, punctuation and leading markers ("-行政运行", "其中：").
 * Returns null when the registry does not hold the code.
 */
export function nameVerdict(code: string, printed: string, year: number | null): { ok: boolean; note: string } | null {
  const cls = classificationOfCode(code);
  const info = cls ? lookupCode(code, cls, year) : null;
  if (!info) return null;
  if (sameName(printed, info.name)) return { ok: true, note: 'official name' };
  if (sameName(printed, info.currentName)) return { ok: true, note: `official name since ${info.renames.at(-1)?.year ?? info.editionYear}` };
  const rename = info.renames.find(r => sameName(printed, r.from));
  if (rename) return { ok: true, note: `former name, renamed "${rename.to}" in ${rename.year} (known rename)` };
  // 资本金注入（基本建设） under 311 对企业补助（基本建设）: the parent's qualifier, printed to tell it from 31201.
  const qualifier = info.parent ? lookupCode(info.parent, info.classification, year)?.name.match(/[（(][^（()）]+[)）]$/)?.[0] : undefined;
  if (qualifier && sameName(printed, info.name + qualifier)) return { ok: true, note: `official name with its 类's qualifier ${qualifier}` };
  return { ok: false, note: `printed "${printed}", registry name "${info.name}"${info.entry.source === 'observed' ? ' (observed in other documents, not in the official list)' : ''}` };
}

const CLASS_NAMES: Record<Classification, string> = {
  functional: 'functional', economic: 'department economic', government_economic: 'government economic',
};

/**
 * The registry verdict on one code. A code the registry lacks is the registry's gap, not the document's
 * error, as long as it is well-formed and its parent exists (in the registry or printed in the document):
 * 'unknown'; so is a code of another classification (income, a unit code read as a code). 'fail' is for
 * a 类 that does not exist and a 款/项 whose parent exists nowhere.
 */
function codeVerdict(code: string, name: string | null, year: number | null, printedCodes: ReadonlySet<string>): { status: Check['status']; message: string } {
  const cls = classificationOfCode(code);
  const label = `code ${code}${name ? ` ${name}` : ''}`;
  if (!cls) {
    // Local sub-items of an economic 款 (重庆 3010201 规范性津补贴 under 30102).
    const section = /^[35]\d{6}$/.test(code) ? code.slice(0, 5) : null;
    const sectionCls = section ? classificationOfCode(section) : null;
    if (section && sectionCls && lookupCode(section, sectionCls, null)) {
      return { status: 'unknown', message: `${label}: a local sub-item of ${CLASS_NAMES[sectionCls]} 款 ${section}, which the registry does not list` };
    }
    // Income codes (1xx), unit and project codes read in a code column: not a classification the registry holds.
    return { status: 'unknown', message: `${label}: not a code of the functional (2xx) or economic (3xx, 5xx) classifications` };
  }
  const level = levelOf(code, cls);
  const info = lookupCode(code, cls, year);
  if (info) {
    const span = `${info.entry.valid_from ?? ''}–${info.entry.valid_until ?? ''}`;
    if (!info.validInYear) return { status: 'unknown', message: `${label}: ${CLASS_NAMES[cls]} ${level} ${info.name}, valid ${span}, not in ${year}` };
    return { status: 'pass', message: `${label}: ${CLASS_NAMES[cls]} ${level ?? ''} ${info.name}` };
  }
  const parent = parentOf(code);
  if (!parent) return { status: 'fail', message: `${label}: no ${CLASS_NAMES[cls]} 类 ${code} exists` };
  const parentKnown = !!lookupCode(parent, cls, null);
  if (parent.length === 3 && !parentKnown) return { status: 'fail', message: `${label}: 款 under 类 ${parent}, which does not exist` };
  if (!parentKnown && !printedCodes.has(parent)) return { status: 'fail', message: `${label}: 项 under 款 ${parent}, which neither the registry nor the document has` };
  return { status: 'unknown', message: `${label}: well-formed ${CLASS_NAMES[cls]} ${level}, not in the registry (its parent ${parent} is ${parentKnown ? 'known' : 'printed in the document'})` };
}

function recordChecks(rec: BudgetRecord, at: Located, year: number | null, printedCodes: ReadonlySet<string>): Check[] {
  if (!rec.code) return [];
  const verdict = codeVerdict(rec.code, rec.name, year, printedCodes);
  const out = [check('code_registry', verdict.status, at, verdict.message)];
  if (rec.name) {
    const named = nameVerdict(rec.code, rec.name, year);
    if (named) out.push(check('code_registry_name', named.ok ? 'pass' : 'fail', at, `code ${rec.code}: ${named.note}`));
  }
  return out;
}

const tableLabel = (t: Table): string => t.number ?? t.title;

/**
 * Checks every code against the registry: 'code_registry' passes a known code, is 'unknown' for a
 * well-formed code the registry lacks and fails a code that cannot exist; 'code_registry_name' fails where the
 * printed name differs from the registry's (known renames and former names pass).
 */
export function registryChecks(doc: OutputDocument): Check[] {
  const year = doc.document.year;
  const printedCodes = new Set(doc.tables.flatMap(t => t.rows.flatMap(r => r.records.map(rec => rec.code).filter((c): c is string => !!c))));
  return doc.tables.flatMap(t => t.rows.flatMap((row: Row) =>
    row.records.flatMap(rec => recordChecks(rec, { table: tableLabel(t), page: row.page, row: row.index }, year, printedCodes))));
}

/**
 * Codes and names on rows read by OCR, settled by the code registry and the known vocabulary. A row
 * prints a code and its name; OCR may misread either. A name near the registry's name of the row's code
 * is that name ("海详" read for "海洋"): it is replaced, so the document is not reported as naming one code
 * two ways. A row without a known code whose name is clearly nearer one known name (registry names,
 * standard terms) than any other is that name ("一般公共预算搜获收入" is 一般公共预算拨款收入; see
 * codes/nearestName: how near depends on the name's length, and a reading between two names is left
 * alone). A code whose registry name is not the row's name, while the registry gives that exact name to
 * one code a single digit away ("30220" read for "30226 劳务费"), is that code. Each edit is returned as a
 * warning naming what was read. Text-layer pages are never touched.
 */
import { classificationOfCode, registryEntries, registryNamesOf } from '../codes/index.js';
import type { OutputDocument, Warning } from '../model/document.js';
import { looseText } from '../model/text.js';
import { STANDARD_TERMS, SUMMARY_ROW_NAMES } from '../codes/standardTerms.js';
import { nearestName, type NearestName } from '../codes/nearestName.js';
import { settleOrdinals } from './ocrOrdinals.js';
import { tableLabel } from './tables.js';

const oneDigitApart = (a: string, b: string): boolean =>
  a.length === b.length && [...a].filter((c, i) => c !== b[i]).length === 1;


/** The one code a digit away from `code` whose registry name is `name`, or null. */
function codeNamed(code: string, name: string): string | null {
  const cls = classificationOfCode(code);
  if (!cls) return null;
  const want = looseText(name);
  const hits = registryEntries().filter(e => e.classification === cls && oneDigitApart(e.code, code)
    && [e.name, ...e.former_names.map(f => f.name)].some(n => looseText(n) === want));
  return hits.length === 1 ? hits[0]!.code : null;
}

let knownNames: Map<number, string[]> | null = null;
/** Registry names (every classification, current and former), standard terms and summary row names, by length in glyphs. */
function namesByLength(): Map<number, string[]> {
  if (knownNames) return knownNames;
  const all = new Set([...registryEntries().flatMap(e => [e.name, ...e.former_names.map(f => f.name)]), ...STANDARD_TERMS, ...SUMMARY_ROW_NAMES].map(looseText));
  knownNames = new Map();
  for (const n of all) {
    const len = [...n].length;
    knownNames.set(len, [...(knownNames.get(len) ?? []), n]);
  }
  return knownNames;
}

/**
 * The one known name (registry name or standard term) `body` is a misreading of, when `body` is none
 * of them: near enough for its length and clearly nearer than any other known name (nearestName); else null.
 */
function knownNameNear(body: string): NearestName | null {
  const len = [...body].length;
  const near: string[] = [];
  for (let k = len - 3; k <= len + 3; k++) near.push(...(namesByLength().get(k) ?? []));
  return nearestName(body, near);
}

/**
 * Edits allowed between a name read on a row and the registry's name of the row's code: the code
 * already says which name is meant, so even a short name may have one glyph misread.
 */
const codeNameAllowance = (n: number): number => (n >= 12 ? 3 : n >= 8 ? 2 : n >= 2 ? 1 : 0);

const glyphs = (n: number): string => (n === 1 ? 'one glyph' : `${n} glyphs`);

/** A leading ordinal ("三、", "1.", "（二）") and the name after it. */
const ORDINAL = /^(\s*(?:[一二三四五六七八九十]{1,3}、|\d{1,2}[.、．]|[（(][一二三四五六七八九十]{1,3}[）)])\s*)(.*)$/su;

/** A copy of the document with OCR'd rows' codes and names settled, and one warning per edit. */
export function settleOcrLabels(doc: OutputDocument): { document: OutputDocument; warnings: Warning[] } {
  const ocrPages = new Set(doc.pages.filter(p => p.text_source === 'ocr').map(p => p.number));
  if (ocrPages.size === 0) return { document: doc, warnings: [] };
  const work: OutputDocument = structuredClone(doc);
  const warnings: Warning[] = [];
  const year = doc.document.year;
  for (const table of work.tables) {
    const rows = table.rows.filter(r => ocrPages.has(r.page));
    const slots = Math.max(0, ...rows.map(r => r.records.length));
    for (let j = 0; j < slots; j++) {
      const settled = settleOrdinals(rows.map(r => r.records[j]?.name ?? null));
      rows.forEach((r, i) => {
        const rec = r.records[j];
        if (!rec || rec.name === settled.names[i]) return;
        warnings.push({ page: r.page, message: `page ${r.page}: ${tableLabel(table)}: the ordinal of the row name read by OCR as "${rec.name}" does not fit the rows around it; taken as "${settled.names[i]}"` });
        rec.name = settled.names[i]!;
      });
    }
    for (const row of rows) {
      for (const rec of row.records) {
        if (rec.name && !(rec.code && registryNamesOf(rec.code, year).length)) {
          const m = ORDINAL.exec(rec.name);
          const [prefix, body] = m ? [m[1]!, m[2]!] : ['', rec.name];
          const near = looseText(body) === body.replace(/\s+/g, '') ? knownNameNear(looseText(body)) : null;
          if (near) {
            warnings.push({ page: row.page, message: `page ${row.page}: ${tableLabel(table)}: the row name read by OCR as "${rec.name}" is ${glyphs(near.distance)} from the known name "${near.name}" (${near.runnerUp === Infinity ? 'no other known name is near' : `the next nearest is ${glyphs(near.runnerUp)} away`}); taken as that` });
            rec.name = `${prefix}${near.name}`;
          }
        }
        if (!rec.code || !rec.name) continue;
        const names = registryNamesOf(rec.code, year);
        if (names.some(n => looseText(n) === looseText(rec.name!))) continue;
        const byLoose = new Map(names.map(n => [looseText(n), n] as const));
        const near = looseText(rec.name).length >= 2 ? nearestName(looseText(rec.name), byLoose.keys(), codeNameAllowance) : null;
        if (near) {
          warnings.push({ page: row.page, code: 'ocr_label_settled', message: `page ${row.page}: ${tableLabel(table)} row "${rec.code}": the name read by OCR as "${rec.name}" is ${glyphs(near.distance)} from the registry's name of ${rec.code}; taken as "${byLoose.get(near.name)}"` });
          rec.name = byLoose.get(near.name)!;
          continue;
        }
        const code = codeNamed(rec.code, rec.name);
        if (code) {
          warnings.push({ page: row.page, code: 'ocr_label_settled', message: `page ${row.page}: ${tableLabel(table)} row "${rec.name}": the code read by OCR as ${rec.code} is not the registry's code of that name; one digit away, ${code} is, so the row is taken as ${code}` });
          rec.code = code;
        }
      }
    }
  }
  return warnings.length ? { document: work, warnings } : { document: doc, warnings: [] };
}

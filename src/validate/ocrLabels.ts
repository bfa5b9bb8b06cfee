/**
 * Codes and names on rows read by OCR, settled by the code registry. A row prints a code and its
 * name; OCR may misread either. A name one glyph from the registry's name of the row's code is that
 * name ("海详" read for "海洋"): it is replaced, so the document is not reported as naming one code two
 * ways. A code whose registry name is not the row's name, while the registry gives that exact name to
 * one code a single digit away ("30220" read for "30226 劳务费"), is that code. Each edit is returned as a
 * warning. Text-layer pages are never touched.
 */
import { classificationOfCode, registryEntries, registryNamesOf } from '../codes/index.js';
import type { OutputDocument, Warning } from '../model/document.js';
import { looseText } from '../model/text.js';
import { STANDARD_TERMS } from '../codes/standardTerms.js';
import { settleOrdinals } from './ocrOrdinals.js';
import { tableLabel } from './tables.js';

/** Same length, exactly one position differing, both glyphs Han. */
function oneHanApart(a: string, b: string): boolean {
  const x = [...a], y = [...b];
  if (x.length !== y.length || x.length < 2) return false;
  const diff = x.map((c, i) => [c, y[i]!] as const).filter(([c, d]) => c !== d);
  return diff.length === 1 && diff.every(([c, d]) => /\p{Script=Han}/u.test(c) && /\p{Script=Han}/u.test(d));
}

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

/** Glyphs that make one real name another (…收入 / …支出): a reading of one of them is not corrected. */
const MEANINGFUL = new Set('收支入出增减上下本年');

let knownNames: Map<number, string[]> | null = null;
/** Registry names (every classification, current and former) and standard terms, by length in glyphs. */
function namesByLength(): Map<number, string[]> {
  if (knownNames) return knownNames;
  const all = new Set([...registryEntries().flatMap(e => [e.name, ...e.former_names.map(f => f.name)]), ...STANDARD_TERMS].map(looseText));
  knownNames = new Map();
  for (const n of all) {
    const len = [...n].length;
    knownNames.set(len, [...(knownNames.get(len) ?? []), n]);
  }
  return knownNames;
}

/**
 * The one known name (registry name or standard term) one Han glyph from `body`, when `body` is none
 * of them and the glyph read is not one that changes a name's meaning; else null.
 */
function knownNameNear(body: string): string | null {
  const x = [...body];
  if (x.length < 6) return null; // short names have real neighbours (收入合计 / 收入总计)
  const same = namesByLength().get(x.length) ?? [];
  if (same.includes(body)) return null;
  const near = same.filter(n => {
    const y = [...n];
    const diff = x.flatMap((c, i) => (c === y[i] ? [] : [i]));
    return diff.length === 1 && /\p{Script=Han}/u.test(x[diff[0]!]!) && /\p{Script=Han}/u.test(y[diff[0]!]!) && !MEANINGFUL.has(x[diff[0]!]!);
  });
  return near.length === 1 ? near[0]! : null;
}

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
            warnings.push({ page: row.page, message: `page ${row.page}: ${tableLabel(table)}: the row name read by OCR as "${rec.name}" is one glyph from the known name "${near}"; taken as that` });
            rec.name = `${prefix}${near}`;
          }
        }
        if (!rec.code || !rec.name) continue;
        const names = registryNamesOf(rec.code, year);
        if (names.some(n => looseText(n) === looseText(rec.name!))) continue;
        const near = names.find(n => oneHanApart(looseText(n), looseText(rec.name!)));
        if (near) {
          warnings.push({ page: row.page, code: 'ocr_label_settled', message: `page ${row.page}: ${tableLabel(table)} row "${rec.code}": the name read by OCR as "${rec.name}" is one glyph from the registry's name of ${rec.code}; taken as "${near}"` });
          rec.name = near;
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

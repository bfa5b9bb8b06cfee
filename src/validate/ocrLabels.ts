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

/** A copy of the document with OCR'd rows' codes and names settled, and one warning per edit. */
export function settleOcrLabels(doc: OutputDocument): { document: OutputDocument; warnings: Warning[] } {
  const ocrPages = new Set(doc.pages.filter(p => p.text_source === 'ocr').map(p => p.number));
  if (ocrPages.size === 0) return { document: doc, warnings: [] };
  const work: OutputDocument = structuredClone(doc);
  const warnings: Warning[] = [];
  const year = doc.document.year;
  for (const table of work.tables) {
    for (const row of table.rows) {
      if (!ocrPages.has(row.page)) continue;
      for (const rec of row.records) {
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

/**
 * The workbook for spreadsheet users (`extract --xlsx`): the document sheet, the failed checks linked to
 * their cells, one sheet per table as printed, and the performance indicators when the document has any.
 */
import { createRequire } from 'node:module';
import type * as ExcelJS from 'exceljs';
import type { OutputDocument, Table } from '../../model/document.js';
import { annotateCells, type LocatedCheck } from './annotate.js';
import { CHECKS_SHEET, writeChecksSheet } from './checksSheet.js';
import { DOCUMENT_SHEET, writeDocumentSheet } from './documentSheet.js';
import { locateChecks } from './findings.js';
import { indicatorLines } from './indicators.js';
import { writeInternalLinksAsLocations } from './internalLinks.js';
import { INDICATORS_SHEET, writeIndicatorsSheet } from './indicatorsSheet.js';
import { SheetNamer } from './sheetNames.js';
import { writeTableSheet } from './tableSheet.js';

// exceljs's main entry also loads its streaming reader and writer (unzipper, archiver and their
// dependencies): most of a second of start-up that a workbook built in memory never uses. Its Workbook
// class on its own is the same code without them.
const Workbook = createRequire(import.meta.url)('exceljs/lib/doc/workbook.js') as typeof ExcelJS.Workbook;

/** The unit that issued a table: its own printed 编制单位 when the JSON has one, else the document's. */
const issuingUnit = (table: Table, doc: OutputDocument): string | null => (table as { org?: string | null }).org ?? doc.document.unit;

export function buildWorkbook(doc: OutputDocument): ExcelJS.Workbook {
  writeInternalLinksAsLocations();
  const wb = new Workbook();
  wb.creator = 'budget-tables';
  // Sheets appear in the order they are added: the overview and the findings come first.
  const documentSheet = wb.addWorksheet(DOCUMENT_SHEET);
  const checksSheet = wb.addWorksheet(CHECKS_SHEET);
  const namer = new SheetNamer([DOCUMENT_SHEET, CHECKS_SHEET, INDICATORS_SHEET]);
  const placements = doc.tables.map((table, i) => {
    const name = namer.take(table.number ?? '', `${String(i + 1).padStart(2, '0')} ${table.title}`);
    return writeTableSheet(wb.addWorksheet(name), table, issuingUnit(table, doc));
  });
  const locations = locateChecks(doc);
  const located: LocatedCheck[] = doc.checks.map((check, i) => ({ check, at: locations[i]! }));
  annotateCells(located, placements);
  writeChecksSheet(checksSheet, located, placements);
  writeDocumentSheet(documentSheet, doc, located, placements);
  const indicators = indicatorLines(doc);
  if (indicators.length) writeIndicatorsSheet(wb.addWorksheet(INDICATORS_SHEET), indicators);
  return wb;
}

/**
 * The workbook as .xlsx bytes. Its parts are stored, not deflated: exceljs deflates in JavaScript (pako),
 * which on a process's first workbook costs about as much as building and writing the rest; stored, the
 * file is about five times larger (under 300 KB for a 52-page document) and opens the same everywhere.
 */
export async function xlsxBytes(doc: OutputDocument): Promise<Uint8Array> {
  return new Uint8Array(await buildWorkbook(doc).xlsx.writeBuffer({ zip: { compression: 'STORE' } }));
}

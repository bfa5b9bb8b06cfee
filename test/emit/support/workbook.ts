/** Test helpers: the fixture document, and reading a written workbook back (exceljs and raw XML). */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { OutputDocumentSchema, type Check, type OutputDocument } from '../../../src/model/document.js';

const FIXTURE = path.join(import.meta.dirname, '../fixtures/atushi-2024-grid.excerpt.json');

/**
 * Five tables of the grid sample as extracted (side-by-side 表1, 表3 with a three-level header, 表4 with
 * a failed code_name check, 表10, an untitled performance form holding "=12 个月"), plus a failed sum
 * with a column and an OCR repair on 表3, so every kind of mark has a cell.
 */
export function fixtureDocument(): OutputDocument {
  const doc = OutputDocumentSchema.parse(JSON.parse(readFileSync(FIXTURE, 'utf8')));
  const extra: Check[] = [
    { rule: 'code_sum', status: 'fail', table: '表3', page: 10, row: 1, column: '支出预算/基本支出', expected: 967.38, actual: 967.37,
      message: '表3 row "20103": "支出预算/基本支出" is printed as 967.37 万元, but its 项 rows add up to 967.38 万元.' },
    { rule: 'ocr_repair', status: 'pass', table: '表3', page: 10, row: 2, column: '支出预算/合计', expected: 809.21, actual: 309.21,
      message: '表3 row "2010301 行政运行": "支出预算/合计" was read by OCR (page 10) as "309.21", … repaired to "809.21".' },
  ];
  return { ...doc, checks: [...doc.checks, ...extra] };
}

export async function readWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as Parameters<typeof wb.xlsx.load>[0]);
  return wb;
}

/** The XML of the sheet called `name`, as stored in the file. */
export async function sheetXml(bytes: Uint8Array, name: string): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const book = await zip.file('xl/workbook.xml')!.async('string');
  const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  const escaped = name.replace(/&/g, '&amp;').replace(/'/g, '&apos;');
  const rid = new RegExp(`<sheet [^>]*name="${escaped}"[^>]*r:id="([^"]+)"`).exec(book)?.[1];
  const target = new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`Target="([^"]+)"[^>]*Id="${rid}"`).exec(rels)?.[1];
  if (!rid || !target) throw new Error(`no sheet "${name}" in the workbook`);
  return zip.file(`xl/${target.replace(/^\/?xl\//, '')}`)!.async('string');
}

/** Every file of the package, for checks over all of it (no formula anywhere). */
export async function packageFiles(bytes: Uint8Array): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const out = new Map<string, string>();
  for (const f of Object.values(zip.files)) if (!f.dir) out.set(f.name, await f.async('string'));
  return out;
}

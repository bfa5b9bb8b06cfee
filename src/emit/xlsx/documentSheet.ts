/**
 * The `文档 document` sheet: what the document is (source file, unit, year, kind, pages and how their
 * text was read), then one line per table with a link to its sheet and how many of its printed figures
 * hold, then the warnings.
 */
import type { Worksheet } from 'exceljs';
import type { Check, OutputDocument } from '../../model/document.js';
import type { LocatedCheck } from './annotate.js';
import { isFigureCheck } from './findings.js';
import { writeList, type ListColumn, type ListValue } from './listSheet.js';
import { sheetRef } from './sheetNames.js';
import type { TablePlacement } from './tableSheet.js';

export const DOCUMENT_SHEET = '文档 document';

const KIND = { budget: '预算 budget', final: '决算 final' } as const;
const SCOPE = { unit: '单位 unit', department: '部门 department' } as const;

/** Page numbers as ranges: [5, 6, 7, 9] → "5–7, 9". */
export function pageRanges(pages: readonly number[]): string {
  const sorted = [...new Set(pages)].sort((a, b) => a - b);
  const out: string[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    out.push(i === j ? String(sorted[i]) : `${sorted[i]}–${sorted[j]}`);
    i = j + 1;
  }
  return out.join(', ');
}

function metadataLines(doc: OutputDocument): ListValue[][] {
  const d = doc.document;
  const pagesBy = (source: string): string => pageRanges(doc.pages.filter(p => p.text_source === source).map(p => p.number));
  const count = (status: string): number => doc.checks.filter(c => c.status === status).length;
  const figures = doc.checks.filter(isFigureCheck);
  return [
    ['文件 file', doc.source.file], ['SHA-256', doc.source.sha256], ['页数 pages', doc.source.pages], ['字节 bytes', doc.source.bytes],
    ['编制单位 unit', d.unit], ['年度 year', d.year], ['类型 kind', d.kind && KIND[d.kind]], ['范围 scope', d.scope && SCOPE[d.scope]],
    ['金额单位 currency unit', d.currency_unit], ['OCR 识别页 pages read by OCR', pagesBy('ocr')],
    ['无文字页 pages without text', pagesBy('none')], ['表格 tables', doc.tables.length],
    ['检查通过 checks passed', count('pass')], ['检查未通过 checks failed', count('fail')], ['检查跳过 checks skipped', count('skip')],
    ['合计成立 printed figures that hold', `${figures.filter(c => c.status === 'pass').length} / ${figures.length}`],
  ];
}

const TABLE_COLUMNS: ListColumn[] = [
  { header: '工作表 sheet', maxWidth: 24 }, { header: '编号 number' }, { header: '标题 title', maxWidth: 40 }, { header: '类型 type' },
  { header: '单位 unit' }, { header: '页 pages' }, { header: '行 rows' }, { header: '金额 amount cells' },
  { header: '合计检查 figures checked' }, { header: '合计成立 figures that hold' }, { header: '未通过 failed checks' },
];

function tableLines(doc: OutputDocument, located: readonly LocatedCheck[], placements: readonly TablePlacement[]): ListValue[][] {
  const byTable = doc.tables.map((): Check[] => []);
  for (const l of located) if (l.at) byTable[l.at.tableIndex]!.push(l.check);
  return doc.tables.map((t, i) => {
    const own = byTable[i]!;
    const figures = own.filter(isFigureCheck);
    const name = placements[i]!.sheet.name;
    return [{ text: name, link: sheetRef(name, 'B1') }, t.number, t.title, t.type, t.unit, pageRanges(t.pages), t.rows.length,
      t.rows.reduce((n, r) => n + r.records.reduce((m, rec) => m + Object.keys(rec.amounts).length, 0), 0),
      figures.length, figures.filter(c => c.status === 'pass').length, own.filter(c => c.status === 'fail').length];
  });
}

export function writeDocumentSheet(ws: Worksheet, doc: OutputDocument, located: readonly LocatedCheck[], placements: readonly TablePlacement[]): void {
  let row = writeList(ws, 1, [{ header: '文档 document' }, { header: doc.source.file, maxWidth: 70 }], metadataLines(doc));
  row = writeList(ws, row + 1, TABLE_COLUMNS, tableLines(doc, located, placements));
  if (doc.warnings.length) writeList(ws, row + 1, [{ header: '页 page' }, { header: '警告 warning' }], doc.warnings.map(w => [w.page, w.message]));
}

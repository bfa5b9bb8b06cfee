import type { Check, OutputDocument } from '../model/document.js';
import { documentId } from './cells.js';
import type { Row } from './fields.js';
import { regionOfUnit } from './region.js';

/** documents.csv row: metadata, counts, checks and where the text came from. */
export function documentRow(doc: OutputDocument, cells: number, registry: readonly Check[]): Row {
  const m = doc.document;
  const count = (status: Check['status']): number => doc.checks.filter(c => c.status === status).length;
  const pages = (source: string): number => doc.pages.filter(p => p.text_source === source).length;
  const pdf = pages('pdf'), ocr = pages('ocr'), total = doc.pages.length || doc.source.pages;
  const textSource = pdf && ocr ? 'mixed' : pdf ? 'pdf' : ocr ? 'ocr' : 'none';
  return {
    document_id: documentId(doc), source_file: doc.source.file, sha256: doc.source.sha256, bytes: doc.source.bytes,
    pages: doc.source.pages, unit: m.unit ?? '', region: regionOfUnit(m.unit) ?? '', year: m.year ?? '', kind: m.kind ?? '',
    scope: m.scope ?? '', currency_unit: m.currency_unit ?? '', tables: doc.tables.length,
    typed_tables: doc.tables.filter(t => t.type).length, rows: doc.tables.reduce((n, t) => n + t.rows.length, 0), cells,
    checks_passed: count('pass'), checks_failed: count('fail'), checks_skipped: count('skip'),
    registry_failed: registry.filter(c => c.status === 'fail').length,
    registry_unknown: registry.filter(c => c.status === 'unknown').length,
    pages_pdf: pdf, pages_ocr: ocr, pages_without_text: pages('none'),
    ocr_share: total ? Math.round((ocr / total) * 1000) / 1000 : 0, text_source: textSource, warnings: doc.warnings.length,
  };
}

import { createHash } from 'node:crypto';
import { classifyTable } from './classify/index.js';
import { documentMeta } from './classify/metadata.js';
import { TableAssembler } from './layout/assemble.js';
import type { OutputDocument, Warning } from './model/document.js';
import type { ProseLine } from './model/rawTable.js';
import { openDocument } from './pdf/openDocument.js';
import { readPages } from './pdf/readPages.js';
import { registryChecks } from './classify/registry/index.js';
import { validateDocument } from './validate/index.js';

/** What happened while extracting one document: counts and seconds per stage. */
export interface Counters {
  pages: number;
  pagesWithoutText: number;
  tables: number;
  rows: number;
  cells: number;
  checks: { pass: number; fail: number; skip: number };
  seconds: { read: number; layout: number; classify: number; validate: number; total: number };
}

export interface ExtractResult {
  document: OutputDocument;
  prose: ProseLine[];
  counters: Counters;
}

const now = (): number => performance.now() / 1000;

/** The whole pipeline for one PDF held in memory. Pure apart from the clock: no files are touched. */
export async function extractDocument(data: Uint8Array, fileName: string): Promise<ExtractResult> {
  const t0 = now();
  const sha256 = createHash('sha256').update(data).digest('hex');
  const bytes = data.length;
  const doc = await openDocument(data);
  const seconds = { read: 0, layout: 0, classify: 0, validate: 0, total: 0 };
  const warnings: Warning[] = [];
  const pages: OutputDocument['pages'] = [];
  const assembler = new TableAssembler();
  try {
    let t = now();
    for await (const page of readPages(doc, e => { warnings.push({ page: e.page, message: e.message }); pages.push({ number: e.page, text_source: 'none', note: e.message }); })) {
      const t1 = now();
      seconds.read += t1 - t;
      pages.push({ number: page.number, text_source: page.textSource, note: page.textNote });
      if (page.textSource === 'none') warnings.push({ page: page.number, message: `page ${page.number}: ${page.textNote ?? 'no usable text'}; its tables are not extracted (OCR is not available)` });
      assembler.addPage(page);
      t = now();
      seconds.layout += t - t1;
    }
  } finally {
    await doc.destroy();
  }
  let t = now();
  const { tables: raw, prose } = assembler.finish();
  const meta = documentMeta(raw, prose);
  const tables = raw.map(r => classifyTable(r, meta.currency_unit));
  seconds.classify = now() - t;
  const document: OutputDocument = {
    schema_version: 1,
    source: { file: fileName, sha256, pages: pages.length, bytes },
    document: meta, pages: pages.sort((a, b) => a.number - b.number), tables, checks: [], warnings,
  };
  t = now();
  document.checks = [...validateDocument(document, prose), ...registryChecks(document)];
  seconds.validate = now() - t;
  seconds.total = now() - t0;
  const rows = tables.reduce((n, tb) => n + tb.rows.length, 0);
  const cells = tables.reduce((n, tb) => n + tb.rows.reduce((m, r) => m + r.records.reduce((k, rec) => k + Object.keys(rec.amounts).length, 0), 0), 0);
  const checks = { pass: 0, fail: 0, skip: 0 };
  for (const c of document.checks) checks[c.status]++;
  return {
    document, prose,
    counters: { pages: pages.length, pagesWithoutText: pages.filter(p => p.text_source === 'none').length, tables: tables.length, rows, cells, checks, seconds },
  };
}

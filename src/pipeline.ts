import { createHash } from 'node:crypto';
import { classifyTable, type CodeRepair } from './classify/index.js';
import { readForms } from './classify/forms/index.js';
import { documentMeta, standaloneYear } from './classify/metadata.js';
import { TableAssembler } from './layout/assemble.js';
import { LayoutTrace } from './layout/trace.js';
import { DEBUG_SCHEMA_VERSION, type DebugDocument } from './model/debug.js';
import { SCHEMA_VERSION, type OutputDocument, type Warning } from './model/document.js';
import type { ProseLine } from './model/rawTable.js';
import { openDocument } from './pdf/openDocument.js';
import type { OcrPool } from './ocr/index.js';
import { lazyOcrPool } from './ocr/lazyPool.js';
import { assessQuality, type PageProblems } from './quality.js';
import { pagesWithText } from './ocr/readWithOcr.js';
import { validateDocument } from './validate/index.js';
import { locateChecks } from './validate/locate.js';
import { settleOcrLabels } from './validate/ocrLabels.js';
import { repairByArithmetic } from './validate/ocrRepair.js';

/** What happened while extracting one document: counts and seconds per stage. */
export interface Counters {
  pages: number;
  pagesWithoutText: number;
  pagesOcr: number;
  tables: number;
  rows: number;
  cells: number;
  checks: { pass: number; fail: number; skip: number; unknown: number };
  seconds: { read: number; layout: number; classify: number; validate: number; total: number };
}

export interface ExtractResult {
  document: OutputDocument;
  prose: ProseLine[];
  counters: Counters;
  /** The layout stage's intermediates, when asked for (`debug`). */
  debug?: DebugDocument;
}

const now = (): number => performance.now() / 1000;
const round1 = (v: number): number => Math.round(v * 10) / 10;

export { lazyOcrPool } from './ocr/lazyPool.js';

export interface ExtractOptions {
  /**
   * OCR for pages without a usable text layer: a pool shared across documents, null for none, or
   * undefined to start one for this document when a page needs it (closed before returning).
   */
  ocr?: OcrPool | null;
  /**
   * Called once the document is open (page 0) and as each page is done, in page order: its number, the
   * document's page count, and where its text came from.
   */
  onPage?: (page: PageProgress) => void;
  /** Keep the layout stage's intermediates (rules, title blocks, fragments, continuation decisions). */
  debug?: boolean;
}

export interface PageProgress { page: number; pages: number; textSource: 'pdf' | 'ocr' | 'none' | null }

/** The whole pipeline for one PDF held in memory. Pure apart from the clock: no files are touched. */
export async function extractDocument(data: Uint8Array, fileName: string, options: ExtractOptions = {}): Promise<ExtractResult> {
  const t0 = now();
  const sha256 = createHash('sha256').update(data).digest('hex');
  const bytes = data.length;
  const doc = await openDocument(data, { textOnly: true });
  const seconds = { read: 0, layout: 0, classify: 0, validate: 0, total: 0 };
  const warnings: Warning[] = [];
  const pages: OutputDocument['pages'] = [];
  const trace = options.debug ? new LayoutTrace() : null;
  const assembler = new TableAssembler(undefined, trace);
  const ownPool = options.ocr === undefined ? lazyOcrPool() : null;
  const ocr = options.ocr === undefined ? ownPool!.pool : options.ocr;
  const warn = (w: Warning): void => { warnings.push(w); };
  const yearMarks: number[] = [];
  const problems: PageProblems = { unreadable: [], damaged: [], ocrFailed: [] };
  const onPageProblem = (kind: 'unreadable' | 'damaged' | 'ocr_failed', page: number, message: string): void => {
    (kind === 'unreadable' ? problems.unreadable : kind === 'damaged' ? problems.damaged : problems.ocrFailed).push({ page, message });
  };
  options.onPage?.({ page: 0, pages: doc.numPages, textSource: null });
  try {
    let t = now();
    for await (const page of pagesWithText(doc, { ocr, maxOcrPagesInFlight: 4, maxPagesAhead: 64, onPageProblem }, warn)) {
      const t1 = now();
      seconds.read += t1 - t;
      const shown = page.displayed ?? page;
      pages.push({ number: page.number, text_source: page.textSource, note: page.textNote, width: round1(shown.width), height: round1(shown.height) });
      options.onPage?.({ page: page.number, pages: doc.numPages, textSource: page.textSource });
      if (page.textSource === 'none') warn({ page: page.number, code: 'page_without_text', message: `page ${page.number}: ${page.textNote ?? 'no usable text'}; its tables are not extracted${ocr ? '' : ' (OCR is off)'}` });
      assembler.addPage(page);
      for (const run of page.runs) { const y = standaloneYear(run.text); if (y) yearMarks.push(y); }
      t = now();
      seconds.layout += t - t1;
    }
  } finally {
    await ownPool?.close();
    await doc.destroy();
  }
  for (const w of warnings) if (w.page && !pages.some(p => p.number === w.page)) pages.push({ number: w.page, text_source: 'none', note: w.message });
  let t = now();
  const { tables: raw, prose } = assembler.finish();
  const meta = documentMeta(raw, prose, yearMarks);
  const repairs: CodeRepair[] = [];
  const tables = raw.map(r => classifyTable(r, meta.currency_unit, repairs));
  for (const r of repairs) {
    warn({ page: r.page, code: 'code_settled_by_registry', message: `page ${r.page}: code cells ${JSON.stringify(r.printed)} of "${r.name}" do not settle its code; ${r.code} is the registry's code of that name` });
  }
  seconds.classify = now() - t;
  const document: OutputDocument = {
    schema_version: SCHEMA_VERSION,
    source: { file: fileName, sha256, pages: pages.length, bytes },
    document: meta, pages: pages.sort((a, b) => a.number - b.number), tables, forms: [], checks: [], warnings,
  };
  t = now();
  // Pages read by OCR: an amount that breaks its table's sums and one glyph away from the value that
  // makes them all hold is corrected, and the correction is recorded as an ocr_repair check.
  // Rows read by OCR: a code or name one glyph off the registry's is settled by it (with a warning).
  const labelled = settleOcrLabels(document);
  document.tables = labelled.document.tables;
  warnings.push(...labelled.warnings);
  const repaired = repairByArithmetic(document, { prose });
  document.tables = repaired.document.tables;
  document.forms = readForms(document.tables, raw);
  document.checks = locateChecks(document, [...validateDocument(document, prose), ...repaired.checks]);
  document.quality = assessQuality(document, prose, problems);
  seconds.validate = now() - t;
  seconds.total = now() - t0;
  const rows = tables.reduce((n, tb) => n + tb.rows.length, 0);
  const cells = tables.reduce((n, tb) => n + tb.rows.reduce((m, r) => m + r.records.reduce((k, rec) => k + Object.keys(rec.amounts).length, 0), 0), 0);
  const checks = { pass: 0, fail: 0, skip: 0, unknown: 0 };
  for (const c of document.checks) checks[c.status]++;
  return {
    document, prose,
    ...(trace ? { debug: { schema_version: DEBUG_SCHEMA_VERSION, source: { file: fileName, sha256 }, pages: trace.pages, continuations: trace.continuations } } : {}),
    counters: { pages: pages.length, pagesWithoutText: pages.filter(p => p.text_source === 'none').length, pagesOcr: pages.filter(p => p.text_source === 'ocr').length, tables: tables.length, rows, cells, checks, seconds },
  };
}

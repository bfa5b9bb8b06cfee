/** `extract`: a few documents in this process, their outputs and a summary line each. */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { assignOutputNames } from '../batch/outputNames.js';
import { outDirProblem, parseCommandArgs, usageLine } from './cliArgs.js';
import { outputBaseName, writeOutputs } from '../emit/writeOutputs.js';
import { findFiles } from '../findFiles.js';
import { PdfOpenError } from '../pdf/openDocument.js';
import type { OcrPool } from '../ocr/index.js';
import { extractDocument, lazyOcrPool, type ExtractResult } from '../pipeline.js';
import { formatSummary } from './report.js';
import { writeReview } from '../review/writeReview.js';

/** The PDFs named, or found in the folders named; each once. */
async function collectPdfs(inputs: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const input of inputs) {
    const stat = await fs.stat(input).catch(() => null);
    if (stat?.isDirectory()) out.push(...await findFiles(input, name => /\.pdf$/i.test(name)));
    else out.push(input); // a missing file is reported when it is read
  }
  return [...new Set(out.map(f => path.normalize(f)))];
}

/** A line redrawn on a terminal's stderr while a file is read: which file, which page. */
function progressLine(enabled: boolean): { show(text: string): void; clear(): void } {
  let shown = false;
  return {
    show(text) { if (!enabled) return; process.stderr.write(`\r${text.slice(0, (process.stderr.columns || 100) - 1)}\x1b[K`); shown = true; },
    clear() { if (shown) process.stderr.write('\r\x1b[K'); shown = false; },
  };
}

interface ExtractTotals { ok: number; degraded: number; failed: number; tables: number; pages: number; pagesOcr: number; failedChecks: number }

async function extractOne(file: string, name: string, outDir: string, quiet: boolean, ocr: OcrPool | null,
  progress: ReturnType<typeof progressLine>, label: string, outputs: { xlsx: boolean; debug: boolean; review: boolean }): Promise<ExtractResult | null> {
  let data: Uint8Array;
  try { data = new Uint8Array(await fs.readFile(file)); } catch (err) {
    progress.clear();
    console.error(`${file}: cannot read: ${(err as Error).message}`); return null;
  }
  progress.show(`${label} ${file}: opening`);
  try {
    const result = await extractDocument(data, path.basename(file), {
      ocr, debug: outputs.debug, onPage: p => progress.show(`${label} ${file}: page ${Math.min(p.page + 1, p.pages)} of ${p.pages}${p.textSource === 'ocr' ? ' (OCR)' : ''}`),
    });
    await writeOutputs(result.document, outDir, name, { xlsx: outputs.xlsx, debug: result.debug });
    let reviewFailure: string | null = null;
    if (outputs.review) {
      progress.show(`${label} ${file}: review page`);
      // Read again: the bytes handed to pdf.js are its own (a parser thread may have taken them).
      await writeReview(result.document, new Uint8Array(await fs.readFile(file)), file, outDir, name, { debug: result.debug ?? null })
        .catch((err: Error) => { reviewFailure = err.message; });
    }
    progress.clear();
    console.log(formatSummary(file, result, quiet) + (name === outputBaseName(file) ? '' : `\n  → ${name}.json (another input has the same name)`));
    // The other outputs are written, but what was asked for is not all there: the file counts as failed.
    if (reviewFailure) { console.error(`${file}: the review page could not be written: ${reviewFailure}`); return null; }
    return result;
  } catch (err) {
    progress.clear();
    const why = err instanceof PdfOpenError ? err.message : `extraction failed: ${(err as Error).stack ?? err}`;
    console.error(`${file}: ${why}`);
    return null;
  }
}

const EXTRACT_OPTIONS = { out: { type: 'string' }, strict: { type: 'boolean' }, quiet: { type: 'boolean' }, 'no-ocr': { type: 'boolean' }, xlsx: { type: 'boolean' }, debug: { type: 'boolean' }, review: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } as const;

export async function extractCommand(args: string[], help: string): Promise<number> {
  const parsed = parseCommandArgs(args, EXTRACT_OPTIONS);
  if ('problem' in parsed) { console.error(usageLine('extract', parsed.problem)); return 2; }
  const v = parsed.values;
  if (v.help) { console.log(help); return 0; }
  if (!v.out || !parsed.positionals.length) { console.error(usageLine('extract', 'give PDF files or folders and --out DIR')); return 2; }
  const outProblem = await outDirProblem(v.out);
  if (outProblem) { console.error(usageLine('extract', outProblem)); return 2; }
  const files = await collectPdfs(parsed.positionals);
  if (!files.length) { console.error(usageLine('extract', `no PDF files in ${parsed.positionals.join(', ')}`)); return 2; }
  // The same rule as batch: a file name shared by several inputs gets a suffix from each one's path.
  const names = assignOutputNames(files.map(f => ({ id: f.split(path.sep).join('/'), fileName: path.basename(f) })), new Map());
  const progress = progressLine(!!process.stderr.isTTY);
  const totals: ExtractTotals = { ok: 0, degraded: 0, failed: 0, tables: 0, pages: 0, pagesOcr: 0, failedChecks: 0 };
  const t0 = performance.now();
  // One OCR pool for the whole run; its engines start only if some page needs them.
  const ocr = v['no-ocr'] ? null : lazyOcrPool();
  try {
    for (const [i, file] of files.entries()) {
      const r = await extractOne(file, names.get(file.split(path.sep).join('/'))!, v.out, !!v.quiet, ocr?.pool ?? null, progress, `[${i + 1}/${files.length}]`, { xlsx: !!v.xlsx, debug: !!v.debug, review: !!v.review });
      if (!r) { totals.failed++; continue; }
      totals[r.document.quality?.status === 'degraded' ? 'degraded' : 'ok']++;
      totals.tables += r.counters.tables; totals.pages += r.counters.pages; totals.pagesOcr += r.counters.pagesOcr; totals.failedChecks += r.counters.checks.fail;
    }
  } finally {
    await ocr?.close();
  }
  const t = totals;
  console.log(`total: ${files.length} file${files.length === 1 ? '' : 's'} — ${t.ok} ok, ${t.degraded} degraded, ${t.failed} failed; ${t.tables} tables, ${t.pages} pages` +
    `${t.pagesOcr ? ` (${t.pagesOcr} read by OCR)` : ''}, ${t.failedChecks} failed checks, in ${((performance.now() - t0) / 1000).toFixed(1)} s → ${v.out}`);
  return t.failed || (v.strict && t.failedChecks) ? 1 : 0;
}

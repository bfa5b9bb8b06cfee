#!/usr/bin/env node
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { assignOutputNames } from './batch/outputNames.js';
import { outDirProblem, parseCommandArgs, usageLine } from './cli/cliArgs.js';
import { outputBaseName, writeOutputs, type OutputOptions } from './emit/writeOutputs.js';
import { findFiles } from './findFiles.js';
import { PdfOpenError } from './pdf/openDocument.js';
import type { OcrPool } from './ocr/index.js';
import { extractDocument, lazyOcrPool, type ExtractResult } from './pipeline.js';
import { formatSummary } from './cli/report.js';
import { writeReview } from './review/writeReview.js';

const HELP = `budget-tables — Chinese budget disclosure PDFs (预算/决算公开) to validated tables

Usage:
  budget-tables extract <pdf files or folders…> --out DIR [--strict] [--quiet] [--no-ocr] [--xlsx] [--debug] [--review]
      For each NAME.pdf writes:
        DIR/NAME.json   the whole document: metadata, every table with its columns, rows, records
                        (code, level, name, project, amounts) and every validation check
        DIR/NAME.csv    tidy CSV (UTF-8 with BOM): one line per amount cell, keyed by code and column
        DIR/NAME.indicators.csv   one line per indicator of the performance-target forms (绩效目标表)
        DIR/NAME/<table number>-<title>.csv   each table as printed, cells rebuilt, for spreadsheets
        DIR/NAME.xlsx   with --xlsx: a workbook — one sheet per table as printed (merged headers, codes
                        as text, amounts as numbers), the failed checks linked to their cells, and
                        a document sheet with metadata and a summary per table
      Folders are searched for *.pdf (recursively, symbolic links followed). Files with the same name
      (from different folders) get distinct outputs, NAME-<hash of the path>, as in batch; names are
      shortened to fit the file system's 255-byte limit. On a terminal a progress line shows the file
      and page being read. Prints one line per file (tables, rows, cells, checks, pages, pages read
      by OCR, seconds, verdict ok or degraded), the reasons a document is degraded, a line per table
      (rows; how many printed sums add up), then the failed checks grouped by table, then warnings;
      and a closing total line.
      --strict   exit 1 when any validation check fails (default: exit 0 when extraction succeeded)
      --quiet    only the one-line summary per file
      --no-ocr   do not OCR pages without a usable text layer (they are reported as text_source "none")
      --xlsx     also write DIR/NAME.xlsx
      --debug    also write DIR/NAME.debug.json: the layout stage's intermediates per page (ruling
                 lines after merging, title blocks accepted or rejected with the reason, table
                 fragments with their column boundaries and header cells) and each decision to
                 continue a table or start a new one, with its reason
      --review   also write DIR/NAME.review.html, the review page (see budget-tables review)
      Pages with no text layer (scans) or one that decodes to garbage are read by OCR (tesseract.js
      with Simplified Chinese data bundled from npm; nothing is downloaded).

  budget-tables review <DIR/NAME.json…> [--pdf FILE] [--out DIR]
      DIR/NAME.review.html: one self-contained page showing each page of the PDF with its tables and cells
      drawn, the rebuilt tables beside it, and the failed checks first — a click shows a check's cells on
      the page and in the grid, printed against expected. See "budget-tables review --help".

  budget-tables check <DIR/NAME.json…>
      Validate an output file against the schema and re-run the validation rules on it.

  budget-tables batch <folder | list file> --out DIR [--concurrency N] [--timeout-per-doc S] [--force] …
      Many PDFs unattended: documents in parallel worker processes with memory limits, skipped when
      unchanged (sha256 and pipeline version in DIR/manifest.jsonl), resumable after a kill, bad files
      recorded with their reason while the batch goes on; a verdict per document (ok, degraded with
      reasons, failed); DIR/summary.json at the end; an exit status for alerts (0 nothing new went
      wrong, 1 a new failure, 3 a newly degraded document). See "budget-tables batch --help".

  budget-tables enqueue <folder | list file | URLs file> --redis URL
  budget-tables worker --redis URL --out DIR [--concurrency N]
  budget-tables queue status | retry-failed --redis URL
      The nightly job and back-fills on many machines: documents on a Redis queue (BullMQ), workers
      anywhere writing batch's outputs into one shared folder. See "budget-tables worker --help".

  budget-tables merge <output folders or NAME.json files…> --out DATASET_DIR
      One dataset across many documents: cells.csv (every amount in 元, canonical table types and
      column keys, official code names), documents.csv, codes.csv and a Frictionless datapackage.json.
      See "budget-tables merge --help".

  budget-tables codes [--format tsv|csv|json] [--classification C] [--year Y] [--out FILE]
      The classification registry the checks use (functional 2xx, economic 3xx, government economic
      5xx): code, level, official name, years valid, former names, source and evidence. See
      "budget-tables codes --help".

  budget-tables --help | --version

Exit status of extract and check: 0 success, 1 a file failed (or a check failed with --strict), 2 bad
usage (an unknown option, --out naming a file …). batch and merge have their own (see their --help).
`;

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

async function extractCommand(args: string[]): Promise<number> {
  const parsed = parseCommandArgs(args, EXTRACT_OPTIONS);
  if ('problem' in parsed) { console.error(usageLine('extract', parsed.problem)); return 2; }
  const v = parsed.values;
  if (v.help) { console.log(HELP); return 0; }
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

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') { console.log(HELP); return command ? 0 : 2; }
  if (command === '--version') { console.log(JSON.parse(await fs.readFile(new URL('../package.json', import.meta.url), 'utf8')).version); return 0; }
  if (command === 'extract') return extractCommand(rest);
  if (command === 'batch') {
    const { batchCommand } = await import('./cli/batchCommand.js');
    return batchCommand(rest);
  }
  if (command === 'enqueue' || command === 'worker' || command === 'queue') {
    const queue = await import('./cli/queueCommands.js');
    return (command === 'enqueue' ? queue.enqueueCommand : command === 'worker' ? queue.workerCommand : queue.queueCommand)(rest);
  }
  if (command === 'merge') {
    const { mergeCommand } = await import('./cli/mergeCommand.js');
    return mergeCommand(rest);
  }
  if (command === 'codes') {
    const { codesCommand } = await import('./cli/codesCommand.js');
    return codesCommand(rest);
  }
  if (command === 'review') {
    const { reviewCommand } = await import('./cli/reviewCommand.js');
    return reviewCommand(rest);
  }
  if (command === 'check') {
    const { checkCommand } = await import('./cli/checkCommand.js');
    return checkCommand(rest);
  }
  console.error(`budget-tables: unknown command "${command}" (see budget-tables --help)`);
  return 2;
}

main(process.argv.slice(2)).then(code => { process.exitCode = code; }, err => { console.error(err); process.exitCode = 1; });

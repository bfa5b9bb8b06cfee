#!/usr/bin/env node
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { writeOutputs } from './emit/writeOutputs.js';
import { PdfOpenError } from './pdf/openDocument.js';
import type { OcrPool } from './ocr/index.js';
import { extractDocument, lazyOcrPool, type ExtractResult } from './pipeline.js';
import { formatSummary } from './report.js';

const HELP = `budget-tables — Chinese budget disclosure PDFs (预算/决算公开) to validated tables

Usage:
  budget-tables extract <pdf files or folders…> --out DIR [--strict] [--quiet] [--no-ocr]
      For each NAME.pdf writes:
        DIR/NAME.json   the whole document: metadata, every table with its columns, rows, records
                        (code, level, name, project, amounts) and every validation check
        DIR/NAME.csv    tidy CSV (UTF-8 with BOM): one line per amount cell, keyed by code and column
        DIR/NAME/<table number>-<title>.csv   each table as printed, cells rebuilt, for spreadsheets
      Folders are searched for *.pdf (recursively). Prints one line per file (tables, rows, cells,
      checks, pages, pages read by OCR, seconds), a line per table (rows; how many printed sums add
      up), then the failed checks grouped by table, then warnings.
      --strict   exit 1 when any validation check fails (default: exit 0 when extraction succeeded)
      --quiet    only the one-line summary per file
      --no-ocr   do not OCR pages without a usable text layer (they are reported as text_source "none")
      Pages with no text layer (scans) or one that decodes to garbage are read by OCR (tesseract.js
      with Simplified Chinese data bundled from npm; nothing is downloaded).

  budget-tables check <DIR/NAME.json…>
      Validate an output file against the schema and re-run the validation rules on it.

  budget-tables batch <folder | list file> --out DIR [--concurrency N] [--timeout-per-doc S] [--force]
      Many PDFs unattended: documents in parallel worker threads, skipped when unchanged (sha256 and
      pipeline version in DIR/manifest.jsonl), resumable after a kill, bad files recorded with their
      reason while the batch goes on; DIR/summary.json at the end. See "budget-tables batch --help".

  budget-tables enqueue <folder | list file | URLs file> --redis URL
  budget-tables worker --redis URL --out DIR [--concurrency N]
  budget-tables queue status | retry-failed --redis URL
      The nightly job and back-fills on many machines: documents on a Redis queue (BullMQ), workers
      anywhere writing batch's outputs into one shared folder. See "budget-tables worker --help".

  budget-tables merge <output folders or NAME.json files…> --out DATASET_DIR
      One dataset across many documents: cells.csv (every amount in 元, canonical table types and
      column keys, official code names), documents.csv, codes.csv and a Frictionless datapackage.json.
      See "budget-tables merge --help".

  budget-tables --help | --version

Exit status: 0 success, 1 a file failed (or a check failed with --strict), 2 bad usage.
`;

async function collectPdfs(inputs: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const input of inputs) {
    const stat = await fs.stat(input).catch(() => null);
    if (!stat) { out.push(input); continue; } // reported as missing when processed
    if (stat.isDirectory()) {
      const entries = await fs.readdir(input, { recursive: true, withFileTypes: true });
      out.push(...entries.filter(e => e.isFile() && /\.pdf$/i.test(e.name)).map(e => path.join(e.parentPath ?? input, e.name)).sort());
    } else out.push(input);
  }
  return out;
}

async function extractOne(file: string, outDir: string, quiet: boolean, ocr: OcrPool | null): Promise<ExtractResult | null> {
  let data: Uint8Array;
  try { data = new Uint8Array(await fs.readFile(file)); } catch (err) {
    console.error(`${file}: cannot read: ${(err as Error).message}`); return null;
  }
  try {
    const result = await extractDocument(data, path.basename(file), { ocr });
    await writeOutputs(result.document, outDir);
    console.log(formatSummary(file, result, quiet));
    return result;
  } catch (err) {
    const why = err instanceof PdfOpenError ? err.message : `extraction failed: ${(err as Error).stack ?? err}`;
    console.error(`${file}: ${why}`);
    return null;
  }
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') { console.log(HELP); return command ? 0 : 2; }
  if (command === '--version') { console.log(JSON.parse(await fs.readFile(new URL('../package.json', import.meta.url), 'utf8')).version); return 0; }
  if (command === 'extract') {
    let parsed;
    try {
      parsed = parseArgs({ args: rest, allowPositionals: true, options: { out: { type: 'string' }, strict: { type: 'boolean' }, quiet: { type: 'boolean' }, 'no-ocr': { type: 'boolean' }, help: { type: 'boolean' } } });
    } catch (err) { console.error((err as Error).message); return 2; }
    if (parsed.values.help) { console.log(HELP); return 0; }
    if (!parsed.values.out || !parsed.positionals.length) { console.error('usage: budget-tables extract <pdf files or folders…> --out DIR  (see --help)'); return 2; }
    const files = await collectPdfs(parsed.positionals);
    if (!files.length) { console.error('no PDF files found'); return 2; }
    let failed = 0, failedChecks = 0;
    // One OCR pool for the whole run; its engines start only if some page needs them.
    const ocr = parsed.values['no-ocr'] ? null : lazyOcrPool();
    try {
      for (const file of files) {
        const r = await extractOne(file, parsed.values.out, !!parsed.values.quiet, ocr?.pool ?? null);
        if (!r) failed++; else failedChecks += r.counters.checks.fail;
      }
    } finally {
      await ocr?.close();
    }
    return failed || (parsed.values.strict && failedChecks) ? 1 : 0;
  }
  if (command === 'batch') {
    const { batchCommand } = await import('./batch/batchCommand.js');
    return batchCommand(rest);
  }
  if (command === 'enqueue' || command === 'worker' || command === 'queue') {
    const queue = await import('./queue/commands.js');
    return (command === 'enqueue' ? queue.enqueueCommand : command === 'worker' ? queue.workerCommand : queue.queueCommand)(rest);
  }
  if (command === 'merge') {
    const { mergeCommand } = await import('./dataset/mergeCommand.js');
    return mergeCommand(rest);
  }
  if (command === 'check') {
    const { checkCommand } = await import('./checkCommand.js');
    return checkCommand(rest);
  }
  console.error(`unknown command "${command}" (see --help)`);
  return 2;
}

main(process.argv.slice(2)).then(code => { process.exitCode = code; }, err => { console.error(err); process.exitCode = 1; });

#!/usr/bin/env node
// Each command's module is loaded when that command runs: `worker`, whose documents are read in child
// processes, then never loads pdf.js (or the rest of the pipeline) into its own process.
import { promises as fs } from 'node:fs';

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

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') { console.log(HELP); return command ? 0 : 2; }
  if (command === '--version') { console.log(JSON.parse(await fs.readFile(new URL('../package.json', import.meta.url), 'utf8')).version); return 0; }
  if (command === 'extract') {
    const { extractCommand } = await import('./cli/extractCommand.js');
    return extractCommand(rest, HELP);
  }
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

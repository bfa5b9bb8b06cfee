/** `budget-tables batch …`: argument parsing, help and exit status around runBatch. */
import { outDirProblem, parseCommandArgs, usageLine } from './cliArgs.js';
import { jsonLinesReporter, progressBarReporter, type BatchReporter } from '../batch/progress.js';
import { runBatch } from '../batch/runBatch.js';
import { defaultBatchSettings, defaultWorkerMemoryMb, type BatchSettings } from '../batch/settings.js';
import { EXIT_NEW_FAILURE, EXIT_NEWLY_DEGRADED } from '../batch/summary.js';

const defaults = defaultBatchSettings();

export const BATCH_HELP = `budget-tables batch <folder | list file> --out DIR [options]

  Extract every PDF under a folder (recursively), or every path listed in a text file (one a line,
  relative to the list file; blank lines and # comments ignored), into DIR: the same NAME.json,
  NAME.csv, NAME.indicators.csv and NAME/ tables as "extract". Symbolic links are followed (loops are not).
  Documents run in parallel worker processes, each with its own memory limits: a document that needs too
  much memory, crashes or hangs is recorded as failed, with the page it was on, and the others go on.

  Incremental: DIR/manifest.jsonl records each finished document (sha256 of the PDF, pipeline
  version, outcome), appended only after its outputs are complete. A document whose content and
  pipeline version are unchanged is skipped, so a run that was stopped or killed can simply be
  started again. Inputs with the same file name in different folders get distinct output names
  (NAME-<hash of the relative path>); names once given are kept.

  Options:
    --out DIR                 output folder (required)
    --concurrency N           documents at once (default: ${defaults.concurrency}, the available cores)
    --timeout-per-doc S       stop a document after S seconds (default ${defaults.timeoutPerDocSeconds})
    --max-pages N             refuse documents with more pages (default ${defaults.maxPages})
    --max-image-pixels N      refuse documents holding a larger image, width × height (default ${defaults.maxImagePixels})
    --worker-heap-mb N        V8 heap limit of each worker process (default ${defaults.workerHeapMb})
    --worker-memory-mb N      resident memory limit of each worker process; over it the worker is
                              killed and its document recorded as out_of_memory (default: 3/4 of
                              the machine's memory shared among the workers, 1-8 GB: now ${defaults.workerMemoryMb})
    --docs-per-worker N       replace each worker process after N documents (default ${defaults.documentsPerWorker})
    --no-ocr                  do not OCR pages without a usable text layer (they are reported as
                              without text, and their documents degraded)
    --force                   process every document again
    --retry-failed            process unchanged documents that failed last time; by default they are
                              skipped unless the failure could change: a limit it hit was raised
                              (pages, image size, time, heap) or the worker crashed
    --json                    JSON lines even on a terminal (default: a progress bar on a terminal)
    --xlsx                    also write each document's workbook, DIR/NAME.xlsx (as "extract --xlsx");
                              an unchanged document without one is processed again

  Verdicts: each document is ok, degraded (outputs written, but something was lost or is doubtful:
  pages that could not be read or were read by OCR, tables its numbering or contents page promises
  but that were not found, more than 10 % of its printed sums failing — each reason with its pages)
  or failed (no outputs; the reason and, when one page caused it, the page).

  Output: on a terminal a progress bar (documents, and the pages of those in progress), then a
  summary table; otherwise one JSON line per document ({"event":"document","input","status",
  "verdict","reasons","news","seconds","pages","tables","failed_checks",…,"failure"}) and a final
  {"event":"summary",…} line, with the table on stderr. DIR/summary.json holds the summary:
  documents by verdict, failures by reason, degraded documents with their reasons, what is new.

  Exit status (for alerts: it reports what is new since the journal's last record of each input):
    0  nothing new went wrong: every document is ok, or failed or degraded just as it was before
    ${EXIT_NEW_FAILURE}  a new failure: a document failed that had not (new, changed, or it used to work)
    ${EXIT_NEWLY_DEGRADED}  a newly degraded document (ok before, or new), and no new failure
    2  bad usage, or another batch is writing to DIR
`;

const OPTIONS = {
  out: { type: 'string' }, concurrency: { type: 'string' }, 'timeout-per-doc': { type: 'string' },
  'max-pages': { type: 'string' }, 'max-image-pixels': { type: 'string' }, 'worker-heap-mb': { type: 'string' }, 'worker-memory-mb': { type: 'string' },
  'docs-per-worker': { type: 'string' },
  'no-ocr': { type: 'boolean' }, force: { type: 'boolean' }, 'retry-failed': { type: 'boolean' }, json: { type: 'boolean' }, xlsx: { type: 'boolean' }, help: { type: 'boolean', short: 'h' },
} as const;

type Parsed = { source: string; out: string; settings: BatchSettings; json: boolean } | { help: true } | { problem: string };

export function positive(value: string | undefined, flag: string, fallback: number, integer: boolean): number | string {
  if (value === undefined) return fallback;
  const n = Number(value);
  return Number.isFinite(n) && n > 0 && (!integer || Number.isInteger(n)) ? n : `--${flag} wants a positive ${integer ? 'whole ' : ''}number, not "${value}"`;
}

export function parseBatchArgs(args: string[]): Parsed {
  const parsed = parseCommandArgs(args, OPTIONS);
  if ('problem' in parsed) return parsed;
  const v = parsed.values;
  if (v.help) return { help: true };
  if (parsed.positionals.length !== 1) return { problem: 'give one folder or list file' };
  if (!v.out) return { problem: '--out DIR is required' };
  const concurrency = positive(v.concurrency, 'concurrency', defaults.concurrency, true);
  const numbers = {
    concurrency,
    timeoutPerDocSeconds: positive(v['timeout-per-doc'], 'timeout-per-doc', defaults.timeoutPerDocSeconds, false),
    maxPages: positive(v['max-pages'], 'max-pages', defaults.maxPages, true),
    maxImagePixels: positive(v['max-image-pixels'], 'max-image-pixels', defaults.maxImagePixels, true),
    workerHeapMb: positive(v['worker-heap-mb'], 'worker-heap-mb', defaults.workerHeapMb, true),
    workerMemoryMb: positive(v['worker-memory-mb'], 'worker-memory-mb', defaultWorkerMemoryMb(typeof concurrency === 'number' ? concurrency : 1), true),
    documentsPerWorker: positive(v['docs-per-worker'], 'docs-per-worker', defaults.documentsPerWorker, true),
  };
  const bad = Object.values(numbers).find((n): n is string => typeof n === 'string');
  if (bad) return { problem: bad };
  return {
    source: parsed.positionals[0]!, out: v.out, json: !!v.json,
    settings: { ...(numbers as Record<keyof typeof numbers, number>), ocr: !v['no-ocr'], force: !!v.force, retryFailed: !!v['retry-failed'], xlsx: !!v.xlsx },
  };
}

const write = (stream: NodeJS.WriteStream) => (text: string): void => { stream.write(text); };

/** Run the batch command; resolves with the exit status. */
export async function batchCommand(args: string[]): Promise<number> {
  const parsed = parseBatchArgs(args);
  if ('help' in parsed) { process.stdout.write(BATCH_HELP); return 0; }
  const outProblem = 'out' in parsed ? await outDirProblem(parsed.out) : null;
  if ('problem' in parsed || outProblem) { process.stderr.write(usageLine('batch', 'problem' in parsed ? parsed.problem : outProblem!) + '\n'); return 2; }
  const reporter: BatchReporter = process.stdout.isTTY && !parsed.json
    ? progressBarReporter(write(process.stdout), write(process.stderr))
    : jsonLinesReporter(write(process.stdout), write(process.stderr));
  const result = await runBatch({ source: parsed.source, outDir: parsed.out, settings: parsed.settings, reporter });
  if ('problem' in result) { process.stderr.write(`budget-tables batch: ${result.problem}\n`); return 2; }
  return result.summary.exit_status;
}

/** `budget-tables batch …`: argument parsing, help and exit status around runBatch. */
import { parseArgs } from 'node:util';
import { jsonLinesReporter, progressBarReporter, type BatchReporter } from './progress.js';
import { runBatch } from './runBatch.js';
import { defaultBatchSettings, type BatchSettings } from './settings.js';

const defaults = defaultBatchSettings();

export const BATCH_HELP = `budget-tables batch <folder | list file> --out DIR [options]

  Extract every PDF under a folder (recursively), or every path listed in a text file (one a line,
  relative to the list file; blank lines and # comments ignored), into DIR: the same NAME.json,
  NAME.csv and NAME/ tables as "extract". Documents run in parallel worker threads.

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
    --worker-heap-mb N        heap limit of each worker thread (default ${defaults.workerHeapMb})
    --docs-per-worker N       replace each worker thread after N documents (default ${defaults.documentsPerWorker})
    --force                   process every document again
    --retry-failed            process unchanged documents that failed last time; by default they are
                              skipped unless the failure could change: a limit it hit was raised
                              (pages, image size, time, heap) or the worker crashed
    --json                    JSON lines even on a terminal (default: a progress bar on a terminal)

  Output: on a terminal a progress bar, then a summary table; otherwise one JSON line per document
  ({"event":"document","input","status","seconds","pages","tables","failed_checks",…,"failure"})
  and a final {"event":"summary",…} line, with the table on stderr. DIR/summary.json holds the
  summary: documents ok/failed/skipped, pages, pages per second, failures by reason.

  Exit status: 0 every document is done, 1 some document failed (in this run, or unchanged since it
  failed before), 2 bad usage.
`;

const OPTIONS = {
  out: { type: 'string' }, concurrency: { type: 'string' }, 'timeout-per-doc': { type: 'string' },
  'max-pages': { type: 'string' }, 'max-image-pixels': { type: 'string' }, 'worker-heap-mb': { type: 'string' }, 'docs-per-worker': { type: 'string' },
  force: { type: 'boolean' }, 'retry-failed': { type: 'boolean' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' },
} as const;

type Parsed = { source: string; out: string; settings: BatchSettings; json: boolean } | { help: true } | { problem: string };

export function positive(value: string | undefined, flag: string, fallback: number, integer: boolean): number | string {
  if (value === undefined) return fallback;
  const n = Number(value);
  return Number.isFinite(n) && n > 0 && (!integer || Number.isInteger(n)) ? n : `--${flag} wants a positive ${integer ? 'whole ' : ''}number, not "${value}"`;
}

export function parseBatchArgs(args: string[]): Parsed {
  let parsed;
  try { parsed = parseArgs({ args, allowPositionals: true, options: OPTIONS }); } catch (err) { return { problem: (err as Error).message }; }
  const v = parsed.values;
  if (v.help) return { help: true };
  if (parsed.positionals.length !== 1) return { problem: 'give one folder or list file' };
  if (!v.out) return { problem: '--out DIR is required' };
  const numbers = {
    concurrency: positive(v.concurrency, 'concurrency', defaults.concurrency, true),
    timeoutPerDocSeconds: positive(v['timeout-per-doc'], 'timeout-per-doc', defaults.timeoutPerDocSeconds, false),
    maxPages: positive(v['max-pages'], 'max-pages', defaults.maxPages, true),
    maxImagePixels: positive(v['max-image-pixels'], 'max-image-pixels', defaults.maxImagePixels, true),
    workerHeapMb: positive(v['worker-heap-mb'], 'worker-heap-mb', defaults.workerHeapMb, true),
    documentsPerWorker: positive(v['docs-per-worker'], 'docs-per-worker', defaults.documentsPerWorker, true),
  };
  const bad = Object.values(numbers).find((n): n is string => typeof n === 'string');
  if (bad) return { problem: bad };
  return {
    source: parsed.positionals[0]!, out: v.out, json: !!v.json,
    settings: { ...(numbers as Record<keyof typeof numbers, number>), force: !!v.force, retryFailed: !!v['retry-failed'] },
  };
}

const write = (stream: NodeJS.WriteStream) => (text: string): void => { stream.write(text); };

/** Run the batch command; resolves with the exit status. */
export async function batchCommand(args: string[]): Promise<number> {
  const parsed = parseBatchArgs(args);
  if ('help' in parsed) { process.stdout.write(BATCH_HELP); return 0; }
  if ('problem' in parsed) { process.stderr.write(`budget-tables batch: ${parsed.problem}\nusage: budget-tables batch <folder | list file> --out DIR (see --help)\n`); return 2; }
  const reporter: BatchReporter = process.stdout.isTTY && !parsed.json
    ? progressBarReporter(write(process.stdout), write(process.stderr))
    : jsonLinesReporter(write(process.stdout), write(process.stderr));
  const result = await runBatch({ source: parsed.source, outDir: parsed.out, settings: parsed.settings, reporter });
  if ('problem' in result) { process.stderr.write(`budget-tables batch: ${result.problem}\n`); return 2; }
  const d = result.summary.documents;
  return d.failed + d.skipped_failed > 0 ? 1 : 0;
}

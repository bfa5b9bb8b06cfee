/** `budget-tables enqueue | worker | queue status | queue retry-failed`: arguments, help, exit status. */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { positive } from './batchCommand.js';
import { defaultBatchSettings, defaultWorkerMemoryMb } from '../batch/settings.js';
import { redisConnection } from '../queue/connection.js';
import { enqueue } from '../queue/enqueue.js';
import { DEFAULT_QUEUE } from '../queue/jobs.js';
import { formatStatus, queueStatus, retryFailed } from '../queue/status.js';
import { startQueueWorker } from '../queue/worker.js';

const defaults = defaultBatchSettings();
const DEFAULT_ATTEMPTS = 3, DEFAULT_BACKOFF_SECONDS = 30, DEFAULT_LOCK_SECONDS = 30, DEFAULT_MAX_DOWNLOAD_MB = 500, DEFAULT_PARSER_HEAP_MB = 256;
/**
 * Heap cap of a document's thread: the 1,000-page bench document finishes within 192 MB (pdf.js compiling
 * one large embedded CJK font takes about 100 MB at once); 256 leaves room for longer documents.
 */
const DEFAULT_THREAD_HEAP_MB = 256;
/** 0: no --max-semi-space-size flag, V8's own young-generation size. */
const DEFAULT_SEMI_SPACE_MB = 0;

export const QUEUE_HELP = `Many machines: documents on a Redis queue (BullMQ), any number of workers writing into one shared folder.

budget-tables enqueue <folder | list file | URLs file> --redis URL [--queue NAME] [--attempts N] [--backoff-seconds S]
  One job per PDF (a folder searched recursively, a text file listing paths, or a text file listing
  http(s) URLs that the workers download). The job id is the PDF's sha256 + the pipeline version: a
  document already queued, running, done or failed is not added again. Output names are given here, as
  batch gives them, and claimed in Redis so no two documents share outputs. A failing document is tried
  --attempts times (default ${DEFAULT_ATTEMPTS}), waiting --backoff-seconds (default ${DEFAULT_BACKOFF_SECONDS}), then twice as long each time;
  a bad PDF (not a PDF, encrypted, corrupt, over --max-pages or --max-image-pixels) is not retried.
  Paths are stored as given (absolute): workers on other machines need them at the same path.

budget-tables worker --redis URL --out DIR [--queue NAME] [--concurrency N] [--lock-seconds S] [batch limits]
  Take documents off the queue and write what "batch" writes into DIR (NAME.json, NAME.csv, NAME/,
  one line per document in DIR/manifest.jsonl), atomically; DIR may be shared by workers on many
  machines. One JSON line per document on stdout. SIGTERM or Ctrl-C: finish the current documents, then
  exit. A worker killed outright loses nothing: after --lock-seconds (default ${DEFAULT_LOCK_SECONDS}) its documents go to
  another worker. Redis going away is waited out. Limits as for batch: --timeout-per-doc S (default
  ${defaults.timeoutPerDocSeconds}), --max-pages N (${defaults.maxPages}), --max-image-pixels N, --worker-heap-mb N (${DEFAULT_THREAD_HEAP_MB}; ${defaults.workerHeapMb} with
  --isolation process), --docs-per-worker N (${defaults.documentsPerWorker});
  --concurrency N documents at once (default ${defaults.concurrency}); --max-download-mb N (${DEFAULT_MAX_DOWNLOAD_MB});
  --isolation thread|process: each document in a worker thread of the worker's process with its heap
  capped at --worker-heap-mb (default: thread; one Node process per worker, the least memory), or in a
  child process of its own. A document over its heap cap fails with out_of_memory; with threads,
  --worker-memory-mb (per document) times --concurrency limits the worker process's resident memory.
  --worker-semi-space-mb N: V8 young-generation semi-space of each document's thread or process (default: V8's own).
  --parser-heap-mb N: heap cap of pdf.js's parser thread, which document processes use (default ${DEFAULT_PARSER_HEAP_MB};
  lower saves memory and costs CPU in garbage collection). BUDGET_TABLES_PARSER_THREAD=on|off in the
  environment overrides where pdf.js parses (default: on for process isolation, off for thread isolation,
  where the document's heap cap holds the parser too). With glibc, start workers with
  MALLOC_MMAP_THRESHOLD_=65536 in the environment: malloc then gives back what a document's largest
  moment took instead of keeping it (README, "A fleet of workers").

budget-tables queue status --redis URL [--queue NAME] [--json]
  Documents waiting, waiting to retry, active, done and failed, and each failed one with its reason.

budget-tables queue retry-failed --redis URL [--queue NAME]
  Put every failed document back on the queue with its attempts counted afresh.

The queue is "${DEFAULT_QUEUE}" unless --queue names another. Exit status: 0 done, 1 the command failed
(status: some document failed), 2 bad usage.
`;

const COMMON = { redis: { type: 'string' }, queue: { type: 'string' }, help: { type: 'boolean', short: 'h' } } as const;

function usage(command: string, problem: string): number {
  process.stderr.write(`budget-tables ${command}: ${problem}\n(see budget-tables ${command.split(' ')[0]} --help)\n`);
  return 2;
}

type Parsed<V> = { values: V; positionals: string[] } | number;

function parse(command: string, args: string[], options: ParseArgsConfig['options']): Parsed<Record<string, string | boolean | undefined>> {
  let parsed;
  try { parsed = parseArgs({ args, options, allowPositionals: true }); } catch (err) { return usage(command, (err as Error).message); }
  const values = parsed.values as Record<string, string | boolean | undefined>;
  if (values.help) { process.stdout.write(QUEUE_HELP); return 0; }
  if (typeof values.redis !== 'string') return usage(command, '--redis URL is required (e.g. redis://127.0.0.1:6379)');
  if (values.queue !== undefined && (typeof values.queue !== 'string' || !/^[\w.-]+$/.test(values.queue))) return usage(command, '--queue wants a name of letters, digits, "_", "." or "-"');
  return { values, positionals: parsed.positionals };
}

function numbers(command: string, specs: Record<string, [string | boolean | undefined, number, boolean]>): Record<string, number> | number {
  const out: Record<string, number> = {};
  for (const [flag, [value, fallback, integer]] of Object.entries(specs)) {
    const n = positive(typeof value === 'string' ? value : undefined, flag, fallback, integer);
    if (typeof n === 'string') return usage(command, n);
    out[flag] = n;
  }
  return out;
}

export async function enqueueCommand(args: string[]): Promise<number> {
  const p = parse('enqueue', args, { ...COMMON, attempts: { type: 'string' }, 'backoff-seconds': { type: 'string' } });
  if (typeof p === 'number') return p;
  if (p.positionals.length !== 1) return usage('enqueue', 'give one folder, list file or URLs file');
  const connection = redisConnection(p.values.redis as string);
  if (typeof connection === 'string') return usage('enqueue', connection);
  const n = numbers('enqueue', { attempts: [p.values.attempts, DEFAULT_ATTEMPTS, true], 'backoff-seconds': [p.values['backoff-seconds'], DEFAULT_BACKOFF_SECONDS, false] });
  if (typeof n === 'number') return n;
  const result = await enqueue({ source: p.positionals[0]!, connection, queue: (p.values.queue as string) ?? DEFAULT_QUEUE, attempts: n.attempts!, backoffSeconds: n['backoff-seconds']! });
  if ('problem' in result) { process.stderr.write(`budget-tables enqueue: ${result.problem}\n`); return 2; }
  process.stdout.write(`${result.inputs} documents: ${result.added} queued, ${result.existing} already queued or done (same content and pipeline version)\n`);
  return 0;
}

export async function workerCommand(args: string[]): Promise<number> {
  const p = parse('worker', args, {
    ...COMMON, out: { type: 'string' }, concurrency: { type: 'string' }, 'lock-seconds': { type: 'string' }, 'timeout-per-doc': { type: 'string' },
    'max-pages': { type: 'string' }, 'max-image-pixels': { type: 'string' }, 'worker-heap-mb': { type: 'string' }, 'docs-per-worker': { type: 'string' },
    'max-download-mb': { type: 'string' }, 'parser-heap-mb': { type: 'string' }, 'worker-semi-space-mb': { type: 'string' }, isolation: { type: 'string' }, 'worker-memory-mb': { type: 'string' },
  });
  if (typeof p === 'number') return p;
  if (p.positionals.length) return usage('worker', `unexpected argument "${p.positionals[0]}"`);
  if (typeof p.values.out !== 'string') return usage('worker', '--out DIR is required');
  const connection = redisConnection(p.values.redis as string);
  if (typeof connection === 'string') return usage('worker', connection);
  const v = p.values;
  const isolation = (v.isolation as string | undefined) ?? 'thread';
  if (isolation !== 'thread' && isolation !== 'process') return usage('worker', '--isolation wants thread or process');
  const n = numbers('worker', {
    concurrency: [v.concurrency, defaults.concurrency, true], 'lock-seconds': [v['lock-seconds'], DEFAULT_LOCK_SECONDS, false],
    'timeout-per-doc': [v['timeout-per-doc'], defaults.timeoutPerDocSeconds, false], 'max-pages': [v['max-pages'], defaults.maxPages, true],
    'max-image-pixels': [v['max-image-pixels'], defaults.maxImagePixels, true], 'worker-heap-mb': [v['worker-heap-mb'], isolation === 'thread' ? DEFAULT_THREAD_HEAP_MB : defaults.workerHeapMb, true],
    'docs-per-worker': [v['docs-per-worker'], defaults.documentsPerWorker, true], 'max-download-mb': [v['max-download-mb'], DEFAULT_MAX_DOWNLOAD_MB, false],
    'parser-heap-mb': [v['parser-heap-mb'], DEFAULT_PARSER_HEAP_MB, true], 'worker-semi-space-mb': [v['worker-semi-space-mb'], DEFAULT_SEMI_SPACE_MB, true],
  });
  if (typeof n === 'number') return n;
  const memory = numbers('worker', { 'worker-memory-mb': [v['worker-memory-mb'], defaultWorkerMemoryMb(n.concurrency!), true] });
  if (typeof memory === 'number') return memory;
  // The documents' workers inherit the environment. A document thread's heap cap already holds pdf.js's
  // parser, which then runs in the document's own thread; document processes (uncapped by default) parse in a
  // capped, recycled thread of their own (src/pdf/parserThread.ts).
  process.env.BUDGET_TABLES_PARSER_THREAD ??= isolation === 'process' ? 'on' : 'off';
  process.env.BUDGET_TABLES_PARSER_HEAP_MB = String(n['parser-heap-mb']);
  const running = await startQueueWorker({
    connection, queue: (v.queue as string) ?? DEFAULT_QUEUE, outDir: v.out as string, lockSeconds: n['lock-seconds']!, semiSpaceMb: n['worker-semi-space-mb']!, isolation, maxDownloadBytes: n['max-download-mb']! * 2 ** 20,
    settings: {
      ...defaults, concurrency: n.concurrency!, timeoutPerDocSeconds: n['timeout-per-doc']!, maxPages: n['max-pages']!,
      maxImagePixels: n['max-image-pixels']!, workerHeapMb: n['worker-heap-mb']!, documentsPerWorker: n['docs-per-worker']!,
      workerMemoryMb: memory['worker-memory-mb']!,
    },
    report: event => { process.stdout.write(JSON.stringify(event) + '\n'); },
  });
  const stop = (): void => { void running.close(); };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  await running.closed;
  return 0;
}

export async function queueCommand(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === '--help' || sub === '-h' || sub === undefined) { process.stdout.write(QUEUE_HELP); return sub ? 0 : 2; }
  if (sub !== 'status' && sub !== 'retry-failed') return usage('queue', `unknown sub-command "${sub}" (status or retry-failed)`);
  const p = parse(`queue ${sub}`, rest, { ...COMMON, json: { type: 'boolean' } });
  if (typeof p === 'number') return p;
  const connection = redisConnection(p.values.redis as string);
  if (typeof connection === 'string') return usage(`queue ${sub}`, connection);
  const name = (p.values.queue as string) ?? DEFAULT_QUEUE;
  if (sub === 'retry-failed') {
    process.stdout.write(`${await retryFailed(connection, name)} failed documents put back on queue ${name}\n`);
    return 0;
  }
  const status = await queueStatus(connection, name);
  process.stdout.write((p.values.json ? JSON.stringify(status) : formatStatus(status)) + '\n');
  return status.counts.failed ? 1 : 0;
}

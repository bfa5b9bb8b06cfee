/**
 * `worker`: takes documents off the queue and writes what `batch` writes, into a folder all workers
 * share: the same per-document processing (batch's worker pool — by default each document in a worker
 * thread with a capped heap, so a document that runs out of time or memory takes no worker down and the
 * lock on the job keeps being renewed), the same atomic writes and the same journal lines in
 * DIR/manifest.jsonl.
 *
 * Exactly once: a job whose outputs and journal line are on disk is recorded in Redis (doneKey); a job
 * run again after that (its worker died or lost Redis before BullMQ marked it complete) finds the record
 * and completes without extracting or journaling again. A worker killed mid-document leaves the job
 * active; BullMQ's stalled-job check hands it to another worker once its lock expires.
 */
import { createHash } from 'node:crypto';
import { createReadStream, promises as fs } from 'node:fs';
import path from 'node:path';
import { UnrecoverableError, Worker, type Job } from 'bullmq';
import { Redis, type RedisOptions } from 'ioredis';
import { isAtomicTempName } from '../emit/atomicWrite.js';
import { openJournal } from '../batch/journal.js';
import { pipelineVersion } from '../batch/pipelineVersion.js';
import type { FailureCode, JournalRecord, Outcome } from '../batch/records.js';
import type { BatchSettings } from '../batch/settings.js';
import { runLimits } from '../batch/skipRules.js';
import { outputsExist, removeOutputs } from '../batch/staleFiles.js';
import { DocumentWorkerPool } from '../batch/workerPool.js';
import { download, DownloadError } from './download.js';
import { doneKey, JobDataSchema, type JobData } from './jobs.js';

export interface QueueWorkerRequest {
  connection: RedisOptions;
  queue: string;
  outDir: string;
  /** Concurrency, time and memory limits, as for batch (force and retryFailed do not apply). */
  settings: BatchSettings;
  /** V8 semi-space size of each document's worker, MB (absent: V8's default). */
  semiSpaceMb?: number;
  /**
   * Documents in worker threads of this process (default) or in child processes. With threads,
   * settings.workerMemoryMb is per document slot: the process as a whole is held to it times the concurrency.
   */
  isolation?: 'thread' | 'process';
  /** A job whose worker stops renewing its lock for this long is handed to another worker. */
  lockSeconds: number;
  /** Largest download accepted for a URL job. */
  maxDownloadBytes: number;
  /** One event per document (and per worker start and stop). */
  report: (event: Record<string, unknown>) => void;
}

/** Failures that the content (or a limit the worker is configured with) decides: retrying cannot help. */
const PERMANENT: ReadonlySet<FailureCode> = new Set(['empty', 'not_pdf', 'encrypted', 'corrupt', 'too_many_pages', 'image_too_large']);
/** A temporary file this old is left by a writer that died (a write takes milliseconds). */
const STALE_TEMP_MS = 10 * 60_000;

const round = (s: number): number => Math.round(s * 1000) / 1000;

/**
 * Wait until none of the worker's Redis clients is between reconnection attempts. ioredis's disconnect()
 * on a client in that state cancels the pending attempt and never emits 'end', and BullMQ's close() waits
 * for that 'end' forever (BullMQ issue #4656): a worker stopped just after Redis restarted would never
 * exit. The blocking connection is private to BullMQ's Worker, hence the cast.
 */
async function untilClientsSettled(worker: Worker, waiting: () => void): Promise<void> {
  const blocking = (worker as unknown as { blockingConnection?: { client: Promise<Redis> } }).blockingConnection;
  const clients = await Promise.all([worker.client, blocking?.client].filter(Boolean).map(c => c!.catch(() => null)));
  let told = false;
  while (clients.some(c => c?.status === 'reconnecting')) {
    if (!told) { told = true; waiting(); }
    await new Promise(r => setTimeout(r, 100));
  }
}

async function fileSha256(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const piece of createReadStream(file)) hash.update(piece as Buffer);
  return hash.digest('hex');
}

/** Remove temporary files of atomic writes that a killed writer left in the shared folder (old ones only: other workers are writing). */
export async function removeOldTempFiles(dir: string, olderThanMs = STALE_TEMP_MS): Promise<string[]> {
  const removed: string[] = [];
  for (const name of (await fs.readdir(dir).catch(() => [] as string[])).filter(isAtomicTempName)) {
    const stat = await fs.stat(path.join(dir, name)).catch(() => null);
    if (stat && Date.now() - stat.mtimeMs > olderThanMs) {
      await fs.rm(path.join(dir, name), { recursive: true, force: true });
      removed.push(name);
    }
  }
  return removed;
}

export interface RunningWorker {
  /** Stop taking jobs, finish the ones running, release everything. */
  close(): Promise<void>;
  /** Settles when the worker has closed. */
  closed: Promise<void>;
}

export async function startQueueWorker(req: QueueWorkerRequest): Promise<RunningWorker> {
  const outDir = path.resolve(req.outDir);
  await fs.mkdir(outDir, { recursive: true });
  await removeOldTempFiles(outDir);
  const { settings } = req;
  const version = await pipelineVersion();
  const journal = await openJournal(outDir);
  const isolation = req.isolation ?? 'thread';
  const pool = new DocumentWorkerPool({
    isolation, size: settings.concurrency, timeoutMs: settings.timeoutPerDocSeconds * 1000, heapMb: settings.workerHeapMb, semiSpaceMb: req.semiSpaceMb,
    memoryMb: isolation === 'thread' ? settings.workerMemoryMb * settings.concurrency : settings.workerMemoryMb, documentsPerWorker: settings.documentsPerWorker,
  });
  const limits = { maxPages: settings.maxPages, maxImagePixels: settings.maxImagePixels, ocr: settings.ocr };
  const client = new Redis(req.connection); // for this module's own keys; BullMQ keeps its own connections
  client.on('error', () => undefined); // reported through the worker's error events

  const fail = (code: FailureCode, data: JobData, message: string): Outcome => ({ status: 'failed', failure: { code, file: data.input, page: null, message } });

  /**
   * A file job's document process reads the file itself (this process only hashes it, in pieces): the
   * bytes are neither held here while the document is extracted nor copied across.
   */
  async function readInput(data: JobData): Promise<{ data: Uint8Array | { file: string }; sha256: string } | Outcome & { permanent: boolean }> {
    try {
      if (data.source.kind === 'file') return { data: { file: data.source.path }, sha256: await fileSha256(data.source.path) };
      const bytes = await download(data.source.url, settings.timeoutPerDocSeconds * 1000, req.maxDownloadBytes);
      return { data: bytes, sha256: createHash('sha256').update(bytes).digest('hex') };
    } catch (err) {
      const message = err instanceof DownloadError ? err.message : `cannot read: ${(err as Error).message}`;
      return { ...fail('read_error', data, message), permanent: err instanceof DownloadError && err.permanent };
    }
  }

  async function process(job: Job<JobData>): Promise<Outcome> {
    const t0 = performance.now();
    const data = JobDataSchema.parse(job.data);
    const recorded = await client.hget(doneKey(req.queue), job.id!);
    if (recorded && await outputsExist(outDir, data.name, settings.xlsx)) {
      const record = JSON.parse(recorded) as JournalRecord;
      req.report({ event: 'document', job: job.id, input: data.input, name: data.name, status: 'already_done', attempt: job.attemptsMade + 1 });
      return record.status === 'ok' ? { status: 'ok', stats: record.stats } : { status: 'failed', failure: record.failure };
    }
    req.report({ event: 'document_started', job: job.id, input: data.input, name: data.name, attempt: job.attemptsMade + 1 });
    const input = await readInput(data);
    let outcome: Outcome, permanent: boolean, sha256 = data.sha256 ?? '';
    if ('sha256' in input) {
      sha256 = input.sha256;
      outcome = await pool.run({ input: data.input, fileName: data.fileName, name: data.name, outDir, data: input.data, limits, xlsx: settings.xlsx });
      permanent = outcome.status === 'failed' && PERMANENT.has(outcome.failure.code);
    } else {
      ({ permanent, ...outcome } = input);
    }
    const seconds = (performance.now() - t0) / 1000;
    const attempts = job.opts.attempts ?? 1;
    const final = outcome.status === 'ok' || permanent || job.attemptsMade + 1 >= attempts;
    const stats = outcome.status === 'ok' ? outcome.stats : {};
    const failure = outcome.status === 'failed' ? outcome.failure : null;
    req.report({
      event: 'document', job: job.id, input: data.input, name: data.name,
      status: outcome.status === 'ok' ? 'ok' : final ? 'failed' : 'retry', attempt: job.attemptsMade + 1, seconds: round(seconds), ...stats, failure,
    });
    if (!final && outcome.status === 'failed') throw new Error(`[${outcome.failure.code}] ${outcome.failure.message} (attempt ${job.attemptsMade + 1} of ${attempts})`);
    if (outcome.status === 'failed') await removeOutputs(outDir, data.name); // no outputs of a document that is not done
    const record: JournalRecord = { ...outcome, input: data.input, name: data.name, sha256, pipeline: version, seconds: round(seconds), limits: runLimits(settings), at: new Date().toISOString() };
    await journal.append(record);
    await client.hset(doneKey(req.queue), job.id!, JSON.stringify(record));
    if (outcome.status === 'failed') {
      const reason = `[${outcome.failure.code}] ${outcome.failure.page ? `page ${outcome.failure.page}: ` : ''}${outcome.failure.message}`;
      throw permanent ? new UnrecoverableError(reason) : new Error(reason);
    }
    return outcome;
  }

  const worker = new Worker<JobData, Outcome>(req.queue, process, {
    connection: req.connection,
    concurrency: settings.concurrency,
    lockDuration: req.lockSeconds * 1000,
    stalledInterval: req.lockSeconds * 1000,
    maxStalledCount: 2,
    autorun: false,
  });
  // Connection trouble (Redis restarting) is reported; ioredis reconnects by itself and BullMQ resumes.
  worker.on('error', err => req.report({ event: 'redis_error', message: err.message }));
  const closed = worker.run().finally(async () => {
    await pool.close();
    await journal.close();
    client.disconnect();
  });
  req.report({ event: 'worker_started', queue: req.queue, out: outDir, concurrency: settings.concurrency, pipeline: version, pid: globalThis.process.pid });
  let closing: Promise<void> | null = null;
  return {
    closed: closed.then(() => undefined),
    close: () => (closing ??= (async () => {
      await untilClientsSettled(worker, () => req.report({ event: 'waiting_for_redis', message: 'stopping once Redis answers again' }));
      await worker.close();
      await closed;
      req.report({ event: 'worker_stopped', pid: globalThis.process.pid });
    })()),
  };
}

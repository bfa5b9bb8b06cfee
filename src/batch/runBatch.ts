/**
 * The batch front door without the console: inputs → skip or process each (worker pool, p-limit) →
 * journal → summary. Returns the summary, or a problem with the request (bad source, DIR in use).
 */
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import pLimit from 'p-limit';
import { writeFileAtomic } from '../emit/atomicWrite.js';
import { collectInputs, type BatchInput } from './inputs.js';
import { openJournal, type Journal } from './journal.js';
import { acquireLock } from './lock.js';
import { assignOutputNames } from './outputNames.js';
import { pipelineVersion } from './pipelineVersion.js';
import type { BatchReporter } from './progress.js';
import { verdictOf, type JournalRecord, type Outcome } from './records.js';
import type { BatchSettings } from './settings.js';
import { outputsExist, removeOutputs, removeStaleTempFiles } from './staleFiles.js';
import { runLimits, wouldFailAgain } from './skipRules.js';
import { newsOf, summarize, ZERO_STATS, type BatchSummary, type DocumentEvent } from './summary.js';
import { DocumentWorkerPool } from './workerPool.js';

export const SUMMARY_FILE = 'summary.json';

export interface BatchRequest {
  /** A folder of PDFs (searched recursively) or a text file listing PDFs. */
  source: string;
  outDir: string;
  settings: BatchSettings;
  reporter: BatchReporter;
  /** The built worker script (default: found by the pool). */
  workerScript?: URL;
}

export type BatchResult = { summary: BatchSummary } | { problem: string };

interface RunContext { outDir: string; version: string; settings: BatchSettings; journal: Journal; pool: DocumentWorkerPool }

const now = (): number => performance.now() / 1000;
const round = (s: number): number => Math.round(s * 1000) / 1000;

function toEvent(input: BatchInput, name: string, outcome: Outcome, seconds: number, skipped: boolean, prev: JournalRecord | undefined): DocumentEvent {
  const stats = outcome.status === 'ok' ? outcome.stats : ZERO_STATS;
  const verdict = verdictOf(outcome), before = prev ? verdictOf(prev) : null;
  return {
    event: 'document', input: input.id, name, status: skipped ? 'skipped' : outcome.status, previous: skipped ? outcome.status : null,
    verdict, reasons: outcome.status === 'ok' ? outcome.quality?.reasons ?? [] : [], previous_verdict: before,
    news: skipped ? null : newsOf(before, verdict),
    seconds: round(seconds), ...stats, failure: outcome.status === 'failed' ? outcome.failure : null,
  };
}

/** Skip the document if the journal has it with the same content and pipeline, else process it. */
async function processInput(input: BatchInput, name: string, ctx: RunContext): Promise<DocumentEvent> {
  const t0 = now();
  const prev = ctx.journal.latest.get(input.id);
  const record = async (outcome: Outcome, sha256: string, seconds: number): Promise<void> =>
    ctx.journal.append({ ...outcome, input: input.id, name, sha256, pipeline: ctx.version, seconds: round(seconds), limits: runLimits(ctx.settings), at: new Date().toISOString() });
  let data: Uint8Array;
  try {
    data = new Uint8Array(await fs.readFile(input.path));
  } catch (err) {
    const outcome: Outcome = { status: 'failed', failure: { code: 'read_error', file: input.id, page: null, message: `cannot read: ${(err as Error).message}` } };
    // Recorded without a hash (nothing was read), so that the same failure tomorrow is not news again.
    await record(outcome, '', now() - t0);
    return toEvent(input, name, outcome, now() - t0, false, prev);
  }
  const sha256 = createHash('sha256').update(data).digest('hex');
  // Made with OCR on and off are different results: a document is unchanged only under the same setting.
  const unchanged = !!prev && prev.sha256 === sha256 && prev.pipeline === ctx.version && prev.name === name && (prev.limits.ocr ?? true) === ctx.settings.ocr;
  if (unchanged && !ctx.settings.force) {
    if (prev.status === 'ok' && await outputsExist(ctx.outDir, name, ctx.settings.xlsx)) return toEvent(input, name, prev, 0, true, prev);
    if (wouldFailAgain(prev, runLimits(ctx.settings)) && !ctx.settings.retryFailed) return toEvent(input, name, prev, 0, true, prev);
  }
  const limits = { maxPages: ctx.settings.maxPages, maxImagePixels: ctx.settings.maxImagePixels, ocr: ctx.settings.ocr };
  const outcome = await ctx.pool.run({ input: input.id, fileName: input.fileName, name, outDir: ctx.outDir, data, limits, xlsx: ctx.settings.xlsx });
  // Outputs of other content under this name would now be wrong: remove them (kept when only the run failed).
  const sameContentWasOk = prev?.sha256 === sha256 && prev.status === 'ok' && prev.name === name;
  if (outcome.status === 'failed' && !sameContentWasOk) await removeOutputs(ctx.outDir, name);
  const seconds = now() - t0;
  await record(outcome, sha256, seconds);
  return toEvent(input, name, outcome, seconds, false, prev);
}

export async function runBatch(req: BatchRequest): Promise<BatchResult> {
  const t0 = now(), startedAt = new Date().toISOString();
  const collected = await collectInputs(req.source);
  if ('problem' in collected) return collected;
  const outDir = path.resolve(req.outDir);
  await fs.mkdir(outDir, { recursive: true });
  const lock = await acquireLock(outDir);
  if ('heldBy' in lock) return { problem: lock.heldBy };
  try {
    let staleRemoved = (await removeStaleTempFiles(outDir)).length;
    const { settings } = req;
    const journal = await openJournal(outDir);
    const names = assignOutputNames(collected.inputs, new Map([...journal.latest].map(([id, r]) => [id, r.name])));
    const pool = new DocumentWorkerPool({
      size: settings.concurrency, timeoutMs: settings.timeoutPerDocSeconds * 1000, heapMb: settings.workerHeapMb, memoryMb: settings.workerMemoryMb,
      documentsPerWorker: settings.documentsPerWorker, script: req.workerScript, onPage: (input, page, pages) => req.reporter.page?.(input, page, pages),
    });
    const ctx: RunContext = { outDir, version: await pipelineVersion(), settings, journal, pool };
    const limit = pLimit(settings.concurrency);
    const events: DocumentEvent[] = [];
    req.reporter.start(collected.inputs.length);
    try {
      await Promise.all(collected.inputs.map(input => limit(async () => {
        const event = await processInput(input, names.get(input.id)!, ctx);
        events.push(event);
        req.reporter.document(event);
      })));
    } finally {
      await pool.close();
      await journal.close();
    }
    staleRemoved += (await removeStaleTempFiles(outDir)).length;
    events.sort((a, b) => (a.input < b.input ? -1 : 1));
    const summary = summarize(events, { pipeline: ctx.version, started_at: startedAt, seconds: round(now() - t0), concurrency: settings.concurrency, stale_temp_files_removed: staleRemoved });
    await writeFileAtomic(path.join(outDir, SUMMARY_FILE), JSON.stringify(summary, null, 1) + '\n');
    req.reporter.finish(summary);
    return { summary };
  } finally {
    await lock.release();
  }
}

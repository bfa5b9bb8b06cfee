/**
 * A pool of worker threads, each extracting one document at a time. A document that runs past the time
 * limit has its worker terminated; a worker that dies (heap limit, crash) is dropped. Either way the
 * document comes back as a failure and a fresh worker is started for the next one.
 */
import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { WorkerReply, WorkerRequest } from './documentWorker.js';
import type { DocumentRequest } from './processDocument.js';
import type { Failure, Outcome } from './records.js';

export interface WorkerPoolOptions {
  /** Most workers alive at once (the caller never has more documents in flight). */
  size: number;
  timeoutMs: number;
  heapMb: number;
  /** A worker is retired after this many documents, so whatever a long-lived pdfjs keeps cannot pile up. */
  documentsPerWorker: number;
  /** The built worker script; default: documentWorker.js beside this module, or in dist/ when run from src/. */
  script?: URL;
}

/** What the pool did, for the run's counters. */
export interface WorkerPoolCounters { started: number; retired: number; terminatedOnTimeout: number; died: number }

/** The worker script: beside this file when running built code, else the built copy in dist/ (tests run src/). */
export function defaultWorkerScript(): URL {
  const beside = new URL('./documentWorker.js', import.meta.url);
  if (existsSync(beside)) return beside;
  const built = new URL('../../dist/batch/documentWorker.js', import.meta.url);
  if (existsSync(built)) return built;
  throw new Error(`the worker script is not built: run "npx tsc -p ." first (looked for ${built.pathname})`);
}

export class DocumentWorkerPool {
  private readonly idle: Worker[] = [];
  private readonly alive = new Set<Worker>();
  private nextId = 1;
  private readonly script: URL;
  private readonly documentsDone = new WeakMap<Worker, number>();
  readonly counters: WorkerPoolCounters = { started: 0, retired: 0, terminatedOnTimeout: 0, died: 0 };

  constructor(private readonly options: WorkerPoolOptions) {
    this.script = options.script ?? defaultWorkerScript();
  }

  private start(): Worker {
    if (this.alive.size >= this.options.size) throw new Error(`worker pool overcommitted: ${this.alive.size} workers busy`);
    const worker = new Worker(this.script, { resourceLimits: { maxOldGenerationSizeMb: this.options.heapMb } });
    this.counters.started++;
    this.alive.add(worker);
    // Kept for the worker's whole life, so an error while it sits idle cannot crash the process.
    const forget = (): void => { this.alive.delete(worker); const i = this.idle.indexOf(worker); if (i >= 0) this.idle.splice(i, 1); };
    worker.on('error', forget);
    worker.on('exit', forget);
    return worker;
  }

  /** Process one document; resolves with its outcome, never rejects. `req.data`'s buffer is transferred. */
  run(req: DocumentRequest): Promise<Outcome> {
    const worker = this.idle.pop() ?? this.start();
    const id = this.nextId++;
    const fail = (code: Failure['code'], message: string): Outcome => ({ status: 'failed', failure: { code, file: req.input, page: null, message } });
    return new Promise<Outcome>(resolve => {
      let settled = false;
      const settle = (outcome: Outcome, keepWorker: boolean): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        worker.off('message', onMessage).off('error', onError).off('exit', onExit);
        const done = (this.documentsDone.get(worker) ?? 0) + 1;
        this.documentsDone.set(worker, done);
        if (keepWorker && done < this.options.documentsPerWorker) { this.idle.push(worker); resolve(outcome); return; }
        if (keepWorker) this.counters.retired++;
        this.alive.delete(worker);
        // Wait for the thread to stop, so nothing it was writing lands after the failure is recorded.
        void worker.terminate().catch(() => undefined).then(() => resolve(outcome));
      };
      const onMessage = (reply: WorkerReply): void => { if (reply.id === id) settle(reply.outcome, true); };
      const onError = (err: Error & { code?: string }): void => {
        this.counters.died++;
        settle(err.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? fail('out_of_memory', `the worker ran out of memory (heap limit ${this.options.heapMb} MB): ${err.message}`)
          : fail('worker_crashed', `the worker crashed: ${err.message.split('\n')[0]}`), false);
      };
      const onExit = (code: number): void => { this.counters.died++; settle(fail('worker_crashed', `the worker exited with code ${code}`), false); };
      const timer = setTimeout(() => {
        this.counters.terminatedOnTimeout++;
        settle(fail('timeout', `not finished after ${this.options.timeoutMs / 1000} s (--timeout-per-doc); the worker was stopped`), false);
      }, this.options.timeoutMs);
      worker.on('message', onMessage).on('error', onError).on('exit', onExit);
      const message: WorkerRequest = { ...req, id };
      const { buffer } = req.data;
      worker.postMessage(message, buffer instanceof ArrayBuffer ? [buffer] : []);
    });
  }

  /** Stop every worker (idle ones; the caller has no documents in flight). */
  async close(): Promise<void> {
    const all = [...this.alive];
    this.alive.clear();
    this.idle.length = 0;
    await Promise.all(all.map(w => w.terminate().catch(() => undefined)));
  }
}

/**
 * A pool of workers, each extracting one document at a time. Each document runs in a child process of
 * its own memory (node --max-old-space-size, and a watchdog on its resident memory), or — `isolation:
 * 'thread'` — in a worker thread of this process with a capped heap (resourceLimits), which shares the
 * process's own baseline instead of starting a second Node. Either way a document that needs too much
 * memory — or crashes, or hangs — ends only its own worker: it comes back as a failure naming the page it
 * was on, and a fresh worker starts for the next document.
 */
import { fork } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { Worker as Thread } from 'node:worker_threads';
import type { WorkerMessage, WorkerRequest } from './documentWorker.js';
import type { DocumentRequest } from './processDocument.js';
import type { Failure, Outcome } from './records.js';

export interface WorkerPoolOptions {
  /** Most workers alive at once (the caller never has more documents in flight). */
  size: number;
  timeoutMs: number;
  /**
   * Where each document runs: a child process (default), or a worker thread of this process. A thread
   * over its heap limit ends with ERR_WORKER_OUT_OF_MEMORY; a thread that hangs is terminated. Threads
   * share the process's resident memory, so `memoryMb` then limits the whole process (all documents).
   */
  isolation?: 'process' | 'thread';
  /** V8 heap (old generation) limit of each worker. */
  heapMb: number;
  /**
   * V8 semi-space (young generation) size of each worker process, MB; absent: V8's default, which grows
   * to 16 MB a semi-space (the young generation holds three) and is a large share of a small process's RSS.
   */
  semiSpaceMb?: number;
  /** Resident memory limit of each worker process (thread isolation: of this process); over it the document is stopped. */
  memoryMb: number;
  /** A worker is retired after this many documents, so whatever a long-lived pdfjs keeps cannot pile up. */
  documentsPerWorker: number;
  /** The built worker script; default: documentWorker.js beside this module, or in dist/ when run from src/. */
  script?: URL;
  /** Told of each page a worker finishes (for progress). */
  onPage?: (input: string, page: number, pages: number) => void;
}

/** What the pool did, for the run's counters. */
export interface WorkerPoolCounters { started: number; retired: number; terminatedOnTimeout: number; killedOverMemory: number; died: number }

/** The worker script: beside this file when running built code, else the built copy in dist/ (tests run src/). */
export function defaultWorkerScript(): URL {
  const beside = new URL('./documentWorker.js', import.meta.url);
  if (existsSync(beside)) return beside;
  const built = new URL('../../dist/batch/documentWorker.js', import.meta.url);
  if (existsSync(built)) return built;
  throw new Error(`the worker script is not built: run "npx tsc -p ." first (looked for ${built.pathname})`);
}

const WATCH_EVERY_MS = 200;
const STDERR_TAIL_CHARS = 4000;


/** Resident memory of a process in MB from /proc (Linux); null where that is not available. */
function residentMb(pid: number): number | null {
  try {
    const m = /VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'latin1'));
    return m ? Number(m[1]) / 1024 : null;
  } catch { return null; }
}

/** What the pool needs of a worker, a child process or a thread alike. */
interface Host {
  /** The process whose resident memory is watched (this process's for a thread). */
  pid: number | undefined;
  readonly connected: boolean;
  send(msg: WorkerRequest, done: (err: Error | null) => void): void;
  on(event: 'message', listener: (msg: WorkerMessage) => void): void;
  off(event: 'message', listener: (msg: WorkerMessage) => void): void;
  /** Stop at once (a document in flight is abandoned). */
  kill(): void;
  /** Let an idle worker end. */
  retire(): void;
}

interface Worker {
  child: Host;
  documents: number;
  /** A thread's uncaught error (its heap limit, a throw), as the 'error' event gave it. */
  error: (Error & { code?: string }) | null;
  /** The last few KB the process wrote to stderr: the reason when it dies. */
  stderr: string;
  /** Resident memory the worker last reported itself (where /proc cannot be read). */
  reportedMb: number;
  exited: Promise<void>;
  exitInfo: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export class DocumentWorkerPool {
  private readonly idle: Worker[] = [];
  private readonly alive = new Set<Worker>();
  private nextId = 1;
  private readonly script: URL;
  readonly counters: WorkerPoolCounters = { started: 0, retired: 0, terminatedOnTimeout: 0, killedOverMemory: 0, died: 0 };

  constructor(private readonly options: WorkerPoolOptions) {
    this.script = options.script ?? defaultWorkerScript();
  }

  private start(): Worker {
    if (this.alive.size >= this.options.size) throw new Error(`worker pool overcommitted: ${this.alive.size} workers busy`);
    let onExit!: (code: number | null, signal: NodeJS.Signals | null) => void;
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>(resolve => { onExit = (code, signal) => resolve({ code, signal }); });
    const worker: Worker = { child: null as unknown as Host, documents: 0, error: null, stderr: '', reportedMb: 0, exited: exited.then(() => undefined), exitInfo: exited };
    const keepStderr = (d: string): void => { worker.stderr = (worker.stderr + d).slice(-STDERR_TAIL_CHARS); };
    const forget = (): void => { this.alive.delete(worker); const i = this.idle.indexOf(worker); if (i >= 0) this.idle.splice(i, 1); };
    if (this.options.isolation === 'thread') {
      // The young generation holds three semi-spaces (two, and one for large objects).
      const thread = new Thread(this.script, {
        resourceLimits: { maxOldGenerationSizeMb: this.options.heapMb, ...(this.options.semiSpaceMb ? { maxYoungGenerationSizeMb: 3 * this.options.semiSpaceMb } : {}) },
        stdout: true, stderr: true, // not the queue's stdout, which carries its JSON lines
      });
      let ended = false;
      thread.stdout.resume();
      thread.stderr.setEncoding('utf8').on('data', keepStderr);
      thread.on('error', err => { worker.error ??= err; });
      thread.once('exit', code => { ended = true; forget(); onExit(code, null); });
      worker.child = {
        pid: process.pid,
        get connected() { return !ended; },
        send: (msg, done) => { try { thread.postMessage(msg); done(null); } catch (err) { done(err as Error); } },
        on: (event, listener) => { thread.on(event, listener); },
        off: (event, listener) => { thread.off(event, listener); },
        kill: () => { void thread.terminate(); },
        retire: () => { void thread.terminate(); },
      };
    } else {
      const child = fork(this.script, [], {
        execArgv: [`--max-old-space-size=${this.options.heapMb}`, ...(this.options.semiSpaceMb ? [`--max-semi-space-size=${this.options.semiSpaceMb}`] : [])],
        serialization: 'advanced', // the PDF's bytes cross as a Uint8Array
        stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      });
      child.stderr!.setEncoding('utf8').on('data', keepStderr);
      // Kept for the worker's whole life, so an error while it sits idle cannot crash the process.
      child.on('error', forget);
      child.once('exit', (code, signal) => { forget(); onExit(code, signal); });
      worker.child = {
        pid: child.pid,
        get connected() { return child.connected; },
        send: (msg, done) => { child.send(msg, err => done(err ?? null)); },
        on: (event, listener) => { child.on(event, listener); },
        off: (event, listener) => { child.off(event, listener); },
        kill: () => { child.kill('SIGKILL'); },
        retire: () => { child.disconnect(); },
      };
    }
    this.counters.started++;
    this.alive.add(worker);
    return worker;
  }

  private residentMb(worker: Worker): number {
    return (worker.child.pid !== undefined ? residentMb(worker.child.pid) : null) ?? worker.reportedMb;
  }

  /** Why a worker died, from its exit and what it last wrote. */
  private deathFailure(worker: Worker, code: number | null, signal: NodeJS.Signals | null): { code: Failure['code']; message: string } {
    const outOfMemory = { code: 'out_of_memory' as const, message: `the worker ran out of memory (heap limit ${this.options.heapMb} MB, --worker-heap-mb)` };
    if (worker.error?.code === 'ERR_WORKER_OUT_OF_MEMORY') return outOfMemory;
    if (worker.error) return { code: 'worker_crashed', message: `the worker crashed: ${`${worker.error.name}: ${worker.error.message}`.split('\n')[0]}` };
    const tail = worker.stderr;
    if (/heap out of memory|Reached heap limit|Allocation failed/i.test(tail)) return outOfMemory;
    const thrown = /^(?:\w*Error|Uncaught)[^\n]*/m.exec(tail)?.[0];
    if (thrown) return { code: 'worker_crashed', message: `the worker crashed: ${thrown}` };
    if (signal === 'SIGKILL') return { code: 'worker_crashed', message: 'the worker was killed (SIGKILL; the system may have run out of memory)' };
    return { code: 'worker_crashed', message: signal ? `the worker was stopped by ${signal}` : `the worker exited with code ${code}` };
  }

  /** Process one document; resolves with its outcome, never rejects. */
  run(req: DocumentRequest): Promise<Outcome> {
    const worker = this.idle.pop() ?? this.start();
    const { child } = worker;
    const id = this.nextId++;
    // The page being worked on: pages are finished in order, so it is the one after the last finished.
    let page: number | null = null;
    const fail = (code: Failure['code'], message: string): Outcome =>
      ({ status: 'failed', failure: { code, file: req.input, page, message: page ? `${message} (while on page ${page})` : message } });
    return new Promise<Outcome>(resolve => {
      let settled = false;
      const settle = (outcome: Outcome, keepWorker: boolean): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        clearInterval(watch);
        child.off('message', onMessage);
        worker.documents++;
        if (keepWorker && worker.documents < this.options.documentsPerWorker && child.connected) { this.idle.push(worker); resolve(outcome); return; }
        if (keepWorker) this.counters.retired++;
        this.alive.delete(worker);
        // Wait for the process to end, so nothing it was writing lands after the failure is recorded.
        if (keepWorker) child.retire(); else child.kill();
        void worker.exited.then(() => resolve(outcome));
      };
      const onMessage = (msg: WorkerMessage): void => {
        if (msg.id !== id) return;
        if (msg.type === 'page') {
          page = Math.min(msg.page + 1, msg.pages) || null; worker.reportedMb = msg.rssMb;
          this.options.onPage?.(req.input, msg.page, msg.pages);
        } else settle(msg.outcome, true);
      };
      const onExit = ({ code, signal }: { code: number | null; signal: NodeJS.Signals | null }): void => {
        if (settled) return;
        this.counters.died++;
        const why = this.deathFailure(worker, code, signal);
        settle(fail(why.code, why.message), false);
      };
      const timer = setTimeout(() => {
        this.counters.terminatedOnTimeout++;
        settle(fail('timeout', `not finished after ${this.options.timeoutMs / 1000} s (--timeout-per-doc); the worker was stopped`), false);
      }, this.options.timeoutMs);
      const watch = setInterval(() => {
        const mb = this.residentMb(worker);
        if (mb <= this.options.memoryMb) return;
        this.counters.killedOverMemory++;
        settle(fail('out_of_memory', `the worker used ${Math.round(mb)} MB, over the limit of ${this.options.memoryMb} MB (--worker-memory-mb); it was stopped`), false);
      }, WATCH_EVERY_MS);
      child.on('message', onMessage);
      void worker.exitInfo.then(onExit);
      const message: WorkerRequest = { ...req, id };
      child.send(message, err => { if (err) settle(fail('worker_crashed', `the worker could not be given the document: ${err.message}`), false); });
    });
  }

  /** Stop every worker (idle ones; the caller has no documents in flight). */
  async close(): Promise<void> {
    const all = [...this.alive];
    this.alive.clear();
    this.idle.length = 0;
    for (const w of all) w.child.kill();
    await Promise.all(all.map(w => w.exited));
  }
}



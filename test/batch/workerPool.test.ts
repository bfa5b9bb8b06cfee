/** The worker pool on its own, with a fake worker process that hangs, crashes, exits or runs out of memory on request. */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBatch } from '../../src/batch/runBatch.js';
import { defaultBatchSettings } from '../../src/batch/settings.js';
import type { DocumentEvent } from '../../src/batch/summary.js';
import { DocumentWorkerPool } from '../../src/batch/workerPool.js';
import { ensureBuilt } from './support/build.js';
import { SAMPLE_A, SAMPLE_B } from './support/pdfs.js';

const FAKE = new URL('./fixtures/fakeDocumentWorker.mjs', import.meta.url);
const request = (input: string) => ({
  input, fileName: input, name: input, outDir: os.tmpdir(), data: new Uint8Array(7), limits: { maxPages: 10, maxImagePixels: 10, ocr: false }, xlsx: false,
});

describe.each(['process', 'thread'] as const)('document worker pool (%s isolation)', isolation => {
  it('stops a document past its time limit and carries on with a fresh worker', async () => {
    // long enough for a fresh worker process to start on a loaded machine and answer "fine"
    const pool = new DocumentWorkerPool({ isolation, size: 1, timeoutMs: 10_000, heapMb: 256, memoryMb: 4096, documentsPerWorker: 100, script: FAKE });
    expect(await pool.run(request('hang.pdf'))).toMatchObject({ status: 'failed', failure: { code: 'timeout', file: 'hang.pdf' } });
    expect(await pool.run(request('fine.pdf'))).toMatchObject({ status: 'ok', stats: { pages: 7 } });
    expect(pool.counters).toMatchObject({ started: 2, terminatedOnTimeout: 1 });
    await pool.close();
  }, 600_000); // a guard against a hang only

  it('retires a worker after its quota of documents', async () => {
    const pool = new DocumentWorkerPool({ isolation, size: 1, timeoutMs: 60_000, heapMb: 256, memoryMb: 4096, documentsPerWorker: 2, script: FAKE });
    for (let i = 0; i < 5; i++) expect(await pool.run(request(`doc-${i}.pdf`))).toMatchObject({ status: 'ok' });
    expect(pool.counters).toMatchObject({ started: 3, retired: 2 });
    await pool.close();
  });

  it('turns a crash, an exit and a full heap into failures', async () => {
    const pool = new DocumentWorkerPool({ isolation, size: 2, timeoutMs: 120_000, heapMb: 32, memoryMb: 4096, documentsPerWorker: 100, script: FAKE });
    const [crash, exit, oom] = await Promise.all([pool.run(request('crash.pdf')), pool.run(request('exit.pdf'))])
      .then(async two => [...two, await pool.run(request('oom.pdf'))]);
    expect(crash).toMatchObject({ status: 'failed', failure: { code: 'worker_crashed', message: expect.stringContaining('boom') } });
    expect(exit).toMatchObject({ status: 'failed', failure: { code: 'worker_crashed', message: expect.stringContaining('code 3') } });
    expect(oom).toMatchObject({ status: 'failed', failure: { code: 'out_of_memory', message: expect.stringContaining('heap limit 32 MB') } });
    expect(await pool.run(request('fine.pdf'))).toMatchObject({ status: 'ok' });
    await pool.close();
  }, 120_000);

  it.runIf(isolation === 'process')('kills a worker over its resident memory limit, naming the page, while another document finishes', async () => {
    const pool = new DocumentWorkerPool({ isolation, size: 2, timeoutMs: 120_000, heapMb: 256, memoryMb: 400, documentsPerWorker: 100, script: FAKE });
    const [bloat, fine] = await Promise.all([pool.run(request('bloat.pdf')), pool.run(request('fine.pdf'))]);
    expect(bloat).toMatchObject({ status: 'failed', failure: { code: 'out_of_memory', page: 2, message: expect.stringContaining('--worker-memory-mb') } });
    expect(fine).toMatchObject({ status: 'ok' });
    expect(pool.counters.killedOverMemory).toBe(1);
    expect(await pool.run(request('after.pdf'))).toMatchObject({ status: 'ok' });
    await pool.close();
  }, 120_000);

  // A thread shares this process's resident memory: the limit is the whole process's.
  it.runIf(isolation === 'thread')('stops a thread that takes this process over its resident memory limit, naming the page', async () => {
    const limit = Math.round(process.memoryUsage.rss() / 2 ** 20) + 300;
    const pool = new DocumentWorkerPool({ isolation, size: 1, timeoutMs: 120_000, heapMb: 256, memoryMb: limit, documentsPerWorker: 100, script: FAKE });
    expect(await pool.run(request('bloat.pdf'))).toMatchObject({ status: 'failed', failure: { code: 'out_of_memory', page: 2, message: expect.stringContaining(`limit of ${limit} MB`) } });
    expect(pool.counters.killedOverMemory).toBe(1);
    expect(await pool.run(request('after.pdf'))).toMatchObject({ status: 'ok' });
    await pool.close();
  }, 120_000);
});

describe('per-document time limit in a real batch', () => {
  let work: string;
  beforeAll(async () => { await ensureBuilt(); work = await fs.mkdtemp(path.join(os.tmpdir(), 'bt-batch-timeout-')); });
  afterAll(async () => { await fs.rm(work, { recursive: true, force: true }); });

  it('records a document that runs too long as failed and finishes the batch', async () => {
    const list = path.join(work, 'list.txt');
    await fs.writeFile(list, `# two samples\n${SAMPLE_A}\n\n${SAMPLE_B}\n`);
    const events: DocumentEvent[] = [];
    const result = await runBatch({
      source: list, outDir: path.join(work, 'out'),
      settings: { ...defaultBatchSettings(), concurrency: 2, timeoutPerDocSeconds: 0.05 },
      reporter: { start() {}, document: e => events.push(e), finish() {} },
    });
    if ('problem' in result) throw new Error(result.problem);
    expect(events).toHaveLength(2);
    for (const e of events) expect(e.failure).toMatchObject({ code: 'timeout', message: expect.stringContaining('--timeout-per-doc') });
    expect(result.summary.failures_by_reason).toEqual({ timeout: 2 });
    expect((await fs.readdir(path.join(work, 'out'))).sort()).toEqual(['manifest.jsonl', 'summary.json']);
  });
});

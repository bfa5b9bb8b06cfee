/**
 * The fleet end to end: redis-server on a loopback port, ~60 small documents (pieces of the bundled
 * samples, plus bad files) enqueued, three worker processes. One worker is SIGKILLed mid-document, one
 * gets SIGTERM mid-document. Every good document must end done exactly once with outputs byte-identical
 * to batch's, every bad one failed with its reason, and no temporary file left.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import { promises as fs, readFileSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAtomicTempName } from '../../src/emit/atomicWrite.js';
import { JournalRecordSchema } from '../../src/batch/records.js';
import { redisConnection } from '../../src/queue/connection.js';
import { queueStatus } from '../../src/queue/status.js';
import { ensureBuilt, ROOT } from '../batch/support/build.js';
import { outputFiles } from '../batch/support/outputs.js';
import { redisServerInstalled, startRedis, type RedisServer } from './redisServer.js';

const hasRedis = redisServerInstalled();
if (!hasRedis) console.warn('SKIPPED test/queue: redis-server is not installed (apt-get install redis-server; .ci/run installs it)');

const GOOD = 56, PAGES_PER_PIECE = 2, QUEUE = 'fleet-test';
const CLI = path.join(ROOT, 'dist/cli.js');
type Event = Record<string, unknown> & { event: string };

let work: string, input: string, out: string, ref: string, redis: RedisServer;

/** Small documents: two-page pieces of the text-layer samples, each one distinct. */
async function writePieces(): Promise<void> {
  const sources = [
    ...readdirSync(path.join(ROOT, 'samples')).filter(f => /^atushi-.*\.pdf$/.test(f) && !/scan|garbled/.test(f)).map(f => path.join(ROOT, 'samples', f)),
    ...readdirSync(path.join(ROOT, 'samples/real')).filter(f => f.endsWith('.pdf')).map(f => path.join(ROOT, 'samples/real', f)),
  ].sort();
  const loaded = await Promise.all(sources.map(async f => PDFDocument.load(readFileSync(f))));
  let made = 0;
  for (let piece = 0; made < GOOD; piece++) {
    for (const [i, src] of loaded.entries()) {
      const first = piece * PAGES_PER_PIECE;
      if (made >= GOOD || first + PAGES_PER_PIECE > src.getPageCount()) continue;
      const doc = await PDFDocument.create();
      doc.setTitle(`piece ${made}`); // pieces that repeat another's pages would otherwise be the same content
      for (const p of await doc.copyPages(src, [first, first + 1])) doc.addPage(p);
      const name = `${path.basename(sources[i]!, '.pdf')}-p${first + 1}.pdf`;
      await fs.writeFile(path.join(input, made % 3 ? name : path.join('sub', name)), await doc.save({ useObjectStreams: false }));
      made++;
    }
  }
}

const BAD: Record<string, { bytes: Buffer; code: string }> = {
  'empty.pdf': { bytes: Buffer.alloc(0), code: 'empty' },
  'notes.pdf': { bytes: Buffer.from('minutes of the budget meeting\n'.repeat(20)), code: 'not_pdf' },
  'broken.pdf': { bytes: Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from(Array.from({ length: 4000 }, (_, i) => (i * 7919) % 251))]), code: 'corrupt' },
  'cut.pdf': { bytes: Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n3 0 obj << /Type /Page /Parent 2'), code: 'corrupt' },
};

function run(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '', stderr = '';
    child.stdout.on('data', d => { stdout += d; });
    child.stderr.on('data', d => { stderr += d; });
    child.on('error', reject);
    child.on('close', code => resolve({ code, stdout, stderr }));
  });
}

interface WorkerProcess { child: ChildProcess; events: Event[]; exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }> }

function startWorker(): WorkerProcess {
  const child = spawn(process.execPath, [CLI, 'worker', '--redis', redis.url, '--queue', QUEUE, '--out', out, '--concurrency', '1', '--lock-seconds', '5'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const events: Event[] = [];
  let buffered = '';
  child.stdout!.setEncoding('utf8');
  child.stdout!.on('data', (chunk: string) => {
    buffered += chunk;
    for (let nl; (nl = buffered.indexOf('\n')) >= 0; buffered = buffered.slice(nl + 1)) events.push(JSON.parse(buffered.slice(0, nl)) as Event);
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>(resolve => child.on('close', (code, signal) => resolve({ code, signal })));
  return { child, events, exited };
}

const until = async (ok: () => boolean | Promise<boolean>): Promise<void> => { while (!(await ok())) await new Promise(r => setTimeout(r, 100)); };

describe.skipIf(!hasRedis)('queue fleet', () => {
  beforeAll(async () => {
    await ensureBuilt();
    work = await fs.mkdtemp(path.join(os.tmpdir(), 'bt-queue-'));
    input = path.join(work, 'in'); out = path.join(work, 'out'); ref = path.join(work, 'batch');
    await fs.mkdir(path.join(input, 'sub'), { recursive: true });
    await writePieces();
    for (const [name, bad] of Object.entries(BAD)) await fs.writeFile(path.join(input, name), bad.bytes);
    redis = await startRedis(path.join(work, 'redis'));
  }, 300_000);

  afterAll(async () => {
    await redis?.stop();
    await fs.rm(work, { recursive: true, force: true });
  });

  it('runs every document exactly once across workers that are killed and stopped, with batch\'s outputs', async () => {
    const batch = await run(['batch', input, '--out', ref, '--json']);
    expect(batch.code).toBe(1); // the bad files fail
    const enq = await run(['enqueue', input, '--redis', redis.url, '--queue', QUEUE, '--attempts', '2', '--backoff-seconds', '0.2']);
    expect(enq.stderr).toBe('');
    expect(enq.stdout).toContain(`${GOOD + Object.keys(BAD).length} queued`);
    const again = await run(['enqueue', input, '--redis', redis.url, '--queue', QUEUE]);
    expect(again.stdout).toContain('0 queued');

    const workers = [startWorker(), startWorker(), startWorker()];
    const [killed, stopped, survivor] = workers as [WorkerProcess, WorkerProcess, WorkerProcess];
    // SIGKILL the first worker while it is in a document.
    await until(() => killed.events.some(e => e.event === 'document_started'));
    const killedJob = killed.events.findLast(e => e.event === 'document_started')!.job;
    killed.child.kill('SIGKILL');
    expect((await killed.exited).signal).toBe('SIGKILL');
    expect(killed.events.some(e => e.event === 'document' && e.job === killedJob)).toBe(false);
    // SIGTERM the second while it is in a document: it finishes that one, then exits.
    const startedBefore = stopped.events.filter(e => e.event === 'document_started').length;
    await until(() => stopped.events.filter(e => e.event === 'document_started').length > startedBefore);
    const stoppedJob = stopped.events.findLast(e => e.event === 'document_started')!.job;
    stopped.child.kill('SIGTERM');
    expect(await stopped.exited).toEqual({ code: 0, signal: null });
    expect(stopped.events.some(e => e.event === 'document' && e.job === stoppedJob)).toBe(true);
    expect(stopped.events.at(-1)!.event).toBe('worker_stopped');

    const connection = redisConnection(redis.url);
    if (typeof connection === 'string') throw new Error(connection);
    await until(async () => { const c = (await queueStatus(connection, QUEUE)).counts; return c.waiting + c.delayed + c.active === 0; });
    survivor.child.kill('SIGTERM');
    expect((await survivor.exited).code).toBe(0);

    const status = await queueStatus(connection, QUEUE);
    expect(status.counts).toMatchObject({ done: GOOD, failed: Object.keys(BAD).length });
    for (const [name, bad] of Object.entries(BAD)) {
      const f = status.failures.find(x => x.input === name);
      expect(f?.reason, name).toMatch(new RegExp(`^\\[${bad.code}\\] `));
      expect(f?.attempts, name).toBe(1); // a bad PDF is not retried
    }
    // The killed worker's document was taken over by a surviving worker.
    const finishers = workers.filter(w => w.events.some(e => e.event === 'document' && e.job === killedJob && e.status === 'ok'));
    expect(finishers.length).toBe(1);

    // The journal: one ok line per good document, one failed line per bad one (the same lines batch writes).
    const records = (await fs.readFile(path.join(out, 'manifest.jsonl'), 'utf8')).split('\n').filter(Boolean).map(l => JournalRecordSchema.parse(JSON.parse(l)));
    const batchRecords = (await fs.readFile(path.join(ref, 'manifest.jsonl'), 'utf8')).split('\n').filter(Boolean).map(l => JournalRecordSchema.parse(JSON.parse(l)));
    expect(records.length).toBe(GOOD + Object.keys(BAD).length);
    expect(new Set(records.map(r => r.input)).size).toBe(records.length);
    const strip = (r: (typeof records)[number]) => ({ status: r.status, input: r.input, name: r.name, sha256: r.sha256, pipeline: r.pipeline, ...(r.status === 'ok' ? { stats: r.stats } : { code: r.failure.code }) });
    expect(records.map(strip).sort((a, b) => (a.input < b.input ? -1 : 1))).toEqual(batchRecords.map(strip).sort((a, b) => (a.input < b.input ? -1 : 1)));

    // Outputs byte-identical to batch's.
    for (const r of records.filter(x => x.status === 'ok')) {
      const mine = await outputFiles(out, r.name), theirs = await outputFiles(ref, r.name);
      expect(mine.size, r.name).toBeGreaterThanOrEqual(2);
      expect(mine, r.name).toEqual(theirs);
    }
    for (const name of Object.keys(BAD)) expect(await fs.stat(path.join(out, name.replace(/\.pdf$/, '.json'))).catch(() => null)).toBeNull();
    // Nothing temporary left.
    const entries = await fs.readdir(out, { recursive: true });
    expect(entries.filter(e => isAtomicTempName(path.basename(e)))).toEqual([]);
  }, 1_800_000);

  it('downloads URL jobs on loopback, and a Redis restart mid-run loses no finished result', async () => {
    const pieces = (await fs.readdir(input)).filter(f => /-p1\.pdf$/.test(f)).sort().slice(0, 3);
    const server = http.createServer((req, res) => {
      const file = pieces.find(p => req.url === `/files/${encodeURIComponent(p)}`);
      if (!file) { res.writeHead(404).end(); return; }
      res.writeHead(200, { 'content-type': 'application/pdf' }).end(readFileSync(path.join(input, file)));
    });
    await new Promise<void>(r => server.listen(0, '127.0.0.1', r));
    const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    const urls = path.join(work, 'urls.txt');
    await fs.writeFile(urls, ['# loopback only', ...pieces.map(p => `${base}/files/${encodeURIComponent(p)}`), `${base}/files/missing.pdf`].join('\n') + '\n');
    const urlOut = path.join(work, 'url-out');
    try {
      const enq = await run(['enqueue', urls, '--redis', redis.url, '--queue', 'url-test', '--backoff-seconds', '0.2']);
      expect(enq.stdout).toContain(`${pieces.length + 1} queued`);
      const child = spawn(process.execPath, [CLI, 'worker', '--redis', redis.url, '--queue', 'url-test', '--out', urlOut, '--concurrency', '1'], { stdio: ['ignore', 'pipe', 'inherit'] });
      let text = '', gone = false;
      child.stdout.on('data', d => { text += d; });
      const exited = new Promise(r => child.on('close', r));
      void exited.then(() => { gone = true; });
      // a worker that dies instead fails the test with what it said, rather than leaving it waiting
      const alive = (): void => { if (gone) throw new Error(`the worker exited early:\n${text}`); };
      await until(() => { alive(); return text.includes('"status":"ok"'); });
      await redis.restart(); // the worker reconnects; what it finished is in Redis's append-only file
      const connection = redisConnection(redis.url);
      if (typeof connection === 'string') throw new Error(connection);
      await until(async () => { alive(); const c = (await queueStatus(connection, 'url-test')).counts; return c.waiting + c.delayed + c.active === 0; });
      child.kill('SIGTERM');
      await exited;
      const status = await queueStatus(connection, 'url-test');
      expect(status.counts).toMatchObject({ done: pieces.length, failed: 1 });
      expect(status.failures[0]!.reason).toMatch(/^\[read_error\] .*HTTP 404/);
      for (const p of pieces) {
        const json = JSON.parse(await fs.readFile(path.join(urlOut, p.replace(/\.pdf$/, '.json')), 'utf8')) as { source: { file: string } };
        expect(json.source.file).toBe(p);
      }
    } finally {
      server.close();
    }
  }, 900_000);

  it('a worker told to stop just after Redis restarted waits for it and exits', async () => {
    // Between ioredis's reconnection attempts, BullMQ's close() would wait forever for an 'end' event
    // that never comes; the worker must instead wait for Redis to answer again, then stop.
    const child = spawn(process.execPath, [CLI, 'worker', '--redis', redis.url, '--queue', 'idle-test', '--out', path.join(work, 'idle-out')], { stdio: ['ignore', 'pipe', 'inherit'] });
    let text = '';
    child.stdout.on('data', d => { text += d; });
    const exited = new Promise<number | null>(r => child.on('close', code => r(code)));
    await until(() => text.includes('"event":"worker_started"'));
    await new Promise(r => setTimeout(r, 500)); // the worker is idle, blocked on Redis for its next job
    await redis.restart();
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    const events = text.trim().split('\n').map(l => (JSON.parse(l) as Event).event);
    expect(events.at(-1)).toBe('worker_stopped');
  }, 300_000);
});

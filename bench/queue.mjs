#!/usr/bin/env node
// The queue on this machine: a redis-server on a loopback port, the text-layer samples enqueued, then
// drained by 1 and by 2 worker processes (documents/s, pages/s, CPU used); then one worker on the
// 1,000-page document (the peak RSS of the worker's whole process tree: the worker, its document threads
// and, with --isolation process, the processes it reads documents in; the figure a fleet is sized by).
// CPU is the tree's too, from /proc (all threads and children).
// Needs redis-server (Debian package redis-server).
// Usage: npm run build && node bench/queue.mjs [--workers 1,2 | --workers 0 (the long document only)] [--pages 1000]
//        [--worker-args "--worker-heap-mb 192 --isolation process …" (options given to each worker, to compare settings)]
//        Workers inherit this process's environment: MALLOC_MMAP_THRESHOLD_=65536 node bench/queue.mjs … measures a
//        worker started as README advises (the settings in force are printed).
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { buildLongDocument, textLayerSamples } from './longDocument.mjs';
import { liveTreeCpuSeconds, treeRss } from './processTree.mjs';

const root = path.join(import.meta.dirname, '..');
const cli = path.join(root, 'dist/cli.js');
const arg = (name, fallback) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : fallback; };
const levels = arg('--workers', '1,2').split(',').map(Number).filter(n => n > 0);
const workerArgs = arg('--worker-args', '').split(/\s+/).filter(Boolean);
const longPages = Number(arg('--pages', '1000'));
const mb = b => (b / 2 ** 20).toFixed(0);

if (spawnSync('redis-server', ['--version']).status !== 0) { console.error('redis-server is not installed (apt-get install redis-server)'); process.exit(2); }
const work = mkdtempSync(path.join(os.tmpdir(), 'bt-bench-queue-'));
const port = await new Promise(resolve => { const s = net.createServer().listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => resolve(p)); }); });
const redis = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', work], { stdio: 'ignore' });
const url = `redis://127.0.0.1:${port}`;
for (;;) { // wait until it answers
  const ok = await new Promise(r => { const c = net.connect(port, '127.0.0.1', () => { c.destroy(); r(true); }).on('error', () => r(false)); });
  if (ok) break;
  await new Promise(r => setTimeout(r, 50));
}

const cliRun = args => { const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8' }); if (r.status !== 0 && r.status !== 1) throw new Error(r.stderr); return r.stdout; };

/** Enqueue `folder` on a fresh queue, drain it with n workers (one document at a time each); stop them when it is empty. */
async function drain(folder, queue, n) {
  cliRun(['enqueue', folder, '--redis', url, '--queue', queue]);
  const out = path.join(work, `out-${queue}`);
  const t0 = performance.now();
  const workers = Array.from({ length: n }, () => {
    const child = spawn(process.execPath, [cli, 'worker', '--redis', url, '--queue', queue, '--out', out, '--concurrency', '1', ...workerArgs], { stdio: ['ignore', 'pipe', 'inherit'] });
    const w = { child, peak: 0, cpu: 0, pages: 0, docs: 0, failures: [], closed: new Promise(r => child.on('close', r)) };
    let buf = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', d => {
      buf += d;
      for (let nl; (nl = buf.indexOf('\n')) >= 0; buf = buf.slice(nl + 1)) {
        const e = JSON.parse(buf.slice(0, nl));
        if (e.event === 'document' && e.status === 'ok') { w.docs++; w.pages += e.pages; }
        if (e.event === 'document' && e.failure) w.failures.push(`${e.input}: ${e.status} [${e.failure.code}] ${e.failure.message}`);
      }
    });
    return w;
  });
  const sample = setInterval(() => { for (const w of workers) { w.peak = Math.max(w.peak, treeRss(w.child.pid).total); w.cpu = Math.max(w.cpu, liveTreeCpuSeconds(w.child.pid)); } }, 50);
  for (;;) {
    const s = JSON.parse(cliRun(['queue', 'status', '--redis', url, '--queue', queue, '--json']));
    if (s.counts.waiting + s.counts.active + s.counts.delayed === 0) break;
    await new Promise(r => setTimeout(r, 200));
  }
  const seconds = (performance.now() - t0) / 1000;
  for (const w of workers) w.child.kill('SIGTERM');
  await Promise.all(workers.map(w => w.closed));
  clearInterval(sample);
  return { seconds, workers };
}

const samples = textLayerSamples(root, readdirSync, path);
const folder = path.join(work, 'samples');
mkdirSync(folder);
for (const f of samples) copyFileSync(f, path.join(folder, path.basename(f)));
// glibc's malloc settings change a worker's resident memory (README, "A fleet of workers"): say which were in force.
const mallocEnv = Object.keys(process.env).filter(k => k.startsWith('MALLOC_')).map(k => `${k}=${process.env[k]}`);
console.log(`${samples.length} documents (the text-layer samples) on ${os.availableParallelism()} cores, load average ${os.loadavg()[0].toFixed(1)}${workerArgs.length ? `; workers given ${workerArgs.join(' ')}` : ''}; ` +
  `worker environment: ${mallocEnv.length ? mallocEnv.join(' ') : 'no MALLOC_ settings'}`);
for (const n of levels) {
  const r = await drain(folder, `bench-${n}`, n);
  const docs = r.workers.reduce((s, w) => s + w.docs, 0), pages = r.workers.reduce((s, w) => s + w.pages, 0), cpu = r.workers.reduce((s, w) => s + w.cpu, 0);
  console.log(`${n} worker${n > 1 ? 's' : ''}: ${docs} documents, ${pages} pages in ${r.seconds.toFixed(1)} s = ${(docs / r.seconds).toFixed(2)} documents/s, ${(pages / r.seconds).toFixed(1)} pages/s; ` +
    `CPU ${cpu.toFixed(1)} s (${(pages / cpu).toFixed(1)} pages per CPU-second); peak RSS per worker (process tree) ${r.workers.map(w => `${mb(w.peak)} MB`).join(', ')}`);
}

const longFolder = path.join(work, 'long');
mkdirSync(longFolder);
writeFileSync(path.join(longFolder, `concatenated-${longPages}.pdf`), await buildLongDocument(samples, longPages));
const r = await drain(longFolder, 'bench-long', 1);
const w = r.workers[0];
console.log(`${longPages}-page document, 1 worker: ${w.docs ? 'done' : 'NOT done'} in ${r.seconds.toFixed(1)} s, CPU ${w.cpu.toFixed(1)} s; peak RSS of the worker's process tree ${mb(w.peak)} MB (load average ${os.loadavg()[0].toFixed(1)})`);
for (const f of w.failures) console.log(`  ${f}`);
redis.kill('SIGTERM');
rmSync(work, { recursive: true, force: true });

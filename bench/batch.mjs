#!/usr/bin/env node
// Batch throughput: a folder of ≥200 documents (copies of the text-layer samples) through
// `node dist/cli.js batch` at concurrency 1 and 2. Reports documents/s, pages/s, peak RSS of the batch
// (the batch process and its worker processes, summed) and whether RSS stays flat over the batch
// (RSS sampled at every finished document; the last quarter's median against the second quarter's).
// Usage: npm run build && node bench/batch.mjs [--docs 200] [--concurrency 1,2] [--docs-per-worker N]
import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { treeCpuSeconds, treeRss } from './processTree.mjs';

const root = path.join(import.meta.dirname, '..');
const arg = (name, fallback) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : fallback; };
const docs = Number(arg('--docs', '200'));
const levels = arg('--concurrency', '1,2').split(',').map(Number);
const perWorker = arg('--docs-per-worker', null); // passed on to the batch when given
const FLAT_GROWTH = 0.10; // "flat": the last quarter's median RSS within 10% of the second quarter's

const samples = [
  ...readdirSync(path.join(root, 'samples')).filter(f => /^atushi-.*\.pdf$/.test(f) && !/scan|garbled/.test(f)).map(f => path.join(root, 'samples', f)),
  ...readdirSync(path.join(root, 'samples/real')).filter(f => f.endsWith('.pdf')).map(f => path.join(root, 'samples/real', f)),
].sort();
const work = mkdtempSync(path.join(os.tmpdir(), 'bt-bench-batch-'));
const input = path.join(work, 'in');
mkdirSync(input);
for (let i = 0; i < docs; i++) copyFileSync(samples[i % samples.length], path.join(input, `${String(i).padStart(4, '0')}-${path.basename(samples[i % samples.length])}`));

const median = xs => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)] ?? 0; };
const mb = b => (b / 2 ** 20).toFixed(0);

function run(concurrency) {
  const out = path.join(work, `out-${concurrency}`);
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [path.join(root, 'dist/cli.js'), 'batch', input, '--out', out, '--concurrency', String(concurrency), ...(perWorker ? ['--docs-per-worker', perWorker] : [])], { stdio: ['ignore', 'pipe', 'inherit'] });
    const series = []; let peak = 0, cpu = 0, buffered = '', summary = null;
    const load0 = os.loadavg()[0];
    const sample = () => { const rss = treeRss(child.pid).total; peak = Math.max(peak, rss); cpu = Math.max(cpu, treeCpuSeconds(child.pid)); return rss; };
    const timer = setInterval(sample, 50);
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', chunk => {
      buffered += chunk;
      for (let nl; (nl = buffered.indexOf('\n')) >= 0; buffered = buffered.slice(nl + 1)) {
        const event = JSON.parse(buffered.slice(0, nl));
        if (event.event === 'document') series.push(sample());
        if (event.event === 'summary') summary = event;
      }
    });
    child.on('error', reject);
    child.on('close', code => {
      clearInterval(timer);
      const seconds = (performance.now() - t0) / 1000;
      const q = Math.floor(series.length / 4);
      const early = median(series.slice(q, 2 * q)), late = median(series.slice(3 * q));
      resolve({ concurrency, code, seconds, summary, peak, early, late, flat: late <= early * (1 + FLAT_GROWTH), cpu, load: [load0, os.loadavg()[0]] });
    });
  });
}

console.log(`${docs} documents (copies of ${samples.length} samples) on ${os.availableParallelism()} cores`);
const results = [];
for (const c of levels) {
  const r = await run(c);
  results.push(r);
  const s = r.summary;
  console.log(`concurrency ${c}: exit ${r.code}, ${s.documents.ok} ok / ${s.documents.degraded} degraded / ${s.documents.failed} failed, ${s.pages} pages in ${r.seconds.toFixed(1)} s ` +
    `= ${(docs / r.seconds).toFixed(2)} documents/s, ${(s.pages / r.seconds).toFixed(1)} pages/s; ` +
    `peak RSS ${mb(r.peak)} MB; RSS 2nd quarter ${mb(r.early)} MB → last quarter ${mb(r.late)} MB (${r.flat ? 'flat' : 'GROWING'})`);
  // Other processes on the machine take CPU from the batch: the CPU it got and the load average tell how much.
  console.log(`  CPU used ${r.cpu.toFixed(1)} s = ${(r.cpu / r.seconds).toFixed(2)} cores on average; machine load average ${r.load.map(l => l.toFixed(1)).join(' → ')}`);
}
if (results.length >= 2) {
  const [a, b] = [results[0], results.at(-1)];
  console.log(`speed-up concurrency ${b.concurrency} vs ${a.concurrency}: ${(a.seconds / b.seconds).toFixed(2)}×`);
}
rmSync(work, { recursive: true, force: true });

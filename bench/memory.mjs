#!/usr/bin/env node
// Memory of a batch run when one document is a 9000 × 9000-pixel scanned page (bench/hugePagePdf.mjs):
// peak resident memory of the whole run (the batch process and its worker processes, summed from /proc
// every 50 ms) and of the largest single process, with the default limits; then the same folder with
// --worker-memory-mb set below what that page needs, to show that the worker over the limit is stopped
// (its document failed as out_of_memory, with the page) while the other documents finish.
// Usage: npm run build && node bench/memory.mjs [--memory-mb 400]
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { hugePagePdf } from './hugePagePdf.mjs';
import { treeRss } from './processTree.mjs';

const root = path.join(import.meta.dirname, '..');
const arg = (name, fallback) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : fallback; };
const tightMb = Number(arg('--memory-mb', '400'));
const MB = 1024 * 1024;

const work = mkdtempSync(path.join(os.tmpdir(), 'bt-bench-memory-'));
const input = path.join(work, 'in');
mkdirSync(input);
writeFileSync(path.join(input, 'scan-9000x9000.pdf'), hugePagePdf(9000));
for (const f of ['shanghai-putuo-govt-office-2025-dept-budget.pdf', 'jiangsu-provincial-party-committee-office-2019-dept-budget-tables.pdf', 'shanghai-putuo-govt-office-2025-unit-budget.pdf']) {
  copyFileSync(path.join(root, 'samples/real', f), path.join(input, f));
}

function run(label, extra) {
  return new Promise(resolve => {
    const out = path.join(work, `out-${label}`);
    const t0 = performance.now();
    const child = spawn(process.execPath, [path.join(root, 'dist/cli.js'), 'batch', input, '--out', out, '--concurrency', '2', '--json', ...extra], { stdio: ['ignore', 'pipe', 'ignore'] });
    let stdout = '', peak = 0, peakOne = 0;
    child.stdout.on('data', d => { stdout += d; });
    const timer = setInterval(() => { const r = treeRss(child.pid); peak = Math.max(peak, r.total); peakOne = Math.max(peakOne, r.largest); }, 50);
    child.on('close', code => {
      clearInterval(timer);
      const events = stdout.split('\n').filter(l => l.startsWith('{"event":"document"')).map(l => JSON.parse(l));
      console.log(`${label}: exit ${code} in ${((performance.now() - t0) / 1000).toFixed(1)} s; peak RSS of the run ${(peak / MB).toFixed(0)} MB (largest process ${(peakOne / MB).toFixed(0)} MB)`);
      for (const e of events) console.log(`  ${e.input}: ${e.verdict}${e.failure ? ` [${e.failure.code}] p.${e.failure.page ?? '-'} ${e.failure.message}` : ''}${e.reasons.length ? ` (${e.reasons.map(r => r.code).join(', ')})` : ''}`);
      resolve();
    });
  });
}

console.log(`machine: ${os.cpus().length} cores, ${(os.totalmem() / MB / 1024).toFixed(1)} GB`);
await run('default limits', []);
await run(`--worker-memory-mb ${tightMb}`, ['--worker-memory-mb', String(tightMb)]);
rmSync(work, { recursive: true, force: true });

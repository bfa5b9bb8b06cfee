#!/usr/bin/env node
// What --xlsx adds to extracting one document: the workbook's module loading plus building and writing it.
// "first" runs in fresh processes (what `extract --xlsx` pays once); "warm" repeats it in one process (what
// a batch worker pays per document after its first). Wall and CPU time are both reported: on a busy machine
// the wall time stretches, the CPU time much less.
// Usage: npm run build && node bench/xlsx.mjs [FILE.pdf] [--runs N]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const cpuMs = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };

async function writeOnce(doc, out) {
  const wall0 = performance.now(), cpu0 = cpuMs();
  const { xlsxBytes } = await import('../dist/emit/xlsx/workbook.js');
  const { writeFileAtomic } = await import('../dist/emit/atomicWrite.js');
  await writeFileAtomic(out, await xlsxBytes(doc));
  return { wall: performance.now() - wall0, cpu: cpuMs() - cpu0 };
}

if (process.argv[2] === '--child') {
  const [, , , json, out] = process.argv;
  // What an extract process has loaded by the time it writes outputs is not part of the workbook's cost.
  await import('../dist/pipeline.js');
  await import('../dist/emit/writeOutputs.js');
  const doc = JSON.parse(readFileSync(json, 'utf8'));
  console.log(JSON.stringify(await writeOnce(doc, out)));
  process.exit(0);
}

const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const runs = runsAt >= 0 ? Number(args[runsAt + 1]) : 7;
const file = args.find((a, i) => !a.startsWith('--') && i !== runsAt + 1) ?? 'samples/atushi-2024-grid.pdf';
const median = xs => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = xs => `median ${median(xs).toFixed(0)} ms (min ${Math.min(...xs).toFixed(0)}, max ${Math.max(...xs).toFixed(0)})`;

const { extractDocument } = await import('../dist/pipeline.js');
const t0 = performance.now();
const { document: doc, counters } = await extractDocument(new Uint8Array(readFileSync(file)), path.basename(file));
const extractMs = performance.now() - t0;
const dir = mkdtempSync(path.join(os.tmpdir(), 'bt-bench-xlsx-'));
try {
  const json = path.join(dir, 'doc.json'), out = path.join(dir, 'doc.xlsx');
  writeFileSync(json, JSON.stringify(doc));
  const first = [];
  for (let i = 0; i < runs; i++) {
    first.push(JSON.parse(execFileSync(process.execPath, [new URL(import.meta.url).pathname, '--child', json, out], { encoding: 'utf8' })));
  }
  const warm = [];
  for (let i = 0; i < runs + 1; i++) warm.push(await writeOnce(doc, out));
  warm.shift(); // the first in this process is a cold one
  console.log(`${path.basename(file)}: ${counters.pages} pages, ${doc.tables.length} tables, ${counters.rows} rows, ${doc.checks.length} checks; extraction ${(extractMs / 1000).toFixed(2)} s`);
  console.log(`workbook ${(statSync(out).size / 1024).toFixed(0)} KB, ${doc.tables.length + 2} sheets; ${runs} runs each; load average ${os.loadavg()[0].toFixed(1)} on ${os.availableParallelism()} cores`);
  console.log(`  first in a process (loading exceljs + build + write): wall ${fmt(first.map(r => r.wall))}; CPU ${fmt(first.map(r => r.cpu))}`);
  console.log(`  warm (build + write):                               wall ${fmt(warm.map(r => r.wall))}; CPU ${fmt(warm.map(r => r.cpu))}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

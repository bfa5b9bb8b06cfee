#!/usr/bin/env node
// What --review adds to extracting one document: rendering every page to a JPEG, building the page and
// writing it, in the process that extracted it (as `extract --review` does). Wall and CPU time are both
// reported (CPU time of this process, pdf.js included): on a busy machine the wall time stretches, the CPU
// time much less. Prints the review page's size.
// Usage: npm run build && node bench/review.mjs [FILE.pdf] [--runs N]
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const cpuMs = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const runs = runsAt >= 0 ? Number(args[runsAt + 1]) : 3;
const file = args.find((a, i) => !a.startsWith('--') && i !== runsAt + 1) ?? 'samples/atushi-2024-grid.pdf';
const median = xs => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = xs => `median ${(median(xs) / 1000).toFixed(2)} s (min ${(Math.min(...xs) / 1000).toFixed(2)}, max ${(Math.max(...xs) / 1000).toFixed(2)})`;

const { extractDocument } = await import('../dist/pipeline.js');
const { writeOutputs } = await import('../dist/emit/writeOutputs.js');
const { writeReview } = await import('../dist/review/writeReview.js');
const data = new Uint8Array(readFileSync(file));
const wall0 = performance.now(), cpu0 = cpuMs();
const { document: doc, counters } = await extractDocument(data.slice(), path.basename(file), { ocr: null });
const extract = { wall: performance.now() - wall0, cpu: cpuMs() - cpu0 };
const dir = mkdtempSync(path.join(os.tmpdir(), 'bt-bench-review-'));
try {
  await writeOutputs(doc, dir, 'doc');
  const results = [];
  let out = '';
  for (let i = 0; i < runs; i++) {
    const w = performance.now(), c = cpuMs();
    out = (await writeReview(doc, data, file, dir, 'doc', { debug: null })).file;
    results.push({ wall: performance.now() - w, cpu: cpuMs() - c });
  }
  const load = os.loadavg()[0];
  console.log(`${path.basename(file)}: ${counters.pages} pages, ${doc.tables.length} tables, ${doc.checks.length} checks; extraction (no OCR) wall ${(extract.wall / 1000).toFixed(2)} s, CPU ${(extract.cpu / 1000).toFixed(2)} s`);
  console.log(`review page ${(statSync(out).size / 1e6).toFixed(2)} MB; ${runs} runs; load average ${load.toFixed(1)} on ${os.availableParallelism()} cores`);
  console.log(`  review page beyond extraction: wall ${fmt(results.map(r => r.wall))}; CPU ${fmt(results.map(r => r.cpu))}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

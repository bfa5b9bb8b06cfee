#!/usr/bin/env node
// Text-layer throughput: pages per second end to end in one process (read, layout, classify, validate,
// write) and peak RSS, on the bundled samples and on one long document made by concatenating them.
// Usage: npm run bench  [-- --pages 1000]
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { extractDocument } from '../dist/pipeline.js';
import { writeOutputs } from '../dist/emit/writeOutputs.js';

const root = path.join(import.meta.dirname, '..');
const want = Number(process.argv[process.argv.indexOf('--pages') + 1]) || 1000;
const textLayer = [
  ...readdirSync(path.join(root, 'samples')).filter(f => /^atushi-.*\.pdf$/.test(f) && !/scan|garbled/.test(f)).map(f => path.join(root, 'samples', f)),
  ...readdirSync(path.join(root, 'samples/real')).filter(f => f.endsWith('.pdf')).map(f => path.join(root, 'samples/real', f)),
];
const out = mkdtempSync(path.join(os.tmpdir(), 'bt-bench-'));
let peak = 0;
const sample = () => { peak = Math.max(peak, process.memoryUsage().rss); };
const timer = setInterval(sample, 20);

async function run(files) {
  let pages = 0, seconds = 0;
  const stages = { read: 0, layout: 0, classify: 0, validate: 0, write: 0 };
  for (const f of files) {
    const t0 = performance.now();
    const r = await extractDocument(new Uint8Array(readFileSync(f)), path.basename(f));
    const t1 = performance.now();
    await writeOutputs(r.document, out);
    const t2 = performance.now();
    pages += r.counters.pages; seconds += (t2 - t0) / 1000;
    for (const k of ['read', 'layout', 'classify', 'validate']) stages[k] += r.counters.seconds[k];
    stages.write += (t2 - t1) / 1000;
  }
  return { pages, seconds, stages };
}

await run(textLayer.slice(0, 1)); // warm-up: fonts, JIT
const a = await run(textLayer);
console.log(`samples: ${a.pages} pages in ${a.seconds.toFixed(2)} s = ${(a.pages / a.seconds).toFixed(1)} pages/s`);
console.log('  seconds by stage:', Object.entries(a.stages).map(([k, v]) => `${k} ${v.toFixed(2)}`).join(', '));

// One long document: the samples concatenated, then repeated from the start until it has `want`
// pages (copied in one go, so each font is embedded twice at most, as in a real long document).
const once = await PDFDocument.create();
for (const f of textLayer) {
  const src = await PDFDocument.load(readFileSync(f));
  for (const p of await once.copyPages(src, src.getPageIndices())) once.addPage(p);
}
const onceBytes = await once.save();
const big = await PDFDocument.load(onceBytes);
while (big.getPageCount() < want) {
  const again = await PDFDocument.load(onceBytes);
  const n = Math.min(want - big.getPageCount(), again.getPageCount());
  for (const p of await big.copyPages(again, [...Array(n).keys()])) big.addPage(p);
}
const bigFile = path.join(out, `concatenated-${want}.pdf`);
writeFileSync(bigFile, await big.save());
clearInterval(timer); sample();
console.log(`peak RSS of this process (samples run + building the long PDF with pdf-lib): ${(peak / 2 ** 20).toFixed(0)} MB`);
// The long document runs in a fresh process so its peak memory is the pipeline's alone.
console.log(execFileSync(process.execPath, [path.join(import.meta.dirname, 'one-document.mjs'), bigFile, out], { encoding: 'utf8' }).trim());
rmSync(out, { recursive: true, force: true });

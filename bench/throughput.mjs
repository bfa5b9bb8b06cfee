#!/usr/bin/env node
// Text-layer throughput: pages per second end to end in one process (read, layout, classify, validate,
// write) and peak RSS, on the bundled samples, on samples/real alone, and on one long document made by
// concatenating them. CPU seconds (all threads of this process) are reported beside wall time: on a
// machine shared with other work, pages per CPU-second is the figure that does not depend on the load.
// As `extract` does, one OCR pool serves every document of a run (its engines start when a page needs
// them); pages read by OCR are counted, and their CPU (the OCR engines' threads) is in the CPU figure.
// Usage: npm run bench  [-- --pages 1000]
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { buildLongDocument, textLayerSamples } from './longDocument.mjs';
import { extractDocument, lazyOcrPool } from '../dist/pipeline.js';
import { writeOutputs } from '../dist/emit/writeOutputs.js';
import { textReadings } from '../dist/pdf/textRuns.js';

const root = path.join(import.meta.dirname, '..');
const want = Number(process.argv[process.argv.indexOf('--pages') + 1]) || 1000;
const textLayer = textLayerSamples(root, readdirSync, path);
const real = textLayer.filter(f => f.includes(`${path.sep}real${path.sep}`));
const out = mkdtempSync(path.join(os.tmpdir(), 'bt-bench-'));
let peak = 0;
const sample = () => { peak = Math.max(peak, process.memoryUsage().rss); };
const timer = setInterval(sample, 20);

async function run(files) {
  let pages = 0, pagesOcr = 0, seconds = 0;
  const ocr = lazyOcrPool();
  const cpu0 = process.cpuUsage();
  const stages = { read: 0, layout: 0, classify: 0, validate: 0, write: 0 };
  for (const f of files) {
    const t0 = performance.now();
    const r = await extractDocument(new Uint8Array(readFileSync(f)), path.basename(f), { ocr: ocr.pool });
    const t1 = performance.now();
    await writeOutputs(r.document, out);
    const t2 = performance.now();
    pages += r.counters.pages; pagesOcr += r.counters.pagesOcr; seconds += (t2 - t0) / 1000;
    for (const k of ['read', 'layout', 'classify', 'validate']) stages[k] += r.counters.seconds[k];
    stages.write += (t2 - t1) / 1000;
  }
  const t3 = performance.now();
  await ocr.close();
  seconds += (performance.now() - t3) / 1000;
  const cpu = process.cpuUsage(cpu0);
  return { pages, pagesOcr, seconds, stages, cpu: (cpu.user + cpu.system) / 1e6 };
}
const report = (label, r) => console.log(`${label}: ${r.pages} pages (${r.pagesOcr} by OCR) in ${r.seconds.toFixed(2)} s = ${(r.pages / r.seconds).toFixed(1)} pages/s; ` +
  `CPU ${r.cpu.toFixed(2)} s = ${(r.pages / r.cpu).toFixed(1)} pages per CPU-second (load average ${os.loadavg()[0].toFixed(1)} on ${os.availableParallelism()} cores)`);

await run(textLayer.slice(0, 1)); // warm-up: fonts, JIT
const a = await run(textLayer);
report('samples', a);
console.log('  seconds by stage:', Object.entries(a.stages).map(([k, v]) => `${k} ${v.toFixed(2)}`).join(', '));
const fromOps0 = textReadings.fromOps, fellBack0 = new Map(textReadings.fellBack);
report('samples/real', await run(real));
const fellBack = [...textReadings.fellBack].map(([why, n]) => [why, n - (fellBack0.get(why) ?? 0)]).filter(([, n]) => n > 0);
console.log(`  samples/real text: ${textReadings.fromOps - fromOps0} pages from operator lists; read with getTextContent: ` +
  (fellBack.map(([why, n]) => `${n} (${why})`).join(', ') || 'none'));

const bigFile = path.join(out, `concatenated-${want}.pdf`);
writeFileSync(bigFile, await buildLongDocument(textLayer, want));
clearInterval(timer); sample();
console.log(`peak RSS of this process (samples run + building the long PDF with pdf-lib): ${(peak / 2 ** 20).toFixed(0)} MB`);
// The long document runs in a fresh process so its peak memory is the pipeline's alone.
console.log(execFileSync(process.execPath, [path.join(import.meta.dirname, 'one-document.mjs'), bigFile, out], { encoding: 'utf8' }).trim());
rmSync(out, { recursive: true, force: true });

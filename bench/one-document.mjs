#!/usr/bin/env node
// Extract one PDF in this process and report pages/s, seconds by stage and peak RSS (maxRSS).
// Usage: node bench/one-document.mjs FILE.pdf OUTDIR
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { extractDocument } from '../dist/pipeline.js';
import { writeOutputs } from '../dist/emit/writeOutputs.js';

const [file, out] = process.argv.slice(2);
const t0 = performance.now();
const r = await extractDocument(new Uint8Array(readFileSync(file)), path.basename(file));
const t1 = performance.now();
await writeOutputs(r.document, out);
const t2 = performance.now();
const s = r.counters.seconds;
console.log(`${path.basename(file)}: ${r.counters.pages} pages in ${((t2 - t0) / 1000).toFixed(2)} s = ${(r.counters.pages / ((t2 - t0) / 1000)).toFixed(1)} pages/s`);
console.log(`  seconds by stage: read ${s.read.toFixed(2)}, layout ${s.layout.toFixed(2)}, classify ${s.classify.toFixed(2)}, validate ${s.validate.toFixed(2)}, write ${((t2 - t1) / 1000).toFixed(2)}`);
const cpu = process.cpuUsage();
console.log(`  peak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB (all threads); CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s`);

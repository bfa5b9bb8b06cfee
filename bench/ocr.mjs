#!/usr/bin/env node
/**
 * OCR benchmark (build first: `npx tsc -p .`). Each configuration runs in its own child process, so
 * its peak RSS is its own. Prints seconds per page with 1 and 2 workers at the default dpi, and a
 * dpi sweep with accuracy against the born-digital copy of the scanned sample.
 *
 *   node bench/ocr.mjs                 # workers 1 and 2 at the default dpi, plus dpi sweep 150/200/300
 *   node bench/ocr.mjs --no-sweep      # only the worker comparison
 *   node bench/ocr.mjs --pages 6,8,10  # other pages of samples/atushi-2024-scan.pdf
 *   node bench/ocr.mjs --second-look   # also 2 workers without the second look (re-reading doubtful
 *                                      # words and skipped ink), to see what it costs and gains
 *   node bench/ocr.mjs --all-cells     # also 2 workers reading every inked ruled cell alone (cells: all),
 *                                      # not only those the page reading did not read surely as a number or as a known name
 *   node bench/ocr.mjs --shrink 0.5    # small print: each scanned page drawn at half size on an A4 page,
 *                                      # read with the resolution chosen by print size and without it
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
const SCAN = path.join(root, 'samples/atushi-2024-scan.pdf');
const GRID = path.join(root, 'samples/atushi-2024-grid.pdf');
// Six table pages of the scan (tables 1, 2, 3, 6, 7 and the end of 5), plus two to warm engines up.
const PAGES = [6, 8, 10, 13, 14, 15];
const WARMUP = [7, 9];

const args = process.argv.slice(2);
const opt = name => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : undefined; };

if (args[0] === '--child') await child(JSON.parse(args[1]));
else await main();

async function main() {
  if (!existsSync(path.join(dist, 'ocr/index.js'))) {
    console.error('dist/ocr/index.js is missing: run `npx tsc -p .` first');
    process.exit(1);
  }
  const pages = opt('--pages')?.split(',').map(Number) ?? PAGES;
  const { DEFAULT_OCR_SETTINGS } = await import(path.join(dist, 'ocr/settings.js'));
  const dpi = Number(opt('--dpi') ?? DEFAULT_OCR_SETTINGS.dpi);
  const runs = [{ workers: 1, dpi }, { workers: 2, dpi }];
  if (!args.includes('--no-sweep')) for (const d of [150, 200, 300]) if (d !== dpi) runs.push({ workers: 2, dpi: d });
  if (args.includes('--second-look')) runs.push({ workers: 2, dpi, secondLook: false });
  if (args.includes('--all-cells')) runs.push({ workers: 2, dpi, allCells: true });
  const shrink = opt('--shrink') ? Number(opt('--shrink')) : undefined;
  if (shrink) runs.splice(0, runs.length, { workers: 2, dpi, shrink }, { workers: 2, dpi, shrink, printSize: false });

  console.log(`OCR bench: ${pages.length} pages of ${path.basename(SCAN)} (${pages.join(', ')}), ${process.env.CI ? 'CI' : 'local'} machine with ${(await import('node:os')).availableParallelism()} cores\n`);
  const rows = [];
  for (const run of runs) {
    const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', JSON.stringify({ ...run, pages })], { encoding: 'utf8', cwd: root });
    if (r.status !== 0) { console.error(r.stdout, r.stderr); process.exit(1); }
    rows.push(JSON.parse(r.stdout.trim().split('\n').pop()));
  }
  const pad = (s, n) => String(s).padStart(n);
  if (shrink) console.log(`pages drawn at ${shrink} of their size on A4 (small print)\n`);
  console.log(`${pad('workers', 7)} ${pad('dpi', 4)} ${pad('print size', 10)} ${pad('2nd look', 8)} ${pad('cells', 8)} ${pad('start s', 8)} ${pad('wall s/page', 11)} ${pad('page s (mean)', 13)} ${pad('CPU s/page', 10)} ${pad('peak RSS MB', 11)} ${pad('amounts', 9)} ${pad('codes', 9)} ${pad('rules', 9)}`);
  for (const r of rows) {
    console.log(`${pad(r.workers, 7)} ${pad(r.dpi, 4)} ${pad(r.printSize === false ? 'off' : `${r.finerPages} finer`, 10)} ${pad(r.secondLook === false ? 'off' : 'on', 8)} ${pad(r.allCells ? 'all' : 'unsure', 8)} ${pad(r.startSeconds.toFixed(2), 8)} ${pad(r.wallPerPage.toFixed(2), 11)} ${pad(r.meanPageSeconds.toFixed(2), 13)} ${pad(r.cpuPerPage.toFixed(2), 10)} ${pad(r.peakRssMb.toFixed(0), 11)} ${pad(`${r.amounts.exact}/${r.amounts.total}`, 9)} ${pad(`${r.codes.exact}/${r.codes.total}`, 9)} ${pad(`${r.rules.matched}/${r.rules.reference}`, 9)}`);
  }
  // Where a page's time goes (wall seconds per page, summed over the pages a worker read; with 1 worker
  // and a quiet machine this is its CPU time).
  const phase = ['render', 'prepare', 'pageRead', 'cell', 'secondLook', 'amount'];
  console.log(`\n${pad('workers', 7)} ${phase.map(p => pad(p, 10)).join(' ')} ${pad('engine reads/page', 17)}  (seconds per page, summed over workers)`);
  for (const r of rows) {
    console.log(`${pad(r.workers, 7)} ${phase.map(p => pad((r.phases[`${p}Seconds`] / r.phases.pages).toFixed(2), 10)).join(' ')} ${pad((r.phases.engineReads / r.phases.pages).toFixed(0), 17)}`);
  }
  console.log('\nstart s: engines started and warmed on', WARMUP.length, 'pages (not counted); wall s/page: measured pages / wall time;');
  console.log('page s: mean time of one page from its start (render + prepare + OCR); CPU s/page: process CPU time / pages;');
  console.log('peak RSS: maxRSS of the child process (main thread + tesseract worker threads); accuracy against the text layer');
  console.log('and rules of', path.basename(GRID), '(amounts and codes read exactly within 3 pt; rules within 2 pt, after aligning the scan).');
  if (shrink) return;
  const two = rows.find(r => r.workers === 2 && r.dpi === dpi && r.secondLook !== false && !r.allCells);
  console.log(`\ntarget ≤ 2 s wall per page with 2 workers: ${two.wallPerPage.toFixed(2)} s ${two.wallPerPage <= 2 ? 'OK' : 'MISSED'}; peak RSS < 800 MB: ${two.peakRssMb.toFixed(0)} MB ${two.peakRssMb < 800 ? 'OK' : 'MISSED'}`);
}

/** The scan's pages drawn at `k` of their size in the top left corner of A4 pages (small print). */
async function shrunkScan(bytes, pageNumbers, k) {
  const { PDFDocument } = await import('pdf-lib');
  const src = await PDFDocument.load(bytes);
  const out = await PDFDocument.create();
  const numbers = [...new Set(pageNumbers)].sort((a, b) => a - b);
  const embedded = await out.embedPages(numbers.map(n => src.getPage(n - 1)));
  const at = new Map();
  embedded.forEach((e, i) => {
    const page = out.addPage([595.28, 841.89]);
    page.drawPage(e, { x: 0, y: 841.89 - e.height * k, xScale: k, yScale: k });
    at.set(numbers[i], i + 1);
  });
  return { bytes: await out.save(), at };
}

async function child({ workers, dpi, pages, secondLook, shrink, printSize, allCells }) {
  const { openDocument } = await import(path.join(dist, 'pdf/openDocument.js'));
  const { readPage } = await import(path.join(dist, 'pdf/readPages.js'));
  const { createOcrPool, DEFAULT_OCR_SETTINGS } = await import(path.join(dist, 'ocr/index.js'));
  const { estimateOffset, mergeRules, scoreAmounts, scoreCodes, scoreRules, shiftBox } = await import('./support/ocrScoring.mjs');
  let scanBytes = new Uint8Array(readFileSync(SCAN)), pageOf = n => n;
  if (shrink) {
    const s = await shrunkScan(scanBytes, [...WARMUP.slice(0, workers), ...pages], shrink);
    scanBytes = s.bytes; pageOf = n => s.at.get(n);
  }
  const scan = await openDocument(scanBytes);
  const recover = { ...DEFAULT_OCR_SETTINGS.recover, enabled: secondLook !== false };
  const resolution = { ...DEFAULT_OCR_SETTINGS.resolution, ...(printSize === false ? { minGlyphPx: 0 } : {}) };
  const cells = { ...DEFAULT_OCR_SETTINGS.cells, ...(allCells ? { sureConfidence: 101, knownConfidence: 101 } : {}) };
  const pool = createOcrPool({ workers, dpi, settings: { recover, resolution, cells } });
  const t0 = performance.now();
  await Promise.all(WARMUP.slice(0, workers).map(async n => pool.recognizePage(await scan.getPage(pageOf(n)), n)));
  const startSeconds = (performance.now() - t0) / 1000;
  const before = pool.counters();
  const cpu0 = process.cpuUsage();
  const t1 = performance.now();
  const results = await Promise.all(pages.map(async n => [n, await pool.recognizePage(await scan.getPage(pageOf(n)), n)]));
  const wall = (performance.now() - t1) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const after = pool.counters();
  const phases = Object.fromEntries(Object.keys(after).map(k => [k, after[k] - before[k]]));
  await pool.close();

  const grid = await openDocument(new Uint8Array(readFileSync(GRID)));
  const amounts = { exact: 0, total: 0 }, codes = { exact: 0, total: 0 }, rules = { matched: 0, reference: 0, spurious: 0 };
  for (const [n, r] of results) {
    const ref = await readPage(grid, n);
    if (shrink) {
      const k = shrink, scale = b => ({ ...b, x0: b.x0 * k, x1: b.x1 * k, top: b.top * k, bottom: b.bottom * k });
      ref.runs = ref.runs.map(scale); ref.rules = ref.rules.map(scale);
    }
    const refRules = mergeRules(ref.rules, 0.5);
    const offset = estimateOffset(refRules, r.rules, 10);
    const runs = r.runs.map(x => shiftBox(x, offset));
    const a = scoreAmounts(ref.runs, runs, 3), c = scoreCodes(ref.runs, runs, 3);
    const s = scoreRules(refRules, r.rules.map(x => shiftBox(x, offset)), 2);
    amounts.exact += a.exact; amounts.total += a.total; codes.exact += c.exact; codes.total += c.total;
    rules.matched += s.matched; rules.reference += s.reference; rules.spurious += s.spurious;
  }
  const meanPageSeconds = results.reduce((t, [, r]) => t + r.seconds, 0) / results.length;
  console.log(JSON.stringify({
    workers, dpi, secondLook, printSize, allCells, finerPages: phases.finerPages, startSeconds, wallPerPage: wall / pages.length, meanPageSeconds,
    cpuPerPage: (cpu.user + cpu.system) / 1e6 / pages.length,
    peakRssMb: process.resourceUsage().maxRSS / 1024, amounts, codes, rules, phases,
  }));
}

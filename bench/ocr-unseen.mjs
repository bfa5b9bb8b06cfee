#!/usr/bin/env node
/**
 * OCR on scans nobody has seen (build first: `npx tsc -p .`). For each real disclosure: take a few of
 * its table pages, make a degraded scan and a broken-text copy of them (bench/support/degrade.mjs),
 * extract all three, and compare what OCR gives against the text layer of the same pages:
 *
 * - tables: how many the text layer finds, how many OCR finds, how many of those match (number/title);
 * - cells: recall of the text layer's amount cells (same row — by code, else by name — same column,
 *   same value);
 * - every value that differs is classed: `repaired` (an ocr_repair check on the cell; only counted
 *   as differing when the repair is wrong), `unreadable` (OCR marked the cell), `flagged` (a failed
 *   check in the same table on the cell's row or column), or `silent` — a wrong number nobody flags,
 *   the figure this bench exists to keep at zero.
 *
 *   node bench/ocr-unseen.mjs                       # the default 8 documents, 2 table pages each, scan + broken text
 *   node bench/ocr-unseen.mjs --pages-per-doc 3 --kinds scan --dpi 150 --seed 2 FILE.pdf …
 *   (--ocr-dpi N: OCR render resolution instead of the pool's default; --verbose: every missed cell and why;
 *   --user-words: tesseract given the standard terms and registry names as user words; --keep DIR: write each
 *   document's page subset, its degraded copies and the extractions (text layer and OCR) to DIR to inspect)
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { PDFDocument } from 'pdf-lib';
import { brokenText, degradedScan } from './support/degrade.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = (p) => pathToFileURL(path.join(root, 'dist', p)).href;
const { extractDocument } = await import(dist('pipeline.js'));
const { createOcrPool } = await import(dist('ocr/index.js'));
const { tesseractEngineFactory, DEFAULT_TESSERACT_SETTINGS } = await import(dist('ocr/engine.js'));
const { STANDARD_TERMS } = await import(dist('codes/standardTerms.js'));
const { registryEntries } = await import(dist('codes/index.js'));

const DEFAULT_DOCS = [
  'samples/real/shanghai-putuo-govt-office-2025-dept-budget.pdf',
  'samples/real/jiangsu-provincial-high-court-2019-dept-budget.pdf',
  'samples/real/shanghai-putuo-finance-bureau-2024-dept-final.pdf',
  'samples/real/jiangsu-provincial-party-committee-office-2019-dept-budget-tables.pdf',
  'samples/wild/shanghai-forensic-science-institute-2026-unit-budget.pdf',
  'samples/wild/fuzhou-science-technology-bureau-2026-unit-budget.pdf',
  'samples/wild/chongqing-water-resources-2026-dept-budget.pdf',
  'samples/wild/beijing-municipal-audit-2026-dept-budget-tables.pdf',
];

const args = process.argv.slice(2);
const opt = (name, d) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : d; };
const flags = new Set(['--pages-per-doc', '--kinds', '--dpi', '--seed', '--workers', '--ocr-dpi', '--keep']);
const files = args.filter((a, i) => !a.startsWith('--') && !flags.has(args[i - 1]));
const docs = files.length ? files : DEFAULT_DOCS;
const perDoc = Number(opt('--pages-per-doc', 2));
const kinds = opt('--kinds', 'scan,broken').split(',');
const seed = Number(opt('--seed', 1));
const dpi = Number(opt('--dpi', 200));
const verbose = args.includes('--verbose');
const keep = opt('--keep');
if (keep) mkdirSync(keep, { recursive: true });
/** Under --keep: write `data` (bytes or a JSON-able value) as DIR/<document>.<suffix>. */
const kept = (file, suffix, data) => keep && writeFileSync(path.join(keep, `${path.basename(file, '.pdf')}.${suffix}`),
  data instanceof Uint8Array ? data : JSON.stringify(data, null, 1));

// Generous page time limit: the bench measures reading, not a loaded machine's patience.
// --user-words: tesseract is told the vocabulary (standard terms and every registry name) as user words.
const userWords = args.includes('--user-words') ? [...new Set([...STANDARD_TERMS, ...registryEntries().map(e => e.name)])] : [];
const engine = userWords.length ? { engine: tesseractEngineFactory({ ...DEFAULT_TESSERACT_SETTINGS(), userWords }) } : {};
const pool = createOcrPool({ ...engine, workers: Number(opt('--workers', 2)), pageTimeoutMs: 900_000, ...(opt('--ocr-dpi') ? { dpi: Number(opt('--ocr-dpi')) } : {}) });
const fold = (s) => (s ?? '').normalize('NFKC').replace(/\s/g, '');
const rowKey = (rec) => (rec.code && !rec.project ? `code:${rec.code}` : `name:${fold(rec.name)}|${fold(rec.project)}`);
const label = (t) => t.number ?? t.title;

/** Table pages of a text-layer extraction: the first page of up to `n` tables with rows, in order. */
function tablePages(doc, n) {
  const pages = [];
  for (const t of doc.tables) {
    const p = t.rows.find(r => r.records.some(rec => Object.keys(rec.amounts).length))?.page;
    if (p && !pages.includes(p)) pages.push(p);
    if (pages.length >= n) break;
  }
  return pages.sort((a, b) => a - b);
}

async function subset(bytes, pages) {
  const src = await PDFDocument.load(bytes, { updateMetadata: false });
  const out = await PDFDocument.create();
  for (const p of await out.copyPages(src, pages.map(n => n - 1))) out.addPage(p);
  return out.save();
}

/** The OCR table that is the text layer's `truth`: same number, title or type, else the one at the same place. */
function matchTable(truth, index, tables, used) {
  const free = tables.filter(t => !used.has(t));
  return free.find(t => t.number && t.number === truth.number) ?? free.find(t => t.title === truth.title)
    ?? free.find(t => truth.type && t.type === truth.type) ?? (tables[index] && !used.has(tables[index]) ? tables[index] : null);
}

/** Why a text-layer cell has no OCR counterpart: its row key absent, its column absent, or both present apart. */
function missReason(c, o, cells) {
  const keys = [...cells.keys()];
  const rowThere = keys.some(k => k.startsWith(`${c.row}|`));
  const colThere = keys.some(k => k.endsWith(`|${c.key}`));
  const valueAt = keys.filter(k => cells.get(k).v !== null && Math.round(cells.get(k).v * 100) === Math.round(c.v * 100));
  const why = !rowThere ? 'row' : !colThere ? 'column' : 'cell';
  return `${label(o)} [${why}] ${c.row} ${c.key} = ${c.v}${valueAt.length ? ` (value at ${valueAt.slice(0, 2).join(' ; ')})` : ''}`;
}

/** Compare an OCR extraction against the text layer's extraction of the same pages. */
function compare(truth, ocr) {
  const s = { tables: truth.tables.length, ocrTables: ocr.tables.length, tablesMatched: 0, typed: 0, cells: 0, found: 0, missing: 0,
    repaired: 0, differ: { unreadable: 0, flagged: 0, wrongRepair: 0, silent: 0 }, silent: [], missed: [] };
  const used = new Set();
  const fails = ocr.checks.filter(c => c.status === 'fail');
  for (const [i, t] of truth.tables.entries()) {
    const o = matchTable(t, i, ocr.tables, used);
    const truthCells = t.rows.flatMap(r => r.records.flatMap(rec => Object.entries(rec.amounts).map(([k, v]) => ({ row: rowKey(rec), key: k, v }))));
    s.cells += truthCells.length;
    if (!o) { s.missing += truthCells.length; continue; }
    used.add(o);
    s.tablesMatched++;
    if (o.type === t.type) s.typed++;
    const cells = new Map();
    for (const r of o.rows) for (const rec of r.records) {
      for (const [k, v] of Object.entries(rec.amounts)) if (!cells.has(`${rowKey(rec)}|${k}`)) cells.set(`${rowKey(rec)}|${k}`, { v, r, rec });
      for (const [k, raw] of Object.entries(rec.unreadable ?? {})) if (!cells.has(`${rowKey(rec)}|${k}`)) cells.set(`${rowKey(rec)}|${k}`, { v: null, raw, r, rec });
    }
    const repairs = ocr.checks.filter(c => c.rule === 'ocr_repair' && c.table === label(o));
    for (const c of truthCells) {
      const got = cells.get(`${c.row}|${c.key}`);
      if (!got) { s.missing++; if (verbose) s.missed.push(missReason(c, o, cells)); continue; }
      const repaired = repairs.some(x => x.row === got.r.index && x.column === c.key);
      if (got.v !== null && Math.round(got.v * 100) === Math.round(c.v * 100)) { s.found++; if (repaired) s.repaired++; continue; }
      if (got.v === null) { s.differ.unreadable++; if (verbose) s.missed.push(`${label(o)} [unreadable] ${c.row} ${c.key} = ${c.v}: "${got.raw}"`); continue; }
      const flagged = fails.some(f => f.table === label(o) && (f.row === got.r.index || f.column === c.key));
      if (flagged) { s.differ.flagged++; if (verbose) s.missed.push(`${label(o)} [flagged] ${c.row} ${c.key} = ${c.v}: read ${got.v}`); }
      else if (repaired) s.differ.wrongRepair++;
      else { s.differ.silent++; s.silent.push(`${label(o)} ${c.row} ${c.key}: ${got.v} for ${c.v}`); }
    }
  }
  return s;
}

const totals = {};
const cpu0 = process.cpuUsage();
const t0 = performance.now();
let ocrPages = 0;
console.log(`OCR on unseen scans: ${docs.length} documents, ${perDoc} table pages each, ${kinds.join(' + ')}, ${dpi} dpi, seed ${seed}\n`);
for (const file of docs) {
  const bytes = new Uint8Array(readFileSync(path.resolve(root, file)));
  const full = await extractDocument(bytes.slice(), path.basename(file), { ocr: null });
  const pages = tablePages(full.document, perDoc);
  if (!pages.length) { console.log(`${path.basename(file)}: no table pages`); continue; }
  const part = await subset(bytes, pages);
  const truth = (await extractDocument(part.slice(), 'text.pdf', { ocr: null })).document;
  kept(file, 'text.pdf', part);
  kept(file, 'text.json', truth);
  for (const kind of kinds) {
    const copy = kind === 'scan' ? await degradedScan(part, { dpi, seed }) : (await brokenText(part, { seed })).bytes;
    const r = await extractDocument(new Uint8Array(copy), `${kind}.pdf`, { ocr: pool });
    kept(file, `${kind}.pdf`, new Uint8Array(copy));
    kept(file, `${kind}.json`, r.document);
    ocrPages += r.counters.pagesOcr;
    const s = compare(truth, r.document);
    const t = (totals[kind] ??= { docs: 0, tables: 0, ocrTables: 0, tablesMatched: 0, typed: 0, cells: 0, found: 0, missing: 0, repaired: 0, unreadable: 0, flagged: 0, wrongRepair: 0, silent: 0 });
    t.docs++; t.tables += s.tables; t.ocrTables += s.ocrTables; t.tablesMatched += s.tablesMatched; t.typed += s.typed; t.cells += s.cells; t.found += s.found;
    t.missing += s.missing; t.repaired += s.repaired; t.unreadable += s.differ.unreadable; t.flagged += s.differ.flagged;
    t.wrongRepair += s.differ.wrongRepair; t.silent += s.differ.silent;
    console.log(`${path.basename(file)} pp.${pages.join(',')} ${kind}: tables ${s.tablesMatched}/${s.tables} (OCR ${s.ocrTables}, ${s.typed} typed alike), cells ${s.found}/${s.cells} `
      + `(missing ${s.missing}, repaired ${s.repaired}), differing: unreadable ${s.differ.unreadable}, flagged ${s.differ.flagged}, wrong repair ${s.differ.wrongRepair}, silent ${s.differ.silent}`);
    for (const x of s.silent.slice(0, 5)) console.log(`    silent: ${x}`);
    for (const x of s.missed) console.log(`    missed: ${x}`);
  }
}
await pool.close();
const cpu = process.cpuUsage(cpu0);
console.log('\nkind    docs  tables found/text (OCR) typed alike  cell recall  repaired  unreadable  flagged  wrong repair  silent');
for (const [kind, t] of Object.entries(totals)) {
  console.log(`${kind.padEnd(7)} ${String(t.docs).padStart(4)}  ${`${t.tablesMatched}/${t.tables} (${t.ocrTables})`.padStart(22)} ${String(t.typed).padStart(11)}  ${(t.found / Math.max(1, t.cells)).toFixed(3).padStart(11)}  ${String(t.repaired).padStart(8)}  ${String(t.unreadable).padStart(10)}  ${String(t.flagged).padStart(7)}  ${String(t.wrongRepair).padStart(12)}  ${String(t.silent).padStart(6)}`);
}
console.log(`\n${ocrPages} pages read by OCR; wall ${((performance.now() - t0) / 1000).toFixed(0)} s, CPU ${((cpu.user + cpu.system) / 1e6).toFixed(0)} s of this process (tesseract runs in worker threads of it).`);

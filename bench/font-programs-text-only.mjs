#!/usr/bin/env node
// Proof that pdf.js's fontProgramsForTextOnly (patches/pdfjs-dist+5.6.205.patch; set for text-only
// documents by src/pdf/openDocument.ts) changes no text: every PDF under the folders given (default: the
// bundled samples) is opened twice with the parameters a text-only document is opened with, once with the
// option and once without, and on every page the two must give the same text items (str, transform, width,
// height, dir, fontName without the document number pdf.js puts in it, hasEOL), the same glyphs in the
// operator list's text operators (unicode, width, isSpace, vertical, character code: what text clipping
// reads) and the same pdf.js warnings. The option
// also changes glyph.fontChar / isInFont (the code a drawn font would be indexed by), which only drawing
// reads; they are not compared. Also the CPU time of reading every page both ways: with --rounds N each
// document is read N times each way, alternating which goes first, and the least CPU of each is summed.
// Usage: npm run build && node bench/font-programs-text-only.mjs [--rounds N] [folder …]
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { loadInThreadParser, pdfjs } from '../dist/pdf/pdfjsLoaded.js';

const root = path.join(import.meta.dirname, '..');
const pkgRoot = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')) + path.sep;
const args = process.argv.slice(2);
const roundsAt = args.indexOf('--rounds');
const rounds = roundsAt >= 0 ? Math.max(1, Number(args.splice(roundsAt, 2)[1]) || 1) : 1;
const folders = args.length ? args : [path.join(root, 'samples')];
const pdfs = folders.flatMap(function walk(p) {
  if (statSync(p).isDirectory()) return readdirSync(p).sort().flatMap(f => walk(path.join(p, f)));
  return p.toLowerCase().endsWith('.pdf') ? [p] : [];
});

let warnings = [];
const consoleWarn = console.warn;
console.warn = (...args) => { warnings.push(args.map(String).join(' ')); };

await loadInThreadParser();
const FONT_RULE_SINK = { // as in openDocument.ts: takes the @font-face rules of a document never drawn
  createElement: () => ({ sheet: { insertRule: () => 0, cssRules: [] }, remove: () => undefined }),
  documentElement: { getElementsByTagName: () => [{ append: () => undefined }] },
};

/** Per page: text items, operator-list glyphs and warnings, read with or without the option; CPU seconds. */
async function read(file, textOnlyFonts) {
  const cpu0 = process.cpuUsage();
  const pages = [];
  warnings = [];
  const task = pdfjs.getDocument({
    data: new Uint8Array(readFileSync(file)),
    cMapUrl: pkgRoot + 'cmaps' + path.sep, cMapPacked: true,
    standardFontDataUrl: pkgRoot + 'standard_fonts' + path.sep, wasmUrl: pkgRoot + 'wasm' + path.sep,
    isEvalSupported: false, maxImageSize: 0, useSystemFonts: false,
    disableFontFace: false, ownerDocument: FONT_RULE_SINK, fontProgramsForTextOnly: textOnlyFonts, verbosity: 1,
  });
  let doc;
  try {
    doc = await task.promise;
  } catch (err) {
    return { error: String(err?.message ?? err), warnings, pages, cpu: 0 };
  }
  doc._transport.fontLoader.bind = () => Promise.resolve(); // as skipFontFaces in openDocument.ts
  for (let n = 1; n <= doc.numPages; n++) {
    warnings = [];
    const page = await doc.getPage(n);
    const text = await page.getTextContent({ disableNormalization: true });
    const ops = await page.getOperatorList();
    const glyphs = [];
    for (let i = 0; i < ops.fnArray.length; i++) {
      if (ops.fnArray[i] !== pdfjs.OPS.showText) continue;
      for (const g of ops.argsArray[i][0]) {
        glyphs.push(typeof g === 'number' ? g : g && [g.unicode, g.width, g.isSpace, g.vertical, g.originalCharCode]);
      }
    }
    pages.push({
      items: text.items.map(t => [t.str, t.transform, t.width, t.height, t.dir, t.fontName.replace(/^g_d\d+_/, ''), t.hasEOL]),
      glyphs, warnings,
    });
    page.cleanup();
  }
  await doc.destroy();
  const cpu = process.cpuUsage(cpu0);
  return { pages, cpu: (cpu.user + cpu.system) / 1e6 };
}

let pageCount = 0, differing = 0, cpuWithout = 0, cpuWith = 0;
for (const file of pdfs) {
  const a = await read(file, false);
  const b = await read(file, true);
  for (let r = 1; r < rounds; r++) { // more readings for the CPU figures only
    const [first, second] = r % 2 ? [true, false] : [false, true];
    for (const [textOnlyFonts, into] of [[first, first ? b : a], [second, second ? b : a]]) {
      into.cpu = Math.min(into.cpu, (await read(file, textOnlyFonts)).cpu);
    }
  }
  cpuWithout += a.cpu; cpuWith += b.cpu;
  pageCount += a.pages.length;
  const diffs = [];
  if (a.error !== b.error) diffs.push(`open: ${a.error} | ${b.error}`);
  if (a.pages.length !== b.pages.length) diffs.push(`pages ${a.pages.length} | ${b.pages.length}`);
  for (let i = 0; i < Math.min(a.pages.length, b.pages.length); i++) {
    for (const k of ['items', 'glyphs', 'warnings']) {
      if (JSON.stringify(a.pages[i][k]) !== JSON.stringify(b.pages[i][k])) diffs.push(`page ${i + 1}: ${k} differ`);
    }
  }
  differing += diffs.length ? 1 : 0;
  consoleWarn(`${diffs.length ? 'DIFFERENT' : 'same'}  ${a.pages.length} pages  ${path.relative(process.cwd(), file)}` +
    `  (CPU ${a.cpu.toFixed(2)} s -> ${b.cpu.toFixed(2)} s)` + (diffs.length ? '\n  ' + diffs.slice(0, 10).join('\n  ') : ''));
}
consoleWarn(`${pdfs.length} PDFs, ${pageCount} pages: ${differing} PDF(s) with a difference. ` +
  `CPU reading every page${rounds > 1 ? ` (least of ${rounds} readings)` : ''}: ${cpuWithout.toFixed(2)} s without the option, ` +
  `${cpuWith.toFixed(2)} s with it.`);
process.exitCode = differing ? 1 : 0;

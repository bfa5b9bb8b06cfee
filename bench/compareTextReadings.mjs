#!/usr/bin/env node
// Text items as the pipeline reads them (src/pdf/textRuns.ts readPageText: built from the operator list,
// src/pdf/opListText.ts, or read with getTextContent where that is refused) against pdf.js's
// getTextContent, on every page of every PDF under the given folders: pages compared, pages identical
// (the items the pipeline reads: non-blank, with str, transform, width, height and fontName), pages read
// with getTextContent instead (by reason), and the differences by kind, with a few examples. `port`
// counts the port alone (before the per-document checks).
// Usage: npm run build && node bench/compareTextReadings.mjs DIR...
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { openDocument } from '../dist/pdf/openDocument.js';
import { textItemsFromOperatorList } from '../dist/pdf/opListText.js';
import { loadedFontOf, readPageText, textReadings } from '../dist/pdf/textRuns.js';
import { collectParseWarnings } from '../dist/pdf/parseWarnings.js';

const pdfs = (dir) => readdirSync(dir).flatMap((f) => {
  const p = path.join(dir, f);
  return statSync(p).isDirectory() ? pdfs(p) : f.toLowerCase().endsWith('.pdf') ? [p] : [];
});
const files = process.argv.slice(2).flatMap(pdfs);
const nonBlank = (items) => items.filter((i) => 'str' in i && i.str.trim() !== '');
const FIELDS = ['str', 'transform', 'width', 'height', 'fontName'];
const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

const port = { pages: 0, identical: 0, refused: 0, differing: 0 };
const totals = { documents: 0, unreadable: 0, pages: 0, identical: 0, refused: 0, differing: 0 };
const diffBy = new Map(), examples = [];
const bump = (m, k) => m.set(k, (m.get(k) ?? 0) + 1);

for (const file of files) {
  let doc;
  try { doc = await openDocument(new Uint8Array(readFileSync(file)), { textOnly: true }); } catch { totals.unreadable++; continue; }
  totals.documents++;
  for (let n = 1; n <= doc.numPages; n++) {
    let page;
    try { page = await doc.getPage(n); } catch { continue; }
    totals.pages++;
    try {
      const { result: ops, warnings } = await collectParseWarnings(() => page.getOperatorList());
      const portReading = warnings.length ? { refused: 'parse warnings' } : textItemsFromOperatorList(ops, loadedFontOf(page), page.view);
      const content = (await page.getTextContent({ disableNormalization: true })).items;
      const pick = (items) => items.map((i) => Object.fromEntries(FIELDS.map((f) => [f, i[f]])));
      const theirs = pick(nonBlank(content));
      port.pages++;
      if ('refused' in portReading) port.refused++;
      else if (same(pick(nonBlank(portReading.items)), theirs)) port.identical++;
      else port.differing++;
      const before = textReadings.fromOps;
      const { items } = await readPageText(page, doc);
      if (textReadings.fromOps === before) { totals.refused++; continue; }
      const mine = pick(items);
      if (same(mine, theirs)) { totals.identical++; continue; }
      totals.differing++;
      const k = mine.findIndex((m, i) => !same(m, theirs[i]));
      const kind = mine.length !== theirs.length ? 'count' : FIELDS.find((f) => !same(mine[k][f], theirs[k][f]));
      bump(diffBy, kind);
      if (examples.length < 12) examples.push({ file: path.basename(file), page: n, kind, lengths: [mine.length, theirs.length], mine: mine.slice(k, k + 2), theirs: theirs.slice(k, k + 2) });
    } finally {
      page.cleanup();
    }
  }
  await doc.destroy();
}
console.log(JSON.stringify({ ...totals, readWithGetTextContentBy: Object.fromEntries(textReadings.fellBack), port, differencesBy: Object.fromEntries(diffBy) }, null, 1));
for (const e of examples) console.log(JSON.stringify(e));

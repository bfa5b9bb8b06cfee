#!/usr/bin/env node
// Builds src/codes/registry.json, the classification registry the product reads at start-up, from
//  - the official 科目 lists in scripts/registry/official-*.txt (hand-kept from the published
//    政府收支分类科目; see the header of official-functional.txt for the line format), and
//  - the codes printed in real disclosures (test/fixtures/codes/*.tsv) as evidence: every official entry
//    gets the number of documents and cities printing it under its name, and a code missing from the
//    official lists is added (source "observed") when two or more cities print it under the same name
//    and its parent is known. A name seen in one city only is a hint, never an entry.
// Conflicts (an official code printed under another name by two or more cities) are listed on stderr
// so the official lists can be checked. Run after `npm run build` (it reuses the product's name folding):
//   npm run build && node scripts/build-registry.mjs
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { entryLine, nameKey, REGISTRY_COLUMNS, RegistryFileSchema } from '../dist/codes/entries.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const read = rel => readFileSync(root + rel, 'utf8');
const EDITION = 2025;
const STANDARD_ITEMS = [['01', '行政运行'], ['02', '一般行政管理事务'], ['03', '机关服务'], ['50', '事业运行']];

const classificationOf = code =>
  /^2\d{2}(\d{2}){0,2}$/.test(code) ? 'functional' : /^3\d{2}(\d{2})?$/.test(code) ? 'economic'
    : /^5\d{2}(\d{2})?$/.test(code) ? 'government_economic' : null;
const levelOf = code => ({ 3: '类', 5: '款', 7: '项' })[code.length];
const keyOf = (cls, code) => `${cls}:${code}`;

/** Official list lines: CODE NAME [+std] [was:NAME<=YEAR]… [from:YEAR] [until:YEAR]. */
function parseOfficial(file, cls) {
  const out = [];
  for (const [i, raw] of read(file).split('\n').entries()) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const [code, name, ...tokens] = line.split(/\s+/);
    if (classificationOf(code) !== cls || !name) throw new Error(`${file}:${i + 1}: malformed line "${line}"`);
    const entry = { code, classification: cls, level: levelOf(code), name, valid_from: null, valid_until: null, former_names: [], source: 'official', documents: 0, cities: 0 };
    let standard = false;
    for (const t of tokens) {
      let m;
      if (t === '+std') standard = true;
      else if ((m = t.match(/^was:(.+)<=(\d{4})$/))) entry.former_names.push({ name: m[1], until: Number(m[2]) });
      else if ((m = t.match(/^from:(\d{4})$/))) entry.valid_from = Number(m[1]);
      else if ((m = t.match(/^until:(\d{4})$/))) entry.valid_until = Number(m[1]);
      else throw new Error(`${file}:${i + 1}: unknown token "${t}"`);
    }
    out.push(entry);
    if (standard) for (const [suffix, item] of STANDARD_ITEMS)
      out.push({ ...entry, code: code + suffix, level: '项', name: item, former_names: [] });
  }
  return out;
}

const entries = new Map();
for (const [file, cls] of [['scripts/registry/official-functional.txt', 'functional'], ['scripts/registry/official-economic.txt', 'economic'],
  ['scripts/registry/official-government-economic.txt', 'government_economic']]) {
  for (const e of parseOfficial(file, cls)) {
    if (entries.has(keyOf(cls, e.code))) throw new Error(`${file}: duplicate code ${e.code}`);
    entries.set(keyOf(cls, e.code), e);
  }
}

/** Evidence: per code and folded name, the documents and cities printing it. */
const sightings = new Map();
function sight(code, printed, documents, cities) {
  const cls = classificationOf(code);
  const key = nameKey(printed ?? '');
  // Names with digits are cells read together with a neighbour ("基本工资50101"), not names.
  if (!cls || !key || /\d/.test(key)) return;
  const k = keyOf(cls, code);
  const byName = sightings.get(k) ?? new Map();
  sightings.set(k, byName);
  const s = byName.get(key) ?? { names: new Map(), documents: 0, cities: new Set() };
  byName.set(key, s);
  const shown = printed.normalize('NFC').replace(/\s+/g, '').replace(/^(?:['‘’`]|[-－—–―─·•]+|其中[:：]?)+/, '');
  s.names.set(shown, (s.names.get(shown) ?? 0) + documents);
  s.documents += documents;
  for (const c of cities) s.cities.add(c);
}

const tsv = rel => {
  const [head, ...rows] = read(rel).split('\n').filter(Boolean).map(l => l.split('\t'));
  return rows.map(r => Object.fromEntries(head.map((h, i) => [h, r[i] ?? ''])));
};
// Each city in city_list counts once; "?" (a document whose city was not recorded) counts as one more.
for (const r of tsv('test/fixtures/codes/observed-codes-2026.tsv'))
  sight(r.code, r.printed_name, Number(r.documents), r.city_list.split(',').filter(Boolean));
// The older Jiangsu and Shanghai disclosures: documents only, their cities are not recorded per name.
for (const r of tsv('test/fixtures/codes/observed-codes-from-real-pdfs.UNOFFICIAL.tsv')) {
  sight(r.code, r.name_as_printed, Number(r.n_docs_with_this_name), []);
  for (const m of (r['other_names_seen(n_docs)'] ?? '').matchAll(/([^;；]+?)\((\d+)\)/g)) sight(r.code, m[1].trim(), Number(m[2]), []);
}

const conflicts = [];
for (const e of entries.values()) {
  const names = new Set([e.name, ...e.former_names.map(f => f.name)].map(nameKey));
  const seen = [...(sightings.get(keyOf(e.classification, e.code)) ?? new Map())];
  const cities = new Set();
  for (const [key, s] of seen) {
    if (names.has(key)) { e.documents += s.documents; s.cities.forEach(c => cities.add(c)); }
    else if (s.cities.size >= 2) conflicts.push(`${e.code} official "${e.name}", printed "${[...s.names.keys()][0]}" (${s.documents} documents, ${s.cities.size} cities)`);
  }
  e.cities = cities.size;
}

// Codes the official lists lack, printed alike by two or more cities: parents first, so a 项 finds its 款.
const added = [];
const missing = [...sightings.keys()].filter(k => !entries.has(k)).sort((a, b) => a.length - b.length || a.localeCompare(b));
for (const k of missing) {
  const [cls, code] = k.split(':');
  const best = [...sightings.get(k).values()].sort((a, b) => b.cities.size - a.cities.size || b.documents - a.documents)[0];
  if (best.cities.size < 2) continue;
  if (code.length > 3 && !entries.has(keyOf(cls, code.slice(0, -2)))) { conflicts.push(`${code} "${[...best.names.keys()][0]}": parent ${code.slice(0, -2)} unknown, not added`); continue; }
  const name = [...best.names].sort((a, b) => b[1] - a[1])[0][0];
  const entry = { code, classification: cls, level: levelOf(code), name, valid_from: null, valid_until: null, former_names: [], source: 'observed', documents: best.documents, cities: best.cities.size };
  entries.set(k, entry);
  added.push(`${code} ${name} (${entry.documents} documents, ${entry.cities} cities)`);
}

const ORDER = ['functional', 'economic', 'government_economic'];
const sorted = [...entries.values()].sort((a, b) => ORDER.indexOf(a.classification) - ORDER.indexOf(b.classification) || a.code.localeCompare(b.code));
const file = RegistryFileSchema.parse({
  edition: EDITION,
  note: 'Generated by scripts/build-registry.mjs from scripts/registry/official-*.txt and the observed codes in test/fixtures/codes; do not edit by hand.',
  columns: [...REGISTRY_COLUMNS],
  entries: sorted.map(entryLine),
});
const out = root + 'src/codes/registry.json';
const body = `{\n  "edition": ${file.edition},\n  "note": ${JSON.stringify(file.note)},\n  "columns": ${JSON.stringify(file.columns)},\n  "entries": [\n${file.entries.map(e => `    ${JSON.stringify(e)}`).join(',\n')}\n  ]\n}\n`;
writeFileSync(out + '.tmp', body);
renameSync(out + '.tmp', out);

const count = (cls, src) => sorted.filter(e => e.classification === cls && (!src || e.source === src)).length;
for (const cls of ORDER) console.log(`${cls}: ${count(cls)} entries (${count(cls, 'official')} official, ${count(cls, 'observed')} observed only)`);
if (added.length) console.log(`added from observation:\n  ${added.join('\n  ')}`);
if (conflicts.length) console.error(`to check against the official lists:\n  ${conflicts.join('\n  ')}`);

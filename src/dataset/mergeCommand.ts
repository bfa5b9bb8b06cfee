import { parseArgs } from 'node:util';
import type { OutputDocument } from '../model/document.js';
import { buildDataset } from './buildDataset.js';
import { collectJsonFiles, readOutputDocument } from './readInputs.js';
import { writeDataset } from './writeDataset.js';

export const MERGE_HELP = `budget-tables merge <output folders or NAME.json files…> --out DATASET_DIR

Merges the NAME.json outputs of \`budget-tables extract\` into one dataset:
  DATASET_DIR/cells.csv         every amount of every document, tidy: document, table type, canonical
                                column key, code and official name, amount in 元 (exact), printed value
  DATASET_DIR/documents.csv     one row per document: metadata, pages, tables, checks, text source
  DATASET_DIR/codes.csv         every code seen: official name, parent, the printed names and how often
  DATASET_DIR/indicators.csv    every indicator of every performance-target form (绩效目标表): project,
                                一级/二级/三级指标, target as printed and parsed, weight
  DATASET_DIR/datapackage.json  Frictionless Tabular Data Package (with a Fiscal Data Package model)
Folders are searched for *.json recursively; a document given twice (same sha256) is taken once.
Files that are not output documents are reported and skipped.

Exit status: 0 written, 1 an input could not be read, 2 bad usage.
`;

/** \`budget-tables merge\`: args are everything after the word "merge". */
export async function mergeCommand(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: { out: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
  } catch (err) { console.error((err as Error).message); return 2; }
  if (parsed.values.help) { console.log(MERGE_HELP); return 0; }
  if (!parsed.values.out || !parsed.positionals.length) { console.error('usage: budget-tables merge <output folders or NAME.json files…> --out DATASET_DIR  (see --help)'); return 2; }
  const { files, problems } = await collectJsonFiles(parsed.positionals);
  const docs: OutputDocument[] = [];
  for (const file of files) {
    const r = await readOutputDocument(file);
    if ('doc' in r) docs.push(r.doc); else problems.push(r.problem);
  }
  for (const p of problems) console.error(`${p.file}: ${p.message}`);
  if (!docs.length) { console.error('no output documents found'); return problems.length ? 1 : 2; }
  const data = buildDataset(docs);
  await writeDataset(parsed.values.out, data);
  const c = data.counters;
  console.log(`${c.documents} documents, ${c.cells} cells (${c.cellsWithoutKey} without a canonical column key, ${c.cellsWithoutYuan} without a unit), `
    + `${c.codes} codes (${c.codesNotInRegistry} not in the registry, ${c.codesWithOtherNames} printed under another name), ${c.indicators} indicators`
    + (c.duplicates.length ? `; skipped duplicates: ${c.duplicates.join(', ')}` : '') + ` → ${parsed.values.out}`);
  return problems.length ? 1 : 0;
}

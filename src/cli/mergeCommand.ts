import { outDirProblem, parseCommandArgs, usageLine } from './cliArgs.js';
import type { OutputDocument } from '../model/document.js';
import { buildDataset } from '../dataset/buildDataset.js';
import { collectJsonFiles, readOutputDocument } from '../dataset/readInputs.js';
import { writeDataset } from '../dataset/writeDataset.js';

export const MERGE_HELP = `budget-tables merge <output folders or NAME.json files…> --out DATASET_DIR

Merges the NAME.json outputs of \`budget-tables extract\` into one dataset:
  DATASET_DIR/cells.csv         every amount of every document, tidy: document, table type, canonical
                                column key, code and official name, amount in 元 (exact), printed value
  DATASET_DIR/documents.csv     one row per document: metadata, pages, tables, checks, text source
  DATASET_DIR/codes.csv         every code seen: official name, parent, the printed names and how often
  DATASET_DIR/indicators.csv    every indicator of every performance-target form (绩效目标表): project,
                                一级/二级/三级指标, target as printed and parsed, weight
  DATASET_DIR/datapackage.json  Frictionless Tabular Data Package (with a Fiscal Data Package model)
Folders are searched for *.json recursively (links followed); only output documents are read: a
batch's summary.json and manifest, a dataset's datapackage.json and other JSON are passed over. A file
named on the command line must be an output document.

The same document twice (same sha256) is taken once. The same disclosure in two different files (a
re-upload or re-export: same unit, year, kind and scope) is taken once too, keeping the copy whose
extraction is not degraded, then the one with more amount cells, then fewer failed checks, then the
first file name; each such pair is reported.

Exit status: 0 written and every input read, 1 an input could not be read or is not an output
document (the dataset is written from the others), 2 bad usage (or --out is a file).
`;

/** \`budget-tables merge\`: args are everything after the word "merge". */
export async function mergeCommand(args: string[]): Promise<number> {
  const parsed = parseCommandArgs(args, { out: { type: 'string' }, help: { type: 'boolean', short: 'h' } });
  if ('problem' in parsed) { console.error(usageLine('merge', parsed.problem)); return 2; }
  if (parsed.values.help) { console.log(MERGE_HELP); return 0; }
  if (!parsed.values.out || !parsed.positionals.length) { console.error(usageLine('merge', 'give output folders or NAME.json files and --out DATASET_DIR')); return 2; }
  const outProblem = await outDirProblem(parsed.values.out);
  if (outProblem) { console.error(usageLine('merge', outProblem)); return 2; }
  const { files, problems } = await collectJsonFiles(parsed.positionals);
  const docs: OutputDocument[] = [];
  let others = 0;
  for (const { file, named } of files) {
    const r = await readOutputDocument(file, named);
    if ('doc' in r) docs.push(r.doc); else if ('problem' in r) problems.push(r.problem); else others++;
  }
  for (const p of problems) console.error(`${p.file}: ${p.message}`);
  if (!docs.length) { console.error('no output documents found'); return problems.length ? 1 : 2; }
  const data = buildDataset(docs);
  await writeDataset(parsed.values.out, data);
  const c = data.counters;
  console.log(`${c.documents} documents, ${c.cells} cells (${c.cellsWithoutKey} without a canonical column key, ${c.cellsWithoutYuan} without a unit), `
    + `${c.codes} codes (${c.codesNotInRegistry} not in the registry, ${c.codesWithOtherNames} printed under another name), ${c.indicators} indicators`
    + (c.duplicates.length ? `; skipped duplicates: ${c.duplicates.join(', ')}` : '')
    + (others ? `; passed over ${others} JSON file${others === 1 ? '' : 's'} that are not output documents` : '') + ` → ${parsed.values.out}`);
  for (const r of c.reuploads) {
    console.log(`same disclosure in ${r.dropped.length + 1} files (${r.unit} ${r.year} ${r.kind}${r.scope ? ` ${r.scope}` : ''}): kept ${r.kept}, left out ${r.dropped.join(', ')}`);
  }
  return problems.length ? 1 : 0;
}

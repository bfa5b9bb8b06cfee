import path from 'node:path';
import { writeToString } from 'fast-csv';
import { writeFileAtomic } from '../emit/atomicWrite.js';
import { neutralize } from '../emit/csv.js';
import type { Dataset } from './buildDataset.js';
import { dataPackage } from './datapackage.js';
import { CELL_FIELDS, CODE_FIELDS, DOCUMENT_FIELDS, type Field, type Row } from './fields.js';
import { INDICATOR_FIELDS } from './indicators.js';

/**
 * A dataset CSV: UTF-8 without a byte-order mark, exactly as datapackage.json declares it (encoding utf-8),
 * so that Frictionless tools, DuckDB and pandas read the first header as written; header from the field
 * list, formula-like text neutralised as in the emit stage's CSVs. (The per-document CSVs keep their BOM:
 * they are made for spreadsheets.)
 */
export async function datasetCsv(fields: readonly Field[], rows: readonly Row[]): Promise<string> {
  // A field with an enum holds the pipeline's own closed values (a comparator "="), never printed text: kept as declared.
  const cell = (f: Field, v: Row[string]): string | number =>
    v === null || v === undefined ? '' : typeof v === 'boolean' ? String(v) : typeof v === 'number' ? v
      : f.type === 'string' && !f.constraints?.enum ? neutralize(v) : v;
  const lines = [fields.map(f => f.name), ...rows.map(r => fields.map(f => cell(f, r[f.name])))];
  return (await writeToString(lines, { rowDelimiter: '\n' })) + '\n';
}

/** Write cells.csv, documents.csv, codes.csv, indicators.csv and datapackage.json into `outDir`, each file whole or not at all. */
export async function writeDataset(outDir: string, data: Dataset): Promise<string[]> {
  const files: [string, string][] = [
    ['cells.csv', await datasetCsv(CELL_FIELDS, data.cells)],
    ['documents.csv', await datasetCsv(DOCUMENT_FIELDS, data.documents)],
    ['codes.csv', await datasetCsv(CODE_FIELDS, data.codes)],
    ['indicators.csv', await datasetCsv(INDICATOR_FIELDS, data.indicators)],
    ['datapackage.json', JSON.stringify(dataPackage(), null, 2) + '\n'],
  ];
  for (const [name, text] of files) await writeFileAtomic(path.join(outDir, name), text);
  return files.map(([name]) => path.join(outDir, name));
}

import { parseArgs } from 'node:util';
import { writeToString } from 'fast-csv';
import { ClassificationSchema, type RegistryEntry } from '../codes/entries.js';
import { lookupCode, registryEdition, registryEntries } from '../codes/index.js';
import { writeFileAtomic } from '../emit/atomicWrite.js';

export const CODES_HELP = `budget-tables codes [--format tsv|csv|json] [--classification C] [--year Y] [--out FILE]

Prints (or writes to FILE) the classification registry the checks use: one line per code with
  code, classification (functional 2xx | economic 3xx | government_economic 5xx), level (类/款/项),
  parent, name (official name in --year, else the edition's), valid_from, valid_until,
  former_names ("name (until YEAR)"; …), source (official list | observed: printed alike by 2+ cities),
  documents and cities (how many real documents and cities were seen printing the code under its name).
  --classification  only functional, economic or government_economic
  --year Y          only codes valid in Y, named as in Y
  --format          tsv (default), csv (UTF-8 with BOM) or json

Exit status: 0 written, 2 bad usage.
`;

const COLUMNS = ['code', 'classification', 'level', 'parent', 'name', 'valid_from', 'valid_until', 'former_names', 'source', 'documents', 'cities'] as const;

function row(e: RegistryEntry, year: number | null): Record<(typeof COLUMNS)[number], string | number> {
  const info = lookupCode(e.code, e.classification, year)!;
  return {
    code: e.code, classification: e.classification, level: e.level, parent: info.parent ?? '', name: info.name,
    valid_from: e.valid_from ?? '', valid_until: e.valid_until ?? '',
    former_names: e.former_names.map(f => `${f.name} (until ${f.until})`).join('; '),
    source: e.source, documents: e.documents, cities: e.cities,
  };
}

/** `budget-tables codes`: args are everything after the word "codes". */
export async function codesCommand(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, options: { format: { type: 'string', default: 'tsv' }, classification: { type: 'string' }, year: { type: 'string' }, out: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
  } catch (err) { console.error((err as Error).message); return 2; }
  const v = parsed.values;
  if (v.help) { console.log(CODES_HELP); return 0; }
  const format = v.format ?? 'tsv';
  if (!['tsv', 'csv', 'json'].includes(format)) { console.error(`--format must be tsv, csv or json, not "${format}"`); return 2; }
  const cls = v.classification === undefined ? null : ClassificationSchema.safeParse(v.classification);
  if (cls && !cls.success) { console.error(`--classification must be one of ${ClassificationSchema.options.join(', ')}`); return 2; }
  const year = v.year === undefined ? null : Number(v.year);
  if (year !== null && !/^\d{4}$/.test(v.year!)) { console.error(`--year must be a year like 2025, not "${v.year}"`); return 2; }
  const rows = registryEntries()
    .filter(e => !cls || e.classification === cls.data)
    .filter(e => year === null || lookupCode(e.code, e.classification, year)!.validInYear)
    .map(e => row(e, year));
  const text = format === 'json'
    ? JSON.stringify({ edition: registryEdition(), year, entries: rows }, null, 1) + '\n'
    : (format === 'csv' ? '\uFEFF' : '') + await writeToString([[...COLUMNS], ...rows.map(r => COLUMNS.map(c => r[c]))],
      { delimiter: format === 'tsv' ? '\t' : ',', rowDelimiter: '\n' }) + '\n';
  if (v.out) { await writeFileAtomic(v.out, text); console.error(`${rows.length} codes → ${v.out}`); return 0; }
  // Piped into head or the like: a closed pipe ends the listing, not an error.
  process.stdout.on('error', err => { if ((err as NodeJS.ErrnoException).code !== 'EPIPE') throw err; });
  process.stdout.write(text);
  return 0;
}

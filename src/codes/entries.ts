import { z } from 'zod';
import { ClassificationSchema, type Classification } from '../model/codes.js';
import type { Level } from '../model/document.js';
import { nameKey } from '../model/text.js';

export { nameKey };

export { ClassificationSchema, type Classification, levelOf, parentOf } from '../model/codes.js';

/** A former official name: in force up to and including `until`, renamed in `until + 1`. */
export const FormerNameSchema = z.object({ name: z.string().min(1), until: z.number().int() });
export type FormerName = z.infer<typeof FormerNameSchema>;

export const RegistryEntrySchema = z.object({
  code: z.string().regex(/^\d{3}(\d{2}){0,2}$/),
  classification: ClassificationSchema,
  level: z.enum(['类', '款', '项']),
  /** Official name in the registry's edition year (or the last name in force, for an abolished code). */
  name: z.string().min(1),
  /** First and last year the code is valid; null when valid since before 2019 / still valid. */
  valid_from: z.number().int().nullable(),
  valid_until: z.number().int().nullable(),
  former_names: z.array(FormerNameSchema),
  /** official: in the published 科目 list; observed: printed with this name by several cities, not in the list. */
  source: z.enum(['official', 'observed']),
  /** Budget documents and cities seen printing the code under its name (or a former name). */
  documents: z.number().int().nonnegative(),
  cities: z.number().int().nonnegative(),
});
export type RegistryEntry = z.infer<typeof RegistryEntrySchema>;

/** The columns of an entry line in src/codes/registry.json, tab-separated, in this order. */
export const REGISTRY_COLUMNS = ['code', 'classification', 'level', 'name', 'valid_from', 'valid_until', 'former_names', 'source', 'documents', 'cities'] as const;

// One entry per line: every field checked by the line's shape (former names "name<=year|name<=year").
const ENTRY_LINE = new RegExp('^\\d{3}(?:\\d{2}){0,2}\\t(?:functional|economic|government_economic)\\t[类款项]\\t[^\\t]+\\t(?:\\d{4})?\\t(?:\\d{4})?' +
  '\\t(?:[^\\t<|]+<=\\d{4}(?:\\|[^\\t<|]+<=\\d{4})*)?\\t(?:official|observed)\\t\\d+\\t\\d+$');

/** The registry file: entries as tab-separated lines (compact, one per line, and quick to check at start-up). */
export const RegistryFileSchema = z.object({
  edition: z.number().int(),
  note: z.string(),
  columns: z.array(z.string()).refine(cols => cols.join() === REGISTRY_COLUMNS.join(), `columns must be ${REGISTRY_COLUMNS.join(', ')}`),
  entries: z.array(z.string().regex(ENTRY_LINE, 'not an entry line (code, classification, level, name, years, former names, source, documents, cities)')),
});

const year = (s: string): number | null => (s ? Number(s) : null);

/** An entry line (already checked by RegistryFileSchema) as an entry. */
export function parseEntryLine(line: string): RegistryEntry {
  const [code, classification, level, name, from, until, former, source, documents, cities] = line.split('\t');
  return {
    code, classification: classification as Classification, level: level as RegistryEntry['level'], name,
    valid_from: year(from), valid_until: year(until),
    former_names: former ? former.split('|').map(f => { const [n, y] = f.split('<='); return { name: n, until: Number(y) }; }) : [],
    source: source as RegistryEntry['source'], documents: Number(documents), cities: Number(cities),
  };
}

/** An entry as its line. */
export const entryLine = (e: RegistryEntry): string => [e.code, e.classification, e.level, e.name, e.valid_from ?? '', e.valid_until ?? '',
  e.former_names.map(f => `${f.name}<=${f.until}`).join('|'), e.source, e.documents, e.cities].join('\t');


export const sameName = (a: string, b: string): boolean => nameKey(a) === nameKey(b);

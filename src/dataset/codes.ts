import { classificationOfCode, levelOf, lookupCode, parentOf, sameName } from '../codes/index.js';
import { nameVerdict } from '../validate/rules/registry.js';
import type { OutputDocument } from '../model/document.js';
import { documentId } from './cells.js';
import type { Row } from './fields.js';

/** Per code: the printed names seen and, for each, the documents that print it. */
export type CodeSightings = Map<string, { documents: Set<string>; names: Map<string, { documents: Set<string>; year: number | null }> }>;

export function addSightings(sightings: CodeSightings, doc: OutputDocument): void {
  const id = documentId(doc);
  for (const table of doc.tables) for (const row of table.rows) for (const rec of row.records) {
    if (!rec.code) continue;
    const entry = sightings.get(rec.code) ?? { documents: new Set(), names: new Map() };
    sightings.set(rec.code, entry);
    entry.documents.add(id);
    if (!rec.name) continue;
    const name = entry.names.get(rec.name) ?? { documents: new Set(), year: doc.document.year };
    entry.names.set(rec.name, name);
    name.documents.add(id);
  }
}

/** codes.csv rows: every code seen, with its official name and the names printed for it. */
export function codeRows(sightings: CodeSightings): Row[] {
  return [...sightings.keys()].sort().map(code => {
    const seen = sightings.get(code)!;
    const cls = classificationOfCode(code);
    const info = cls ? lookupCode(code, cls, null) : null;
    const names = [...seen.names].sort((a, b) => b[1].documents.size - a[1].documents.size);
    const verdicts = names.map(([name, s]) => nameVerdict(code, name, s.year));
    const status = !info ? 'not_in_registry'
      : verdicts.some(v => !v?.ok) ? 'differs'
        : names.some(([name]) => !sameName(name, info.currentName)) ? 'renamed' : 'official';
    return {
      code, classification: cls ?? '', level: (cls ? levelOf(code, cls) : null) ?? '', parent: parentOf(code) ?? '',
      official_name: info?.currentName ?? '', in_registry: !!info, verified: info?.verified ?? false,
      registry_source: info?.entry.source ?? '', registry_documents: info?.entry.documents ?? null, registry_cities: info?.entry.cities ?? null,
      valid_from: info?.entry.valid_from ?? null, valid_until: info?.entry.valid_until ?? null,
      former_names: info ? info.renames.map(r => `${r.from} (until ${r.year - 1})`).join('; ') : '',
      documents: seen.documents.size, printed_names: names.map(([name, s]) => `${name} (${s.documents.size})`).join('; '),
      name_status: status,
    };
  });
}

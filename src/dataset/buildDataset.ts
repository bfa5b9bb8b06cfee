import { registryChecks } from '../validate/rules/registry.js';
import type { OutputDocument } from '../model/document.js';
import { documentCells } from './cells.js';
import { type CodeSightings, addSightings, codeRows } from './codes.js';
import { documentRow } from './documents.js';
import { documentIndicators } from './indicators.js';
import type { Row } from './fields.js';

/** What a merge did, for the command's summary line and for tests. */
export interface MergeCounters {
  documents: number;
  /** Files of a document given twice (same sha256), taken once. */
  duplicates: string[];
  /** The same disclosure in two different files (a re-upload, a re-export): which one was kept. */
  reuploads: Reupload[];
  cells: number;
  cellsWithoutKey: number;
  cellsWithoutYuan: number;
  codes: number;
  codesNotInRegistry: number;
  codesWithOtherNames: number;
  indicators: number;
}

export interface Dataset { cells: Row[]; documents: Row[]; codes: Row[]; indicators: Row[]; counters: MergeCounters }

export interface Reupload { unit: string; year: number; kind: string; scope: string | null; kept: string; dropped: string[] }

const cellCount = (doc: OutputDocument): number =>
  doc.tables.reduce((n, t) => n + t.rows.reduce((m, r) => m + r.records.reduce((k, rec) => k + Object.keys(rec.amounts).length, 0), 0), 0);
const failedChecks = (doc: OutputDocument): number => doc.checks.filter(c => c.status === 'fail').length;
const qualityRank = (doc: OutputDocument): number => (doc.quality?.status === 'degraded' ? 1 : 0);

/**
 * Which of two files of the same disclosure to keep: the one whose extraction is not degraded, then the
 * one with more amount cells, then the one with fewer failed checks, then the first file name.
 */
export function preferredCopy(a: OutputDocument, b: OutputDocument): number {
  return qualityRank(a) - qualityRank(b) || cellCount(b) - cellCount(a) || failedChecks(a) - failedChecks(b) || a.source.file.localeCompare(b.source.file);
}

/**
 * The same disclosure in different files: same unit, year, kind (budget / final) and scope (unit /
 * department), all known. One copy is kept (preferredCopy); the others are reported.
 */
function dropReuploads(docs: readonly OutputDocument[]): { kept: OutputDocument[]; reuploads: Reupload[] } {
  const groups = new Map<string, OutputDocument[]>();
  const kept: OutputDocument[] = [];
  for (const doc of docs) {
    const m = doc.document;
    if (!m.unit || m.year === null || !m.kind) { kept.push(doc); continue; }
    const key = JSON.stringify([m.unit, m.year, m.kind, m.scope]);
    (groups.get(key) ?? groups.set(key, []).get(key)!).push(doc);
  }
  const reuploads: Reupload[] = [];
  for (const group of groups.values()) {
    const [best, ...rest] = [...group].sort(preferredCopy);
    kept.push(best!);
    if (!rest.length) continue;
    const m = best!.document;
    reuploads.push({ unit: m.unit!, year: m.year!, kind: m.kind!, scope: m.scope, kept: best!.source.file, dropped: rest.map(d => d.source.file) });
  }
  return { kept, reuploads: reuploads.sort((a, b) => a.kept.localeCompare(b.kept)) };
}

/**
 * Merge documents into the three tables of the dataset. A document given twice (same sha256) is taken
 * once; of the same disclosure in different files (dropReuploads) one copy is taken.
 */
export function buildDataset(input: readonly OutputDocument[]): Dataset {
  const seen = new Set<string>();
  const duplicates: string[] = [];
  const unique: OutputDocument[] = [];
  for (const doc of [...input].sort((a, b) => a.source.file.localeCompare(b.source.file))) {
    if (seen.has(doc.source.sha256)) { duplicates.push(doc.source.file); continue; }
    seen.add(doc.source.sha256);
    unique.push(doc);
  }
  const { kept, reuploads } = dropReuploads(unique);
  const cells: Row[] = [], documents: Row[] = [], indicators: Row[] = [];
  const sightings: CodeSightings = new Map();
  for (const doc of kept.sort((a, b) => a.source.file.localeCompare(b.source.file))) {
    const docCells = documentCells(doc);
    cells.push(...docCells);
    documents.push(documentRow(doc, docCells.length, registryChecks(doc)));
    indicators.push(...documentIndicators(doc));
    addSightings(sightings, doc);
  }
  const codes = codeRows(sightings);
  return {
    cells, documents, codes, indicators,
    counters: {
      documents: documents.length, duplicates, reuploads, cells: cells.length,
      cellsWithoutKey: cells.filter(c => !c.column_key).length, cellsWithoutYuan: cells.filter(c => c.amount_yuan === '').length,
      codes: codes.length, codesNotInRegistry: codes.filter(c => !c.in_registry).length,
      codesWithOtherNames: codes.filter(c => c.name_status === 'differs').length,
      indicators: indicators.length,
    },
  };
}

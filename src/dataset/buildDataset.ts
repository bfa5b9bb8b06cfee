import { registryChecks } from '../classify/registry/index.js';
import type { OutputDocument } from '../model/document.js';
import { documentCells } from './cells.js';
import { type CodeSightings, addSightings, codeRows } from './codes.js';
import { documentRow } from './documents.js';
import { documentIndicators } from './indicators.js';
import type { Row } from './fields.js';

/** What a merge did, for the command's summary line and for tests. */
export interface MergeCounters {
  documents: number;
  duplicates: string[];
  cells: number;
  cellsWithoutKey: number;
  cellsWithoutYuan: number;
  codes: number;
  codesNotInRegistry: number;
  codesWithOtherNames: number;
  indicators: number;
}

export interface Dataset { cells: Row[]; documents: Row[]; codes: Row[]; indicators: Row[]; counters: MergeCounters }

/** Merge documents into the three tables of the dataset. A document given twice (same sha256) is taken once. */
export function buildDataset(docs: readonly OutputDocument[]): Dataset {
  const seen = new Set<string>();
  const duplicates: string[] = [];
  const cells: Row[] = [], documents: Row[] = [], indicators: Row[] = [];
  const sightings: CodeSightings = new Map();
  for (const doc of [...docs].sort((a, b) => a.source.file.localeCompare(b.source.file))) {
    if (seen.has(doc.source.sha256)) { duplicates.push(doc.source.file); continue; }
    seen.add(doc.source.sha256);
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
      documents: documents.length, duplicates, cells: cells.length,
      cellsWithoutKey: cells.filter(c => !c.column_key).length, cellsWithoutYuan: cells.filter(c => c.amount_yuan === '').length,
      codes: codes.length, codesNotInRegistry: codes.filter(c => !c.in_registry).length,
      codesWithOtherNames: codes.filter(c => c.name_status === 'differs').length,
      indicators: indicators.length,
    },
  };
}

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../src/pipeline.js';
import { compareWithTruth } from './support/truthCompare.js';

/**
 * Every sample with a hand-checked truth file: the complete set of extracted cells against the truth.
 * Each must be complete: every truth cell found, no cell the truth does not have, no wrong value.
 */
const SAMPLES: [file: string, truth: string, minRecall: number, minPrecision: number][] = [
  ['atushi-2024-grid.pdf', 'atushi-2024-grid.truth.json', 1, 1],
  ['atushi-2024-landscape.pdf', 'atushi-2024-landscape.truth.json', 1, 1],
  ['atushi-2024-merged-code.pdf', 'atushi-2024-merged-code.truth.json', 1, 1],
  ['atushi-2024-open.pdf', 'atushi-2024-open.truth.json', 1, 1],
  ['atushi-2024-yuan.pdf', 'atushi-2024-yuan.truth.json', 1, 1],
  ['synth/synth-1-a-grid.pdf', 'synth/synth-1-a-grid.truth.json', 1, 1],
  ['synth/synth-2-b-landscape.pdf', 'synth/synth-2-b-landscape.truth.json', 1, 1],
  ['synth/synth-3-a-open.pdf', 'synth/synth-3-a-open.truth.json', 1, 1],
  ['synth/synth-4-b-e2-merged-code.pdf', 'synth/synth-4-b-e2-merged-code.truth.json', 1, 1],
  ['real/jiangsu-provincial-cppcc-office-2018-dept-budget-tables.pdf', 'real/truth/jiangsu-provincial-cppcc-office-2018-dept-budget-tables.truth.json', 1, 1],
  ['real/shanghai-putuo-finance-bureau-2024-dept-final.pdf', 'real/truth/shanghai-putuo-finance-bureau-2024-dept-final.truth.json', 1, 1],
  ['real/shanghai-putuo-govt-office-2025-dept-budget.pdf', 'real/truth/shanghai-putuo-govt-office-2025-dept-budget.truth.json', 1, 1],
];

const dir = path.join(import.meta.dirname, '..', 'samples');

describe.each(SAMPLES)('%s against its truth', (file, truthFile, minRecall, minPrecision) => {
  it('finds every table and cell, with no wrong value', async () => {
    const truth = JSON.parse(readFileSync(path.join(dir, truthFile), 'utf8'));
    const { document } = await extractDocument(new Uint8Array(readFileSync(path.join(dir, file))), path.basename(file));
    const cmp = compareWithTruth(document, truth);
    expect(cmp.wrong).toEqual([]);
    expect(cmp.found / cmp.truthCells).toBeGreaterThanOrEqual(minRecall);
    expect(cmp.found / Math.max(1, cmp.outputCells)).toBeGreaterThanOrEqual(minPrecision);
    for (const key of ['unit', 'year', 'kind', 'scope', 'currency_unit'] as const) {
      if (truth.doc[key] != null) expect(document.document[key]).toBe(truth.doc[key]);
    }
  }, 600_000);
});

describe('a document whose pages are turned', () => {
  it('reads each page the way its text runs upright', async () => {
    const { PDFDocument, degrees } = await import('pdf-lib');
    const file = 'real/shanghai-putuo-govt-office-2025-dept-budget.pdf';
    const pdf = await PDFDocument.load(readFileSync(path.join(dir, file)));
    pdf.getPages().forEach((p, i) => p.setRotation(degrees((p.getRotation().angle + (i % 2 ? 90 : 270)) % 360)));
    const turned = await pdf.save();
    const truth = JSON.parse(readFileSync(path.join(dir, 'real/truth/shanghai-putuo-govt-office-2025-dept-budget.truth.json'), 'utf8'));
    const { document } = await extractDocument(turned, 'turned.pdf', { ocr: null });
    const cmp = compareWithTruth(document, truth);
    expect(cmp.wrong).toEqual([]);
    expect(cmp.found).toBe(cmp.truthCells);
    expect(cmp.outputCells).toBe(cmp.truthCells);
  }, 600_000);
});

/**
 * A title OCR corrected to a standard phrase is a warning on a page OCR did read, not a page OCR
 * failed: it must not mark the document degraded with "could not be read by OCR".
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { zeroOcrCounters, type OcrPool } from '../../src/ocr/pool.js';
import { extractDocument } from '../../src/pipeline.js';

describe('OCR phrase corrections', () => {
  it('are warnings of the page, and no ocr_failed reason', async () => {
    const pool: OcrPool = {
      async recognizePage(_page, n) {
        return {
          runs: [], rules: [], seconds: 0, skewDeg: 0, blank: false,
          corrections: n === 2 ? [{ from: '财政拨款收支预算情况', to: '财政拨款收支预算总表' }] : [],
        };
      },
      counters: zeroOcrCounters,
      async close() { /* nothing to stop */ },
    };
    const { document } = await extractDocument(new Uint8Array(readFileSync('samples/atushi-2024-scan.pdf')), 'atushi-2024-scan.pdf', { ocr: pool });
    expect(document.warnings.some(w => w.page === 2 && w.code === 'ocr_phrase_corrected')).toBe(true);
    expect(document.quality?.reasons.filter(r => r.code === 'ocr_failed')).toEqual([]);
  }, 600_000); // a guard against a hang only
});

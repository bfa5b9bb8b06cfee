/**
 * OCR of real pages: a scanned copy and a copy with a broken text layer of the same document,
 * checked against the text layer and vector rules of the born-digital original (same pages).
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PageContent } from '../../src/model/page.js';
import { estimateOffset, mergeRules, scoreAmounts, scoreRules, shiftBox } from '../../bench/support/ocrScoring.mjs';
import { createOcrPool, type OcrPageResult, type OcrPool } from '../../src/ocr/index.js';
import { openDocument, type PdfDocument } from '../../src/pdf/openDocument.js';
import { readPage } from '../../src/pdf/readPages.js';

const open = async (name: string): Promise<PdfDocument> => openDocument(new Uint8Array(readFileSync(`samples/${name}`)));

// Page 8 is table 2 (单位收入总体情况表): 65 amounts, a ruled grid with a multi-level header, and
// a scan turned by ≈0.37°. Page 13 of the garbled copy is table 6 (48 amounts).
const SCAN_PAGE = 8, GARBLED_PAGE = 13;
/** Amount boxes: OCR boxes are tight around the ink, text-layer boxes span the font's em. */
const AMOUNT_TOLERANCE_PT = 3;
const RULE_TOLERANCE_PT = 2;
/** A scanner never lays the paper exactly where the original page was; searched up to this far. */
const MAX_SCAN_SHIFT_PT = 10;

describe('OCR of scanned and garbled pages', () => {
  let grid: PdfDocument, scan: PdfDocument, garbled: PdfDocument, pool: OcrPool;
  let scanned: OcrPageResult, fromGarbled: OcrPageResult;
  let refScan: PageContent, refGarbled: PageContent, garbledText: PageContent;

  beforeAll(async () => {
    [grid, scan, garbled] = await Promise.all([open('atushi-2024-grid.pdf'), open('atushi-2024-scan.pdf'), open('atushi-2024-garbled.pdf')]);
    pool = createOcrPool({ workers: 2 });
    [scanned, fromGarbled] = await Promise.all([
      pool.recognizePage(await scan.getPage(SCAN_PAGE), SCAN_PAGE),
      pool.recognizePage(await garbled.getPage(GARBLED_PAGE), GARBLED_PAGE),
    ]);
    [refScan, refGarbled, garbledText] = await Promise.all([readPage(grid, SCAN_PAGE), readPage(grid, GARBLED_PAGE), readPage(garbled, GARBLED_PAGE)]);
  }, 600_000); // a guard against a hang only

  afterAll(async () => {
    await pool?.close();
    await Promise.all([grid, scan, garbled].map(d => d?.destroy()));
  });

  it('reads ≥ 97 % of the scanned page\'s amounts exactly, each near its place on the original', () => {
    const rules = mergeRules(refScan.rules, 0.5);
    const offset = estimateOffset(rules, scanned.rules, MAX_SCAN_SHIFT_PT);
    const score = scoreAmounts(refScan.runs, scanned.runs.map(r => shiftBox(r, offset)), AMOUNT_TOLERANCE_PT);
    expect(score.total).toBeGreaterThanOrEqual(60);
    expect(score.exact / score.total, JSON.stringify(score.misses)).toBeGreaterThanOrEqual(0.97);
    expect(score.maxOffsetPt).toBeLessThanOrEqual(AMOUNT_TOLERANCE_PT);
  });

  it('finds the scanned table\'s rules where the original draws them (within 2 pt), and nothing else', () => {
    const rules = mergeRules(refScan.rules, 0.5);
    const offset = estimateOffset(rules, scanned.rules, MAX_SCAN_SHIFT_PT);
    const score = scoreRules(rules, scanned.rules.map(r => shiftBox(r, offset)), RULE_TOLERANCE_PT);
    expect(score.reference).toBeGreaterThan(30);
    expect(score.unmatched).toEqual([]);
    expect(score.extra).toEqual([]);
    expect(Math.abs(scanned.skewDeg)).toBeGreaterThan(0.1); // the scan is turned a little, and was straightened
  });

  it('reads the page whose text layer decodes to garbage, at the original positions (no shift)', () => {
    expect(garbledText.textSource).toBe('none'); // the premise: the text layer is flagged unusable
    const amounts = scoreAmounts(refGarbled.runs, fromGarbled.runs, AMOUNT_TOLERANCE_PT);
    expect(amounts.total).toBeGreaterThanOrEqual(40);
    expect(amounts.exact / amounts.total, JSON.stringify(amounts.misses)).toBeGreaterThanOrEqual(0.97);
    const rules = scoreRules(mergeRules(refGarbled.rules, 0.5), fromGarbled.rules, RULE_TOLERANCE_PT);
    expect(rules.unmatched).toEqual([]);
    expect(rules.extra).toEqual([]);
  });

  it('gives runs of whole cells: CJK without spaces, titles and codes as printed', () => {
    const texts = scanned.runs.map(r => r.text);
    expect(texts).toContain('单位收入总体情况表');
    expect(texts).toContain('一般公共服务支出');
    expect(texts.filter(t => t === '201').length).toBeGreaterThanOrEqual(6);
    expect(texts.some(t => /\p{Script=Han} \p{Script=Han}/u.test(t))).toBe(false);
    for (const r of scanned.runs) {
      expect(r.x1).toBeGreaterThan(r.x0);
      expect(r.bottom).toBeGreaterThan(r.top);
      expect(r.fontName).toBe('ocr');
    }
  });
});

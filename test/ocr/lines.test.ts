import { describe, expect, it } from 'vitest';
import type { Rule } from '../../src/model/page.js';
import { mergeRules, scoreRules } from '../../bench/support/ocrScoring.mjs';
import { rotate, type GrayImage } from '../../src/ocr/image.js';
import { preparePage } from '../../src/ocr/prepare.js';
import { DEFAULT_LINE_SETTINGS, selectRules, type Segment } from '../../src/ocr/lines.js';
import { DEFAULT_OCR_SETTINGS } from '../../src/ocr/settings.js';

const PX_PER_PT = 200 / 72;
const W = 1400, H = 1800;

/** Deterministic noise. */
function prng(seed: number): () => number {
  return () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
}

function blank(paper = 235): GrayImage {
  return { width: W, height: H, data: new Uint8Array(W * H).fill(paper) }; // greyish scanner paper
}

function fill(img: GrayImage, x0: number, y0: number, x1: number, y1: number, v = 30): void {
  for (let y = Math.max(0, y0); y < Math.min(img.height, y1); y++) img.data.fill(v, y * img.width + Math.max(0, x0), y * img.width + Math.min(img.width, x1));
}

const ROWS = [200, 260, 320, 380, 440, 500, 560, 620];
const COLS = [150, 450, 800, 1250];
const THICK = 3;

/** A ruled table (plus a header cell edge that is short), rows of glyph-like ink, specks. */
function tablePage(ruleInk = 30, paper = 235): { img: GrayImage; rules: Rule[] } {
  const img = blank(paper);
  for (const y of ROWS) fill(img, COLS[0], y, COLS[COLS.length - 1] + THICK, y + THICK, ruleInk);
  for (const x of COLS) fill(img, x, ROWS[0], x + THICK, ROWS[ROWS.length - 1] + THICK, ruleInk);
  fill(img, 300, ROWS[0], 300 + THICK, ROWS[1] + THICK, ruleInk); // short header edge, joined at both ends
  for (let x = COLS[0] + 20; x < COLS[3]; x += 40) fill(img, x, ROWS[5], x + 3, ROWS[5] + THICK, paper); // a faded rule
  // "CJK text": glyph boxes whose bottom strokes line up like a rule, nearly touching.
  for (const row of [ROWS[2], ROWS[4]]) {
    for (let g = 0; g < 12; g++) {
      const x = 470 + g * 26;
      fill(img, x, row + 40, x + 24, row + 43);          // bottom stroke
      fill(img, x + 4, row + 16, x + 7, row + 43);       // verticals
      fill(img, x + 16, row + 16, x + 19, row + 43);
      fill(img, x, row + 22, x + 24, row + 24);          // middle stroke
    }
  }
  // A bold title outside the table (thick strokes with ink beside them), and a free-standing underline.
  for (let g = 0; g < 10; g++) {
    const x = 400 + g * 50;
    fill(img, x, 80, x + 44, 86); fill(img, x, 110, x + 44, 116); fill(img, x + 18, 70, x + 25, 120);
  }
  fill(img, 150, 1200, 1000, 1202, ruleInk);
  const rnd = prng(7);
  for (let k = 0; k < 4000; k++) { const x = Math.floor(rnd() * W), y = Math.floor(rnd() * H); fill(img, x, y, x + 2, y + 2, 60); }
  const c = THICK / 2;
  const rules: Rule[] = [
    ...ROWS.map(y => ({ x0: COLS[0], x1: COLS[COLS.length - 1] + THICK, top: y + c, bottom: y + c, orientation: 'h' as const })),
    ...COLS.map(x => ({ x0: x + c, x1: x + c, top: ROWS[0], bottom: ROWS[ROWS.length - 1] + THICK, orientation: 'v' as const })),
    { x0: 300 + c, x1: 300 + c, top: ROWS[0], bottom: ROWS[1] + THICK, orientation: 'v' },
    { x0: 150, x1: 1000, top: 1201, bottom: 1201, orientation: 'h' },
  ];
  const toPt = (r: Rule): Rule => ({ ...r, x0: r.x0 / PX_PER_PT, x1: r.x1 / PX_PER_PT, top: r.top / PX_PER_PT, bottom: r.bottom / PX_PER_PT });
  return { img, rules: rules.map(toPt) };
}

describe('rules from a page image', () => {
  const settings = DEFAULT_OCR_SETTINGS.prepare;

  it('finds every table rule, a faded one, the short joined edge and a free rule, and no glyph strokes', () => {
    const { img, rules } = tablePage();
    const prepared = preparePage(img, PX_PER_PT, settings);
    const score = scoreRules(rules, mergeRules(prepared.rules, 0.5), 1);
    expect(score.unmatched).toEqual([]);
    expect(score.extra).toEqual([]);
    expect(prepared.skewDeg).toBe(0);
  });

  it.each([1, -1, 0.4])('deskews a page turned by %s° and still finds the rules within 2 pt', deg => {
    const { img, rules } = tablePage();
    const turned = rotate(img, (deg * Math.PI) / 180);
    const prepared = preparePage(turned, PX_PER_PT, settings);
    expect(prepared.skewDeg).toBeCloseTo(deg, 1);
    const score = scoreRules(rules, mergeRules(prepared.rules, 0.5), 2);
    expect(score.unmatched).toEqual([]);
    expect(score.extra).toEqual([]);
  });

  it('finds the light grey rules of a light page, above the text threshold', () => {
    const { img, rules } = tablePage(215, 252);
    for (let i = 0; i < img.data.length; i++) if (img.data[i]! < 100) img.data[i] = 185; // grey print
    const prepared = preparePage(img, PX_PER_PT, settings);
    expect(prepared.threshold).toBe(settings.maxThreshold);
    expect(prepared.ruleThreshold).toBeGreaterThanOrEqual(215);
    const score = scoreRules(rules, mergeRules(prepared.rules, 0.5), 1);
    expect(score.unmatched).toEqual([]);
    expect(score.extra).toEqual([]);
  });

  it('finds grey hairline rules printed lighter than dark text, above the text threshold', () => {
    const { img, rules } = tablePage(205, 242);
    const prepared = preparePage(img, PX_PER_PT, settings);
    expect(prepared.threshold).toBeLessThan(200);
    expect(prepared.ruleThreshold).toBeGreaterThanOrEqual(205);
    const score = scoreRules(rules, mergeRules(prepared.rules, 0.5), 1);
    expect(score.unmatched).toEqual([]);
    expect(score.extra).toEqual([]);
  });

  it('finds nothing on a blank page, and does not turn it', () => {
    const prepared = preparePage(blank(), PX_PER_PT, settings);
    expect(prepared.rules).toEqual([]);
    expect(prepared.skewDeg).toBe(0);
  });

  it('erases the rules from the image the OCR engine reads, but not the glyphs', () => {
    const { img } = tablePage();
    const prepared = preparePage(img, PX_PER_PT, settings);
    const at = (x: number, y: number): number => prepared.ocrImage.data[y * W + x];
    expect(at(600, ROWS[3] + 1)).toBeGreaterThan(200); // on a horizontal rule
    expect(at(COLS[1] + 1, 500)).toBeGreaterThan(200); // on a vertical rule
    expect(at(475, ROWS[2] + 30)).toBeLessThan(100);   // a glyph stroke
  });
});

describe('selectRules: cell edges of a faded, crowded scan', () => {
  // One pixel per point: a table 300 wide, rules at y 100 (top) and 131 (bottom), cell edges 31 long between them.
  const seg = (orientation: 'h' | 'v', across: number, start: number, end: number, sideInk = 0.05): Segment =>
    ({ orientation, across, start, end, thickness: 1, sideInk, slope: 0, runs: [] });
  const frame = [seg('h', 100, 0, 300), seg('h', 131, 0, 300), seg('v', 0, 90, 140), seg('v', 300, 90, 140)];
  const kept = (...edges: Segment[]): Segment[] => selectRules([...frame, ...edges], DEFAULT_LINE_SETTINGS, 1).filter(g => !frame.some(f => f.across === g.across && f.orientation === g.orientation));

  it('keeps an edge with glyphs against one side when both its ends meet rules, not a text stroke', () => {
    expect(kept(seg('v', 150, 100, 131, 0.3))).toHaveLength(1);
    expect(kept(seg('v', 150, 100, 120, 0.3))).toHaveLength(0); // one end free
    expect(kept(seg('v', 150, 100, 131, 0.6))).toHaveLength(0); // ink all along one side: glyph strokes
  });
  it('draws an edge that stops a little short of a rule on to it, if it is long and clean', () => {
    const [g] = kept(seg('v', 150, 100, 127));
    expect(g).toMatchObject({ start: 100, end: 131 });
    expect(kept(seg('v', 150, 100, 120))).toHaveLength(0);       // 11 short: too far for its length
    expect(kept(seg('v', 150, 121, 131 - 4))).toHaveLength(0);   // too short to be bridged
    expect(kept(seg('v', 150, 100, 127, 0.3))).toHaveLength(0);  // ink beside it
  });
  it('lets an edge meet a rule through a short faded stretch of it, not a long gap', () => {
    const gapped = (gap: number): Segment[] => [seg('h', 100, 0, 300), seg('h', 131, 0, 150 - gap / 2), seg('h', 131, 150 + gap / 2, 300), frame[2]!, frame[3]!];
    const edge = seg('v', 150, 100, 131);
    expect(selectRules([...gapped(12), edge], DEFAULT_LINE_SETTINGS, 1)).toContainEqual(edge);
    expect(selectRules([...gapped(40), edge], DEFAULT_LINE_SETTINGS, 1)).not.toContainEqual(edge);
  });
});

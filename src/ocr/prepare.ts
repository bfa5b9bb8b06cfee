/**
 * From a rendered page image to what the OCR engine reads and the rules the layout stage needs:
 * binarise → find line segments → estimate skew (from the long lines) → deskew → find segments again
 * → keep the rules → erase them from the image the engine reads. Every intermediate is kept.
 */
import type { Rule } from '../model/page.js';
import { binarize, greyHistogram, otsuThreshold, rotate, type GrayImage } from './image.js';
import { estimateSkew, eraseSegments, findSegments, selectRules, type LineSettings, type Segment } from './lines.js';

export interface PrepareSettings {
  lines: LineSettings;
  /** Skew below this is left alone (deskewing costs time and blurs a little). */
  minDeskewDeg: number;
  /** Skew estimates beyond this are not trusted (a page that is turned, not skewed). */
  maxDeskewDeg: number;
  /** Ink erased this far either side of a rule, in points. */
  erasePadPt: number;
  /** Binarisation threshold bounds, whatever Otsu says (0 = black). */
  minThreshold: number;
  maxThreshold: number;
  /**
   * On a light page (Otsu at maxThreshold: grey print, faded or blurred scans) thin grey rules fall
   * above the text threshold and break into pieces: rules are then looked for at thresholds up to
   * this one, in steps of ruleThresholdStep.
   */
  maxRuleThreshold: number;
  ruleThresholdStep: number;
  /** The lowest of those thresholds whose rules reach this share of the longest total is taken. */
  ruleLengthShare: number;
  /**
   * A page without rules at its text threshold is probed for lighter ones at this far below its paper's
   * grey (within maxRuleThreshold); only if some are found there is the search above made.
   */
  ruleProbeBelowPaper: number;
}

export const DEFAULT_PREPARE_SETTINGS: Omit<PrepareSettings, 'lines'> = {
  minDeskewDeg: 0.05,
  maxDeskewDeg: 3,
  erasePadPt: 0.5,
  minThreshold: 90,
  maxThreshold: 200,
  maxRuleThreshold: 235,
  ruleThresholdStep: 5,
  ruleLengthShare: 0.97,
  ruleProbeBelowPaper: 20,
};

export interface PreparedPage {
  /** The (deskewed) image with the rules erased: what the OCR engine reads. */
  ocrImage: GrayImage;
  threshold: number;
  /** Threshold the rules were found at (above `threshold` on light pages). */
  ruleThreshold: number;
  /** Skew that was corrected, in degrees (0 when none was). */
  skewDeg: number;
  /** Rule segments in pixels of the deskewed image. */
  ruleSegments: Segment[];
  /** The same rules in page points, y down. */
  rules: Rule[];
}

export function preparePage(image: GrayImage, pxPerPt: number, s: PrepareSettings): PreparedPage {
  const threshold = Math.min(s.maxThreshold, Math.max(s.minThreshold, otsuThreshold(image)));
  let ruleThreshold = threshold >= s.maxThreshold ? lightPageRuleThreshold(image, threshold, s, pxPerPt) : threshold;
  let bin = binarize(image, ruleThreshold);
  let segments = findAllSegments(bin, s.lines, pxPerPt);
  // No rule at the text's threshold: hairlines printed lighter than the text (grey rules of a scan)
  // are looked for above it, as on a light page — when a first look just below the paper's grey finds
  // any (most pages without rules at the text's threshold have none at all, and the search costs time).
  if (ruleThreshold === threshold && !selectRules(segments, s.lines, pxPerPt).length) {
    const probe = Math.min(s.maxRuleThreshold, paperLevel(image) - s.ruleProbeBelowPaper);
    if (probe > threshold && selectRules(findAllSegments(binarize(image, probe), s.lines, pxPerPt), s.lines, pxPerPt).length) {
      ruleThreshold = lightPageRuleThreshold(image, threshold + s.ruleThresholdStep, s, pxPerPt);
      bin = binarize(image, ruleThreshold);
      segments = findAllSegments(bin, s.lines, pxPerPt);
    }
  }
  const skew = estimateSkew(segments, s.lines.minFreeRuleLengthPt * pxPerPt);
  let skewDeg = 0;
  let work = image;
  if (skew !== null && Math.abs(skew) * (180 / Math.PI) >= s.minDeskewDeg && Math.abs(skew) * (180 / Math.PI) <= s.maxDeskewDeg) {
    skewDeg = (skew * 180) / Math.PI;
    work = rotate(image, -skew);
    bin = binarize(work, ruleThreshold);
    segments = findAllSegments(bin, s.lines, pxPerPt);
  }
  const ruleSegments = selectRules(segments, s.lines, pxPerPt);
  const ocrImage = work === image ? { ...image, data: image.data.slice() } : work;
  eraseSegments(ocrImage, ruleSegments, Math.round(s.erasePadPt * pxPerPt));
  return { ocrImage, threshold, ruleThreshold, skewDeg, ruleSegments, rules: ruleSegments.map(g => segmentToRule(g, pxPerPt)) };
}

/**
 * The threshold at which a light page's rules come out whole: total rule length is measured from
 * `from` up to maxRuleThreshold, and the lowest threshold within ruleLengthShare of the longest wins
 * (higher ones only add noise joined to the lines).
 */
function lightPageRuleThreshold(image: GrayImage, from: number, s: PrepareSettings, pxPerPt: number): number {
  const tried: { t: number; length: number }[] = [];
  for (let t = from; t <= s.maxRuleThreshold; t += s.ruleThresholdStep) {
    const rules = selectRules(findAllSegments(binarize(image, t), s.lines, pxPerPt), s.lines, pxPerPt);
    tried.push({ t, length: rules.reduce((sum, g) => sum + (g.end - g.start), 0) });
  }
  const longest = Math.max(...tried.map(x => x.length));
  return longest > 0 ? tried.find(x => x.length >= s.ruleLengthShare * longest)!.t : from;
}

/** The paper's grey level: the most common value of the image. */
function paperLevel(image: GrayImage): number {
  const counts = greyHistogram(image);
  let best = 255;
  for (let v = 0; v < 256; v++) if (counts[v]! > counts[best]!) best = v;
  return best;
}

function findAllSegments(bin: ReturnType<typeof binarize>, s: LineSettings, pxPerPt: number): Segment[] {
  return [...findSegments(bin, 'h', s, pxPerPt), ...findSegments(bin, 'v', s, pxPerPt)];
}

/** Pixel segment → Rule in points. A pixel row y covers [y, y+1), so its centre is y + 0.5. */
export function segmentToRule(g: Segment, pxPerPt: number): Rule {
  const a0 = g.start / pxPerPt, a1 = g.end / pxPerPt, c = (g.across + 0.5) / pxPerPt;
  return g.orientation === 'h'
    ? { x0: a0, x1: a1, top: c, bottom: c, orientation: 'h' }
    : { x0: c, x1: c, top: a0, bottom: a1, orientation: 'v' };
}

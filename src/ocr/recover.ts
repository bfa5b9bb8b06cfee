/**
 * Second look at ink the engine skipped. In sparse-text mode tesseract drops some short isolated
 * words (two-digit codes such as "01" in narrow 项 columns) that it reads without trouble on their
 * own. Ink not covered by any recognised word is grouped into word-sized regions, the regions are
 * stacked into one small strip image (one engine call per page), and the words read there are
 * mapped back to page pixels.
 */
import { binarize, type GrayImage } from './image.js';
import type { OcrLine, OcrWord } from './words.js';

export interface RecoverSettings {
  /** Skip the second look entirely. */
  enabled: boolean;
  /** Recognised word boxes are widened by this much before their ink counts as read. */
  coverPadPt: number;
  /** Ink pieces closer than this horizontally (and overlapping vertically) form one region. */
  joinGapPt: number;
  /** Regions outside these heights are not text of a table cell. */
  minHeightPt: number;
  maxHeightPt: number;
  /** Regions narrower than this, or with fewer ink pixels than this share of their box, are specks. */
  minWidthPt: number;
  minInkShare: number;
  /** At most this many regions per page (bounds the cost on noisy pages). */
  maxRegions: number;
  /** White margin around each region in the strip. */
  marginPt: number;
  /** Words read in the strip with lower confidence are dropped. */
  minConfidence: number;
}

export const DEFAULT_RECOVER_SETTINGS: RecoverSettings = {
  enabled: true,
  coverPadPt: 1,
  joinGapPt: 3,
  minHeightPt: 4,
  maxHeightPt: 24,
  minWidthPt: 2.5,
  minInkShare: 0.08,
  maxRegions: 60,
  marginPt: 3,
  minConfidence: 70,
};

export interface Region { x0: number; top: number; x1: number; bottom: number }

/** Word-sized boxes of ink that no recognised word covers (pixels). */
export function missedRegions(img: GrayImage, threshold: number, lines: readonly OcrLine[], pxPerPt: number, s: RecoverSettings): Region[] {
  const bin = binarize(img, threshold);
  const { width: w, height: h, data } = bin;
  const pad = Math.round(s.coverPadPt * pxPerPt);
  for (const line of lines) {
    for (const word of line.words) {
      const y0 = Math.max(0, Math.floor(word.top) - pad), y1 = Math.min(h, Math.ceil(word.bottom) + pad);
      const x0 = Math.max(0, Math.floor(word.x0) - pad), x1 = Math.min(w, Math.ceil(word.x1) + pad);
      for (let y = y0; y < y1; y++) data.fill(0, y * w + x0, y * w + x1);
    }
  }
  const pieces = components(bin);
  const regions = joinPieces(pieces, s.joinGapPt * pxPerPt);
  return regions
    .filter(r => {
      const rh = r.bottom - r.top, rw = r.x1 - r.x0;
      return rh >= s.minHeightPt * pxPerPt && rh <= s.maxHeightPt * pxPerPt && rw >= s.minWidthPt * pxPerPt && r.ink >= s.minInkShare * rw * rh;
    })
    .slice(0, s.maxRegions)
    .map(({ x0, top, x1, bottom }) => ({ x0, top, x1, bottom }));
}

interface Piece extends Region { ink: number }

/** 8-connected components of ink: bounding boxes and pixel counts. */
function components(bin: { width: number; height: number; data: Uint8Array }): Piece[] {
  const { width: w, height: h, data } = bin;
  const label = new Int32Array(w * h);
  const pieces: Piece[] = [];
  const stack: number[] = [];
  for (let start = 0; start < data.length; start++) {
    if (!data[start] || label[start]) continue;
    const p: Piece = { x0: w, top: h, x1: 0, bottom: 0, ink: 0 };
    pieces.push(p);
    label[start] = pieces.length;
    stack.push(start);
    while (stack.length) {
      const k = stack.pop() as number;
      const x = k % w, y = (k - x) / w;
      p.ink++;
      if (x < p.x0) p.x0 = x; if (x + 1 > p.x1) p.x1 = x + 1;
      if (y < p.top) p.top = y; if (y + 1 > p.bottom) p.bottom = y + 1;
      for (let dy = -1; dy <= 1; dy++) {
        const yy = y + dy;
        if (yy < 0 || yy >= h) continue;
        for (let dx = -1; dx <= 1; dx++) {
          const xx = x + dx;
          if (xx < 0 || xx >= w) continue;
          const n = yy * w + xx;
          if (data[n] && !label[n]) { label[n] = pieces.length; stack.push(n); }
        }
      }
    }
  }
  return pieces;
}

/** Pieces overlapping vertically and at most `gap` apart horizontally become one region. */
function joinPieces(pieces: Piece[], gap: number): Piece[] {
  const sorted = [...pieces].sort((a, b) => a.x0 - b.x0);
  const out: Piece[] = [];
  for (const p of sorted) {
    const host = out.find(o => p.x0 - o.x1 <= gap && Math.min(o.bottom, p.bottom) - Math.max(o.top, p.top) > 0);
    if (!host) { out.push({ ...p }); continue; }
    host.x0 = Math.min(host.x0, p.x0); host.x1 = Math.max(host.x1, p.x1);
    host.top = Math.min(host.top, p.top); host.bottom = Math.max(host.bottom, p.bottom);
    host.ink += p.ink;
  }
  return out;
}

export interface Strip {
  image: GrayImage;
  /** Where each region sits in the strip: region i occupies rows [rowTop[i], rowTop[i] + height). */
  placements: { region: Region; left: number; top: number }[];
}

/** Stack the regions one per row, with white margins, into one image. */
export function buildStrip(img: GrayImage, regions: readonly Region[], marginPx: number, minWidthPx = 0): Strip {
  const width = Math.max(minWidthPx, ...regions.map(r => r.x1 - r.x0)) + 2 * marginPx;
  let height = marginPx;
  const placements = regions.map(region => {
    const p = { region, left: marginPx, top: height };
    height += region.bottom - region.top + marginPx;
    return p;
  });
  const data = new Uint8Array(width * height).fill(255);
  for (const { region, left, top } of placements) {
    for (let y = region.top; y < region.bottom; y++) {
      data.set(img.data.subarray(y * img.width + region.x0, y * img.width + region.x1), (top + y - region.top) * width + left);
    }
  }
  return { image: { width, height, data }, placements };
}

/** Words read in the strip → lines in page pixels (one line per region). */
export function mapStripWords(strip: Strip, lines: readonly OcrLine[], minConfidence: number): OcrLine[] {
  const byRegion = new Map<number, OcrWord[]>();
  for (const line of lines) {
    for (const word of line.words) {
      if (word.confidence < minConfidence || word.text.trim() === '') continue;
      const cy = (word.top + word.bottom) / 2;
      const i = strip.placements.findIndex(p => cy >= p.top && cy < p.top + (p.region.bottom - p.region.top));
      if (i < 0) continue;
      const { region, left, top } = strip.placements[i];
      const moved: OcrWord = {
        ...word,
        x0: word.x0 - left + region.x0, x1: word.x1 - left + region.x0,
        top: word.top - top + region.top, bottom: word.bottom - top + region.top,
      };
      byRegion.set(i, [...(byRegion.get(i) ?? []), moved]);
    }
  }
  return [...byRegion.values()].map(words => ({ words }));
}

/**
 * Put recovered words into the line they continue (same height band, near in x), so a cell's text
 * stays one run; words with no such line form lines of their own.
 */
export function mergeRecovered(lines: readonly OcrLine[], recovered: readonly OcrLine[], maxGapEm: number): OcrLine[] {
  const out = lines.map(l => ({ words: [...l.words] }));
  for (const word of recovered.flatMap(l => l.words)) {
    const h = word.bottom - word.top;
    const host = out.find(l => l.words.some(o => {
      const overlap = Math.min(o.bottom, word.bottom) - Math.max(o.top, word.top);
      const gap = Math.max(o.x0 - word.x1, word.x0 - o.x1);
      return overlap >= 0.5 * Math.min(h, o.bottom - o.top) && gap <= maxGapEm * Math.max(h, o.bottom - o.top);
    }));
    if (host) host.words.push(word); else out.push({ words: [word] });
  }
  return out;
}

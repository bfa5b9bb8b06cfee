/**
 * Second look at ink the engine skipped. In sparse-text mode tesseract drops some short isolated
 * words (two-digit codes such as "01" in narrow 项 columns) that it reads without trouble as a single
 * line. Ink not covered by any recognised word is grouped into word-sized regions; each is cropped
 * with a little context and read in single-line mode (≈10 ms each at 200 dpi), and the words found
 * are merged into the page's lines. (Stacking the regions into one strip image was tried: the engine
 * then misreads or skips the isolated glyphs.)
 */
import type { ReadMode } from './engine.js';
import { binarize, inkComponents, type GrayImage, type InkComponent } from './image.js';
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
  /** Regions closer than this to a recognised word belong to it and are not read alone. */
  isolationPt: number;
  /** At most this many regions per page (bounds the cost on noisy pages). */
  maxRegions: number;
  /** Context around each region in its crop. */
  contextPt: number;
  /** Words read in a crop with lower confidence are dropped. */
  minConfidence: number;
  /** A recovered word joins a line whose word lies within this many line heights. */
  mergeGapEm: number;
  /** A re-read word overlapping another word of its line by more than this share is a duplicate. */
  maxOverlapShare: number;
  /** Page words read with lower confidence are read again on their own; the surer reading wins. */
  rereadBelowConfidence: number;
}

export const DEFAULT_RECOVER_SETTINGS: RecoverSettings = {
  enabled: true,
  coverPadPt: 1,
  joinGapPt: 3,
  minHeightPt: 4,
  maxHeightPt: 24,
  minWidthPt: 2.5,
  minInkShare: 0.08,
  isolationPt: 2,
  maxRegions: 60,
  contextPt: 4,
  minConfidence: 50,
  rereadBelowConfidence: 60,
  maxOverlapShare: 0.3,
  mergeGapEm: 1.6,
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
  const pieces = inkComponents(bin);
  const regions = joinPieces(pieces, s.joinGapPt * pxPerPt);
  const near = s.isolationPt * pxPerPt;
  const words = lines.flatMap(l => l.words);
  return regions
    .filter(r => {
      const rh = r.bottom - r.top, rw = r.x1 - r.x0;
      return rh >= s.minHeightPt * pxPerPt && rh <= s.maxHeightPt * pxPerPt && rw >= s.minWidthPt * pxPerPt && r.ink >= s.minInkShare * rw * rh;
    })
    // Ink right next to a word is a bit of that word (a stroke outside its box, punctuation), not a
    // word of its own; reading it alone gives duplicates and stray characters.
    .filter(r => !words.some(w => w.x0 < r.x1 + near && w.x1 > r.x0 - near && w.top < r.bottom + near && w.bottom > r.top - near))
    .slice(0, s.maxRegions)
    .map(({ x0, top, x1, bottom }) => ({ x0, top, x1, bottom }));
}

type Piece = InkComponent;

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

export interface Crop {
  image: GrayImage;
  /** Where the crop's origin lies in the page image. */
  left: number;
  top: number;
}

/** The region with `padPx` of its surroundings (the engine reads isolated glyphs far better with context). */
export function cropRegion(img: GrayImage, r: Region, padPx: number): Crop {
  const x0 = Math.max(0, r.x0 - padPx), x1 = Math.min(img.width, r.x1 + padPx);
  const y0 = Math.max(0, r.top - padPx), y1 = Math.min(img.height, r.bottom + padPx);
  const width = x1 - x0, height = y1 - y0, data = new Uint8Array(width * height);
  for (let y = y0; y < y1; y++) data.set(img.data.subarray(y * img.width + x0, y * img.width + x1), (y - y0) * width);
  return { image: { width, height, data }, left: x0, top: y0 };
}

/**
 * Words read in a crop → words in page pixels. Only words centred inside `target` count: the context
 * around it may hold neighbouring characters that the page reading already has.
 */
export function wordsFromCrop(crop: Crop, lines: readonly OcrLine[], minConfidence: number, target: Region): OcrWord[] {
  return lines.flatMap(l => l.words)
    .filter(w => w.confidence >= minConfidence && w.text.trim() !== '')
    .map(w => ({ ...w, x0: w.x0 + crop.left, x1: w.x1 + crop.left, top: w.top + crop.top, bottom: w.bottom + crop.top }))
    .filter(w => {
      const cx = (w.x0 + w.x1) / 2, cy = (w.top + w.bottom) / 2;
      return cx >= target.x0 && cx <= target.x1 && cy >= target.top && cy <= target.bottom;
    });
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

export interface SecondLook {
  lines: OcrLine[];
  /** Doubtful words read again, and how many of those readings were kept. */
  reread: number;
  replaced: number;
  /** Uncovered ink regions looked at, and the words found there. */
  regions: number;
  recovered: number;
}

/** Horizontal overlap of two words as a share of the narrower one (0 when they do not overlap vertically). */
function overlapShare(a: OcrWord, b: OcrWord): number {
  if (Math.min(a.bottom, b.bottom) <= Math.max(a.top, b.top)) return 0;
  return Math.max(0, Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0)) / Math.max(1, Math.min(a.x1 - a.x0, b.x1 - b.x0));
}

const mean = (xs: number[]): number => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);

/**
 * Re-read doubtful words and uncovered ink, each crop alone in single-line mode. `read` is the
 * engine; `wanted` turns false when the page has been abandoned (time limit): no more crops are read.
 */
export async function secondLook(
  img: GrayImage, threshold: number, lines: readonly OcrLine[], pxPerPt: number, s: RecoverSettings,
  read: (image: GrayImage, mode: ReadMode) => Promise<OcrLine[]>, wanted: () => boolean,
): Promise<SecondLook> {
  const result: SecondLook = { lines: lines.map(l => ({ words: [...l.words] })), reread: 0, replaced: 0, regions: 0, recovered: 0 };
  if (!s.enabled) return result;
  const pad = Math.round(s.contextPt * pxPerPt);
  const readCrop = async (r: Region): Promise<OcrWord[]> => {
    const crop = cropRegion(img, r, pad);
    return wordsFromCrop(crop, await read(crop.image, 'line'), s.minConfidence, r);
  };
  // Doubtful words are read again all at once (the pool's free engines share the reads), then weighed
  // in order, as if read one after another.
  const doubtful = result.lines.flatMap(line => line.words.filter(w => w.confidence < s.rereadBelowConfidence));
  const rereads = new Map(await Promise.all(doubtful.map(async w => {
    result.reread++;
    const box = { x0: Math.floor(w.x0), top: Math.floor(w.top), x1: Math.ceil(w.x1), bottom: Math.ceil(w.bottom) };
    return [w, wanted() ? await readCrop(box) : []] as const;
  })));
  for (const line of result.lines) {
    for (let i = 0; i < line.words.length && wanted(); i++) {
      const w = line.words[i];
      const reading = rereads.get(w);
      if (!reading) continue;
      const others = line.words.filter(o => o !== w);
      // The crop often holds part of a neighbour the page reading already has ("预" re-read as
      // "预算" next to "算"); such readings are dropped rather than doubled.
      const again = reading.filter(a => !others.some(o => overlapShare(a, o) > s.maxOverlapShare));
      if (again.length && mean(again.map(a => a.confidence)) > w.confidence) {
        line.words.splice(i, 1, ...again);
        i += again.length - 1;
        result.replaced++;
      }
    }
  }
  const regions = wanted() ? missedRegions(img, threshold, result.lines, pxPerPt, s) : [];
  result.regions = regions.length;
  const found = (await Promise.all(regions.map(region => (wanted() ? readCrop(region) : Promise.resolve([]))))).flat();
  result.recovered = found.length;
  result.lines = mergeRecovered(result.lines, [{ words: found }], s.mergeGapEm);
  return result;
}

import type { TextRun } from '../model/page.js';
import { apply, multiply, type Matrix } from './matrix.js';
import { normalizeText } from './normalizeText.js';
import type { PdfPage } from './openDocument.js';
import { textItemsFromOperatorList, type LoadedFont } from './opListText.js';
import { collectParseWarnings, type Collector } from './parseWarnings.js';

interface RawItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
  fontName: string;
}

// Share of the font size above the baseline; the rest hangs below it.
const ASCENT = 0.86;

/** The text items of a page as pdf.js gives them (its own coordinates, y up). */
export type TextItems = readonly RawItem[];

export async function readTextItems(page: PdfPage): Promise<TextItems> {
  const content = await page.getTextContent({ disableNormalization: true });
  return nonBlank(content.items as RawItem[]);
}

const nonBlank = (items: readonly RawItem[]): RawItem[] => items.filter(raw => 'str' in raw && raw.str.trim() !== '');

export type OperatorList = Awaited<ReturnType<PdfPage['getOperatorList']>>;

/**
 * Where the text items come from: 'ops' builds them from the page's operator list (one parse of the
 * content stream, shared with the rules; see opListText.ts), 'content' asks pdf.js's getTextContent.
 * BUDGET_TABLES_TEXT_FROM=content turns the first off.
 */
const fromOps = (): boolean => process.env.BUDGET_TABLES_TEXT_FROM !== 'content';

/** Pages whose text was built from the operator list, and pages read with getTextContent instead, by reason. */
export const textReadings = { fromOps: 0, fellBack: new Map<string, number>() };
const fellBack = (reason: string): void => { textReadings.fellBack.set(reason, (textReadings.fellBack.get(reason) ?? 0) + 1); };

/**
 * Per document (copy), whether the items built from its operator list were the same as getTextContent's
 * on its first page that was built so: the port is checked on every document it reads (a producer's
 * way of writing text the port gets wrong), at the cost of reading one page twice. A document where they
 * differ is read with getTextContent throughout.
 */
const checked = new WeakMap<object, boolean>();

/**
 * The page's text items, and its operator list (with how many images pdf.js left out of it) when
 * they were built from it. A page whose operator list pdf.js gave with warnings (content it could not
 * parse: the two readings may stop at different places), or that the port refuses, is read with
 * getTextContent, and so is the rest of a document once its first page differed.
 */
export async function readPageText(page: PdfPage, doc: object, warningsInto?: Set<Collector>): Promise<{ items: TextItems; ops?: OperatorList; imagesLeftOut?: number }> {
  if (!fromOps()) return { items: await readTextItems(page) };
  const trusted = checked.get(doc);
  // (the operator list is then read only for a page that may hold a table, as without the port)
  if (trusted === false) { fellBack('document not trusted'); return { items: await readTextItems(page) }; }
  const { result: ops, warnings, imagesLeftOut } = await collectParseWarnings(() => page.getOperatorList(), warningsInto);
  const reading = warnings.length ? { refused: 'parse warnings' } : textItemsFromOperatorList(ops, loadedFontOf(page), page.view);
  if ('refused' in reading) {
    fellBack(reading.refused);
    return { items: await readTextItems(page), ops, imagesLeftOut };
  }
  const items = nonBlank(reading.items);
  if (trusted === undefined) {
    const content = await readTextItems(page);
    checked.set(doc, sameItems(items, content));
    fellBack('first page checked');
    return { items: content, ops, imagesLeftOut };
  }
  textReadings.fromOps++;
  return { items, ops, imagesLeftOut };
}

const sameItems = (a: readonly RawItem[], b: readonly RawItem[]): boolean => a.length === b.length && a.every((x, i) => {
  const y = b[i]!;
  return x.str === y.str && x.width === y.width && x.height === y.height && x.fontName === y.fontName
    && x.transform.length === y.transform.length && x.transform.every((v, k) => v === y.transform[k]);
});

/** A font pdf.js loaded for the page, by its loaded name (the fonts arrive before the operator list). */
export const loadedFontOf = (page: PdfPage) => (name: string): LoadedFont | null =>
  page.commonObjs.has(name) ? page.commonObjs.get(name) as LoadedFont : null;

/**
 * The page's text as runs in page coordinates (y down) of the given viewport. pdf.js filler items
 * (blank strings with no height, empty end-of-line markers) are dropped.
 */
export function toRuns(items: TextItems, viewport: Matrix): TextRun[] {
  const runs: TextRun[] = [];
  for (const raw of items) {
    const run = toRun(raw, viewport);
    if (run) runs.push(run);
  }
  return runs;
}

/**
 * Share of the characters whose baseline runs left to right in this viewport. A page whose text runs
 * down or up (a landscape table placed sideways on a portrait page) is read in the turn that makes it
 * upright.
 */
export function uprightShare(items: TextItems, viewport: Matrix): number {
  let upright = 0, all = 0;
  for (const item of items) {
    const m = multiply(item.transform, viewport);
    const n = item.str.length;
    all += n;
    if (m[0] > 0 && Math.abs(m[1]) < 0.2 * Math.abs(m[0])) upright += n;
  }
  return all ? upright / all : 1;
}

function toRun(item: RawItem, viewport: Matrix): TextRun | null {
  const m = multiply(item.transform, viewport);
  const size = Math.hypot(m[2], m[3]);
  if (!(size > 0)) return null;
  // Direction of the baseline in page space; pdf.js gives the width in user space units.
  const dx = m[0] / Math.hypot(m[0], m[1]), dy = m[1] / Math.hypot(m[0], m[1]);
  const advance = item.width * Math.hypot(viewport[0], viewport[1]);
  const [bx, by] = apply(viewport, item.transform[4], item.transform[5]);
  const ex = bx + dx * advance, ey = by + dy * advance;
  // "Up" for the glyphs is perpendicular to the baseline.
  const ux = dy, uy = -dx;
  const xs = [bx, ex, bx + ux * size * ASCENT, ex - ux * size * (1 - ASCENT)];
  const ys = [by, ey, by + uy * size * ASCENT, ey - uy * size * (1 - ASCENT)];
  const text = normalizeText(item.str);
  if (text.trim() === '') return null;
  return {
    x0: Math.min(...xs), x1: Math.max(...xs), top: Math.min(...ys), bottom: Math.max(...ys),
    text, fontSize: size, fontName: item.fontName,
  };
}

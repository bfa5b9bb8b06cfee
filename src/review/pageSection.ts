/** One page of the review: the page image with tables and cells drawn on it, beside the rebuilt grids. */
import type { DebugDocument } from '../model/debug.js';
import { debugNotes, debugSvg } from './debugLayer.js';
import { coord, escapeHtml } from './escape.js';
import { cellKey, gridHtml, tableLabel, type CellKeys } from './grid.js';
import type { PageImage } from './pageImages.js';
import type { Bbox, OutputDocument } from '../model/document.js';

const rect = (b: Bbox, attrs: string, tip = ''): string =>
  `<rect ${attrs} x="${coord(b[0])}" y="${coord(b[1])}" width="${coord(Math.max(0.5, b[2] - b[0]))}" height="${coord(Math.max(0.5, b[3] - b[1]))}">` +
  (tip ? `<title>${escapeHtml(tip)}</title>` : '') + '</rect>';

/** Tables with a row or a detected region on the page, in document order. */
function tablesOnPage(doc: OutputDocument, page: number): number[] {
  const out: number[] = [];
  for (const [i, t] of doc.tables.entries()) {
    if (t.rows.some(r => r.page === page) || t.regions?.some(r => r.page === page)) out.push(i);
  }
  return out;
}

function overlaySvg(doc: OutputDocument, tables: readonly number[], image: PageImage, failed: CellKeys, debug: DebugDocument | null): string {
  const out: string[] = [`<svg class="overlay" viewBox="0 0 ${coord(image.widthPt)} ${coord(image.heightPt)}" preserveAspectRatio="none" aria-hidden="true">`];
  out.push('<g class="regions">');
  for (const ti of tables) {
    for (const r of doc.tables[ti]!.regions ?? []) {
      if (r.page !== image.number) continue;
      out.push(rect(r.bbox, 'class="region"', tableLabel(doc.tables[ti]!)));
    }
  }
  out.push('</g><g class="cells">');
  for (const ti of tables) {
    for (const row of doc.tables[ti]!.rows) {
      if (row.page !== image.number || !row.boxes) continue;
      for (const [c, box] of row.boxes.entries()) {
        if (!box) continue;
        const classes = ['cell'];
        if (failed.has(cellKey(ti, row.index, c))) classes.push('fail');
        if (row.ocr?.[c]?.original != null) classes.push('repaired');
        out.push(rect(box, `class="${classes.join(' ')}" id="b-${ti}-${row.index}-${c}"`));
      }
    }
  }
  out.push('</g>');
  if (debug) out.push(debugSvg(debug.pages.find(p => p.number === image.number)));
  out.push('<g class="focus"></g></svg>');
  return out.join('');
}

export function pageSectionHtml(doc: OutputDocument, image: PageImage, failed: CellKeys, debug: DebugDocument | null): string {
  const n = image.number;
  const info = doc.pages.find(p => p.number === n);
  const tables = tablesOnPage(doc, n);
  const badges: string[] = [];
  if (info?.text_source === 'ocr') badges.push('<span class="badge ocr" title="this page was read by OCR">OCR</span>');
  if (info?.text_source === 'none') badges.push('<span class="badge none">no text read</span>');
  const heading = `<h2>Page ${n} ${badges.join(' ')}${tables.length ? ` <span class="on-page">${escapeHtml(tables.map(i => doc.tables[i]!.number ?? doc.tables[i]!.title).join(' · '))}</span>` : ''}</h2>`;
  const note = info?.note ? `<p class="page-note">${escapeHtml(info.note)}</p>` : '';
  const aspect = image.widthPt > 0 && image.heightPt > 0 ? ` style="aspect-ratio: ${coord(image.widthPt)} / ${coord(image.heightPt)}"` : '';
  const picture = image.jpeg
    ? `<img src="data:image/jpeg;base64,${image.jpeg.toString('base64')}" width="${Math.round(image.widthPt)}" height="${Math.round(image.heightPt)}" alt="page ${n}">`
    : `<div class="no-image"${aspect}>page ${n} could not be drawn: ${escapeHtml(image.error ?? 'unknown error')}</div>`;
  const overlay = image.widthPt > 0 ? overlaySvg(doc, tables, image, failed, debug) : '';
  const notes = debug ? debugNotes(debug.pages.find(p => p.number === n), debug, n, i => doc.tables[i] ? tableLabel(doc.tables[i]!) : `table ${i}`) : '';
  const grids = tables.map(i => gridHtml(doc.tables[i]!, i, n, failed)).join('');
  return `<section class="page${info?.text_source === 'ocr' ? ' ocr' : ''}" id="page-${n}" data-page="${n}">${heading}${note}` +
    `<div class="spread"><figure class="sheet">${picture}${overlay}</figure><div class="grids">${notes}${grids}</div></div></section>\n`;
}

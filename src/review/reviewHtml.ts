/** The review page as HTML, produced in pieces: the head and side panel, then one section per page. */
import { checkTargets, type CheckTarget } from './checks.js';
import { sidePanelHtml } from './checkList.js';
import { REVIEW_SCRIPT } from './clientScript.js';
import type { DebugDocument } from '../model/debug.js';
import { escapeHtml, jsonForScript } from './escape.js';
import { cellKey } from './grid.js';
import type { PageImage } from './pageImages.js';
import { pageSectionHtml } from './pageSection.js';
import type { OutputDocument } from '../model/document.js';
import { REVIEW_CSS } from './styles.js';

/** Nothing but the page itself: inline style and script, images as data: URLs. */
const CONTENT_POLICY = "default-src 'none'; img-src data:; style-src 'unsafe-inline'; script-src 'unsafe-inline'";

function failedCells(targets: readonly CheckTarget[]): Set<string> {
  const keys = new Set<string>();
  for (const t of targets) if (t.status === 'fail') for (const c of t.cells) keys.add(cellKey(c.table, c.row, c.column));
  return keys;
}

export async function* reviewHtml(doc: OutputDocument, pages: AsyncIterable<PageImage>, debug: DebugDocument | null): AsyncGenerator<string> {
  const targets = checkTargets(doc);
  const failed = failedCells(targets);
  yield '<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8">' +
    `<meta http-equiv="Content-Security-Policy" content="${CONTENT_POLICY}">` +
    '<meta name="viewport" content="width=device-width, initial-scale=1">' +
    `<title>${escapeHtml(`Review — ${doc.source.file}`)}</title><style>${REVIEW_CSS}</style></head><body>\n`;
  yield sidePanelHtml(doc, targets, !!debug) + '\n<main>\n';
  for await (const image of pages) yield pageSectionHtml(doc, image, failed, debug);
  yield `</main>\n<script type="application/json" id="review-data">${jsonForScript({ checks: targets })}</script>\n` +
    `<script>${REVIEW_SCRIPT}</script>\n</body></html>\n`;
}

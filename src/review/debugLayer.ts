/**
 * The layout stage's intermediates (NAME.debug.json, written by `extract --debug`) drawn as a layer the
 * reader switches on: ruling lines, title blocks (accepted or rejected, and why), table fragments with
 * their column boundaries and header cells, and the continuation decisions between pages.
 */
import { z } from 'zod';
import { coord, escapeHtml } from './escape.js';
import type { Bbox } from '../model/document.js';

const BboxSchema = z.tuple([z.number(), z.number(), z.number(), z.number()]);
const PlaceSchema = z.object({ page: z.number(), table: z.union([z.number(), z.string()]).nullable() }).passthrough();

/** What the review page reads of the debug file; fields it does not draw are let through untouched. */
export const DebugForReviewSchema = z.object({
  pages: z.array(z.object({
    number: z.number(),
    rules: z.array(z.object({ x0: z.number(), top: z.number(), x1: z.number(), bottom: z.number() })).default([]),
    titleBlocks: z.array(z.object({ bbox: BboxSchema, text: z.string(), accepted: z.boolean(), reason: z.string() }).passthrough()).default([]),
    fragments: z.array(z.object({
      bbox: BboxSchema,
      columns: z.array(z.number()).default([]),
      headerCells: z.array(z.object({ bbox: BboxSchema, text: z.string() })).default([]),
    }).passthrough()).default([]),
  }).passthrough()),
  continuations: z.array(z.object({ from: PlaceSchema, to: PlaceSchema, decision: z.string(), reason: z.string() }).passthrough()).default([]),
}).passthrough();
export type DebugForReview = z.infer<typeof DebugForReviewSchema>;
type DebugPage = DebugForReview['pages'][number];

const rect = (b: Bbox, cls: string, tip?: string): string =>
  `<rect class="${cls}" x="${coord(b[0])}" y="${coord(b[1])}" width="${coord(Math.max(0.5, b[2] - b[0]))}" height="${coord(Math.max(0.5, b[3] - b[1]))}">` +
  (tip ? `<title>${escapeHtml(tip)}</title>` : '') + '</rect>';

/** The SVG group of one page's intermediates (hidden until the debug layer is switched on). */
export function debugSvg(page: DebugPage | undefined): string {
  if (!page) return '';
  const out: string[] = ['<g class="debug">'];
  for (const r of page.rules) out.push(`<line class="dbg-rule" x1="${coord(r.x0)}" y1="${coord(r.top)}" x2="${coord(r.x1)}" y2="${coord(r.bottom)}"></line>`);
  for (const f of page.fragments) {
    out.push(rect(f.bbox as Bbox, 'dbg-fragment', `fragment: ${f.columns.length} column boundaries`));
    for (const x of f.columns) out.push(`<line class="dbg-column" x1="${coord(x)}" y1="${coord(f.bbox[1])}" x2="${coord(x)}" y2="${coord(f.bbox[3])}"></line>`);
    for (const h of f.headerCells) out.push(rect(h.bbox as Bbox, 'dbg-header', `header cell: ${h.text}`));
  }
  for (const t of page.titleBlocks) {
    out.push(rect(t.bbox as Bbox, t.accepted ? 'dbg-title ok' : 'dbg-title rejected', `title block ${t.accepted ? 'accepted' : 'rejected'}: ${t.reason}\n${t.text}`));
  }
  out.push('</g>');
  return out.join('');
}

const place = (p: { page: number; table: number | string | null }): string => `p.${p.page}${p.table === null ? '' : ` table ${p.table}`}`;

/** The page's intermediates as a list beside the image: title blocks with their verdict, continuations. */
export function debugNotes(page: DebugPage | undefined, debug: DebugForReview, pageNumber: number): string {
  const items: string[] = [];
  for (const t of page?.titleBlocks ?? []) {
    items.push(`<li class="${t.accepted ? 'ok' : 'rejected'}">title block ${t.accepted ? 'accepted' : 'rejected'}: <q>${escapeHtml(t.text)}</q> — ${escapeHtml(t.reason)}</li>`);
  }
  for (const c of debug.continuations) {
    if (c.to.page !== pageNumber && c.from.page !== pageNumber) continue;
    items.push(`<li class="${c.decision === 'continue' ? 'continue' : 'new'}">${escapeHtml(place(c.from))} → ${escapeHtml(place(c.to))}: ${escapeHtml(c.decision)} — ${escapeHtml(c.reason)}</li>`);
  }
  if (page) items.push(`<li>${page.rules.length} ruling lines, ${page.fragments.length} table fragments</li>`);
  return items.length ? `<ul class="debug-notes">${items.join('')}</ul>` : '';
}

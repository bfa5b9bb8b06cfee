/**
 * The layout stage's intermediates (NAME.debug.json, written by `extract --debug`) drawn as a layer the
 * reader switches on: ruling lines, title blocks (accepted or rejected, and why), table fragments with
 * their column boundaries and header cells, and the continuation decisions between pages.
 */
import type { Bbox } from '../model/document.js';
import type { DebugDocument, DebugPage } from '../model/debug.js';
import { coord, escapeHtml } from './escape.js';

const rect = (b: Bbox, cls: string, tip?: string): string =>
  `<rect class="${cls}" x="${coord(b[0])}" y="${coord(b[1])}" width="${coord(Math.max(0.5, b[2] - b[0]))}" height="${coord(Math.max(0.5, b[3] - b[1]))}">` +
  (tip ? `<title>${escapeHtml(tip)}</title>` : '') + '</rect>';

/** The SVG group of one page's intermediates (hidden until the debug layer is switched on). */
export function debugSvg(page: DebugPage | undefined): string {
  if (!page) return '';
  const out: string[] = ['<g class="debug">'];
  for (const r of page.rules) out.push(`<line class="dbg-rule" x1="${coord(r.x0)}" y1="${coord(r.top)}" x2="${coord(r.x1)}" y2="${coord(r.bottom)}"></line>`);
  for (const f of page.fragments) {
    out.push(rect(f.bbox, 'dbg-fragment', `fragment of table ${f.table}: ${Math.max(0, f.columns.length - 1)} columns, boundaries from ${f.ruled ? 'the drawn rules' : 'the text alignment'}`));
    // A page read turned (its text sideways) has its column boundaries along y.
    for (const v of f.columns) {
      out.push(f.columnAxis === 'y'
        ? `<line class="dbg-column" x1="${coord(f.bbox[0])}" y1="${coord(v)}" x2="${coord(f.bbox[2])}" y2="${coord(v)}"></line>`
        : `<line class="dbg-column" x1="${coord(v)}" y1="${coord(f.bbox[1])}" x2="${coord(v)}" y2="${coord(f.bbox[3])}"></line>`);
    }
    for (const h of f.headerCells) if (h.bbox) out.push(rect(h.bbox, 'dbg-header', `header cell (columns ${h.columns[0]}–${h.columns[1]}): ${h.text}`));
  }
  for (const t of page.titleBlocks) {
    out.push(rect(t.bbox, t.accepted ? 'dbg-title ok' : 'dbg-title rejected', `title block ${t.accepted ? 'accepted' : 'rejected'}: ${t.reason}\n${t.text}`));
  }
  out.push('</g>');
  return out.join('');
}

const place = (p: { page: number; table: number } | null, tableName: (i: number) => string): string =>
  p ? `${tableName(p.table)} (p.${p.page})` : 'no table open';

/** The page's intermediates as a list beside the image: title blocks with their verdict, continuations. */
export function debugNotes(page: DebugPage | undefined, debug: DebugDocument, pageNumber: number, tableName: (i: number) => string): string {
  const items: string[] = [];
  for (const t of page?.titleBlocks ?? []) {
    items.push(`<li class="${t.accepted ? 'ok' : 'rejected'}">title block ${t.accepted ? 'accepted' : 'rejected'}: <q>${escapeHtml(t.text)}</q> — ${escapeHtml(t.reason)}</li>`);
  }
  for (const c of debug.continuations) {
    if (c.to.page !== pageNumber) continue;
    const verdict = c.decision === 'continue' ? `continues ${place(c.from, tableName)}` : `a new table (${c.from ? `not ${place(c.from, tableName)} continued` : 'none open before'})`;
    items.push(`<li class="${c.decision}">${escapeHtml(`${tableName(c.to.table)}: ${verdict} — ${c.reason}`)}</li>`);
  }
  if (page) items.push(`<li>${page.rules.length} ruling lines, ${page.fragments.length} table fragments</li>`);
  return items.length ? `<ul class="debug-notes">${items.join('')}</ul>` : '';
}

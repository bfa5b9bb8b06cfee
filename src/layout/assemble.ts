import { median } from '../model/geometry.js';
import type { PageContent } from '../model/page.js';
import type { ProseLine, RawTable } from '../model/rawTable.js';
import { isAnchorLine, isNoteText } from './anchors.js';
import { rulesToEdges } from './edges.js';
import { buildFragment, type Segment, type TableFragment } from './fragment.js';
import { columnPaths } from './header.js';
import { DEFAULT_LAYOUT, type LayoutSettings } from './settings.js';
import { findTitleBlocks, type TitleBlock } from './titleBlocks.js';
import { toLines } from './textLines.js';
import { toParagraphs } from './paragraphs.js';

interface OpenTable {
  table: RawTable;
  /** Column centres of the first fragment, to line up continuation pages drawn differently. */
  centers: number[];
}

/**
 * The layout stage: pages go in one at a time, tables come out whole, with rows continued across
 * pages stitched on and repeated headers dropped.
 */
export class TableAssembler {
  private readonly tables: RawTable[] = [];
  private readonly prose: ProseLine[] = [];
  private current: OpenTable | null = null;

  constructor(private readonly settings: LayoutSettings = DEFAULT_LAYOUT) {}

  addPage(page: PageContent): void {
    const s = this.settings;
    const lines = toLines(page.runs, s.lineOverlapShare);
    const hEdges = rulesToEdges(page.rules, 'h', s.snapTolerancePt, s.joinTolerancePt);
    const vEdges = rulesToEdges(page.rules, 'v', s.snapTolerancePt, s.joinTolerancePt);
    const hasRulesBelow = (y: number): boolean =>
      hEdges.some(e => e.pos > y && e.pos - y < s.titleToBodyMaxPt && e.to - e.from > 40) ||
      lines.some(l => l.top > y && l.top - y < s.titleToBodyMaxPt && isAnchorLine(l));
    const blocks = findTitleBlocks(lines, s.titleBlockMaxLines, hasRulesBelow);
    const segment = (top: number, bottom: number): Segment => ({ page: page.number, top, bottom, lines, hEdges, vEdges });

    // Whatever precedes the first title on the page may continue the table of the previous page.
    const firstTop = blocks[0]?.top ?? page.height + 1;
    const lead = this.current ? buildFragment(segment(0, firstTop), true, s) : null;
    if (lead && this.current) this.append(this.current, lead);
    else if (!blocks.length) this.current = null;
    // Stretches of the page that tables and their titles take; the rest is running text.
    const taken: [number, number][] = lead ? [[lead.top, lead.bottom]] : [];

    blocks.forEach((block, i) => {
      const fragment = buildFragment(segment(block.bottom, blocks[i + 1]?.top ?? page.height + 1), false, s);
      if (!fragment) return; // a title with no table under it (a heading that happens to end in 表)
      taken.push([block.top, block.bottom], [fragment.top, fragment.bottom]);
      if (block.continued && this.current) { this.append(this.current, fragment); return; }
      this.open(block, fragment, page.number);
    });
    const free = lines.filter(l => !taken.some(([top, bottom]) => l.bottom > top - 1 && l.top < bottom + 1));
    this.prose.push(...toParagraphs(taken.length ? free.filter(l => !isNoteText(l.text)) : lines, page.number));
  }

  finish(): { tables: RawTable[]; prose: ProseLine[] } {
    this.current = null;
    return { tables: this.tables, prose: this.prose };
  }

  private open(block: TitleBlock, fragment: TableFragment | null, page: number): void {
    const ncols = fragment ? fragment.xs.length - 1 : 0;
    const table: RawTable = {
      number: block.number, title: block.title, org: block.org, orgLabel: block.orgLabel, unit: block.unit, pages: [page],
      columnPaths: fragment ? columnPaths(fragment.headerCells, ncols) : [],
      columnNumbers: fragment?.columnNumbers ?? [],
      rows: [], note: fragment?.note ?? null, ruled: fragment?.ruled ?? false,
    };
    this.tables.push(table);
    this.current = { table, centers: fragment ? centersOf(fragment.xs) : [] };
    if (fragment) for (const r of fragment.rows) table.rows.push({ page, cells: r.cells });
  }

  private append(open: OpenTable, fragment: TableFragment): void {
    const { table } = open;
    if (!table.pages.includes(fragment.page)) table.pages.push(fragment.page);
    if (!table.columnPaths.length && fragment.headerCells.length) {
      table.columnPaths = columnPaths(fragment.headerCells, fragment.xs.length - 1);
      table.columnNumbers = fragment.columnNumbers;
      open.centers = centersOf(fragment.xs);
    }
    table.note ??= fragment.note;
    const map = columnMap(centersOf(fragment.xs), open.centers);
    const width = Math.max(open.centers.length, table.columnPaths.length);
    for (const r of fragment.rows) {
      const cells = Array.from({ length: width || r.cells.length }, () => '');
      r.cells.forEach((text, c) => {
        const to = map[c] ?? c;
        if (text) cells[to] = cells[to] ? `${cells[to]}${text}` : text;
      });
      table.rows.push({ page: fragment.page, cells });
    }
  }
}

const centersOf = (xs: readonly number[]): number[] => xs.slice(0, -1).map((x, i) => (x + xs[i + 1]) / 2);

/** Same count: column by column. Otherwise each column goes to the nearest column of the table. */
function columnMap(from: readonly number[], to: readonly number[]): number[] {
  if (!to.length || from.length === to.length) return from.map((_, i) => i);
  const pitch = median(to.slice(1).map((c, i) => c - to[i])) || 1;
  return from.map(c => {
    let best = 0;
    for (let i = 1; i < to.length; i++) if (Math.abs(to[i] - c) < Math.abs(to[best] - c)) best = i;
    return Math.abs(to[best] - c) < 2 * pitch ? best : Math.min(to.length - 1, best);
  });
}

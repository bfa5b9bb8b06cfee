import { median } from '../model/geometry.js';
import type { PageContent } from '../model/page.js';
import type { ProseLine, RawTable } from '../model/rawTable.js';
import { isAnchorLine, isNoteText, isProseOrFooter } from './anchors.js';
import { continuesTable, headerText, isIdentityHeader, type PageTable, type TableIdentity } from './continuation.js';
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
  identity: TableIdentity;
}

/** A title printed at the foot of a page with nothing under it: its table starts on the next page. */
interface PendingTitle {
  block: TitleBlock;
  page: number;
}

/**
 * The layout stage: pages go in one at a time, tables come out whole, with rows continued across
 * pages stitched on and repeated headers dropped.
 */
export class TableAssembler {
  private readonly tables: RawTable[] = [];
  private readonly prose: ProseLine[] = [];
  private current: OpenTable | null = null;
  private pending: PendingTitle | null = null;

  constructor(private readonly settings: LayoutSettings = DEFAULT_LAYOUT) {}

  addPage(page: PageContent): void {
    const s = this.settings;
    const lines = toLines(page.runs, s.lineOverlapShare);
    const hEdges = rulesToEdges(page.rules, 'h', s.snapTolerancePt, s.joinTolerancePt);
    const vEdges = rulesToEdges(page.rules, 'v', s.snapTolerancePt, s.joinTolerancePt);
    const hasRulesBelow = (y: number): boolean =>
      hEdges.some(e => e.pos > y && e.pos - y < s.titleToBodyMaxPt && e.to - e.from > s.titleRuleMinLengthPt) ||
      lines.some(l => l.top > y && l.top - y < s.titleToBodyMaxPt && isAnchorLine(l));
    const pending = this.pending;
    this.pending = null;
    const blocks = findTitleBlocks(lines, s.titleBlockMaxLines, hasRulesBelow, pending?.block ?? null);
    const segment = (top: number, bottom: number): Segment => ({ page: page.number, top, bottom, lines, hEdges, vEdges });

    // Whatever precedes the first title on the page may continue the table of the previous page, or be
    // the body of a title printed at the foot of the previous page.
    const firstTop = blocks[0]?.top ?? page.height + 1;
    const lead = (this.current || pending) && !blocks[0]?.carried ? buildFragment(segment(0, firstTop), true, s) : null;
    if (lead && pending) this.open(pending.block, lead, [pending.page, page.number], `title printed at the foot of page ${pending.page}, its table under it on page ${page.number}`);
    else if (lead && this.current) this.append(this.current, lead, 'no title above it: rows continue the table of the page before');
    else if (!blocks.length) this.current = null;
    // Stretches of the page that tables and their titles take; the rest is running text.
    const taken: [number, number][] = lead ? [[lead.top, lead.bottom]] : [];

    blocks.forEach((block, i) => {
      const fragment = buildFragment(segment(block.bottom, blocks[i + 1]?.top ?? page.height + 1), false, s);
      if (!fragment) {
        // A title (with its org and unit lines) ending the page: its table is on the next page.
        const last = i === blocks.length - 1 && !lines.some(l => l.top > block.bottom && !isProseOrFooter(l, Infinity));
        if (last) { this.pending = { block, page: pending && block.carried ? pending.page : page.number }; this.current = null; taken.push([block.top, block.bottom]); }
        return; // otherwise a title with no table under it (a heading that happens to end in 表)
      }
      taken.push([block.top, block.bottom], [fragment.top, fragment.bottom]);
      const verdict = continuesTable(this.current?.identity ?? null, block, pageTable(fragment));
      if (verdict.continues && this.current) { this.append(this.current, fragment, verdict.reason); return; }
      const carried = block.carried && pending;
      this.open(block, fragment, carried ? [pending.page, page.number] : [page.number],
        carried ? `title printed at the foot of page ${pending.page}, its org/unit lines on page ${page.number}` : verdict.reason);
    });
    const free = lines.filter(l => !taken.some(([top, bottom]) => l.bottom > top - 1 && l.top < bottom + 1));
    this.prose.push(...toParagraphs(taken.length ? free.filter(l => !isNoteText(l.text)) : lines, page.number));
  }

  finish(): { tables: RawTable[]; prose: ProseLine[] } {
    this.current = null;
    this.pending = null;
    return { tables: this.tables, prose: this.prose };
  }

  private open(block: TitleBlock, fragment: TableFragment, pages: number[], reason: string): void {
    const ncols = fragment.xs.length - 1;
    const page = pages[pages.length - 1];
    const table: RawTable = {
      number: block.number, title: block.title, org: block.org, orgLabel: block.orgLabel, unit: block.unit, pages,
      columnPaths: columnPaths(fragment.headerCells, ncols),
      columnNumbers: fragment.columnNumbers ?? [],
      rows: [], note: fragment.note, ruled: fragment.ruled,
      pageReasons: [{ page: pages[0], reason: `new table: ${reason}` }],
    };
    this.tables.push(table);
    this.current = {
      table, centers: centersOf(fragment.xs),
      identity: { number: block.number, title: block.title, org: block.org, header: headerText(fragment.headerCells), columns: fragment.xs.length - 1, lastPage: page },
    };
    for (const r of fragment.rows) table.rows.push({ page, cells: r.cells });
  }

  private append(open: OpenTable, fragment: TableFragment, reason: string): void {
    const { table } = open;
    if (!table.pages.includes(fragment.page)) {
      table.pages.push(fragment.page);
      table.pageReasons?.push({ page: fragment.page, reason });
    }
    open.identity.lastPage = fragment.page;
    if (!table.columnPaths.length && fragment.headerCells.length) {
      table.columnPaths = columnPaths(fragment.headerCells, fragment.xs.length - 1);
      table.columnNumbers = fragment.columnNumbers;
      open.centers = centersOf(fragment.xs);
      open.identity.header = headerText(fragment.headerCells);
      open.identity.columns = fragment.xs.length - 1;
    }
    table.note ??= fragment.note;
    const map = columnMap(centersOf(fragment.xs), open.centers);
    const width = Math.max(open.centers.length, table.columnPaths.length);
    const header = headerText(fragment.headerCells);
    // A form per project under one title: each page's identity lines (项目名称 …) are its own, not a
    // repeated header, so they are kept as the rows they are (the form reader starts a form at them).
    const ownHeader = header !== open.identity.header && isIdentityHeader(header) ? headerLines(fragment) : [];
    for (const r of [...ownHeader, ...fragment.rows]) {
      const cells = Array.from({ length: width || r.cells.length }, () => '');
      r.cells.forEach((text, c) => {
        const to = map[c] ?? c;
        if (text) cells[to] = cells[to] ? `${cells[to]}${text}` : text;
      });
      table.rows.push({ page: fragment.page, cells });
    }
  }
}

/** A fragment's header as lines of cells, one per header level. */
function headerLines(f: TableFragment): { cells: string[] }[] {
  const paths = columnPaths(f.headerCells, f.xs.length - 1);
  const depth = Math.max(0, ...paths.map(p => p.length));
  return Array.from({ length: depth }, (_, level) => ({ cells: paths.map(p => p[level] ?? '') }));
}

const pageTable = (f: TableFragment): PageTable => ({ page: f.page, header: headerText(f.headerCells), columns: f.xs.length - 1 });

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

import { type BboxTuple, type Box, toBbox, unionBbox } from '../model/geometry.js';
import type { PageContent } from '../model/page.js';
import { FIGURE_IN_TEXT } from '../model/amounts.js';
import type { PrintedFigure, ProseLine, RawRow, RawTable } from '../model/rawTable.js';
import { isAnchorLine, isNoteText, isProseOrFooter } from './anchors.js';
import { continuesTable, headerText, isIdentityHeader, type PageTable, type TableIdentity } from './continuation.js';
import { rulesToEdges } from './edges.js';
import type { CellFigure } from './cells.js';
import { buildFragment, type Segment, type TableFragment } from './fragment.js';
import { columnPaths, type HeaderCell } from './header.js';
import { squash } from './joinText.js';
import { DEFAULT_LAYOUT, type LayoutSettings } from './settings.js';
import { findTitleBlocks, type TitleBlock, type TitleCandidate } from './titleBlocks.js';
import type { LayoutTrace } from './trace.js';
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
  /** The page being added, as boxes are written out: its coordinates → displayed ones. */
  private bbox: (b: Box) => BboxTuple = b => toBbox(b);
  /** The page being added, in its own coordinates: a table's area is kept inside it. */
  private pageBox: Box = { x0: 0, top: 0, x1: Infinity, bottom: Infinity };

  /** `trace`, when given, is told what the stage finds and decides on each page (extract --debug). */
  constructor(private readonly settings: LayoutSettings = DEFAULT_LAYOUT, private readonly trace: LayoutTrace | null = null) {}

  addPage(page: PageContent): void {
    const s = this.settings;
    const turned = page.displayed?.transform;
    this.bbox = b => toBbox(b, turned);
    this.pageBox = { x0: 0, top: 0, x1: page.width, bottom: page.height };
    const lines = toLines(page.runs, s);
    const hEdges = rulesToEdges(page.rules, 'h', s.snapTolerancePt, s.joinTolerancePt);
    const vEdges = rulesToEdges(page.rules, 'v', s.snapTolerancePt, s.joinTolerancePt);
    const hasRulesBelow = (y: number): boolean =>
      hEdges.some(e => e.pos > y && e.pos - y < s.titleToBodyMaxPt && e.to - e.from > s.titleRuleMinLengthPt) ||
      lines.some(l => l.top > y && l.top - y < s.titleToBodyMaxPt && isAnchorLine(l));
    const pending = this.pending;
    this.pending = null;
    const considered: TitleCandidate[] | undefined = this.trace ? [] : undefined;
    const blocks = findTitleBlocks(lines, s, hasRulesBelow, pending?.block ?? null, considered);
    for (const b of blocks) if (!b.unitAt && b.unitBox) b.unitAt = { page: page.number, bbox: this.bbox(b.unitBox) };
    if (this.trace) { this.trace.page(page, [...hEdges, ...vEdges]); this.trace.titleCandidates(considered!); }
    const segment = (top: number, bottom: number): Segment => ({ page: page.number, top, bottom, lines, hEdges, vEdges });

    // Whatever precedes the first title on the page may continue the table of the previous page, or be
    // the body of a title printed at the foot of the previous page.
    const firstTop = blocks[0]?.top ?? page.height + 1;
    const built = (this.current || pending) && !blocks[0]?.carried ? buildFragment(segment(0, firstTop), true, s) : null;
    // A table drawn with rules goes on drawn with rules: text at the top of the next page with none drawn
    // (a heading and running prose after the table's last page) is not its rows.
    const lead = built && this.current && !pending && this.current.table.ruled && !built.ruled ? null : built;
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
        else this.trace?.titleDropped(considered?.find(c => c.block === block), 'no table found under it (a heading that happens to end in 表)');
        return; // otherwise a title with no table under it (a heading that happens to end in 表)
      }
      taken.push([block.top, block.bottom], [fragment.top, fragment.bottom]);
      const verdict = continuesTable(this.current?.identity ?? null, block, pageTable(fragment));
      if (verdict.continues && this.current) { this.append(this.current, fragment, verdict.reason); return; }
      const carried = block.carried && pending;
      this.open(block, fragment, carried ? [pending.page, page.number] : [page.number],
        carried ? `title printed at the foot of page ${pending.page}, its org/unit lines on page ${page.number}` : verdict.reason);
    });
    const free = lines.filter(l => !taken.some(([top, bottom]) => l.bottom > top - s.touchSlackPt && l.top < bottom + s.touchSlackPt));
    this.prose.push(...toParagraphs(taken.length ? free.filter(l => !isNoteText(l.text)) : lines, page.number, s, this.bbox));
  }

  finish(): { tables: RawTable[]; prose: ProseLine[] } {
    this.current = null;
    this.pending = null;
    return { tables: this.tables, prose: this.prose };
  }

  /** Where the open table stands before a page's fragment is placed (for the trace). */
  private openAt(): { page: number; table: number } | null {
    return this.current ? { page: this.current.identity.lastPage, table: this.tables.indexOf(this.current.table) } : null;
  }

  private open(block: TitleBlock, fragment: TableFragment, pages: number[], reason: string): void {
    const from = this.trace ? this.openAt() : null;
    const ncols = fragment.xs.length - 1;
    const page = pages[pages.length - 1];
    const table: RawTable = {
      number: block.number, title: block.title, org: block.org, orgLabel: block.orgLabel, unit: block.unit, pages,
      ...(block.unit && block.unitAt ? { unitAt: block.unitAt } : {}),
      columnPaths: columnPaths(fragment.headerCells, ncols),
      columnNumbers: fragment.columnNumbers ?? [],
      rows: [], regions: [], note: fragment.note, ruled: fragment.ruled,
      pageReasons: [{ page: pages[0], reason: `new table: ${reason}` }],
    };
    this.addRegion(table, fragment);
    this.tables.push(table);
    if (this.trace) {
      this.trace.fragment(fragment, this.tables.length - 1);
      this.trace.continuation({ from, to: { page: fragment.page, table: this.tables.length - 1 }, decision: 'new', reason });
    }
    this.current = {
      table, centers: centersOf(fragment.xs),
      identity: { number: block.number, title: block.title, org: block.org, header: headerText(fragment.headerCells), columns: fragment.xs.length - 1, lastPage: page },
    };
    for (const r of fragment.rows) table.rows.push({ page, cells: r.cells, ...this.located(r) });
  }

  /** A fragment row's boxes (of its cells and of the figures among their words) in displayed coordinates, and its OCR confidences when it has any. */
  private located(r: { boxes: (Box | null)[]; confidences?: (number | null)[]; figures?: (CellFigure[] | null)[] }): Pick<RawRow, 'boxes' | 'confidences' | 'figures'> {
    const boxes = r.boxes.map(b => (b ? this.bbox(b) : null));
    const figures = r.figures?.map(fs => fs?.map(f => ({ text: f.text, bbox: this.bbox(f.box) })) ?? null);
    return { boxes, ...(r.confidences?.some(c => c !== null) ? { confidences: r.confidences } : {}), ...(figures ? { figures } : {}) };
  }

  /** The fragment's area (header, body and note) on its page, added to the table's regions. */
  private addRegion(table: RawTable, f: TableFragment): void {
    const p = this.pageBox;
    const box = { x0: Math.max(p.x0, Math.min(f.xs[0], ...f.headerCells.map(h => h.box?.x0 ?? Infinity))), top: Math.max(p.top, f.top),
      x1: Math.min(p.x1, Math.max(f.xs[f.xs.length - 1], ...f.headerCells.map(h => h.box?.x1 ?? -Infinity))), bottom: Math.min(p.bottom, f.bottom) };
    const bbox = this.bbox(box);
    const same = table.regions?.find(r => r.page === f.page);
    if (same) same.bbox = unionBbox(same.bbox, bbox)!;
    else (table.regions ??= []).push({ page: f.page, bbox });
  }

  private append(open: OpenTable, fragment: TableFragment, reason: string): void {
    const { table } = open;
    if (this.trace) {
      const index = this.tables.indexOf(table);
      this.trace.fragment(fragment, index);
      this.trace.continuation({ from: { page: open.identity.lastPage, table: index }, to: { page: fragment.page, table: index }, decision: 'continue', reason });
    }
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
    this.addRegion(table, fragment);
    const map = columnMap(centersOf(fragment.xs), open.centers);
    const width = Math.max(open.centers.length, table.columnPaths.length);
    const header = headerText(fragment.headerCells);
    // A form per project under one title: each page's identity lines (项目名称 …) are its own, not a
    // repeated header, so they are kept as the rows they are (the form reader starts a form at them).
    const ownHeader = header !== open.identity.header && isIdentityHeader(header) ? headerLines(fragment) : [];
    for (const r of [...ownHeader, ...fragment.rows]) {
      const n = width || r.cells.length;
      const cells = Array.from({ length: n }, () => '');
      const { boxes: from, confidences: sure, figures: placed } = this.located(r);
      const boxes: (BboxTuple | null)[] = Array.from({ length: n }, () => null);
      const confidences = sure ? Array.from({ length: n }, (): number | null => null) : undefined;
      const figures = placed ? Array.from({ length: n }, (): PrintedFigure[] | null => null) : undefined;
      r.cells.forEach((text, c) => {
        const to = map[c] ?? c;
        if (!text) return;
        // Two cells run into one: their figures are the cell's only when none runs on into the other.
        if (figures) figures[to] = cells[to] ? joinFigures(cells[to], figures[to] ?? null, text, placed?.[c] ?? null) : placed?.[c] ?? null;
        cells[to] = cells[to] ? `${cells[to]}${text}` : text;
        boxes[to] = unionBbox(boxes[to] ?? null, from?.[c] ?? null);
        if (confidences && sure?.[c] != null) confidences[to] = Math.min(confidences[to] ?? Infinity, sure[c]!);
      });
      table.rows.push({ page: fragment.page, cells, boxes, ...(confidences ? { confidences } : {}), ...(figures?.some(f => f) ? { figures } : {}) });
    }
  }
}

/**
 * A fragment's header as lines of cells, one per header level, with the box of each label (the same
 * labels, in the same order, as columnPaths gives the column).
 */
function headerLines(f: TableFragment): { cells: string[]; boxes: (Box | null)[] }[] {
  const ncols = f.xs.length - 1;
  const paths = columnPaths(f.headerCells, ncols);
  const labelCells = paths.map((path, c) => {
    const covering = f.headerCells.filter(h => h.c0 <= c && h.c1 >= c).sort((a, b) => a.top - b.top);
    return path.map(label => covering.find(h => squash(h.text).includes(label) || label.includes(squash(h.text))) ?? null);
  });
  const depth = Math.max(0, ...paths.map(p => p.length));
  return Array.from({ length: depth }, (_, level) => ({
    cells: paths.map(p => p[level] ?? ''),
    boxes: labelCells.map(cs => (cs[level] as HeaderCell | null | undefined)?.box ?? null),
  }));
}

/**
 * The figures of two cells' texts written one after the other (`a` then `b`), when each text's figures are
 * known (or it holds none) and no figure runs from one text into the other; else null.
 */
function joinFigures(a: string, fa: PrintedFigure[] | null, b: string, fb: PrintedFigure[] | null): PrintedFigure[] | null {
  const count = (t: string): number => [...t.matchAll(FIGURE_IN_TEXT)].length;
  const known = (t: string, f: PrintedFigure[] | null): PrintedFigure[] | null => (f ?? (count(t) === 0 ? [] : null));
  const ka = known(a, fa), kb = known(b, fb);
  if (!ka || !kb || count(a + b) !== ka.length + kb.length) return null;
  return ka.length + kb.length ? [...ka, ...kb] : null;
}

const pageTable = (f: TableFragment): PageTable => ({ page: f.page, header: headerText(f.headerCells), columns: f.xs.length - 1 });

const centersOf = (xs: readonly number[]): number[] => xs.slice(0, -1).map((x, i) => (x + xs[i + 1]) / 2);

/** Same count: column by column. Otherwise each column goes to the nearest column of the table. */
function columnMap(from: readonly number[], to: readonly number[]): number[] {
  if (!to.length || from.length === to.length) return from.map((_, i) => i);
  return from.map(c => {
    let best = 0;
    for (let i = 1; i < to.length; i++) if (Math.abs(to[i] - c) < Math.abs(to[best] - c)) best = i;
    return best;
  });
}

import { squash } from './joinText.js';
import type { HeaderCell } from './header.js';
import type { TitleBlock } from './titleBlocks.js';

/** What a printed table says about itself: enough to tell its next page from another table. */
export interface TableIdentity {
  number: string | null;
  title: string;
  org: string | null;
  /** Header text of its first page, squashed ("" when that page printed no header). */
  header: string;
  /** Column count of its first page. */
  columns: number;
  lastPage: number;
}

/** The table printed under a title block on one page, as far as the decision needs it. */
export interface PageTable {
  page: number;
  header: string;
  columns: number;
}

/** Whether a title block (with the table under it) continues the open table, and why. */
export interface ContinuationVerdict {
  continues: boolean;
  reason: string;
}

/**
 * A header that names what the table is about rather than its columns: a performance form's identity
 * lines (项目名称 / 预算单位 … with their values) above its indicator grid. An indicator table printing one
 * line per indicator has 项目名称 as a column and 一级指标 … in its header: not an identity header.
 */
export const isIdentityHeader = (header: string): boolean => /项目名称|单位名称/.test(header) && !/指标/.test(header);

/** Minimum likeness of two pages' headers for them to be one table's (character-pair overlap). */
const SAME_HEADER_MIN = 0.5;

export const headerText = (cells: readonly HeaderCell[]): string =>
  [...cells].sort((a, b) => a.top - b.top || a.c0 - b.c0).map(c => squash(c.text)).join('');

const norm = (s: string | null): string => squash(s ?? '').normalize('NFKC');

/** Dice coefficient over character pairs: 1 for equal texts, 0 for texts sharing no pair. */
export function textLikeness(a: string, b: string): number {
  const pairs = (s: string): Map<string, number> => {
    const m = new Map<string, number>();
    const chars = [...s];
    for (let i = 0; i + 1 < chars.length; i++) { const k = chars[i] + chars[i + 1]; m.set(k, (m.get(k) ?? 0) + 1); }
    return m;
  };
  const pa = pairs(a), pb = pairs(b);
  let total = 0, shared = 0;
  for (const n of pa.values()) total += n;
  for (const [k, n] of pb) { total += n; shared += Math.min(n, pa.get(k) ?? 0); }
  return total ? (2 * shared) / total : a === b ? 1 : 0;
}

/** Two printed values conflict when both are printed and differ; a value printed on one page only does not. */
const conflict = (a: string | null, b: string | null): boolean => !!a && !!b && norm(a) !== norm(b);

/**
 * A table continued over pages that repeat its title block is one table: the same title, the same
 * number and the same issuing unit, on the next page (or further down the same page), under a header
 * like the first page's. A different 单位名称/部门名称 line makes it the same table printed for another
 * sub-unit: a table of its own. A "(续)" title always continues.
 */
export function continuesTable(open: TableIdentity | null, block: TitleBlock, page: PageTable): ContinuationVerdict {
  const { header, columns } = page;
  if (!open) return { continues: false, reason: 'no table open before it' };
  if (block.continued) return { continues: true, reason: `title marked (续) on page ${page.page}` };
  if (page.page - open.lastPage > 1) return { continues: false, reason: `the open table ended on page ${open.lastPage}` };
  if (norm(block.title) !== norm(open.title)) return { continues: false, reason: `title "${block.title}" differs from "${open.title}"` };
  if (conflict(block.number, open.number)) return { continues: false, reason: `number ${block.number} differs from ${open.number}` };
  if (conflict(block.org, open.org)) return { continues: false, reason: `issuing unit "${block.org}" differs from "${open.org}": a table per sub-unit` };
  // Text a cell overflows onto the header can blur one page's header: only a header unlike the first
  // page's over a different set of columns makes another table.
  const likeness = header && open.header ? textLikeness(header, open.header) : 1;
  if (likeness < SAME_HEADER_MIN && columns !== open.columns) {
    return { continues: false, reason: `header and columns (${columns} vs ${open.columns}) differ from the first page's (likeness ${likeness.toFixed(2)})` };
  }
  return {
    continues: true,
    reason: `page ${page.page} repeats the title block (${[open.number, open.title, open.org].filter(Boolean).join(' / ')}); ` +
      `header likeness ${header && open.header ? likeness.toFixed(2) : 'n/a'}, columns ${columns} vs ${open.columns}`,
  };
}

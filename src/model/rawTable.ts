import type { CurrencyUnit } from './document.js';

/** A table as the layout stage rebuilt it: printed cells, before any meaning is attached. */
export interface RawTable {
  number: string | null;
  title: string;
  org: string | null;
  /** The word before the org name (编制单位, 部门, 单位名称 …). */
  orgLabel: string | null;
  unit: CurrencyUnit | null;
  pages: number[];
  /** Header path of each column, top to bottom. */
  columnPaths: string[][];
  /** Number of each column from the column-number line under the header (栏次 1 2 3), or null. */
  columnNumbers: (string | null)[];
  rows: { page: number; cells: string[] }[];
  note: string | null;
  ruled: boolean;
  /**
   * The layout's decisions, kept for review and debugging: for the first page why a table was opened
   * there (rather than the previous one continued), for each further page why it was taken as this
   * table's continuation.
   */
  pageReasons?: { page: number; reason: string }[];
}

/** A line of running text outside the tables (说明 sections, cover, contents). */
export interface ProseLine {
  page: number;
  text: string;
}

import type { CurrencyUnit } from './document.js';
import type { BboxTuple } from './geometry.js';

/** A figure printed among words, and the box of its glyphs (displayed orientation). */
export interface PrintedFigure { text: string; bbox: BboxTuple }

/** A printed row: its page, its cells' text and where each cell's text is printed. */
export interface RawRow {
  page: number;
  cells: string[];
  /** Box of each cell's text in the page's displayed orientation (null for an empty cell). */
  boxes?: (BboxTuple | null)[];
  /**
   * Where the figures printed among a cell's words are (FIGURE_IN_TEXT in src/model/amounts.ts: "编制数 71人"
   * holds 71): one entry per figure of the cell's text, in the order the pattern finds them, each its text
   * and the box of its glyphs — its share of the text run printing it, estimated from character widths, as
   * the text layer places runs, not glyphs. Null for a cell that holds no such figure or is a figure alone
   * (its box is the cell's); absent when no cell has one.
   */
  figures?: (PrintedFigure[] | null)[];
  /** Cells read by OCR: the lowest confidence of their words; absent on pages with a text layer. */
  confidences?: (number | null)[];
}

/** A table as the layout stage rebuilt it: printed cells, before any meaning is attached. */
export interface RawTable {
  number: string | null;
  title: string;
  org: string | null;
  /** The word before the org name (编制单位, 部门, 单位名称 …). */
  orgLabel: string | null;
  unit: CurrencyUnit | null;
  /** Where `unit` is printed (its 单位：万元 line's text), when the title block printed it. */
  unitAt?: { page: number; bbox: BboxTuple };
  pages: number[];
  /** Header path of each column, top to bottom. */
  columnPaths: string[][];
  /** Number of each column from the column-number line under the header (栏次 1 2 3), or null. */
  columnNumbers: (string | null)[];
  rows: RawRow[];
  /** The table's area on each page it spans (displayed orientation). */
  regions?: { page: number; bbox: BboxTuple }[];
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
  /** The printed lines it joins, in order (their texts make up `text`), each with its box (displayed orientation). */
  lines?: { text: string; bbox: BboxTuple }[];
}

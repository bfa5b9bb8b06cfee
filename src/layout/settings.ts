/**
 * Every tolerance of the layout stage, in one place, with its unit in its name. One object is resolved per
 * document (TableAssembler's) and handed to every step; test/layout/settings.test.ts fails when any of them
 * stops mattering on the sample documents.
 */
export interface LayoutSettings {
  /** Rule pieces closer than this across their axis are one line. */
  snapTolerancePt: number;
  /**
   * Rounding slack: a rule or line within this of a position counts as at it (a rule on a line's edge, a
   * line on a band's boundary), and a boundary drawn from a line's edge sits this far beyond it.
   */
  touchSlackPt: number;
  /** Collinear rule pieces with a gap up to this are joined. */
  joinTolerancePt: number;
  /** A boundary counts as drawn along a cell side when rules cover this share of it. */
  minBoundaryCoverage: number;
  /** Text lines overlapping vertically by this share of the smaller height are one line. */
  lineOverlapShare: number;
  /** How far (in font sizes) a wrapped line may sit from the row line it belongs to in open tables. */
  wrapReachEm: number;
  /** Lines below a title that may hold its org/unit lines before the table starts. */
  titleBlockMaxLines: number;
  /** How far below a title (in points) its table must begin. */
  titleToBodyMaxPt: number;
  /** A horizontal rule at least this long under a title says a table follows it. */
  titleRuleMinLengthPt: number;
  /** Rule pieces shorter than this (tick marks, underlines of a glyph) are not table rules. */
  minEdgeLengthPt: number;
  /** Text lines reaching this far past a table's drawn sides still belong to it. */
  tableSideSlackPt: number;
  /** A line whose middle is this far above the first drawn rule still belongs to the grid. */
  gridTopSlackPt: number;
  /** Vertical rules at least this long (or columnRuleHeightShare of the ruled height, if less) make columns. */
  columnRuleMinLengthPt: number;
  /** …the share of the ruled height (from the grid's top to its last rule) a vertical rule may be instead. */
  columnRuleHeightShare: number;
  /** Horizontal rules at least this share of the longest one set a table's horizontal extent. */
  longRuleShare: number;
  /** Below a grid that frames only the header, a sentence line wider than this share of the table's width is prose and ends the table's lines. */
  proseWidthShare: number;
  /** A continuation page whose table lines are sentences for more than this share (and more than one line) opens with prose, not the table. */
  proseLineShare: number;
  /** A run may overhang a column boundary by this much (in font sizes) and still lie in one column. */
  boundaryOverhangEm: number;
  /** A rule this far (in font sizes) under an open header label spans the columns the label covers. */
  headerUnderlineReachEm: number;
  /** Without such a rule, an open header label covers the columns whose middle is within this (in font sizes) of it. */
  headerLabelReachEm: number;
  /** Header runs one above the other are one wrapped label when they overlap across by this share of the narrower. */
  stackOverlapShare: number;
  /** … and the lower starts at most this far (in font sizes) below the upper. */
  stackGapEm: number;
  /** Runs of one line closer than this (in font sizes) across a merged cell's inner boundary are one paragraph. */
  columnGapEm: number;
  /** A note (注：…) starting within this many font sizes under a closed grid is the table's note. */
  noteReachEm: number;
  /** Below a grid that frames only the header, a vertical gap wider than this (in font sizes) ends the table's lines. */
  bodyGapEm: number;
  /** A horizontal rule above the header's bottom is a label's underline only when shorter than this share of the table's width. */
  underlineMaxShare: number;
  /** A table side farther than this many snap tolerances from the outermost vertical rule is a column boundary of its own. */
  sideColumnSnaps: number;
  /** An open header label's parent ends at least this far (in font sizes) above its top… */
  parentClearanceEm: number;
  /** …and at most this far (in font sizes) above it. */
  parentReachEm: number;
  /** Header runs one above the other may overlap vertically by this much (in font sizes) and still stack as one label. */
  stackOverlapEm: number;
  /** Runs overlapping a stacked label's line by more than this (in font sizes) stand beside it… */
  besideOverlapEm: number;
  /** …when they reach within this far (in font sizes) of the stacked label's left or right side. */
  besideReachEm: number;
  /** In an open table, a line this close (in font sizes) under another continues its cell… */
  cellLineGapEm: number;
  /** …when their runs start within this much (in font sizes) of each other. */
  cellIndentEm: number;
  /** A line of digits at most this far (in font sizes) under a number is that number's wrapped tail ("172." / "89"). */
  wrapTailGapEm: number;
  /** A title continues on the next line only when that line's font size is within this share of its own… */
  titleSizeShare: number;
  /** …and it starts at most this far (in font sizes) under it. */
  titleWrapGapEm: number;
  /** A table number printed alone on the line above a title (表1) is the title's when at most this far (in font sizes) above it. */
  titleLabelReachEm: number;
  /** Runs on a title line smaller than this share of its largest type are a cell's text overflowing onto it, not the title. */
  titleFontShare: number;
  /** Runs of one line farther apart than this (in font sizes) are joined with a space; closer, they are one word ("5," "678"). */
  wordGapEm: number;
  /** In running prose, a line starting farther than this (in font sizes) right of the text's left edge starts a paragraph… */
  paragraphIndentEm: number;
  /** …as does a line after one that stops more than this (in font sizes) short of the right edge… */
  paragraphShortEm: number;
  /** …or a line more than this (in font sizes) below the one before. */
  paragraphGapEm: number;
}

export const DEFAULT_LAYOUT: LayoutSettings = {
  snapTolerancePt: 2,
  touchSlackPt: 1,
  joinTolerancePt: 3,
  minBoundaryCoverage: 0.6,
  lineOverlapShare: 0.5,
  wrapReachEm: 1.7,
  titleBlockMaxLines: 4,
  titleToBodyMaxPt: 140,
  titleRuleMinLengthPt: 40,
  minEdgeLengthPt: 6,
  tableSideSlackPt: 4,
  gridTopSlackPt: 2,
  columnRuleMinLengthPt: 8,
  columnRuleHeightShare: 0.5,
  longRuleShare: 0.5,
  proseWidthShare: 0.6,
  proseLineShare: 0.2,
  boundaryOverhangEm: 1 / 3,
  headerUnderlineReachEm: 1.5,
  headerLabelReachEm: 0.5,
  stackOverlapShare: 0.5,
  stackGapEm: 0.9,
  columnGapEm: 1.0,
  noteReachEm: 4,
  bodyGapEm: 4,
  underlineMaxShare: 0.9,
  sideColumnSnaps: 3,
  parentClearanceEm: 0.3,
  parentReachEm: 2.5,
  stackOverlapEm: 0.5,
  besideOverlapEm: 0.5,
  besideReachEm: 0.5,
  cellLineGapEm: 0.5,
  cellIndentEm: 0.5,
  wrapTailGapEm: 0.6,
  titleSizeShare: 0.1,
  titleWrapGapEm: 0.8,
  titleLabelReachEm: 3,
  titleFontShare: 0.9,
  wordGapEm: 0.25,
  paragraphIndentEm: 1.5,
  paragraphShortEm: 2,
  paragraphGapEm: 1.5,
};

/** What grouping runs into printed lines reads. */
export type LineSettings = Pick<LayoutSettings, 'lineOverlapShare' | 'wordGapEm'>;

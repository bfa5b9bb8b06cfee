/** Every tolerance of the layout stage, in one place, with its unit in its name. */
export interface LayoutSettings {
  /** Rule pieces closer than this across their axis are one line. */
  snapTolerancePt: number;
  /** Collinear rule pieces with a gap up to this are joined. */
  joinTolerancePt: number;
  /** A boundary counts as drawn along a cell side when rules cover this share of it. */
  minBoundaryCoverage: number;
  /** Text lines overlapping vertically by this share of the smaller height are one line. */
  lineOverlapShare: number;
  /** A gap (in font sizes) between text runs on one line that separates columns in open tables. */
  columnGapEm: number;
  /** How far (in font sizes) a wrapped line may sit from the row line it belongs to in open tables. */
  wrapReachEm: number;
  /** Lines below a title that may hold its org/unit lines before the table starts. */
  titleBlockMaxLines: number;
  /** How far below a title (in points) its table must begin. */
  titleToBodyMaxPt: number;
}

export const DEFAULT_LAYOUT: LayoutSettings = {
  snapTolerancePt: 2,
  joinTolerancePt: 3,
  minBoundaryCoverage: 0.6,
  lineOverlapShare: 0.5,
  columnGapEm: 1.0,
  wrapReachEm: 1.7,
  titleBlockMaxLines: 4,
  titleToBodyMaxPt: 140,
};

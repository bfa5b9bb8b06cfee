/**
 * Tolerances of the validation stage, in one place. Amounts are compared as integers:
 * "hundredths" are hundredths of a table's printed unit (1 分 for a 元 table, 0.01 万元 for a 万元
 * table); "fen" are 分 of 元, used whenever two tables or a table and the prose are compared.
 */
export interface ValidationSettings {
  /** Rounding slack allowed per summed term in a within-table identity (Σ of n parts: n × this). */
  roundingSlackPerTermHundredths: number;
  /** Slack when the same figure is printed twice, counted in units of the coarser printed precision. */
  crossTableSlackPrecisionUnits: number;
  /**
   * A table whose figures disagree with another table's on more than this share of the codes
   * both print is taken to cover different money (another scope), not to be wrong line by line.
   */
  differentScopeShare: number;
  /** …but only once at least this many codes were compared. */
  differentScopeMinCodes: number;
  /** A prose figure matches a table figure within half a unit of the coarser printed precision. */
  proseSlackPrecisionUnits: number;
  /** Extra slack on a stated percentage, in units of its last printed digit (0: exact rounding). */
  percentSlackLastDigits: number;
  /** Units rule: how many figures must agree only after rescaling before a unit is called wrong. */
  unitMismatchMinFigures: number;
  /** Figures below this (in fen) are too common to witness a unit error. */
  unitWitnessMinFen: number;
}

export const defaultValidationSettings: ValidationSettings = {
  roundingSlackPerTermHundredths: 1,
  crossTableSlackPrecisionUnits: 1,
  differentScopeShare: 0.5,
  differentScopeMinCodes: 3,
  proseSlackPrecisionUnits: 0.5,
  percentSlackLastDigits: 0,
  unitMismatchMinFigures: 2,
  unitWitnessMinFen: 100_000,
};

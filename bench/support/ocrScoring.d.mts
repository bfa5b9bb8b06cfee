/** See ocrScoring.mjs. */
import type { Rule, TextRun } from '../../src/model/page.js';
export declare const isAmount: (text: string) => boolean;
export interface AmountMiss {
    text: string;
    x: number;
    y: number;
    /** What OCR read nearest to that place, if anything. */
    nearest: string | null;
}
export interface AmountScore {
    total: number;
    /** Read exactly, with the box centre within the tolerance of the reference's. */
    exact: number;
    /** Largest centre distance among the exact matches, in points. */
    maxOffsetPt: number;
    misses: AmountMiss[];
}
/**
 * Each reference amount must appear, exactly, in an OCR run whose centre lies within `tolerancePt`
 * of the reference run's centre (each OCR run used once).
 */
export declare function scoreAmounts(reference: readonly TextRun[], ocr: readonly TextRun[], tolerancePt: number): AmountScore;
/** Classification codes (类/款/项: "201", "03"), read exactly near their place. */
export declare function scoreCodes(reference: readonly TextRun[], ocr: readonly TextRun[], tolerancePt: number): AmountScore;
/** Shared scoring: reference runs selected by `wanted`, found among the tokens `tokens` extracts from OCR runs. */
export declare function scoreTokens(reference: readonly TextRun[], ocr: readonly TextRun[], tolerancePt: number, wanted: (text: string) => boolean, tokens: (text: string) => string[]): AmountScore;
/** Join touching or overlapping collinear rules (vector tables draw one line as many pieces). */
export declare function mergeRules(rules: readonly Rule[], tolerancePt: number): Rule[];
export interface RuleScore {
    reference: number;
    detected: number;
    /** Reference rules with a detected rule of the same orientation whose position and both ends are within tolerance. */
    matched: number;
    /** Detected rules that match no reference rule. */
    spurious: number;
    unmatched: Rule[];
    extra: Rule[];
    /** Largest position/end difference among matched rules, in points. */
    maxErrorPt: number;
}
export declare function scoreRules(reference: readonly Rule[], detected: readonly Rule[], tolerancePt: number): RuleScore;
export interface Offset {
    dx: number;
    dy: number;
}
/**
 * How far the scanned page sits from the reference page: a scanner never places the paper exactly.
 * Median difference between each detected rule and the nearest reference rule of the same
 * orientation (x from vertical rules, y from horizontal ones), searching up to `maxShiftPt`.
 */
export declare function estimateOffset(reference: readonly Rule[], detected: readonly Rule[], maxShiftPt: number): Offset;
export declare function shiftBox<T extends {
    x0: number;
    x1: number;
    top: number;
    bottom: number;
}>(b: T, o: Offset): T;

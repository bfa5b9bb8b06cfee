import type { Column } from './document.js';

/*
 * What an amount looks like in text: the one home of the pattern. The stages need it in a few shapes,
 * each named below by what it is for; they share the digit grammar (an integer part with thousands
 * separators every three digits or none, an optional decimal part) unless the comment says why not.
 */

/** A sign printed before a negative amount: hyphen-minus, minus sign or en dash. */
const SIGN = '[-−–]';
/** The integer part of a printed amount: grouped by threes ("1,902") or not grouped at all ("1902"). */
const INTEGER = String.raw`(?:\d{1,3}(?:,\d{3})+|\d+)`;
const DECIMALS = String.raw`(?:\.\d+)`;

/** A printed amount, the whole of a cell: "1,902.40", "-3.5", "12". */
export const AMOUNT_PATTERN = new RegExp(`^${SIGN}?${INTEGER}${DECIMALS}?$`);

/** A printed amount or a percentage ("12.5%"): what the fragments of a number broken over lines are joined into. */
export const AMOUNT_OR_PERCENT = new RegExp(`^${SIGN}?${INTEGER}${DECIMALS}?%?$`);

/**
 * An amount that no code, ordinal, count or year can be: it has a decimal part or thousands separators
 * ("3,385.08", "12.00", "1,200"; not "201" or "2025"). Where such a figure ends in a run of text, a cell
 * ends; a column of them is a column of figures.
 */
export const UNMISTAKABLE_AMOUNT = new RegExp(`^${SIGN}?(?:${INTEGER}${DECIMALS}|\\d{1,3}(?:,\\d{3})+)$`);

/** A number with nothing around it, neither sign nor separators ("1902.40"): the plain text amounts are compared and repaired in. */
export const PLAIN_NUMBER = /^\d+(?:\.\d+)?$/;

/**
 * Made only of the characters of an amount (digits, separators, minus), however they are arranged: a
 * figure even when a scan misplaced its separators, as opposed to a label.
 */
export const AMOUNT_ALPHABET = /^[-\d,.]+$/;

/** A figure with a decimal part anywhere in a text ("合计 1,902.40"): a text that holds one is not all words. */
export const HOLDS_DECIMAL_FIGURE = /\d[\d,.]*\.\d/;

/*
 * OCR readings. The engine prints a hyphen for any minus, so the sign is a hyphen only.
 */

/** A reading with a decimal part; its first group is the decimal digits. Separators are not policed. */
export const READ_DECIMAL_AMOUNT = /^-?[\d,]*\d\.(\d+)$/;
/** A reading with a decimal part and its thousands separators every three digits. */
export const READ_GROUPED_AMOUNT = /^-?\d{1,3}(?:,\d{3})+\.\d+$/;
/** A reading with a decimal part and four or more integer digits without separators (OCR drops commas, the smallest marks). */
export const READ_UNGROUPED_AMOUNT = /^-?\d{4,}\.\d+$/;

/** Glyphs OCR reads in place of digits inside a number, and the digit each stands for: 1 as 工, l, I or ], 0 as O. */
export const DIGIT_LOOKALIKES: ReadonlyMap<string, string> = new Map([['工', '1'], ['l', '1'], ['I', '1'], [']', '1'], ['O', '0']]);
const DIGIT_OR_LOOKALIKE = String.raw`[\d工lIO\]]`;
/** A character that is a digit or a glyph OCR reads for one (global: for counting and replacing). */
export const DIGIT_OR_LOOKALIKE_G = new RegExp(DIGIT_OR_LOOKALIKE, 'g');
/**
 * A word that reads as a number apart from scan confusions: digits or their look-alikes with separators,
 * an optional sign or opening bracket before and a closing bracket or percent after.
 */
export const OCR_NUMBER_LIKE = new RegExp(`^[-−(（]?${DIGIT_OR_LOOKALIKE}[\\d工lIO\\],.]*[)）%]?$`, 'u');

/*
 * Prose and forms: a figure inside a sentence or a cell of words, where it is followed by its unit.
 */

/**
 * A figure in prose with its unit: groups are the integer part (separators kept), the decimal digits and
 * the unit (亿元, 万元, 元 or a percent sign, half- or full-width). No sign is read.
 */
export const PROSE_FIGURE = new RegExp(`(${INTEGER})(?:\\.(\\d+))?\\s*(亿元|万元|元|%|％)`);

/**
 * The figures printed among the words of a cell ("下设 11 个科室，编制数 71人" holds 11 and 71): digits with
 * the separators between them. The layout stage records where each is printed (RawRow.figures), in the
 * order this pattern finds them in the cell's text; the form reader finds them again by the same pattern.
 */
export const FIGURE_IN_TEXT = /\d+(?:[.,]\d+)*/g;

/**
 * The figure at the start of a performance target ("1,000 万元", "-5 %"), its group the figure: separators
 * are taken as printed, however placed, because a target is a short typed text, not a ruled table.
 */
export const LEADING_FIGURE = /^([-−]?\d[\d,]*(?:\.\d+)?)/;

/**
 * A number as a spreadsheet takes it (a plus sign, separators anywhere, a percent): text like this is data,
 * never a formula, so it is written as it is.
 */
export const SPREADSHEET_NUMBER = /^[-+]?[\d,]+(\.\d+)?%?$/;

/**
 * A printed amount ("1,902.40", "-3.5") as a number; anything else (labels, "—", "") is null. Separators
 * are not policed here: a figure whose commas a scan misplaced still reads as its digits.
 */
export function parseAmount(text: string): number | null {
  const t = text.replace(/[\s,]+/g, '').replace(/^[−–]/, '-');
  if (!PLAIN_NUMBER.test(t.replace(/^-/, ''))) return null;
  const v = Number(t);
  return Number.isFinite(v) ? v : null;
}

/**
 * Put before the raw text of an amount OCR could not read with confidence (a reading that cannot be
 * right, still wrong when read again): the cell keeps what was read, and no number is made of it.
 */
export const UNREADABLE_MARK = '\uFFFD';

/** The raw reading of a cell OCR marked unreadable, or null for any other text. */
export function unreadableReading(text: string): string | null {
  const t = text.trim();
  return t.startsWith(UNREADABLE_MARK) ? t.slice(UNREADABLE_MARK.length).trim() : null;
}

/** Key of an amount column in records and in the tidy CSV: its header path, or its position. */
export const columnKey = (col: Column): string => (col.path.length ? col.path.join('/') : `列${col.index + 1}`);

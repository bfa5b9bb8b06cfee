/** Fills, fonts and number formats shared by the workbook's sheets (exceljs style objects). */
import type { Alignment, Border, Fill, Font } from 'exceljs';

const solid = (argb: string): Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb } });

export const HEADER_FILL = solid('FFDDEBF7');
export const MARGIN_FILL = solid('FFF2F2F2');
/** A cell a failed check concerns (Excel's "Bad" colours). */
export const FINDING_FILL = solid('FFFFC7CE');
export const FINDING_FONT: Partial<Font> = { color: { argb: 'FF9C0006' } };
/** A cell whose OCR reading was repaired by arithmetic (Excel's "Neutral" colours). */
export const REPAIRED_FILL = solid('FFFFEB9C');

export const TITLE_FONT: Partial<Font> = { bold: true, size: 14 };
export const BOLD: Partial<Font> = { bold: true };
export const LINK_FONT: Partial<Font> = { color: { argb: 'FF0563C1' }, underline: true };
export const MUTED_FONT: Partial<Font> = { color: { argb: 'FF7F7F7F' } };

const thin = { style: 'thin', color: { argb: 'FFBFBFBF' } } as const;
export const GRID: Partial<Border> = thin;
export const BOX = { top: GRID, left: GRID, bottom: GRID, right: GRID };

export const HEADER_ALIGNMENT: Partial<Alignment> = { horizontal: 'center', vertical: 'middle', wrapText: true };

/** Spreadsheet "Text" format: what is typed into the cell later stays text too (codes keep leading zeros). */
export const TEXT_FORMAT = '@';

/** Two decimals with thousands separators, and the table's unit after the number when it has one. */
export const amountFormat = (unit: string | null): string => (unit ? `#,##0.00"${unit}"` : '#,##0.00');

/** Figures in the checks sheet: money in hundredths, shares and rates with up to four decimals. */
export const FIGURE_FORMAT = '#,##0.00##';

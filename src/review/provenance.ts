/**
 * The provenance fields the review page reads (output contract v2: boxes, OCR readings, check cells, page
 * sizes) and the layout intermediates of NAME.debug.json. All optional: a v1 file has none of them.
 */
import type { Check, OutputDocument, Row, Table } from '../model/document.js';

/** [x0, top, x1, bottom] in PDF points, top-left origin, the page's displayed orientation. */
export type Bbox = [number, number, number, number];

export interface CheckCell { table: number; row: number; column: number; page: number; bbox: Bbox | null; role: 'total' | 'part' | 'other' }
export interface OcrReading { confidence: number; original: string | null }

export type ReviewRow = Row & { boxes?: (Bbox | null)[]; ocr?: (OcrReading | null)[] };
export type ReviewTable = Omit<Table, 'rows'> & { rows: ReviewRow[]; regions?: { page: number; bbox: Bbox }[] };
export type ReviewCheck = Check & { cells?: CheckCell[]; bbox?: Bbox | null };
export type ReviewDocument = Omit<OutputDocument, 'tables' | 'checks' | 'schema_version'> & {
  schema_version: number;
  tables: ReviewTable[];
  checks: ReviewCheck[];
};

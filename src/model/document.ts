import { z } from 'zod';
import { CurrencyUnitSchema } from './currencyUnit.js';
import { PerformanceFormSchema } from './forms.js';
import { TextSourceSchema } from './page.js';
import { RuleIdSchema, WarningCodeSchema } from './rules.js';

export { CurrencyUnitSchema, type CurrencyUnit } from './currencyUnit.js';

/**
 * The output contract (schema_version 2): the single source of the types of everything emitted.
 * See README "Outputs" for an example of each file. Files of schema_version 1 still read: they lack the
 * provenance fields (boxes, OCR readings, check cells, page sizes), which are therefore optional here and
 * always written by an extraction.
 */
export const SCHEMA_VERSION = 2;

/**
 * A box on a page: [x0, top, x1, bottom] in PDF points, origin at the top left, in the page's displayed
 * orientation (pdf.js `page.getViewport({ scale: 1 })`, i.e. after the page's /Rotate), rounded to 0.1 pt.
 */
export const BboxSchema = z.tuple([z.number(), z.number(), z.number(), z.number()]);
export type Bbox = z.infer<typeof BboxSchema>;

export const LevelSchema = z.enum(['类', '款', '项']);
export type Level = z.infer<typeof LevelSchema>;

export const ColumnRoleSchema = z.enum(['code', 'name', 'code_name', 'project', 'amount', 'text']);
export type ColumnRole = z.infer<typeof ColumnRoleSchema>;

export const ColumnSchema = z.object({
  index: z.number().int().nonnegative(),
  path: z.array(z.string()),
  role: ColumnRoleSchema,
  /** The column's number as printed in the column-number line under the header (栏次 1 2 3 …), or null. */
  number: z.string().nullable().optional(),
  /**
   * An amount column's canonical key (total, basic, general_budget.project, income.total …), the same as
   * the dataset's column_key; empty when the printed header is not recognised. Absent on other columns and
   * in files written before it was recorded.
   */
  column_key: z.string().optional(),
});
export type Column = z.infer<typeof ColumnSchema>;

export const RecordSchema = z.object({
  code: z.string().regex(/^\d+$/).nullable(),
  level: LevelSchema.nullable(),
  name: z.string().nullable(),
  project: z.string().nullable(),
  /** column path joined with "/" → amount in the table's unit */
  amounts: z.record(z.string(), z.number()),
  /**
   * Amounts OCR could not read with confidence (a reading that cannot be right for its column, still
   * wrong when read again): column path joined with "/" → the raw text read. Such a cell has no entry
   * in `amounts`; absent when every amount was read.
   */
  unreadable: z.record(z.string(), z.string()).optional(),
});
export type BudgetRecord = z.infer<typeof RecordSchema>;

/** How OCR read one cell: its confidence and, when an ocr_repair changed the figure, what was read. */
export const OcrReadingSchema = z.object({
  /** The lowest word confidence of the cell's text, 0–100. */
  confidence: z.number().min(0).max(100),
  /** The cell's text as OCR read it before an ocr_repair corrected it; null when it was not repaired. */
  original: z.string().nullable(),
});
export type OcrReading = z.infer<typeof OcrReadingSchema>;

export const RowSchema = z.object({
  index: z.number().int().nonnegative(),
  page: z.number().int().positive(),
  cells: z.array(z.string()),
  /** Box of each cell's printed text on `page`, aligned with `cells`; null for an empty cell (v2). */
  boxes: z.array(BboxSchema.nullable()).optional(),
  /** Rows read by OCR: each cell's OCR reading, aligned with `cells`; null for an empty cell (v2). */
  ocr: z.array(OcrReadingSchema.nullable()).optional(),
  records: z.array(RecordSchema),
});
export type Row = z.infer<typeof RowSchema>;

export const TableTypeSchema = z.enum([
  'income_expenditure_summary', 'income', 'expenditure', 'appropriation_summary',
  'appropriation_expenditure', 'appropriation_basic',
  'general_budget_expenditure', 'general_budget_basic', 'project_expenditure',
  'gov_fund_expenditure', 'state_capital_expenditure', 'three_public', 'carryover',
  'procurement', 'operating_costs', 'performance_target', 'performance_evaluation', 'purchase_services',
  'basic_expenditure',
]);
export type TableType = z.infer<typeof TableTypeSchema>;

export const TableSchema = z.object({
  number: z.string().nullable(),
  title: z.string(),
  /**
   * The issuing unit printed in the table's org line (部门名称：…, 编制单位：…), or null. A table printed
   * once per sub-unit is one table per unit. Absent in files written before it was recorded.
   */
  org: z.string().nullable().default(null),
  type: TableTypeSchema.nullable(),
  unit: CurrencyUnitSchema.nullable(),
  /**
   * Where the table prints its unit (the text of 单位：万元 in its title block) and on which page; absent
   * when the table prints none (its `unit` is then the document's) and in files written before it was recorded.
   */
  unit_at: z.object({ page: z.number().int().positive(), bbox: BboxSchema }).optional(),
  pages: z.array(z.number().int().positive()),
  /** Note printed under or inside the table ("…为空表"), or null. */
  note: z.string().nullable(),
  columns: z.array(ColumnSchema),
  rows: z.array(RowSchema),
  /** The detected table area on each page it spans, header and note included (v2). */
  regions: z.array(z.object({ page: z.number().int().positive(), bbox: BboxSchema })).optional(),
});
export type Table = z.infer<typeof TableSchema>;

/** unknown: the check could not say yes or no (a well-formed code the registry does not list). */
export const CheckStatusSchema = z.enum(['pass', 'fail', 'skip', 'unknown']);
/** A printed cell a check involves; `table` indexes `tables`, `row` is the row's `index`. */
export const CheckCellSchema = z.object({
  table: z.number().int().nonnegative(),
  row: z.number().int().nonnegative(),
  column: z.number().int().nonnegative(),
  page: z.number().int().positive(),
  bbox: BboxSchema.nullable(),
  /** total: the printed figure checked; part: a figure it is compared with; other: a label or code. */
  role: z.enum(['total', 'part', 'other']),
});
export type CheckCell = z.infer<typeof CheckCellSchema>;

export const CheckSchema = z.object({
  /** One of the closed list of rule ids (src/model/rules.ts). */
  rule: RuleIdSchema,
  status: CheckStatusSchema,
  table: z.string().nullable(),
  page: z.number().int().positive().nullable(),
  row: z.number().int().nonnegative().nullable(),
  column: z.string().nullable(),
  message: z.string(),
  expected: z.number().nullable(),
  actual: z.number().nullable(),
  /** Every printed cell the check involves, the printed total first (v2). */
  cells: z.array(CheckCellSchema).optional(),
  /** Box of the printed figure the check is about on `page` (a prose check: its text line), or null (v2). */
  bbox: BboxSchema.nullable().optional(),
});
export type Check = z.infer<typeof CheckSchema>;

export const PageInfoSchema = z.object({
  number: z.number().int().positive(),
  text_source: TextSourceSchema,
  note: z.string().nullable().optional(),
  /** Page size in points, displayed orientation (v2). */
  width: z.number().positive().optional(),
  height: z.number().positive().optional(),
});

export const DocumentMetaSchema = z.object({
  unit: z.string().nullable(),
  year: z.number().int().nullable(),
  kind: z.enum(['budget', 'final']).nullable(),
  scope: z.enum(['unit', 'department']).nullable(),
  currency_unit: CurrencyUnitSchema.nullable(),
});
export type DocumentMeta = z.infer<typeof DocumentMetaSchema>;

export const WarningSchema = z.object({
  page: z.number().int().positive().nullable(),
  /** Why the warning was given; absent in files written before warnings had codes. */
  code: WarningCodeSchema.optional(),
  message: z.string(),
});
export type Warning = z.infer<typeof WarningSchema>;

/** Why a document is degraded; `pages` lists the pages concerned (empty when no page is to blame). */
export const QualityReasonSchema = z.object({
  code: z.enum(['page_unreadable', 'page_damaged', 'ocr_failed', 'pages_without_text', 'ocr_pages', 'missing_tables', 'sum_checks_failing']),
  pages: z.array(z.number().int().positive()),
  message: z.string(),
});
export type QualityReason = z.infer<typeof QualityReasonSchema>;

/** The extraction's verdict: ok, or degraded with its reasons (src/quality.ts). */
export const QualitySchema = z.object({
  status: z.enum(['ok', 'degraded']),
  reasons: z.array(QualityReasonSchema),
  /** The printed sums checked (row, code, total, side … sums) and the share that failed. */
  sum_checks: z.object({ checked: z.number().int().nonnegative(), failed: z.number().int().nonnegative(), failing_share: z.number().min(0).max(1) }),
});
export type Quality = z.infer<typeof QualitySchema>;

export const OutputDocumentSchema = z.object({
  /** 2 since boxes and OCR readings were recorded; files of version 1 still read. */
  schema_version: z.union([z.literal(1), z.literal(2)]),
  source: z.object({ file: z.string(), sha256: z.string(), pages: z.number().int().nonnegative(), bytes: z.number().int().nonnegative() }),
  document: DocumentMetaSchema,
  pages: z.array(PageInfoSchema),
  tables: z.array(TableSchema),
  /** Performance-target forms read from the 绩效目标表 tables (absent in files written before they were read). */
  forms: z.array(PerformanceFormSchema).default([]),
  checks: z.array(CheckSchema),
  warnings: z.array(WarningSchema),
  /** Written by every extraction; optional so that outputs made before it was added still read. */
  quality: QualitySchema.optional(),
});
export type OutputDocument = z.infer<typeof OutputDocumentSchema>;

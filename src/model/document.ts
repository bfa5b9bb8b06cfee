import { z } from 'zod';
import { CurrencyUnitSchema } from './currencyUnit.js';
import { PerformanceFormSchema } from './forms.js';
import { TextSourceSchema } from './page.js';
import { RuleIdSchema, WarningCodeSchema } from './rules.js';

export { CurrencyUnitSchema, type CurrencyUnit } from './currencyUnit.js';

/**
 * The output contract (schema_version 1): the single source of the types of everything emitted.
 * See README "Outputs" for an example of each file.
 */
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

export const RowSchema = z.object({
  index: z.number().int().nonnegative(),
  page: z.number().int().positive(),
  cells: z.array(z.string()),
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
  pages: z.array(z.number().int().positive()),
  /** Note printed under or inside the table ("…为空表"), or null. */
  note: z.string().nullable(),
  columns: z.array(ColumnSchema),
  rows: z.array(RowSchema),
});
export type Table = z.infer<typeof TableSchema>;

/** unknown: the check could not say yes or no (a well-formed code the registry does not list). */
export const CheckStatusSchema = z.enum(['pass', 'fail', 'skip', 'unknown']);
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
});
export type Check = z.infer<typeof CheckSchema>;

export const PageInfoSchema = z.object({
  number: z.number().int().positive(),
  text_source: TextSourceSchema,
  note: z.string().nullable().optional(),
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
  schema_version: z.literal(1),
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

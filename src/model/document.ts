import { z } from 'zod';
import { TextSourceSchema } from './page.js';

/**
 * The output contract (schema_version 1): the single source of the types of everything emitted.
 * See README "Outputs" for an example of each file.
 */
export const LevelSchema = z.enum(['类', '款', '项']);
export type Level = z.infer<typeof LevelSchema>;

export const ColumnRoleSchema = z.enum(['code', 'name', 'code_name', 'project', 'amount', 'text']);
export type ColumnRole = z.infer<typeof ColumnRoleSchema>;

export const CurrencyUnitSchema = z.enum(['元', '千元', '万元', '亿元']);
export type CurrencyUnit = z.infer<typeof CurrencyUnitSchema>;

export const ColumnSchema = z.object({
  index: z.number().int().nonnegative(),
  path: z.array(z.string()),
  role: ColumnRoleSchema,
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
  'procurement', 'operating_costs', 'performance_target',
]);
export type TableType = z.infer<typeof TableTypeSchema>;

export const TableSchema = z.object({
  number: z.string().nullable(),
  title: z.string(),
  type: TableTypeSchema.nullable(),
  unit: CurrencyUnitSchema.nullable(),
  pages: z.array(z.number().int().positive()),
  /** Note printed under or inside the table ("…为空表"), or null. */
  note: z.string().nullable(),
  columns: z.array(ColumnSchema),
  rows: z.array(RowSchema),
});
export type Table = z.infer<typeof TableSchema>;

export const CheckStatusSchema = z.enum(['pass', 'fail', 'skip']);
export const CheckSchema = z.object({
  rule: z.string(),
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

export const WarningSchema = z.object({ page: z.number().int().positive().nullable(), message: z.string() });
export type Warning = z.infer<typeof WarningSchema>;

export const OutputDocumentSchema = z.object({
  schema_version: z.literal(1),
  source: z.object({ file: z.string(), sha256: z.string(), pages: z.number().int().nonnegative(), bytes: z.number().int().nonnegative() }),
  document: DocumentMetaSchema,
  pages: z.array(PageInfoSchema),
  tables: z.array(TableSchema),
  checks: z.array(CheckSchema),
  warnings: z.array(WarningSchema),
});
export type OutputDocument = z.infer<typeof OutputDocumentSchema>;

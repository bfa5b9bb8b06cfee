import { z } from 'zod';
import { CurrencyUnitSchema } from './currencyUnit.js';

/**
 * Where a form prints one of its figures: the page, the box of the figure's text (as `bbox` elsewhere in the
 * output contract) and the table cell holding it — `table` indexes `tables`, `row` is a row's `index`,
 * `column` a column's `index`. Absent in files written before it was recorded; null where the figure was
 * read from a table's header lines, which keep no box. A figure printed among words (a staff figure in a
 * goal text) is boxed alone: its share of the printed line, as the layout stage placed its glyphs.
 */
export const PrintedAtSchema = z.object({
  page: z.number().int().positive(),
  bbox: z.tuple([z.number(), z.number(), z.number(), z.number()]),
  table: z.number().int().nonnegative(),
  row: z.number().int().nonnegative(),
  column: z.number().int().nonnegative(),
});
export type PrintedAt = z.infer<typeof PrintedAtSchema>;

/**
 * Performance-target forms (绩效目标表) as records: one per project (项目支出绩效目标表) or per unit
 * (单位/部门整体绩效目标表), with its funds, goals and indicators. See README "Performance-target forms".
 */
export const ComparatorSchema = z.enum(['=', '≥', '≤', '>', '<', '定性']);
export type Comparator = z.infer<typeof ComparatorSchema>;

export const IndicatorSchema = z.object({
  page: z.number().int().positive(),
  /** 一级指标 (产出指标, 效益指标 …) */
  level1: z.string().nullable(),
  /** 二级指标 (数量指标, 质量指标 …) */
  level2: z.string().nullable(),
  /** 三级指标: the indicator itself */
  name: z.string(),
  /** The target as printed (for a 年度/实施周期 pair: the 年度 value). */
  target: z.string(),
  /** Parsed from the printed target; null when it does not parse (the number is then null too, never guessed). */
  comparator: ComparatorSchema.nullable(),
  value: z.number().nullable(),
  value_unit: z.string().nullable(),
  /** 实施周期指标值 where the form prints one beside the annual target. */
  period_target: z.string().nullable(),
  /** 指标设定依据 / 指标值设置依据 */
  basis: z.string().nullable(),
  /** 分值 / 权重 */
  weight: z.number().nullable(),
  /** Where `weight` is printed (see PrintedAtSchema). */
  weight_at: PrintedAtSchema.nullable().optional(),
});
export type Indicator = z.infer<typeof IndicatorSchema>;

/**
 * A staff figure a form's goal text states (编制数, 实有人数, 在职/退休/离休人数, 科室数: src/model/staffFigures.ts)
 * and where the form prints it. `at` is null when the place is not known: the goal text was read from a
 * table's header lines (which keep no box) or by OCR (whose lines join words and mend their text, so a
 * figure's place in them is not known), or the text the form read no longer matches what the layout placed.
 */
export const StaffFigureSchema = z.object({ name: z.string(), value: z.number(), at: PrintedAtSchema.nullable() });
export type StaffFigure = z.infer<typeof StaffFigureSchema>;

export const FundSourceSchema = z.object({ source: z.string(), amount: z.number(), at: PrintedAtSchema.nullable().optional() });

export const PerformanceFormSchema = z.object({
  kind: z.enum(['project', 'unit']),
  title: z.string(),
  pages: z.array(z.number().int().positive()),
  project: z.object({
    /** Project name; null on a 整体 (unit-wide) form. */
    name: z.string().nullable(),
    code: z.string().nullable(),
    /** 预算单位 / 主管部门 / 单位名称 as printed on the form. */
    department: z.string().nullable(),
  }),
  /** Unit of the amounts below: the form's own (项目资金（万元）) or its table's. */
  unit: CurrencyUnitSchema.nullable(),
  funds: z.object({
    total: z.number().nullable(),
    sources: z.array(FundSourceSchema),
    /** Where `total` is printed (see PrintedAtSchema). */
    total_at: PrintedAtSchema.nullable().optional(),
  }),
  goals: z.array(z.string()),
  /** The staff figures `goals` state, first statement of each, with where each is printed; absent in files written before it was recorded. */
  staff: z.array(StaffFigureSchema).optional(),
  indicators: z.array(IndicatorSchema),
});
export type PerformanceForm = z.infer<typeof PerformanceFormSchema>;

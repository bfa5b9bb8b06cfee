/**
 * Performance-target forms (绩效目标表) as one line per indicator, for the `绩效 indicators` sheet. The
 * document JSON carries them in an optional `forms` array; this is the one place that knows its shape.
 * Every field is read leniently (a missing or differently typed field becomes empty), so a document
 * without forms, or from another schema version, still gets a workbook.
 */
import { z } from 'zod';
import type { OutputDocument } from '../../model/document.js';

const text = z.string().nullable().catch(null);
const figure = z.number().nullable().catch(null);

const IndicatorSchema = z.object({
  level1: text, level2: text, level3: text, name: text,
  target_text: text, comparator: text, value: figure, unit: text, basis: text, weight: figure,
});

const FormSchema = z.object({
  unit: text,
  pages: z.array(z.number()).catch([]),
  project: z.object({ name: text, code: text, department: text, funds: z.record(z.string(), figure).catch({}) })
    .catch({ name: null, code: null, department: null, funds: {} }),
  indicators: z.array(IndicatorSchema).catch([]),
});

export interface IndicatorLine {
  project: string | null;
  code: string | null;
  department: string | null;
  /** Funds by source as the form prints them (key → amount in `unit`). */
  funds: Record<string, number | null>;
  unit: string | null;
  level1: string | null;
  level2: string | null;
  /** 三级指标: the indicator itself. */
  indicator: string | null;
  target: string | null;
  comparator: string | null;
  value: number | null;
  valueUnit: string | null;
  basis: string | null;
  weight: number | null;
  pages: number[];
}

/** One line per indicator of every form the document carries (none when it has no `forms`). */
export function indicatorLines(doc: OutputDocument): IndicatorLine[] {
  const forms = (doc as { forms?: unknown }).forms;
  if (!Array.isArray(forms)) return [];
  return forms.filter(f => typeof f === 'object' && f !== null).flatMap(raw => {
    const form = FormSchema.parse(raw);
    const p = form.project;
    return form.indicators.map(ind => ({
      project: p.name, code: p.code, department: p.department, funds: p.funds, unit: form.unit,
      level1: ind.level1, level2: ind.level2, indicator: ind.level3 ?? ind.name, target: ind.target_text,
      comparator: ind.comparator, value: ind.value, valueUnit: ind.unit, basis: ind.basis, weight: ind.weight, pages: form.pages,
    }));
  });
}

/**
 * Performance-target forms (绩效目标表) as one line per indicator, for the `绩效 indicators` sheet: the one
 * place that maps the document's `forms` (src/model/forms.ts) onto the sheet's columns.
 */
import type { OutputDocument } from '../../model/document.js';

export interface IndicatorLine {
  project: string | null;
  code: string | null;
  department: string | null;
  /** The form's total (资金总额) and its funds by source, as printed (key → amount in `unit`). */
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

const TOTAL_KEY = '资金总额';

/** One line per indicator of every form the document carries (none when it has no forms). */
export function indicatorLines(doc: OutputDocument): IndicatorLine[] {
  return (doc.forms ?? []).flatMap(form => {
    const funds: Record<string, number | null> = { [TOTAL_KEY]: form.funds.total };
    for (const s of form.funds.sources) funds[s.source] = s.amount;
    return form.indicators.map(ind => ({
      project: form.project.name, code: form.project.code, department: form.project.department, funds, unit: form.unit,
      level1: ind.level1, level2: ind.level2, indicator: ind.name, target: ind.target,
      comparator: ind.comparator, value: ind.value, valueUnit: ind.value_unit, basis: ind.basis, weight: ind.weight, pages: [ind.page],
    }));
  });
}

import type { OutputDocument } from '../model/document.js';
import { toCsv } from './csv.js';

export const INDICATOR_HEADER = ['source_file', 'unit', 'year', 'kind', 'form_index', 'form_kind', 'form_pages',
  'project_code', 'project', 'department', 'funds_total', 'funds_unit', 'page', 'level1', 'level2', 'indicator',
  'target', 'comparator', 'value', 'value_unit', 'period_target', 'basis', 'weight'] as const;

/** NAME.indicators.csv: one line per indicator of every performance-target form, with its document and project. */
export async function indicatorsCsv(doc: OutputDocument): Promise<string> {
  const meta = doc.document;
  const rows: (string | number)[][] = [[...INDICATOR_HEADER]];
  (doc.forms ?? []).forEach((f, index) => {
    for (const i of f.indicators) {
      rows.push([doc.source.file, meta.unit ?? '', meta.year ?? '', meta.kind ?? '', index, f.kind, f.pages.join(' '),
        f.project.code ?? '', f.project.name ?? '', f.project.department ?? '', f.funds.total ?? '', f.unit ?? '', i.page,
        i.level1 ?? '', i.level2 ?? '', i.name, i.target, i.comparator ?? '', i.value ?? '', i.value_unit ?? '',
        i.period_target ?? '', i.basis ?? '', i.weight ?? '']);
    }
  });
  return toCsv(rows);
}

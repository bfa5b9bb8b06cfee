import type { OutputDocument } from '../model/document.js';
import { documentId } from './cells.js';
import type { Field, Row } from './fields.js';
import { regionOfUnit } from './region.js';
import { toYuan } from './yuan.js';

const field = (name: string, type: Field['type'], description: string, constraints?: Field['constraints']): Field =>
  ({ name, type, description, ...(constraints ? { constraints } : {}) });

export const INDICATOR_FIELDS: Field[] = [
  field('document_id', 'string', 'First 16 hex digits of the source PDF\'s sha256; documents.csv has one row per id', { required: true }),
  field('unit', 'string', 'Publishing organisation (编制单位) as printed'),
  field('region', 'string', 'Region read from the start of the organisation\'s name'),
  field('year', 'integer', 'Budget or final-accounts year'),
  field('form_index', 'integer', 'Position of the performance-target form (绩效目标表) in the document, from 0'),
  field('indicator_index', 'integer', 'Position of the indicator in its form, from 0'),
  field('form_kind', 'string', 'project (项目支出绩效目标表) or unit (单位/部门整体绩效目标表)', { enum: ['project', 'unit'] }),
  field('form_title', 'string', 'Title of the form as printed'),
  field('project_code', 'string', 'Project code as printed, empty when none'),
  field('project', 'string', 'Project name (empty on a 整体 form)'),
  field('department', 'string', '预算单位 / 主管部门 / 单位名称 printed on the form'),
  field('funds_total_yuan', 'number', 'The form\'s total funds in 元, exact; empty when not printed'),
  field('page', 'integer', 'Page (from 1) the indicator is printed on'),
  field('level1', 'string', '一级指标 (产出指标, 效益指标, 满意度指标 …)'),
  field('level2', 'string', '二级指标 (数量指标, 质量指标 …)'),
  field('indicator', 'string', '三级指标: the indicator', { required: true }),
  field('target', 'string', 'Target as printed (the 年度 value where a 实施周期 value is printed beside it)'),
  field('comparator', 'string', 'Comparator read from the target; empty when the target does not parse', { enum: ['=', '≥', '≤', '>', '<', '定性'] }),
  field('value', 'number', 'Number read from the target; empty for 定性 targets and targets that do not parse'),
  field('value_unit', 'string', 'Unit after the number (次, %, 万元/辆 …)'),
  field('period_target', 'string', '实施周期指标值 where printed'),
  field('basis', 'string', '指标设定依据 where printed'),
  field('weight', 'number', '分值/权重 where printed'),
];

/** indicators.csv rows of one document: one per indicator of every performance-target form. */
export function documentIndicators(doc: OutputDocument): Row[] {
  const meta = doc.document;
  return (doc.forms ?? []).flatMap((f, formIndex) => f.indicators.map((ind, indicatorIndex): Row => ({
    document_id: documentId(doc), unit: meta.unit ?? '', region: regionOfUnit(meta.unit) ?? '', year: meta.year ?? '',
    form_index: formIndex, indicator_index: indicatorIndex, form_kind: f.kind, form_title: f.title,
    project_code: f.project.code ?? '', project: f.project.name ?? '', department: f.project.department ?? '',
    funds_total_yuan: f.funds.total !== null && f.unit ? toYuan(String(f.funds.total), f.unit) ?? '' : '',
    page: ind.page, level1: ind.level1 ?? '', level2: ind.level2 ?? '', indicator: ind.name, target: ind.target,
    comparator: ind.comparator ?? '', value: ind.value ?? '', value_unit: ind.value_unit ?? '', period_target: ind.period_target ?? '',
    basis: ind.basis ?? '', weight: ind.weight ?? '',
  })));
}

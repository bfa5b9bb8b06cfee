/** The `绩效 indicators` sheet: one line per performance indicator, with its project and funds. */
import type { Worksheet } from 'exceljs';
import { pageRanges } from './documentSheet.js';
import type { IndicatorLine } from './indicators.js';
import { writeList, type ListColumn, type ListValue } from './listSheet.js';
import { amountFormat } from './styles.js';

export const INDICATORS_SHEET = '绩效 indicators';

export function writeIndicatorsSheet(ws: Worksheet, lines: readonly IndicatorLine[]): void {
  const fundKeys = [...new Set(lines.flatMap(l => Object.keys(l.funds)))];
  const columns: ListColumn[] = [
    { header: '项目 project', maxWidth: 36 }, { header: '项目代码 code', asCode: true }, { header: '主管部门 department', maxWidth: 30 },
    ...fundKeys.map(k => ({ header: `资金 ${k}` })),
    { header: '一级指标 level 1' }, { header: '二级指标 level 2' }, { header: '三级指标 indicator', maxWidth: 36 },
    { header: '指标值 target', maxWidth: 30 }, { header: '比较 comparator' }, { header: '数值 value' }, { header: '计量单位 unit' },
    { header: '设定依据 basis', maxWidth: 40 }, { header: '分值 weight' }, { header: '页 pages' },
  ];
  const rows = lines.map((l): ListValue[] => [
    l.project, l.code, l.department,
    ...fundKeys.map((k): ListValue => { const v = l.funds[k]; return v === null || v === undefined ? null : { number: v, numFmt: amountFormat(l.unit) }; }),
    l.level1, l.level2, l.indicator, l.target, l.comparator, l.value, l.valueUnit, l.basis, l.weight, pageRanges(l.pages),
  ]);
  const end = writeList(ws, 1, columns, rows);
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: end - 1, column: columns.length } };
  ws.views = [{ state: 'frozen', xSplit: 0, ySplit: 1 }];
}

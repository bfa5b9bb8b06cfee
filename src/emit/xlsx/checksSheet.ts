/**
 * The `检查 checks` sheet: every failed check, then every OCR repair, one line each, with a link to the
 * cell it concerns in its table's sheet.
 */
import type { Worksheet } from 'exceljs';
import type { LocatedCheck } from './annotate.js';
import { cellsOf } from './annotate.js';
import { writeList, type ListColumn, type ListValue } from './listSheet.js';
import { sheetRef } from './sheetNames.js';
import { FIGURE_FORMAT } from './styles.js';
import type { TablePlacement } from './tableSheet.js';

export const CHECKS_SHEET = '检查 checks';

const COLUMNS: ListColumn[] = [
  { header: '状态 status' }, { header: '规则 rule' }, { header: '表 table', maxWidth: 24 }, { header: '页 page' },
  { header: '行 row' }, { header: '列 column', maxWidth: 30 }, { header: '应为 expected' }, { header: '印为 printed' },
  { header: '说明 message', maxWidth: 90 }, { header: '单元格 cell' },
];

const figure = (v: number | null): ListValue => (v === null ? null : { number: v, numFmt: FIGURE_FORMAT });

function link(item: LocatedCheck, placements: readonly TablePlacement[]): ListValue {
  if (!item.at) return null;
  const placement = placements[item.at.tableIndex]!;
  const { row, col } = cellsOf(item.at, placement)[0]!;
  const address = placement.sheet.getCell(row, col).address;
  return { text: `${placement.sheet.name}!${address}`, link: sheetRef(placement.sheet.name, address) };
}

export function writeChecksSheet(ws: Worksheet, located: readonly LocatedCheck[], placements: readonly TablePlacement[]): void {
  const failed = located.filter(l => l.check.status === 'fail');
  const repaired = located.filter(l => l.check.rule === 'ocr_repair' && l.check.status !== 'fail');
  const lines = [...failed, ...repaired].map((item): ListValue[] => {
    const c = item.check;
    return [c.status === 'fail' ? '未通过 fail' : 'OCR 修复 repaired', c.rule, c.table, c.page, c.row, c.column,
      figure(c.expected), figure(c.actual), c.message, link(item, placements)];
  });
  const end = writeList(ws, 1, COLUMNS, lines);
  if (!lines.length) ws.getCell(2, 1).value = '没有未通过的检查 no failed checks';
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, end - 1), column: COLUMNS.length } };
  ws.views = [{ state: 'frozen', xSplit: 0, ySplit: 1 }];
}

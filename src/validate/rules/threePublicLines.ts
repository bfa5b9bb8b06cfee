import type { Check } from '../../model/document.js';
import { findNode, termsOf } from '../columns.js';
import { fenPerHundredth, formatFen } from '../money.js';
import { isTotalSegment, stripMarker } from '../names.js';
import { checkAt, firstOfType, rowLabel, sumKeys, type CellRef, type Entry, type TableView } from '../tables.js';
import type { RuleContext } from './context.js';
import { selectors } from './sources.js';
import { threePublicPart, threePublicRows, type ThreePublicPart } from './threePublic.js';

/** Economic-class lines of the basic-expenditure table that are part of a "三公" item. */
const BASIC_LINES: Array<[ThreePublicPart, RegExp, string]> = [
  ['abroad', /因公出国/, '因公出国（境）费'],
  ['reception', /^公务接待费$/, '公务接待费'],
  ['vehicleRunning', /^公务用车运行(维护)?费$/, '公务用车运行维护费'],
];

/** The current-year figure of one 三公 item, in fen, and its cells: row-oriented or column-oriented tables. */
function threePublicFen(view: TableView, part: ThreePublicPart): { fen: number; cells: CellRef[] } | null {
  const group = view.groups[0];
  if (!group || !view.unit) return null;
  const per = fenPerHundredth(view.unit);
  const rows = threePublicRows(group);
  const totalKey = selectors.total(group.tree, group.keys);
  const at = (e: Entry, keys: string[]) => ({ fen: sumKeys(e.rec, keys) * per, cells: keys.map((key) => ({ view, row: e.row, key, group: e.group })) });
  if (rows.has(part) && totalKey) return at(rows.get(part)!, totalKey);
  const node = findNode(group.tree, (seg) => threePublicPart(seg) === part);
  const first = group.entries[0];
  if (!node || !first) return null;
  // sub-columns that are not 三公 items (预算数 / 决算数): no single current figure to compare
  if (node.children.some((c) => threePublicPart(c.seg) === null && !isTotalSegment(c.seg))) return null;
  return at(first, termsOf(node));
}

function basicLine(view: TableView, re: RegExp): Entry | undefined {
  for (const g of view.groups) for (const e of g.entries) if (e.rec.name && re.test(stripMarker(e.rec.name))) return e;
  return undefined;
}

/**
 * three_public_lines: a "三公" item covers at least what the basic-expenditure table books under the
 * same economic class (三公 also counts project spending, so it may be larger, never smaller).
 */
export function threePublicLines(ctx: RuleContext): Check[] {
  const out: Check[] = [];
  const tp = firstOfType(ctx.views, 'three_public');
  const basic = firstOfType(ctx.views, 'general_budget_basic');
  if (!tp || !basic || !basic.unit || tp.table.rows.length === 0) return out;
  const basicGroup = basic.groups[0];
  const basicKey = basicGroup ? selectors.total(basicGroup.tree, basicGroup.keys) : null;
  if (!basicKey) return out;
  const slackFen = Math.max(fenPerHundredth(basic.unit), fenPerHundredth(tp.unit ?? basic.unit));
  for (const [part, re, label] of BASIC_LINES) {
    const line = basicLine(basic, re);
    const tpFigure = threePublicFen(tp, part);
    if (!line || tpFigure === null) continue;
    const tpFen = tpFigure.fen;
    const lineFen = sumKeys(line.rec, basicKey) * fenPerHundredth(basic.unit);
    if (lineFen === 0) continue;
    const ok = tpFen + slackFen >= lineFen;
    out.push(checkAt(basic, {
      rule: 'three_public_lines', status: ok ? 'pass' : 'fail', row: line.row, page: line.page, column: basicKey[0]!,
      group: line.group, parts: [...basicKey.slice(1).map((key) => ({ row: line.row, key, group: line.group })), ...tpFigure.cells],
      expected: tpFen / fenPerHundredth(basic.unit) / 100, actual: lineFen / fenPerHundredth(basic.unit) / 100,
      message: ok
        ? `${basic.label} ${rowLabel(line.rec)} ${formatFen(lineFen, basic.unit)} is within the "三公" table's "${label}" ${formatFen(tpFen, basic.unit)}.`
        : `${basic.label} ${rowLabel(line.rec)} books ${formatFen(lineFen, basic.unit)} of basic spending, more than the ` +
          `whole "${label}" of ${formatFen(tpFen, basic.unit)} in ${tp.label}.`,
    }));
  }
  return out;
}

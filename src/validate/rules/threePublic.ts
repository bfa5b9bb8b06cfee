import type { Check } from '../../model/document.js';
import { isTotalName, stripMarker } from '../names.js';
import { entryCells, sumCheck, sumKeys, type Entry, type GroupView, type TableView } from '../tables.js';
import { ocrPageSet, sumSlack } from '../tolerance.js';
import type { RuleContext } from './context.js';

/** The lines of a "三公" table, recognised by their words. */
export type ThreePublicPart = 'total' | 'abroad' | 'reception' | 'vehicles' | 'vehiclePurchase' | 'vehicleRunning';

export function threePublicPart(label: string): ThreePublicPart | null {
  const n = stripMarker(label).replace(/\(小计\)$/, '');
  if (isTotalName(n) || /^三公经费(合计|小计)?$/.test(n)) return 'total';
  if (/因公出国/.test(n)) return 'abroad';
  if (/公务接待/.test(n)) return 'reception';
  if (/公务用车购置及运行/.test(n)) return 'vehicles';
  if (/公务用车购置/.test(n)) return 'vehiclePurchase';
  if (/公务用车运行/.test(n)) return 'vehicleRunning';
  return null;
}

/** Rows of a row-oriented 三公 table keyed by part (first occurrence). */
export function threePublicRows(group: GroupView): Map<ThreePublicPart, Entry> {
  const rows = new Map<ThreePublicPart, Entry>();
  for (const e of group.entries) {
    const part = e.rec.name ? threePublicPart(e.rec.name) : null;
    if (part && !rows.has(part)) rows.set(part, e);
  }
  return rows;
}

function partsCheck(view: TableView, slack: (pages: number[], terms: number) => number, at: Entry, parts: Entry[], key: string, what: string): Check | null {
  const actual = sumKeys(at.rec, [key]);
  const expected = parts.reduce((s, e) => s + sumKeys(e.rec, [key]), 0);
  if (actual === 0 && expected === 0) return null;
  return sumCheck(view, { rule: 'three_public_sum', at, key, actual, expected, ok: Math.abs(actual - expected) <= slack([at.page, ...parts.map((e) => e.page)], parts.length), what, parts: entryCells(parts, key) });
}

/**
 * three_public_sum (row-oriented tables): "三公" 合计 = 因公出国（境）费 + 公务接待费 + 公务用车购置及运行费,
 * 公务用车购置及运行费 = 购置费 + 运行费. Column-oriented tables are covered by row_sum.
 */
export function threePublicSums(ctx: RuleContext): Check[] {
  const out: Check[] = [];
  const ocr = ocrPageSet(ctx.doc);
  const slack = (pages: number[], terms: number) => sumSlack(ctx.settings, ocr, pages, terms);
  for (const view of ctx.views.filter((v) => v.table.type === 'three_public')) {
    for (const group of view.groups) {
      const rows = threePublicRows(group);
      if (rows.size < 3) continue;
      const get = (p: ThreePublicPart) => rows.get(p);
      const vehicles = get('vehicles');
      const purchase = get('vehiclePurchase');
      const running = get('vehicleRunning');
      const total = get('total');
      const abroad = get('abroad');
      const reception = get('reception');
      for (const key of group.keys) {
        if (vehicles && purchase && running) {
          const c = partsCheck(view, slack, vehicles, [purchase, running], key,
            `"公务用车购置费" + "公务用车运行费"`);
          if (c) out.push(c);
        }
        const vehicleParts = vehicles ? [vehicles] : purchase && running ? [purchase, running] : null;
        if (total && abroad && reception && vehicleParts) {
          const c = partsCheck(view, slack, total, [abroad, reception, ...vehicleParts], key,
            `"因公出国（境）费" + "公务接待费" + "公务用车购置及运行费"`);
          if (c) out.push(c);
        }
      }
    }
  }
  return out;
}

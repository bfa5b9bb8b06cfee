import type { Check } from '../../model/document.js';
import { columnIdentities } from '../columns.js';
import { hasAny, sumCheck, sumKeys } from '../tables.js';
import { ocrPageSet, sumSlack } from '../tolerance.js';
import type { RuleContext } from './context.js';

const quoteKey = (k: string) => `"${k}"`;

/**
 * row_sum: in every row, a total column equals the sum of the columns it covers
 * (合计 = 基本支出 + 项目支出; 总计 = Σ sources; 财政拨款（补助）小计 = Σ its sources; …).
 */
export function rowSums(ctx: RuleContext): Check[] {
  const out: Check[] = [];
  const ocr = ocrPageSet(ctx.doc);
  for (const view of ctx.views) {
    for (const group of view.groups) {
      const identities = columnIdentities(group.tree);
      for (const id of identities) {
        for (const e of group.entries) {
          if (!hasAny(e.rec, [id.totalKey, ...id.partKeys])) continue;
          const expected = sumKeys(e.rec, id.partKeys);
          const actual = sumKeys(e.rec, [id.totalKey]);
          const slack = sumSlack(ctx.settings, ocr, [e.page], id.partKeys.length);
          const ok = Math.abs(expected - actual) <= slack;
          const parts = id.partKeys.map(quoteKey).join(' + ');
          out.push(sumCheck(view, { rule: 'row_sum', at: e, key: id.totalKey, actual, expected, ok, what: parts,
            parts: id.partKeys.map((key) => ({ row: e.row, key, group: e.group })) }));
        }
      }
    }
  }
  return out;
}

import { levelOf } from '../../model/codes.js';
import type { Check } from '../../model/document.js';
import { nameKey } from '../../model/text.js';
import { checkAt, type Entry, type TableView } from '../tables.js';
import type { RuleContext } from './context.js';


/**
 * code_parent: in a table that prints parent rows, every 款 sits under its 类 and every 项 under its 款.
 * A table printing only leaf rows (no parents at all) is not held to this.
 */
export function codeParents(ctx: RuleContext): Check[] {
  const out: Check[] = [];
  for (const view of ctx.views) {
    for (const group of view.groups) {
      const coded = group.entries.filter((e) => e.rec.code);
      const codes = new Set(coded.map((e) => e.rec.code!));
      const lengths = new Set([...codes].map((c) => c.length));
      if (lengths.size < 2) continue;
      const seen = new Set<string>();
      for (const e of coded) {
        const code = e.rec.code!;
        if (code.length <= 3 || seen.has(code)) continue;
        seen.add(code);
        const parent = code.slice(0, code.length - 2);
        const ok = codes.has(parent);
        const lvl = levelOf(code, 'functional') ?? 'line';
        const plvl = levelOf(parent, 'functional') ?? 'parent';
        out.push(checkAt(view, {
          rule: 'code_parent', status: ok ? 'pass' : 'fail', row: e.row, page: e.page, column: null,
        parts: coded.filter((p) => p.rec.code === parent).slice(0, 1).map((p) => ({ row: p.row, key: null })),
          message: ok
            ? `${view.label}: ${lvl} ${code} sits under ${plvl} ${parent}.`
            : `${view.label}: ${lvl} "${code} ${e.rec.name ?? ''}" has no ${plvl} row ${parent} in this table; ` +
              `its parent line is missing or the code was misread.`,
        }));
      }
    }
  }
  return out;
}

interface Sighting { view: TableView; entry: Entry; name: string }

/** code_name: the same code carries the same name in every table of the document. */
export function codeNames(ctx: RuleContext): Check[] {
  const out: Check[] = [];
  const byCode = new Map<string, Sighting[]>();
  for (const view of ctx.views) for (const g of view.groups) for (const e of g.entries) {
    if (!e.rec.code || !e.rec.name) continue;
    const list = byCode.get(e.rec.code) ?? [];
    list.push({ view, entry: e, name: e.rec.name });
    byCode.set(e.rec.code, list);
  }
  for (const [code, list] of byCode) {
    const variants = new Map<string, Sighting[]>();
    for (const s of list) {
      // "-行政运行" (an indent dash, Beijing 预算03表) and "行政运行" are one name.
      const k = nameKey(s.name);
      variants.set(k, [...(variants.get(k) ?? []), s]);
    }
    const ranked = [...variants.values()].sort((a, b) => b.length - a.length);
    const main = ranked[0]![0]!;
    if (ranked.length === 1) {
      if (new Set(list.map((s) => s.view)).size > 1) {
        out.push(checkAt(main.view, {
          rule: 'code_name', status: 'pass', row: main.entry.row, page: main.entry.page, column: null,
          parts: list.filter((s) => s !== main).map((s) => ({ view: s.view, row: s.entry.row, key: null })),
          message: `Code ${code} is named "${main.name}" in every table.`,
        }));
      }
      continue;
    }
    for (const variant of ranked.slice(1)) {
      const s = variant[0]!;
      out.push(checkAt(s.view, {
        rule: 'code_name', status: 'fail', row: s.entry.row, page: s.entry.page, column: null,
        parts: [{ view: main.view, row: main.entry.row, key: null }],
        message: `${s.view.label}: code ${code} is named "${s.name}", but ${main.view.label} names it "${main.name}".`,
      }));
    }
  }
  return out;
}

import type { Check } from '../../model/document.js';
import { grandTotalKey } from '../columns.js';
import { formatHundredths, fromHundredths } from '../money.js';
import { isTotalName, outlineLevel } from '../names.js';
import { checkAt, entryCells, rowLabel, sumCheck, sumKeys, totalEntry, type Entry, type GroupView, type TableView } from '../tables.js';
import { ocrPageSet, sumSlack } from '../tolerance.js';
import type { RuleContext } from './context.js';
import type { RuleId } from '../../model/rules.js';

/** A line of one side of a side-by-side table, with the lines it breaks down into. */
interface OutlineNode {
  entry: Entry;
  parts: Entry[];
  ofWhich: Entry[];
  /** an unmarked line whose parent could not be told apart: no check on this node */
  uncertain: boolean;
}

interface Outline {
  nodes: OutlineNode[];
  /** [total row, the lines it should sum] in order of appearance */
  totals: Array<[Entry, Entry[]]>;
}

/** Read the outline of one side: 一、… ／（一）… ／ 1.… ／（1）… ／ 其中：… ／ 本年收入合计 ／ 收入总计. */
export function readOutline(group: GroupView): Outline {
  const nodes: OutlineNode[] = [];
  const totals: Array<[Entry, Entry[]]> = [];
  const codeLens = group.entries.map((e) => e.rec.code?.length).filter((n): n is number => n !== undefined);
  const topCodeLen = codeLens.length > 0 ? Math.min(...codeLens) : 0;
  let running: Entry[] = [];
  /** the open marked lines, outermost first, with their marker rank */
  let open: Array<{ node: OutlineNode; rank: number }> = [];
  let ofWhichOf: OutlineNode | null = null;
  /** an unmarked line at the top ("年初结转和结余") that numbered lines below may break down */
  let unmarkedTop: OutlineNode | null = null;
  const node = (entry: Entry): OutlineNode => {
    const n = { entry, parts: [], ofWhich: [], uncertain: false };
    nodes.push(n);
    return n;
  };
  const close = () => { open = []; ofWhichOf = unmarkedTop = null; };
  for (const e of group.entries) {
    const name = e.rec.name ?? '';
    if (e.rec.code !== null) {
      if (e.rec.code.length === topCodeLen) running.push(e);
      close();
      continue;
    }
    if (name === '') continue;
    if (isTotalName(name)) {
      if (running.length > 0) totals.push([e, running]);
      running = [e];
      close();
      continue;
    }
    const level = outlineLevel(name);
    if (typeof level === 'number') {
      while (open.length > 0 && open[open.length - 1]!.rank >= level) open.pop();
      const parent = open[open.length - 1]?.node ?? unmarkedTop;
      if (parent) parent.parts.push(e); else running.push(e);
      open.push({ node: node(e), rank: level });
      ofWhichOf = null;
    } else if (level === 'of_which') {
      const parent = open[open.length - 1]?.node;
      if (parent) { parent.ofWhich.push(e); ofWhichOf = parent; }
    } else if (ofWhichOf) {
      ofWhichOf.ofWhich.push(e);
    } else if (open.length === 1) {
      open[0]!.node.parts.push(e);
    } else if (open.length > 1) {
      // under nested numbered lines an unmarked line could belong to any of them
      for (const o of open) o.node.uncertain = true;
    } else {
      running.push(e);
      unmarkedTop = node(e);
    }
  }
  return { nodes, totals };
}

type Slack = (pages: number[], terms: number) => number;

/**
 * Lines nested without outline markers (a 款 line, then its 项 lines, all unmarked): some line equals
 * the unmarked lines right after it in every column, so it restates them and they cannot all be parts.
 */
function nestedWithoutMarkers(parts: Entry[], keys: string[], slack: Slack): boolean {
  for (let i = 0; i < parts.length - 1; i++) {
    const head = keys.map((k) => sumKeys(parts[i]!.rec, [k]));
    if (head.every((v) => v === 0)) continue;
    const acc = keys.map(() => 0);
    for (let j = i + 1; j < parts.length && outlineLevel(parts[j]!.rec.name ?? '') === null; j++) {
      keys.forEach((k, x) => { acc[x]! += sumKeys(parts[j]!.rec, [k]); });
      const tol = slack(parts.slice(i, j + 1).map((p) => p.page), j - i);
      if (acc.every((v, x) => Math.abs(v - head[x]!) <= tol)) return true;
    }
  }
  return false;
}

function linesCheck(view: TableView, group: GroupView, rule: RuleId, slack: Slack, at: Entry, parts: Entry[], key: string,
  mode: 'equal' | 'at_most'): Check | null {
  const actual = sumKeys(at.rec, [key]);
  const expected = parts.reduce((s, p) => s + sumKeys(p.rec, [key]), 0);
  if (actual === 0 && expected === 0) return null;
  const diff = actual - expected;
  const tol = slack([at.page, ...parts.map((p) => p.page)], parts.length);
  if (mode === 'at_most' && diff > tol) return null; // "其中" lines may cover only part of the line
  const names = parts.map((p) => rowLabel(p.rec)).join(' + ');
  if (Math.abs(diff) > tol && mode === 'equal' && nestedWithoutMarkers(parts, group.keys, slack)) {
    return checkAt(view, {
      rule, status: 'skip', page: at.page, row: at.row, column: key, group: at.group, parts: entryCells(parts, key),
      message: `${view.label} row ${rowLabel(at.rec)}: not checked, because the lines under it (${names}) nest without ` +
        'outline markers (a line equals the lines after it), so which of them are its parts is unclear.',
    });
  }
  const what = `${mode === 'at_most' ? 'its "其中" lines' : 'the lines it covers'} (${names})`;
  return sumCheck(view, { rule, at, key, actual, expected, ok: Math.abs(diff) <= tol, what, parts: entryCells(parts, key) });
}

/** side_sum: on each side of a side-by-side table, totals and parent lines add up. */
export function sideSums(ctx: RuleContext): Check[] {
  const out: Check[] = [];
  const ocr = ocrPageSet(ctx.doc);
  const slack: Slack = (pages, terms) => sumSlack(ctx.settings, ocr, pages, terms);
  for (const view of ctx.views.filter((v) => v.groups.length >= 2)) {
    for (const group of view.groups) {
      const outline = readOutline(group);
      for (const n of outline.nodes.filter((n) => n.uncertain)) {
        out.push(checkAt(view, {
          rule: 'side_sum', status: 'skip', page: n.entry.page, row: n.entry.row,
          message: `${view.label} row ${rowLabel(n.entry.rec)}: not checked, because an unmarked line under its numbered lines could belong to any of them.`,
        }));
      }
      for (const key of group.keys) {
        for (const n of outline.nodes) {
          if (n.uncertain) continue;
          if (n.parts.length > 0) push(linesCheck(view, group, 'side_sum', slack, n.entry, n.parts, key, 'equal'));
          if (n.ofWhich.length > 0) push(linesCheck(view, group, 'side_sum', slack, n.entry, n.ofWhich, key, 'at_most'));
        }
        for (const [total, parts] of outline.totals) push(linesCheck(view, group, 'side_sum', slack, total, parts, key, 'equal'));
      }
    }
  }
  return out;
  function push(c: Check | null) { if (c) out.push(c); }
}

/** balance: 收入总计 = 支出总计 on the summary and appropriation tables. */
export function balance(ctx: RuleContext): Check[] {
  const out: Check[] = [];
  const ocr = ocrPageSet(ctx.doc);
  const types = new Set(['income_expenditure_summary', 'appropriation_summary']);
  for (const view of ctx.views.filter((v) => v.table.type !== null && types.has(v.table.type) && v.groups.length >= 2)) {
    const [inc, exp] = [view.groups[0]!, view.groups[view.groups.length - 1]!];
    const incTotal = totalEntry(inc);
    const expTotal = totalEntry(exp);
    const incKey = grandTotalKey(inc.tree, inc.keys);
    const expKey = grandTotalKey(exp.tree, exp.keys);
    if (!incTotal || !expTotal || !incKey || !expKey) {
      out.push(checkAt(view, { rule: 'balance', status: 'skip', message: `${view.label}: no 收入总计 / 支出总计 pair was found.` }));
      continue;
    }
    const income = sumKeys(incTotal.rec, [incKey]);
    const spending = sumKeys(expTotal.rec, [expKey]);
    const ok = Math.abs(income - spending) <= sumSlack(ctx.settings, ocr, [incTotal.page, expTotal.page], 1);
    out.push(checkAt(view, {
      rule: 'balance',
      status: ok ? 'pass' : 'fail',
      page: incTotal.page,
      row: incTotal.row,
      column: incKey,
      group: incTotal.group,
      parts: [{ row: expTotal.row, key: expKey, group: expTotal.group }],
      expected: fromHundredths(spending),
      actual: fromHundredths(income),
      message: ok
        ? `${view.label}: ${rowLabel(incTotal.rec)} equals ${rowLabel(expTotal.rec)} (${formatHundredths(income)}).`
        : `${view.label}: ${rowLabel(incTotal.rec)} is ${formatHundredths(income)} ${view.unit ?? ''} but ` +
          `${rowLabel(expTotal.rec)} is ${formatHundredths(spending)}; a budget's income and spending must balance.`,
    }));
  }
  return out;
}

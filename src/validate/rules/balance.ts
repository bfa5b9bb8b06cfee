import type { Check } from '../../model/document.js';
import { grandTotalKey } from '../columns.js';
import { formatHundredths, fromHundredths } from '../money.js';
import { isTotalName, outlineLevel } from '../names.js';
import { checkAt, rowLabel, sumCheck, sumKeys, totalEntry, type Entry, type GroupView, type TableView } from '../tables.js';
import { ocrPageSet, sumSlack } from '../tolerance.js';
import type { RuleContext } from './context.js';

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

/** Read the outline of one side: 一、… ／ 1.…（一）… ／ 其中：… ／ 本年收入合计 ／ 收入总计. */
export function readOutline(group: GroupView): Outline {
  const nodes: OutlineNode[] = [];
  const totals: Array<[Entry, Entry[]]> = [];
  const codeLens = group.entries.map((e) => e.rec.code?.length).filter((n): n is number => n !== undefined);
  const topCodeLen = codeLens.length > 0 ? Math.min(...codeLens) : 0;
  let running: Entry[] = [];
  let l1: OutlineNode | null = null;
  let l2: OutlineNode | null = null;
  let ofWhichOf: OutlineNode | null = null;
  /** an unmarked line at the top ("年初结转和结余") that numbered lines below may break down */
  let unmarkedTop: OutlineNode | null = null;
  const node = (entry: Entry): OutlineNode => {
    const n = { entry, parts: [], ofWhich: [], uncertain: false };
    nodes.push(n);
    return n;
  };
  for (const e of group.entries) {
    const name = e.rec.name ?? '';
    if (e.rec.code !== null) {
      if (e.rec.code.length === topCodeLen) running.push(e);
      l1 = l2 = ofWhichOf = unmarkedTop = null;
      continue;
    }
    if (name === '') continue;
    if (isTotalName(name)) {
      if (running.length > 0) totals.push([e, running]);
      running = [e];
      l1 = l2 = ofWhichOf = unmarkedTop = null;
      continue;
    }
    const level = outlineLevel(name);
    if (level === 1) {
      l1 = node(e); l2 = null; ofWhichOf = null;
      if (unmarkedTop) unmarkedTop.parts.push(e); else running.push(e);
    } else if (level === 2) {
      l2 = node(e); ofWhichOf = null;
      if (l1) l1.parts.push(e); else if (unmarkedTop) unmarkedTop.parts.push(e); else running.push(e);
    } else if (level === 'of_which') {
      const parent = l2 ?? l1;
      if (parent) { parent.ofWhich.push(e); ofWhichOf = parent; }
    } else if (ofWhichOf) {
      ofWhichOf.ofWhich.push(e);
    } else if (l1 && !l2) {
      l1.parts.push(e);
    } else if (l1) {
      l1.uncertain = true;
    } else {
      running.push(e);
      unmarkedTop = node(e);
    }
  }
  return { nodes, totals };
}

type Slack = (pages: number[], terms: number) => number;

function linesCheck(view: TableView, rule: string, slack: Slack, at: Entry, parts: Entry[], key: string,
  mode: 'equal' | 'at_most'): Check | null {
  const actual = sumKeys(at.rec, [key]);
  const expected = parts.reduce((s, p) => s + sumKeys(p.rec, [key]), 0);
  if (actual === 0 && expected === 0) return null;
  const diff = actual - expected;
  const tol = slack([at.page, ...parts.map((p) => p.page)], parts.length);
  if (mode === 'at_most' && diff > tol) return null; // "其中" lines may cover only part of the line
  const names = parts.map((p) => rowLabel(p.rec)).join(' + ');
  const what = `${mode === 'at_most' ? 'its "其中" lines' : 'the lines it covers'} (${names})`;
  return sumCheck(view, { rule, at, key, actual, expected, ok: Math.abs(diff) <= tol, what });
}

/** side_sum: on each side of a side-by-side table, totals and parent lines add up. */
export function sideSums(ctx: RuleContext): Check[] {
  const out: Check[] = [];
  const ocr = ocrPageSet(ctx.doc);
  const slack: Slack = (pages, terms) => sumSlack(ctx.settings, ocr, pages, terms);
  for (const view of ctx.views.filter((v) => v.groups.length >= 2)) {
    for (const group of view.groups) {
      const outline = readOutline(group);
      for (const key of group.keys) {
        for (const n of outline.nodes) {
          if (n.uncertain) continue;
          if (n.parts.length > 0) push(linesCheck(view, 'side_sum', slack, n.entry, n.parts, key, 'equal'));
          if (n.ofWhich.length > 0) push(linesCheck(view, 'side_sum', slack, n.entry, n.ofWhich, key, 'at_most'));
        }
        for (const [total, parts] of outline.totals) push(linesCheck(view, 'side_sum', slack, total, parts, key, 'equal'));
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

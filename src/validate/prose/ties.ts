import type { TableType } from '../../model/document.js';
import { fenPerHundredth } from '../money.js';
import { normLabel, stripMarker } from '../names.js';
import type { RuleContext } from '../rules/context.js';
import { classNameIndex, makeSource, lineSource, selectors as sel, TOTAL, TOTAL_WITH_CARRYOVER, type Selector } from '../rules/sources.js';
import { threePublicPart, type ThreePublicPart } from '../rules/threePublic.js';
import { findNode, termsOf } from '../columns.js';
import { firstOfType, sumKeys, type Entry, type TableView } from '../tables.js';

/** A table figure a prose statement may restate. */
export interface Candidate {
  view: TableView;
  entry: Entry | null;
  column: string;
  fen: number;
  precisionFen: number;
  /** what it is, in words: '表2 "一般公共预算" total' */
  what: string;
}

/** strong: a mismatch is a failure; weak: only a match is reported (the words do not pin the figure). */
export interface Tie { candidates: Candidate[]; strength: 'strong' | 'weak' }

type Finder = (ctx: RuleContext, code: string) => Candidate[];

function fromSource(ctx: RuleContext, type: TableType, select: Selector, column: string, code: string): Candidate[] {
  const s = makeSource(ctx.views, classNameIndex(ctx.views), type, select, column, code === TOTAL ? 'total' : 'all');
  // a total is the year's or one with carry-over, whichever the table prints
  const f = s?.figures.get(code) ?? (code === TOTAL ? s?.figures.get(TOTAL_WITH_CARRYOVER) : undefined);
  if (!s || !f) return [];
  const where = code === TOTAL ? 'total' : `row "${f.entry?.rec.code ?? ''} ${f.entry?.rec.name ?? ''}"`;
  return [{ view: s.view, entry: f.entry, column: f.key, fen: f.fen, precisionFen: s.precisionFen,
    what: `${s.view.label} "${f.key}" ${where}` }];
}

const many = (...parts: Array<[TableType, Selector, string]>): Finder => (ctx, code) =>
  parts.flatMap(([t, s, c]) => fromSource(ctx, t, s, c, code));

const incomeLine = (name: RegExp, column: string): Finder => (ctx) => {
  const s = lineSource(ctx.views, 'income_expenditure_summary', name, column);
  const f = s?.figures.get(TOTAL);
  return s && f ? [{ view: s.view, entry: f.entry, column: f.key, fen: f.fen, precisionFen: s.precisionFen,
    what: `${s.view.label} line "${f.entry?.rec.name ?? column}"` }] : [];
};

/** The current-year figure of a 三公 item: row-oriented or column-oriented table. */
const threePublic = (part: ThreePublicPart): Finder => (ctx) => {
  const v = firstOfType(ctx.views, 'three_public');
  const g = v?.groups[0];
  if (!v || !g || !v.unit) return [];
  const per = fenPerHundredth(v.unit);
  const totalKeys = sel.total(g.tree, g.keys);
  const row = g.entries.find((e) => e.rec.name && threePublicPart(e.rec.name) === part);
  if (row && totalKeys) {
    return [{ view: v, entry: row, column: totalKeys[0]!, fen: sumKeys(row.rec, totalKeys) * per, precisionFen: per,
      what: `${v.label} "${row.rec.name}"` }];
  }
  const node = findNode(g.tree, (seg) => threePublicPart(seg) === part);
  const year = String(ctx.doc.document.year ?? '');
  const current = g.entries.find((e) => year && (e.rec.name ?? '').includes(year)) ?? g.entries[0];
  if (!node || !current || node.children.some((c) => threePublicPart(c.seg) === null && !/(合计|小计)$/.test(c.seg))) return [];
  const keys = termsOf(node);
  return [{ view: v, entry: current, column: keys.join(' + '), fen: sumKeys(current.rec, keys) * per, precisionFen: per,
    what: `${v.label} "${node.seg}"` }];
};

/** One income-table column found by its header words. */
const incomeColumn = (re: RegExp, column: string): [TableType, Selector, string] =>
  ['income', (tree) => { const n = findNode(tree, (seg) => re.test(seg)); return n ? termsOf(n) : null; }, column];

const T = TOTAL;
/** Label words → the table figures they restate. Order matters: the first matching entry wins. */
const CATALOGUE: Array<{ re: RegExp; section?: RegExp; find: Finder; strength: Tie['strength']; code?: string }> = [
  { re: /(三公经费|三公经费预算|三公经费预算数|三公经费数)$/, find: threePublic('total'), strength: 'strong' },
  { re: /因公出国\(境\)费(用)?$/, find: threePublic('abroad'), strength: 'strong' },
  { re: /公务接待费$/, find: threePublic('reception'), strength: 'strong' },
  { re: /公务用车购置及运行(维护)?费$/, find: threePublic('vehicles'), strength: 'strong' },
  { re: /公务用车购置费$/, find: threePublic('vehiclePurchase'), strength: 'strong' },
  { re: /公务用车运行(维护)?费$/, find: threePublic('vehicleRunning'), strength: 'strong' },
  { re: /机关运行经费(财政拨款)?(预算)?(数)?$/, find: many(['general_budget_basic', sel.publicUse, '公用经费']), strength: 'weak' },
  { re: /^(收支总预算|收入预算|收入总预算|收入总计|收入预算总额)$/,
    find: many(['income', sel.total, '总计']), strength: 'strong' },
  { re: /^(支出预算|支出总预算|支出总计|支出预算总额)$/, find: many(['expenditure', sel.total, '合计']), strength: 'strong' },
  { re: /^财政拨款(收支)?总预算$|^财政拨款收入(预算)?$/, find: many(['appropriation_summary', sel.total, '合计']), strength: 'strong' },
  { re: /^一般公共预算(当年)?(拨款)?(收入)?(合计)?$/, find: many(['income', sel.general, '一般公共预算'],
    incomeColumn(/^一般公共预算(拨款)?(收入)?$/, '一般公共预算'),
    ['general_budget_expenditure', sel.total, '合计'], ['appropriation_summary', sel.general, '一般公共预算']), strength: 'strong' },
  { re: /^政府性基金预算(拨款)?(收入)?$/, find: many(['income', sel.govFund, '政府性基金预算'], ['gov_fund_expenditure', sel.total, '合计']), strength: 'strong' },
  { re: /^国有资本经营预算(拨款)?(收入)?$/, find: many(['income', sel.stateCapital, '国有资本经营预算'], ['state_capital_expenditure', sel.total, '合计']), strength: 'strong' },
  { re: /^单位资金(收入)?$/, find: many(incomeColumn(/^单位资金/, '单位资金')), strength: 'strong' },
  { re: /^上级一般公共预算安排的转移支付(资金)?$/, find: many(incomeColumn(/^上级一般公共预算安排的转移支付/, '上级一般公共预算安排的转移支付')), strength: 'strong' },
  { re: /^上级政府性基金安排的转移支付(资金)?$/, find: many(incomeColumn(/^上级政府性基金安排的转移支付/, '上级政府性基金安排的转移支付')), strength: 'strong' },
  { re: /^非财政拨款结转结余$/, find: many(incomeColumn(/^非财政拨款结转结余/, '非财政拨款结转结余')), strength: 'strong' },
  { re: /^财政专户管理资金(收入)?$/, find: many(incomeColumn(/^财政专户/, '财政专户管理资金')), strength: 'strong' },
  { re: /^(上年)?结转结余$|^上年结转(结余)?(资金)?$/, find: (ctx, c) => [...incomeLine(/^(上年|年初)结转/, '上年结转结余')(ctx, c),
    ...many(['carryover', sel.total, '总计'], ['income', sel.carryover, '结转'])(ctx, c)], strength: 'strong' },
  { re: /^财政拨款结转$/, find: many(incomeColumn(/^财政拨款结转/, '财政拨款结转')), strength: 'strong' },
  { re: /^一般公共预算基本支出$/, find: many(['general_budget_basic', sel.total, '合计'], ['general_budget_expenditure', sel.basic, '基本支出']), strength: 'strong' },
  { re: /^基本支出$/, find: many(['expenditure', sel.basic, '基本支出'], ['general_budget_expenditure', sel.basic, '基本支出'],
    ['general_budget_basic', sel.total, '合计']), strength: 'strong' },
  { re: /^项目支出$/, find: many(['expenditure', sel.project, '项目支出'], ['general_budget_expenditure', sel.project, '项目支出'],
    ['project_expenditure', sel.total, '项目支出合计']), strength: 'strong' },
  { re: /^人员经费$/, find: many(['general_budget_basic', sel.personnel, '人员经费']), strength: 'strong' },
  { re: /^公用经费$/, find: many(['general_budget_basic', sel.publicUse, '公用经费']), strength: 'strong' },
];

/** Figures of one functional code in every table that prints spending by function. */
const byCode: Finder = many(['income_expenditure_summary', sel.total, '支出'], ['income', sel.total, '总计'],
  ['expenditure', sel.total, '合计'], ['appropriation_summary', sel.total, '合计'], ['appropriation_summary', sel.general, '一般公共预算'],
  ['general_budget_expenditure', sel.total, '合计'], ['income', sel.general, '一般公共预算']);

/** "一般公共服务支出（类）…（款）行政运行（项）：预算数为" → the 项 code, found by the names of its line. */
function codeFromPath(ctx: RuleContext, before: string): string | null {
  const m = /([^，。；:：、.．\d]+?)[(（]类[)）]([^，。；:：]+?)[(（]款[)）]([^，。；:：]+?)[(（]项[)）][:：]?[^，。；]*$/.exec(before);
  if (!m) return null;
  const [cls, kuan, xiang] = [m[1]!, m[2]!, m[3]!].map((s) => stripMarker(s.replace(/^\d+[.、．]/, '')));
  const names = new Map<string, string>();
  for (const v of ctx.views) for (const g of v.groups) for (const e of g.entries) if (e.rec.code && e.rec.name) names.set(e.rec.code, normLabel(e.rec.name));
  for (const [code, name] of names) {
    if (code.length === 7 && name === xiang && names.get(code.slice(0, 5)) === kuan && names.get(code.slice(0, 3)) === cls) return code;
  }
  return null;
}

/** What table figures a prose amount restates, judged by its label (and the sentence before it). */
export function tieAmount(ctx: RuleContext, label: string, before: string): Tie | null {
  for (const c of CATALOGUE) {
    if (c.re.test(label)) {
      const candidates = c.find(ctx, T);
      return candidates.length > 0 ? { candidates, strength: c.strength } : null;
    }
  }
  if (/^(预算数|决算数|预算)$/.test(label)) {
    const code = codeFromPath(ctx, before);
    const candidates = code ? byCode(ctx, code) : [];
    return candidates.length > 0 ? { candidates, strength: 'strong' } : null;
  }
  const cls = classNameIndex(ctx.views).get(stripMarker(label.replace(/\(类\)$/, '')));
  if (cls) {
    const candidates = byCode(ctx, cls);
    return candidates.length > 0 ? { candidates, strength: 'strong' } : null;
  }
  return null;
}

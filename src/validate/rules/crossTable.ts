import type { Check, TableType } from '../../model/document.js';
import type { TableView } from '../tables.js';
import type { RuleContext } from './context.js';
import { classNameIndex, lineSource, makeSource, selectors as sel, type Selector, type Source } from './sources.js';
import { voteFamily, type Family } from './vote.js';
import { ocrPageSet } from '../tolerance.js';
import type { RuleId } from '../../model/rules.js';

const isGeneralProjectTable = (title: string) => /一般公共预算|财政拨款/.test(title);

/**
 * cross_table: the same figure printed in several tables agrees (found by table type and code,
 * converted between 元 and 万元): spending by function in the summary, income, expenditure,
 * appropriation and general-budget tables; basic and project totals; carry-over.
 */
export function crossTable(ctx: RuleContext): Check[] {
  const v = ctx.views;
  const ocr = ocrPageSet(ctx.doc);
  // in final accounts (决算) income by function is not spending by function: leave the income table out
  const isFinal = ctx.doc.document.kind === 'final' || v.some((x) => /决算/.test(x.table.title));
  const income: TableType | null = isFinal ? null : 'income';
  const names = classNameIndex(v);
  const src = (type: TableType | null, select: Selector, column: string, coverage: Source['coverage'],
    pick?: (t: TableView) => boolean) => (type ? makeSource(v, names, type, select, column, coverage, pick) : undefined);
  const fam = (rule: RuleId, what: string, ...sources: Array<Source | undefined>): Family => ({
    rule, what, sources: sources.filter((s): s is Source => s !== undefined),
  });
  const projectGeneral = src('project_expenditure', sel.total, '项目支出合计', 'all', (t) => isGeneralProjectTable(t.table.title));
  const projectAll = src('project_expenditure', sel.total, '项目支出合计', 'all', (t) => !isGeneralProjectTable(t.table.title));
  const families: Family[] = [
    fam('cross_table', 'All-funds spending by function', src('income_expenditure_summary', sel.total, '支出', 'class'),
      src(income, sel.total, '总计', 'all'), src('expenditure', sel.total, '合计', 'all')),
    fam('cross_table', 'General-budget (一般公共预算) spending by function', src(income, sel.general, '一般公共预算', 'all'),
      src('appropriation_summary', sel.general, '一般公共预算', 'class'), src('general_budget_expenditure', sel.total, '合计', 'all')),
    fam('cross_table', 'Government-fund (政府性基金) spending by function', src(income, sel.govFund, '政府性基金预算', 'all'),
      src('appropriation_summary', sel.govFund, '政府性基金预算', 'class'), src('gov_fund_expenditure', sel.total, '合计', 'all')),
    fam('cross_table', 'State-capital (国有资本经营) spending by function', src(income, sel.stateCapital, '国有资本经营预算', 'all'),
      src('appropriation_summary', sel.stateCapital, '国有资本经营预算', 'class'), src('state_capital_expenditure', sel.total, '合计', 'all')),
    fam('cross_table', 'Appropriations (财政拨款) by function', src(income, sel.appropriation, '财政拨款', 'all'),
      src('appropriation_summary', sel.total, '合计', 'class')),
    fam('cross_table', 'General-budget project spending (项目支出)', src('general_budget_expenditure', sel.project, '项目支出', 'all'), projectGeneral),
    fam('cross_table', 'Project spending (项目支出)', src('expenditure', sel.project, '项目支出', 'all'), projectAll),
    fam('cross_table', 'General-budget basic spending (基本支出)', src('general_budget_expenditure', sel.basic, '基本支出', 'total'),
      src('general_budget_basic', sel.total, '合计', 'total')),
    fam('cross_table', 'Personnel costs (人员经费)', src('general_budget_expenditure', sel.personnel, '人员经费', 'total'),
      src('general_budget_basic', sel.personnel, '人员经费', 'total')),
    fam('cross_table', 'Office costs (公用经费)', src('general_budget_expenditure', sel.publicUse, '公用经费', 'total'),
      src('general_budget_basic', sel.publicUse, '公用经费', 'total')),
    fam('cross_table', 'Carry-over (上年结转)', lineSource(v, 'income_expenditure_summary', /^(上年|年初)结转/, '上年结转结余'),
      src('income', sel.carryover, '结转', 'total'), src('carryover', sel.total, '总计', 'total')),
  ];
  return families.filter((f) => f.sources.length >= 2).flatMap((f) => voteFamily(f, ctx.settings, ocr));
}

import type { TableType } from '../model/document.js';

/**
 * The catalogue of standard tables, recognised by meaning rather than by number: each entry lists
 * words the title must contain (all of them) and words it must not. First match wins, so the more
 * specific meanings come first. 预算 and 决算 versions share a type; the document's `kind` tells them apart.
 */
const CATALOGUE: { type: TableType; all: RegExp[]; none?: RegExp[] }[] = [
  // Performance forms by any name (绩效目标表, 项目支出绩效表, 绩效自评表); 绩效工资 is a pay item, not a form.
  { type: 'performance_evaluation', all: [/绩效自评|绩效评价|评价得分/] },
  { type: 'performance_target', all: [/绩效(?!工资)/] },
  { type: 'three_public', all: [/三公/] },
  { type: 'carryover', all: [/上年结转|结转结余|结转资金/] },
  { type: 'procurement', all: [/政府采购/] },
  { type: 'purchase_services', all: [/购买服务/] },
  { type: 'gov_fund_expenditure', all: [/政府性基金/] },
  { type: 'state_capital_expenditure', all: [/国有资本经营/] },
  { type: 'appropriation_summary', all: [/财政拨款/, /收支|收入支出/] },
  { type: 'operating_costs', all: [/机关运行经费/] },
  { type: 'general_budget_basic', all: [/一般公共预算/, /基本支出/] },
  // 专项业务经费 is the project expenditure of some provinces' layouts.
  { type: 'project_expenditure', all: [/项目支出|专项业务经费/] },
  // Appropriation-only tables of some provinces (财政拨款支出预算表（功能科目）, …基本支出预算表（经济科目）).
  { type: 'appropriation_basic', all: [/财政拨款/, /基本支出/], none: [/一般公共预算/] },
  // Basic expenditure over every source of funds (基本支出总表, 基本支出预算情况表).
  { type: 'basic_expenditure', all: [/基本支出/], none: [/项目支出/] },
  { type: 'appropriation_expenditure', all: [/财政拨款/, /支出/], none: [/一般公共预算/] },
  { type: 'general_budget_expenditure', all: [/一般公共预算/, /支出/] },
  { type: 'income_expenditure_summary', all: [/收支|收入支出/] },
  { type: 'income', all: [/收入/], none: [/支出/] },
  { type: 'expenditure', all: [/支出/] },
];

export function tableType(title: string): TableType | null {
  const t = title.replace(/\s+/g, '');
  for (const entry of CATALOGUE) {
    if (entry.all.every(re => re.test(t)) && !(entry.none ?? []).some(re => re.test(t))) return entry.type;
  }
  return null;
}

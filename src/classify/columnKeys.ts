import { lookupCode } from '../codes/index.js';
import { normLabel } from '../model/text.js';
import type { DocumentMeta, TableType } from '../model/document.js';

export type Phase = 'proposed' | 'executed';

/**
 * Canonical column keys. A printed header path is read as a sequence of known terms (every character
 * must belong to one); each term adds meaning parts. Parts of two kinds make the key: a source of funds
 * and a use (at most one of each; `source.use`, or `total`). A path with any unknown text, or with two
 * sources or two uses, gets the empty key: it is kept as printed, never guessed.
 */
export const SOURCE_KEYS = ['income', 'appropriation', 'general_budget', 'gov_fund', 'state_capital', 'fiscal_special',
  'unit_funds', 'service_income', 'operating_income', 'superior_subsidy', 'affiliate_remittance', 'other_income',
  'transfer_general_budget', 'transfer_gov_fund', 'transfer_state_capital', 'carryover', 'non_appropriation',
  'non_appropriation_carryover'] as const;
export const USE_KEYS = ['basic', 'project', 'personnel', 'public_expense', 'remit_superior', 'affiliate_subsidy',
  'operating_expense', 'reserve_fund', 'carry_forward', 'operating_costs', 'three_public', 'outbound_travel', 'vehicles',
  'vehicle_purchase', 'vehicle_operation', 'reception', 'meetings', 'training'] as const;

type Part = string; // a source or use key, 'total', 'side:income' | 'side:expenditure', 'phase:proposed' | 'phase:executed'

/** Known header terms, longest first; matched at the start of what is left of a header segment. */
const TERMS: [RegExp, Part[]][] = [
  [/^本年收入合计/, ['side:income', 'total']], [/^本年支出合计/, ['side:expenditure', 'total']],
  [/^收入$/, ['side:income']], [/^支出$/, ['side:expenditure']],
  [/^本年收入/, ['side:income']], [/^本年支出/, ['side:expenditure']],
  [/^(?:年初)?预算数/, ['phase:proposed']], [/^决算数/, ['phase:executed']],
  [/^(?:合计|小计|总计|金额)/, ['total']],
  [/^上级一般公共预算安排(?:的)?转移支付/, ['transfer_general_budget']],
  [/^上级政府性基金(?:预算)?安排(?:的)?转移支付/, ['transfer_gov_fund']],
  [/^上级国有资本经营预算安排(?:的)?转移支付/, ['transfer_state_capital']],
  [/^一般公共预算基本支出/, ['general_budget', 'basic']],
  [/^一般公共预算(?:财政)?拨款(?:收入)?|^一般公共预算(?:支出)?/, ['general_budget']],
  [/^政府性基金(?:预算)?(?:财政)?(?:拨款)?(?:收入|支出)?/, ['gov_fund']],
  [/^国有资本经营(?:财政拨款)?预算(?:财政)?(?:拨款)?(?:收入|支出)?/, ['state_capital']],
  [/^财政专户(?:管理资金)?(?:收入)?(?:\(教育收费\))?/, ['fiscal_special']],
  [/^非财政拨款结转(?:结余)?/, ['non_appropriation_carryover']], [/^非财政拨款/, ['non_appropriation']],
  [/^(?:财政拨款结转|上年结转|年初结转和结余)/, ['carryover']],
  [/^(?:年末结转和结余|结转下年(?:资金)?)/, ['carry_forward']],
  [/^财政拨款\(补助\)小计/, ['appropriation', 'total']],
  [/^财政拨款(?:\(补助\))?(?:收入)?/, ['appropriation']],
  [/^单位资金/, ['unit_funds']], [/^事业单位经营收入|^经营收入/, ['operating_income']], [/^事业收入/, ['service_income']],
  [/^上级补助收入/, ['superior_subsidy']], [/^附属单位上缴收入/, ['affiliate_remittance']], [/^其他收入/, ['other_income']],
  [/^项目支出合计/, ['project', 'total']],
  [/^基本支出/, ['basic']], [/^项目支出/, ['project']], [/^人员经费/, ['personnel']], [/^公用经费/, ['public_expense']],
  [/^上缴上级支出/, ['remit_superior']], [/^对附属单位补助支出/, ['affiliate_subsidy']], [/^经营支出/, ['operating_expense']],
  [/^单位预留机动经费/, ['reserve_fund']], [/^机关运行经费(?:支出)?/, ['operating_costs']],
  [/^三公经费/, ['three_public']], [/^因公出国\(境\)费(?:用)?/, ['outbound_travel']],
  [/^公务用车购置及运行(?:维护)?费/, ['vehicles']], [/^(?:公务用车)?购置费/, ['vehicle_purchase']],
  [/^(?:公务用车)?运行(?:维护)?费/, ['vehicle_operation']], [/^公务接待费/, ['reception']],
  [/^会议费/, ['meetings']], [/^培训费/, ['training']],
  [/^(?:收入预算|支出预算|支出用途|资金来源|本年|其中:?)/, []],
];

/** Meanings a table's type already carries: dropped from its keys ("一般公共预算支出/合计" in that table is `total`). */
const IMPLIED: Partial<Record<TableType, string[]>> = {
  general_budget_expenditure: ['general_budget'], general_budget_basic: ['general_budget', 'basic'],
  gov_fund_expenditure: ['gov_fund'], state_capital_expenditure: ['state_capital'], project_expenditure: ['project'],
  three_public: ['three_public', 'appropriation'], income: ['income'],
};
const SIDED: (TableType | null)[] = ['income_expenditure_summary', 'appropriation_summary'];

/** A group followed by one of its components says no more than the component: 单位资金/事业收入 is 事业收入. */
const GROUPS: Record<string, string[]> = {
  appropriation: ['general_budget', 'gov_fund', 'state_capital', 'transfer_general_budget', 'transfer_gov_fund', 'transfer_state_capital'],
  unit_funds: ['service_income', 'operating_income', 'superior_subsidy', 'affiliate_remittance', 'other_income'],
  basic: ['personnel', 'public_expense'],
  vehicles: ['vehicle_purchase', 'vehicle_operation'],
  three_public: ['outbound_travel', 'vehicles', 'vehicle_purchase', 'vehicle_operation', 'reception'],
};

/** An economic 类 printed as a column (项目支出表 by economic class) → `economic_301` …; the registry names it. */
function economicClassPart(segment: string): Part | null {
  const m = [...'301 302 303 307 309 310 311 312 313 399'.split(' ')]
    .find(code => normLabel(lookupCode(code, 'economic', null)?.name ?? '') === segment);
  return m ? `economic_${m}` : null;
}

const normalize = normLabel;

/** Side headers of side-by-side tables ("财政拨款收入" there is the income side, elsewhere a source). */
const SIDE_TERMS: [RegExp, Part[]][] = [[/^财政拨款收入$/, ['side:income']], [/^财政拨款支出$/, ['side:expenditure']]];

function termsOf(path: readonly string[], sided: boolean): Part[] | null {
  const parts: Part[] = [];
  const terms = sided ? [...SIDE_TERMS, ...TERMS] : TERMS;
  for (const raw of path) {
    let rest = normalize(raw);
    const econ = economicClassPart(rest);
    if (econ) { parts.push(econ); continue; }
    while (rest) {
      const hit = terms.find(([re]) => re.test(rest));
      if (!hit) return null;
      const matched = rest.match(hit[0])![0];
      if (!matched) return null;
      parts.push(...hit[1]);
      rest = rest.slice(matched.length);
    }
  }
  return parts;
}

export interface ColumnMeaning { key: string; phase: Phase | null }

/** Canonical key and phase of an amount column, from its printed path, its table's type and the document. */
export function columnMeaning(path: readonly string[], type: TableType | null, kind: DocumentMeta['kind']): ColumnMeaning {
  const parts = termsOf(path, SIDED.includes(type));
  const phaseMark = parts?.find(p => p.startsWith('phase:'))?.slice(6) as Phase | undefined;
  const phase = phaseMark ?? (kind === 'budget' ? 'proposed' : kind === 'final' ? 'executed' : null);
  if (!parts || !path.length) return { key: '', phase };
  const side = parts.find(p => p.startsWith('side:'))?.slice(5);
  const implied = new Set([...(IMPLIED[type ?? 'procurement'] ?? []), ...(SIDED.includes(type) ? [] : ['expenditure'])]);
  let meaning = parts.filter(p => !p.startsWith('phase:') && !p.startsWith('side:') && !implied.has(p) && p !== 'total');
  if (!SIDED.includes(type) && side === 'income' && !implied.has('income')) meaning.unshift('income');
  meaning = meaning.filter((p, i) => meaning.indexOf(p) === i && !meaning.slice(i + 1).some(q => GROUPS[p]?.includes(q)));
  const sources = meaning.filter(p => (SOURCE_KEYS as readonly string[]).includes(p));
  const uses = meaning.filter(p => !(SOURCE_KEYS as readonly string[]).includes(p));
  if (sources.length > 1 || uses.length > 1) return { key: '', phase };
  const body = [...sources, ...uses].join('.') || 'total';
  return { key: SIDED.includes(type) && side ? `${side}.${body}` : body, phase };
}

import { lookupCode } from '../codes/index.js';
import { HEADER_TERMS, SIDE_TERMS, SOURCE_KEYS, type HeaderPart } from '../model/fundTerms.js';
import { normLabel } from '../model/text.js';
import type { DocumentMeta, TableType } from '../model/document.js';

export type Phase = 'proposed' | 'executed';

/**
 * Canonical column keys. A printed header path is read as a sequence of known terms (every character
 * must belong to one); each term adds meaning parts. Parts of two kinds make the key: a source of funds
 * and a use (at most one of each; `source.use`, or `total`). A path with any unknown text, or with two
 * sources or two uses, gets the empty key: it is kept as printed, never guessed. The terms and their words
 * are model/fundTerms.ts.
 */
type Part = HeaderPart;

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

function termsOf(path: readonly string[], sided: boolean): Part[] | null {
  const parts: Part[] = [];
  const terms = sided ? [...SIDE_TERMS, ...HEADER_TERMS] : HEADER_TERMS;
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

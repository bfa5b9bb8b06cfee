/**
 * The words table headers print for sources of funds (the income side: 财政拨款, 一般公共预算, 事业收入 …)
 * and uses of funds (the expenditure side: 基本支出, 项目支出, 人员经费 …): their one home. classify reads
 * a header path into canonical column keys with HEADER_TERMS; validate picks the column of a source or use
 * for its cross-table rules with the same words. Header segments are compared after normLabel, so brackets
 * here are half-width.
 */

/** Canonical keys of the sources of funds. */
export const SOURCE_KEYS = ['income', 'appropriation', 'general_budget', 'gov_fund', 'state_capital', 'fiscal_special',
  'unit_funds', 'service_income', 'operating_income', 'superior_subsidy', 'affiliate_remittance', 'other_income',
  'transfer_general_budget', 'transfer_gov_fund', 'transfer_state_capital', 'carryover', 'non_appropriation',
  'non_appropriation_carryover'] as const;
/** Canonical keys of the uses of funds. */
export const USE_KEYS = ['basic', 'project', 'personnel', 'public_expense', 'remit_superior', 'affiliate_subsidy',
  'operating_expense', 'reserve_fund', 'carry_forward', 'operating_costs', 'three_public', 'outbound_travel', 'vehicles',
  'vehicle_purchase', 'vehicle_operation', 'reception', 'meetings', 'training'] as const;

/** The word a source of funds is printed as, by its key (the printed variants around it are in HEADER_TERMS). */
export const SOURCE_WORDS = {
  appropriation: '财政拨款',
  general_budget: '一般公共预算',
  gov_fund: '政府性基金',
  state_capital: '国有资本经营',
  fiscal_special: '财政专户',
  unit_funds: '单位资金',
  service_income: '事业收入',
  operating_income: '经营收入',
  superior_subsidy: '上级补助收入',
  affiliate_remittance: '附属单位上缴收入',
  other_income: '其他收入',
} as const satisfies Partial<Record<(typeof SOURCE_KEYS)[number], string>>;

/** The word a use of funds is printed as, by its key. */
export const USE_WORDS = {
  basic: '基本支出',
  project: '项目支出',
  personnel: '人员经费',
  public_expense: '公用经费',
  remit_superior: '上缴上级支出',
  affiliate_subsidy: '对附属单位补助支出',
  operating_expense: '经营支出',
  reserve_fund: '单位预留机动经费',
  operating_costs: '机关运行经费',
  three_public: '三公经费',
  reception: '公务接待费',
  meetings: '会议费',
  training: '培训费',
} as const satisfies Partial<Record<(typeof USE_KEYS)[number], string>>;

/** Words of a total line or column. */
export const TOTAL_WORDS = ['合计', '小计', '总计'] as const;
/** Words of money carried between years (上年结转, 结转结余, 年末结转和结余). */
export const CARRYOVER_WORDS = ['结转', '结余'] as const;

/** A source or use key, 'total', 'side:income' | 'side:expenditure', 'phase:proposed' | 'phase:executed'. */
export type HeaderPart = string;

const S = SOURCE_WORDS;
const U = USE_WORDS;
const NON_APPROPRIATION = `非${S.appropriation}`;
const term = (pattern: string, parts: HeaderPart[]): [RegExp, HeaderPart[]] => [new RegExp(pattern), parts];

/** Known header terms, longest first; each is matched at the start of what is left of a header segment. */
export const HEADER_TERMS: readonly [RegExp, HeaderPart[]][] = [
  term('^本年收入合计', ['side:income', 'total']), term('^本年支出合计', ['side:expenditure', 'total']),
  term('^收入$', ['side:income']), term('^支出$', ['side:expenditure']),
  term('^本年收入', ['side:income']), term('^本年支出', ['side:expenditure']),
  term('^(?:年初)?预算数', ['phase:proposed']), term('^决算数', ['phase:executed']),
  term(`^(?:${TOTAL_WORDS.join('|')}|金额)`, ['total']),
  term(`^上级${S.general_budget}安排(?:的)?转移支付`, ['transfer_general_budget']),
  term(`^上级${S.gov_fund}(?:预算)?安排(?:的)?转移支付`, ['transfer_gov_fund']),
  term(`^上级${S.state_capital}预算安排(?:的)?转移支付`, ['transfer_state_capital']),
  term(`^${S.general_budget}${U.basic}`, ['general_budget', 'basic']),
  term(`^${S.general_budget}(?:财政)?拨款(?:收入)?|^${S.general_budget}(?:支出)?`, ['general_budget']),
  term(`^${S.gov_fund}(?:预算)?(?:财政)?(?:拨款)?(?:收入|支出)?`, ['gov_fund']),
  term(`^${S.state_capital}(?:${S.appropriation})?预算(?:财政)?(?:拨款)?(?:收入|支出)?`, ['state_capital']),
  term(`^${S.fiscal_special}(?:管理资金)?(?:收入)?(?:\\(教育收费\\))?`, ['fiscal_special']),
  term(`^${NON_APPROPRIATION}结转(?:结余)?`, ['non_appropriation_carryover']), term(`^${NON_APPROPRIATION}`, ['non_appropriation']),
  term(`^(?:${S.appropriation}结转|上年结转|年初结转和结余)`, ['carryover']),
  term('^(?:年末结转和结余|结转下年(?:资金)?)', ['carry_forward']),
  term(`^${S.appropriation}\\(补助\\)小计`, ['appropriation', 'total']),
  term(`^${S.appropriation}(?:\\(补助\\))?(?:收入)?`, ['appropriation']),
  term(`^${S.unit_funds}`, ['unit_funds']), term(`^事业单位${S.operating_income}|^${S.operating_income}`, ['operating_income']),
  term(`^${S.service_income}`, ['service_income']),
  term(`^${S.superior_subsidy}`, ['superior_subsidy']), term(`^${S.affiliate_remittance}`, ['affiliate_remittance']),
  term(`^${S.other_income}`, ['other_income']),
  term(`^${U.project}合计`, ['project', 'total']),
  term(`^${U.basic}`, ['basic']), term(`^${U.project}`, ['project']), term(`^${U.personnel}`, ['personnel']),
  term(`^${U.public_expense}`, ['public_expense']),
  term(`^${U.remit_superior}`, ['remit_superior']), term(`^${U.affiliate_subsidy}`, ['affiliate_subsidy']),
  term(`^${U.operating_expense}`, ['operating_expense']),
  term(`^${U.reserve_fund}`, ['reserve_fund']), term(`^${U.operating_costs}(?:支出)?`, ['operating_costs']),
  term(`^${U.three_public}`, ['three_public']), term('^因公出国\\(境\\)费(?:用)?', ['outbound_travel']),
  term('^公务用车购置及运行(?:维护)?费', ['vehicles']), term('^(?:公务用车)?购置费', ['vehicle_purchase']),
  term('^(?:公务用车)?运行(?:维护)?费', ['vehicle_operation']), term(`^${U.reception}`, ['reception']),
  term(`^${U.meetings}`, ['meetings']), term(`^${U.training}`, ['training']),
  term('^(?:收入预算|支出预算|支出用途|资金来源|本年|其中:?)', []),
];

/** Side headers of side-by-side tables ("财政拨款收入" there is the income side, elsewhere a source). */
export const SIDE_TERMS: readonly [RegExp, HeaderPart[]][] = [
  term(`^${S.appropriation}收入$`, ['side:income']), term(`^${S.appropriation}支出$`, ['side:expenditure']),
];

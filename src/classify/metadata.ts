import type { CurrencyUnit, DocumentMeta } from '../model/document.js';
import type { ProseLine, RawTable } from '../model/rawTable.js';

const mostCommon = <T>(xs: readonly T[]): T | null => {
  const counts = new Map<T, number>();
  for (const x of xs) counts.set(x, (counts.get(x) ?? 0) + 1);
  let best: T | null = null, n = 0;
  for (const [x, c] of counts) if (c > n) { best = x; n = c; }
  return best;
};

const ORG_LABEL = /(?:预算主管部门|主管部门|预算单位|编制单位|编制部门|单位名称|部门名称)[:：]\s*(\S+)/;
const ORG_SUFFIX = /(办公室|办公厅|委员会|局|院|中心|街道办事处|政府|部|厅|会|所|站|馆|队|社|处|校|学)$/;
// A cover line naming the reporting body, alone or before the year: "上海市普陀区财政局2024年度部门决算".
const COVER_ORG = /^(\S{2,30}?(?:办公室|办公厅|委员会|街道办事处|局|院|中心|政府|部|厅|会|所|站|馆|队|社|处|校))(?:20\d{2}|$)/;

/** unit, year, kind, scope and currency unit from the tables' title blocks and the cover pages. */
export function documentMeta(tables: readonly RawTable[], prose: readonly ProseLine[]): DocumentMeta {
  const early = prose.filter(p => p.page <= 3).map(p => p.text.replace(/\s+/g, ''));
  const titles = tables.map(t => t.title);
  const labelled = early.map(t => t.match(ORG_LABEL)?.[1]).filter((x): x is string => !!x);
  const unit = mostCommon(tables.map(t => t.org).filter((x): x is string => !!x)) ?? labelled[0]
    ?? early.map(t => t.match(COVER_ORG)?.[1]).find((x): x is string => !!x)
    ?? early.find(t => t.length <= 30 && ORG_SUFFIX.test(t)) ?? null;
  const yearText = [...early, ...titles].join('\n').match(/(20\d{2})\s*年/);
  // Titles say it best (决算 tables print 决算数); the cover and contents may mention last year's 决算.
  const count = (re: RegExp, xs: readonly string[]): number => xs.filter(x => re.test(x)).length;
  const finalVotes = count(/决算/, titles) * 2 + count(/决算/, early), budgetVotes = count(/预算/, titles) * 2 + count(/预算/, early);
  const kind = finalVotes || budgetVotes ? (finalVotes > budgetVotes ? 'final' : 'budget') : null;
  const scopeText = early.join('\n') + '\n' + titles.join('\n');
  const unitHits = (scopeText.match(/单位(预算|决算|收支|收入|支出)/g) ?? []).length;
  const deptHits = (scopeText.match(/部门(预算|决算|收支|收入|支出|财务)/g) ?? []).length;
  // Without words like 部门预算 / 单位预算, the org label of the tables is the evidence left.
  const labels = tables.map(t => t.orgLabel ?? '');
  const deptLabels = labels.filter(l => /部门/.test(l)).length, unitLabels = labels.filter(l => /^(单位名称|预算单位|单位)$/.test(l)).length;
  const scope = unitHits || deptHits ? (unitHits > deptHits ? 'unit' : 'department')
    : deptLabels || unitLabels ? (unitLabels > deptLabels ? 'unit' : 'department') : null;
  const currency = mostCommon(tables.map(t => t.unit).filter((x): x is CurrencyUnit => !!x));
  return { unit, year: yearText ? Number(yearText[1]) : null, kind, scope, currency_unit: currency };
}

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
const ORG_NAME = '\\S{2,30}?(?:办公室|办公厅|委员会|街道办事处|局|院|中心|政府|部|厅|会|所|站|馆|队|社|处|校)(?:[（(][^（()）]{1,6}[)）])?';
// A cover line naming the reporting body, alone or before the year: "上海市普陀区财政局2024年度部门决算";
// or after it: "2026年烟台市审计局部门预算". A section heading (第二部分) before the name is not part of it.
const COVER_ORG = new RegExp(`^(?:第[一二三四五六七八九十]+部分)?(${ORG_NAME})(?:20\\d{2}|$)`);
const COVER_ORG_AFTER_YEAR = new RegExp(`^20\\d{2}年度?(${ORG_NAME})(?:部门|单位)?(?:预算|决算)`);
// A form's label cell whose neighbour names the body (部门整体支出绩效目标表: 部门名称 | 北京市审计局).
const FORM_ORG_LABEL = /^(?:部门名称|单位名称|预算单位|主管部门|编制单位)[:：]?$/;
// An org read from a unit line cut in two ("单位：万" / "元") is no org.
const NOT_AN_ORG = /^(?:亿|万|千)?元?$|^金额$/;

const isOrg = (s: string | null | undefined): s is string => !!s && !NOT_AN_ORG.test(s);
/** Does the text end like an organisation's name, allowing a short note in brackets ("福州市科学技术局(本级)")? */
const looksLikeOrg = (s: string): boolean => s.length <= 30 && ORG_SUFFIX.test(s.replace(/[（(][^（()）]{1,6}[)）]$/, ''));

/** The body named in a form field: a 部门名称 cell (in the header or the rows) and the cell after it. */
function formOrg(tables: readonly RawTable[]): string | null {
  for (const t of tables) {
    const depth = Math.max(0, ...t.columnPaths.map(p => p.length));
    const headerLines = Array.from({ length: depth }, (_, level) => t.columnPaths.map(p => p[level] ?? ''));
    for (const cells of [...headerLines, ...t.rows.map(r => r.cells)]) {
      const seq = cells.map(c => c.replace(/\s+/g, '')).filter((c, i, all) => c && c !== all[i - 1]);
      const at = seq.findIndex(c => FORM_ORG_LABEL.test(c));
      const value = at >= 0 ? seq[at + 1] : undefined;
      if (value && looksLikeOrg(value)) return value;
    }
  }
  return null;
}

/** unit, year, kind, scope and currency unit from the tables' title blocks and the cover pages. */
export function documentMeta(tables: readonly RawTable[], prose: readonly ProseLine[], yearMarks: readonly number[] = []): DocumentMeta {
  const early = prose.filter(p => p.page <= 3).map(p => p.text.replace(/\s+/g, ''));
  const titles = tables.map(t => t.title);
  const labelled = early.map(t => t.match(ORG_LABEL)?.[1]).filter(isOrg);
  const unit = mostCommon(tables.map(t => t.org).filter(isOrg)) ?? labelled[0]
    ?? early.map(t => t.match(COVER_ORG)?.[1] ?? t.match(COVER_ORG_AFTER_YEAR)?.[1]).find((x): x is string => !!x)
    ?? formOrg(tables) ?? early.find(looksLikeOrg) ?? null;
  // Standalone year lines ("（2026年度）" under a title) speak for the document when cover and titles do not.
  const yearText = [...early, ...titles].join('\n').match(/(20\d{2})\s*年/);
  const year = yearText ? Number(yearText[1]) : mostCommon(yearMarks);
  // Titles say it best (决算 tables print 决算数); the cover and contents may mention last year's 决算.
  const count = (re: RegExp, xs: readonly string[]): number => xs.filter(x => re.test(x)).length;
  const finalVotes = count(/决算/, titles) * 2 + count(/决算/, early), budgetVotes = count(/预算/, titles) * 2 + count(/预算/, early);
  // Without either word, performance forms tell: targets are set with the budget, self-evaluations follow the accounts.
  const targets = count(/绩效目标/, titles), evaluations = count(/绩效自评|绩效评价/, titles);
  const kind = finalVotes || budgetVotes ? (finalVotes > budgetVotes ? 'final' : 'budget')
    : targets || evaluations ? (evaluations > targets ? 'final' : 'budget') : null;
  const scopeText = early.join('\n') + '\n' + titles.join('\n');
  const unitHits = (scopeText.match(/单位(预算|决算|收支|收入|支出)/g) ?? []).length;
  // 部门综合预算 (Xi'an) and 部门整体支出 are the department's too.
  const deptHits = (scopeText.match(/部门(综合|整体)?(预算|决算|收支|收入|支出|财务)/g) ?? []).length;
  // Without words like 部门预算 / 单位预算, the org label of the tables is the evidence left.
  const labels = tables.filter(t => isOrg(t.org)).map(t => t.orgLabel ?? '');
  const deptLabels = labels.filter(l => /部门/.test(l)).length, unitLabels = labels.filter(l => /^(单位名称|预算单位|单位)$/.test(l)).length;
  const scope = unitHits || deptHits ? (unitHits > deptHits ? 'unit' : 'department')
    : deptLabels || unitLabels ? (unitLabels > deptLabels ? 'unit' : 'department') : null;
  const currency = mostCommon(tables.map(t => t.unit).filter((x): x is CurrencyUnit => !!x));
  return { unit, year, kind, scope, currency_unit: currency };
}

/** A line that is only a year ("2026年度", "（2026年度）"): printed under titles of forms. */
export function standaloneYear(text: string): number | null {
  const m = text.replace(/\s+/g, '').match(/^[（(]?(20\d{2})年度?[)）]?$/);
  return m ? Number(m[1]) : null;
}

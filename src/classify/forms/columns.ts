/** What a column of a form's indicator part (or of a one-line-per-indicator table) holds, from its header. */
export type FormColumnRole =
  | 'level1' | 'level2' | 'name' | 'comparator' | 'target' | 'period_target' | 'value_unit' | 'basis' | 'weight'
  | 'indicator_list' | 'project' | 'total' | 'source' | 'goal' | 'other';

/** Header words, tried in order: the first that matches a header cell gives its role. */
const ROLE_PATTERNS: [RegExp, FormColumnRole][] = [
  [/依据/, 'basis'],
  [/上年|完成值|赋分规则|评分|评（扣）分|佐证|备注|说明|指标值内容/, 'other'],
  [/分值|权重/, 'weight'],
  [/一级/, 'level1'],
  [/二级/, 'level2'],
  [/三级|指标名称|指标内容/, 'name'],
  [/性质|符号|指标值类型/, 'comparator'],
  [/度量单位|计量单位|指标单位/, 'value_unit'],
  [/实施周期/, 'period_target'],
  [/指标值|目标值/, 'target'],
  [/绩效指标/, 'indicator_list'],
  [/绩效目标|年度目标|总体目标/, 'goal'],
  [/项目[）)]?名称|项目单位|资金使用单位/, 'project'],
  [/项目总额|总计|合计|资金总额|预算数|金额/, 'total'],
  [/财政|其他资金|专户|拨款|自有资金|上级|本级|一般公共预算|政府性基金/, 'source'],
];

export function headerRole(header: string): FormColumnRole {
  const h = header.replace(/\s+/g, '');
  for (const [re, role] of ROLE_PATTERNS) if (re.test(h)) return role;
  return 'other';
}

/** Roles of a header line's cells; null when the line is not the header of indicators. */
export function indicatorHeader(cells: readonly string[]): FormColumnRole[] | null {
  // A header cell merged over two columns is rebuilt as the label and an empty cell: the empty one shares it.
  const roles: FormColumnRole[] = [];
  cells.forEach((cell, i) => roles.push(cell.trim() === '' && i > 0 ? roles[i - 1]! : headerRole(cell)));
  const hasIndicators = roles.includes('name') || roles.includes('indicator_list');
  return hasIndicators && (roles.includes('level1') || roles.includes('indicator_list') || roles.includes('target')) ? roles : null;
}

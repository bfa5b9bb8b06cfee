import { describe, expect, it } from 'vitest';
import { lookupCode, registryEntries } from '../../src/codes/index.js';
import { registryChecks } from '../../src/validate/rules/registry.js';
import { REGISTRY_COLUMNS, RegistryFileSchema, entryLine } from '../../src/codes/entries.js';
import type { BudgetRecord, Check, OutputDocument } from '../../src/model/document.js';

const rec = (code: string, name: string): BudgetRecord => ({ code, level: null, name, project: null, amounts: { 合计: 1 } });

function docWith(year: number, records: BudgetRecord[]): OutputDocument {
  return {
    schema_version: 1, source: { file: 'fixture.pdf', sha256: 'ab'.repeat(32), pages: 1, bytes: 1 },
    document: { unit: '某某局', year, kind: 'budget', scope: 'unit', currency_unit: '万元' }, pages: [{ number: 1, text_source: 'pdf' }],
    tables: [{ number: '表3', title: '支出总体情况表', org: null, type: 'expenditure', unit: '万元', pages: [1], note: null,
      columns: [{ index: 0, path: ['科目名称'], role: 'code_name' }, { index: 1, path: ['合计'], role: 'amount' }],
      rows: records.map((r, i) => ({ index: i, page: 1, cells: [`${r.code} ${r.name}`, '1'], records: [r] })) }],
    forms: [], checks: [], warnings: [],
  };
}
const verdicts = (year: number, records: BudgetRecord[], rule: Check['rule']) =>
  registryChecks(docWith(year, records)).filter(c => c.rule === rule).map(c => [c.row, c.status]);

describe('lookupCode', () => {
  it('gives level, official name, parent and evidence', () => {
    expect(lookupCode('2010301', 'functional', 2024)).toMatchObject({ level: '项', name: '行政运行', parent: '20103', verified: true });
    expect(lookupCode('30101', 'economic', null)).toMatchObject({ level: '款', name: '基本工资', parent: '301' });
    expect(lookupCode('301', 'economic', null)).toMatchObject({ level: '类', name: '工资福利支出', parent: null });
    expect(lookupCode('50101', 'government_economic', null)).toMatchObject({ level: '款', name: '工资奖金津补贴', parent: '501' });
    expect(lookupCode('2040220', 'functional', null)!.entry).toMatchObject({ source: 'official', valid_from: 2019 });
  });

  it('knows renames: 210 was 医疗卫生与计划生育支出 up to 2018', () => {
    const old = lookupCode('210', 'functional', 2018)!;
    expect(old.name).toBe('医疗卫生与计划生育支出');
    expect(old.currentName).toBe('卫生健康支出');
    expect(old.renames).toEqual([{ from: '医疗卫生与计划生育支出', to: '卫生健康支出', year: 2019 }]);
    expect(lookupCode('210', 'functional', 2019)!.name).toBe('卫生健康支出');
  });

  it('returns null for codes it does not hold or of the other classification', () => {
    expect(lookupCode('2999999', 'functional', 2024)).toBeNull();
    expect(lookupCode('30101', 'functional', 2024)).toBeNull();
  });

  it('holds the complete functional 类 list (201…234) and every economic 类 of both economic classifications', () => {
    const classes = (c: string) => registryEntries().filter(e => e.classification === c && e.code.length === 3).map(e => e.code);
    expect(classes('functional')).toEqual(['201', '202', '203', '204', '205', '206', '207', '208', '209', '210', '211', '212',
      '213', '214', '215', '216', '217', '219', '220', '221', '222', '223', '224', '227', '229', '230', '231', '232', '233', '234']);
    expect(classes('economic')).toEqual(['301', '302', '303', '307', '309', '310', '311', '312', '313', '399']);
    expect(classes('government_economic')).toEqual(['501', '502', '503', '504', '505', '506', '507', '508', '509', '510',
      '511', '512', '513', '514', '599']);
  });

  it('is data checked by a schema: each entry line round-trips, a malformed line is refused', () => {
    const file = (entries: string[]) => RegistryFileSchema.safeParse({ edition: 2025, note: '', columns: [...REGISTRY_COLUMNS], entries });
    expect(file(registryEntries().map(entryLine)).success).toBe(true);
    expect(file(['2010301\tfunctional\t项\t行政运行\t\t\t\tofficial\t3\t2']).success).toBe(true);
    expect(file(['2010301\tfunctional\t项\t行政运行\t19\t\t\tofficial\t3\t2']).success).toBe(false);
    expect(file(['201030\tfunctional\t项\t行政运行\t\t\t\tofficial\t3\t2']).success).toBe(false);
    expect(file(['2010301\tfunctional\t项\t行政运行\t\t\t\tguessed\t3\t2']).success).toBe(false);
  });

  it('has a parent for every 款 and 项, and a source for every entry', () => {
    const keys = new Set(registryEntries().map(e => `${e.classification}:${e.code}`));
    const orphans = registryEntries().filter(e => e.code.length > 3 && !keys.has(`${e.classification}:${e.code.slice(0, -2)}`));
    expect(orphans.map(e => e.code)).toEqual([]);
    expect(registryEntries().filter(e => e.source === 'observed' && e.cities < 2)).toEqual([]);
  });
});

describe('registryChecks', () => {
  it('an unknown well-formed code whose parent exists is unknown, not a failure', () => {
    // 2010410 is not in the registry, its 款 20104 is.
    const checks = registryChecks(docWith(2026, [rec('2010410', '某新增科目')]));
    expect(checks).toHaveLength(1);
    expect(checks[0]).toMatchObject({ rule: 'code_registry', status: 'unknown' });
    expect(checks[0].message).toMatch(/2010410 某新增科目.*not in the registry/);
  });

  it('a 项 under a 款 that exists neither in the registry nor in the document fails; one printed in the document is unknown', () => {
    expect(verdicts(2026, [rec('2019801', '甲')], 'code_registry')).toEqual([[0, 'fail']]);
    expect(verdicts(2026, [rec('20198', '新款'), rec('2019801', '甲')], 'code_registry')).toEqual([[0, 'unknown'], [1, 'unknown']]);
  });

  it('a 款 under a 类 that does not exist fails; a code of another classification or a local sub-item is unknown', () => {
    expect(verdicts(2026, [rec('21801', '甲'), rec('218', '乙'), rec('71102', '丙'), rec('3010201', '规范性津补贴'), rec('024', '苏州市审计局')], 'code_registry'))
      .toEqual([[0, 'fail'], [1, 'fail'], [2, 'unknown'], [3, 'unknown'], [4, 'unknown']]);
  });

  it('accepts the 2017 economic names and the parent qualifier printed after a name', () => {
    expect(verdicts(2017, [rec('310', '其他资本性支出'), rec('30311', '住房公积金'), rec('30307', '医疗费')], 'code_registry_name'))
      .toEqual([[0, 'pass'], [1, 'pass'], [2, 'pass']]);
    expect(verdicts(2026, [rec('31101', '资本金注入（基本建设）'), rec('31201', '资本金注入（基本建设）')], 'code_registry_name'))
      .toEqual([[0, 'pass'], [1, 'fail']]);
  });

  it('a renamed code in a pre-2019 document passes under its old name', () => {
    const records = [rec('210', '医疗卫生与计划生育支出'), rec('21001', '医疗卫生与计划生育管理事务'), rec('220', '国土海洋气象等支出')];
    expect(verdicts(2018, records, 'code_registry')).toEqual([[0, 'pass'], [1, 'pass'], [2, 'pass']]);
    expect(verdicts(2018, records, 'code_registry_name')).toEqual([[0, 'pass'], [1, 'pass'], [2, 'pass']]);
  });

  it('a known code under another name fails, naming both', () => {
    const checks = registryChecks(docWith(2026, [rec('2010301', '机关服务')]));
    const named = checks.find(c => c.rule === 'code_registry_name')!;
    expect(named.status).toBe('fail');
    expect(named.message).toContain('机关服务');
    expect(named.message).toContain('行政运行');
    expect(checks.find(c => c.rule === 'code_registry')!.status).toBe('pass');
  });

  it('folds width, punctuation, leading dashes and 其中 markers; known renames pass with a note', () => {
    const checks = registryChecks(docWith(2024, [rec('30213', '维修(护)费'), rec('2010301', '-行政运行'), rec('50101', "'-工资奖金津补贴"),
      rec('30108', '其中：机关事业单位基本养老保险缴费'), rec('2040405', '公诉审判侦查执行等检察监督支出'), rec('210', '医疗卫生与计划生育支出')]));
    const names = checks.filter(c => c.rule === 'code_registry_name');
    expect(names.map(c => c.status)).toEqual(['pass', 'pass', 'pass', 'pass', 'pass', 'pass']);
    expect(names[5].message).toMatch(/known rename/);
  });

  it('a code valid only in other years is unknown in this one', () => {
    expect(verdicts(2026, [rec('2040204', '治安管理')], 'code_registry')).toEqual([[0, 'unknown']]);
    expect(verdicts(2017, [rec('2040204', '治安管理')], 'code_registry')).toEqual([[0, 'pass']]);
  });
});

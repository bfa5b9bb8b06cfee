import { describe, expect, it } from 'vitest';
import { lookupCode, registryChecks, registryEntries } from '../../src/classify/registry/index.js';
import type { BudgetRecord, OutputDocument } from '../../src/model/document.js';

const rec = (code: string, name: string): BudgetRecord => ({ code, level: null, name, project: null, amounts: { 合计: 1 } });

function docWith(year: number, records: BudgetRecord[]): OutputDocument {
  return {
    schema_version: 1, source: { file: 'fixture.pdf', sha256: 'ab'.repeat(32), pages: 1, bytes: 1 },
    document: { unit: '某某局', year, kind: 'budget', scope: 'unit', currency_unit: '万元' }, pages: [{ number: 1, text_source: 'pdf' }],
    tables: [{ number: '表3', title: '支出总体情况表', type: 'expenditure', unit: '万元', pages: [1], note: null,
      columns: [{ index: 0, path: ['科目名称'], role: 'code_name' }, { index: 1, path: ['合计'], role: 'amount' }],
      rows: records.map((r, i) => ({ index: i, page: 1, cells: [`${r.code} ${r.name}`, '1'], records: [r] })) }],
    checks: [], warnings: [],
  };
}

describe('lookupCode', () => {
  it('gives level, official name, parent and verified flag', () => {
    expect(lookupCode('2010301', 'functional', 2024)).toMatchObject({ level: '项', name: '行政运行', parent: '20103', verified: true });
    expect(lookupCode('30101', 'economic', null)).toMatchObject({ level: '款', name: '基本工资', parent: '301' });
    expect(lookupCode('301', 'economic', null)).toMatchObject({ level: '类', name: '工资福利支出', parent: null });
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

  it('holds the complete functional 类 list (201…234) and every economic 类', () => {
    const classes = (c: string) => registryEntries().filter(e => e.classification === c && e.code.length === 3).map(e => e.code);
    expect(classes('functional')).toEqual(['201', '202', '203', '204', '205', '206', '207', '208', '209', '210', '211', '212',
      '213', '214', '215', '216', '217', '219', '220', '221', '222', '223', '224', '227', '229', '230', '231', '232', '233', '234']);
    expect(classes('economic')).toEqual(['301', '302', '303', '307', '309', '310', '311', '312', '313', '399']);
  });

  it('has a parent for every 款 and 项', () => {
    const keys = new Set(registryEntries().map(e => `${e.classification}:${e.code}`));
    const orphans = registryEntries().filter(e => e.code.length > 3 && !keys.has(`${e.classification}:${e.code.slice(0, -2)}`));
    expect(orphans.map(e => e.code)).toEqual([]);
  });
});

describe('registryChecks', () => {
  it('flags unknown codes and names that differ; known renames and bracket widths pass', () => {
    const checks = registryChecks(docWith(2018, [
      rec('2010301', '行政运行'), rec('210', '医疗卫生与计划生育支出'), rec('30213', '维修(护)费'),
      rec('2010301', '机关服务'), rec('2999999', '不存在'), rec('71102', '事业单位医疗'),
    ]));
    const failed = checks.filter(c => c.status === 'fail').map(c => [c.rule, c.row]);
    expect(failed).toEqual([['code_name', 3], ['code_registry', 4], ['code_registry', 5]]);
    expect(checks.every(c => c.table === '表3' && c.page === 1)).toBe(true);
  });

  it('passes the current name in a later year and the former name with a note', () => {
    const checks = registryChecks(docWith(2024, [rec('210', '卫生健康支出'), rec('210', '医疗卫生与计划生育支出')]));
    const names = checks.filter(c => c.rule === 'code_name');
    expect(names.map(c => c.status)).toEqual(['pass', 'pass']);
    expect(names[1].message).toMatch(/known rename/);
  });
});

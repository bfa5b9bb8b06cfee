import { describe, expect, it } from 'vitest';
import { documentMeta, standaloneYear } from '../../src/classify/metadata.js';
import type { RawTable } from '../../src/model/rawTable.js';

const table = (extra: Partial<RawTable>): RawTable => ({
  number: null, title: '收支总表', org: null, orgLabel: null, unit: '万元', pages: [1], columnPaths: [], columnNumbers: [],
  rows: [], note: null, ruled: true, ...extra,
});

describe('document metadata', () => {
  it('takes the unit from a form field when a tables-only file has no cover, and the year from a year line', () => {
    // Beijing 预算13表 部门整体支出绩效目标表: "部门名称 | 北京市审计局" in the header, "（2026年度）" under the title.
    const meta = documentMeta([
      table({ title: '预算01表收支总表' }),
      table({ title: '预算13表部门整体支出绩效目标表', unit: null,
        columnPaths: [['部门名称', '总体资金情况（万元）'], ['部门名称', '总体资金情况（万元）'], ['北京市审计局', '预算支出总额']] }),
    ], [], [2026]);
    expect(meta).toMatchObject({ unit: '北京市审计局', year: 2026, kind: 'budget', scope: 'department' });
  });

  it('does not take a unit line cut in two ("单位：万" / "元") for the org', () => {
    // 西安 2019: the cover names the 部门; titles say 部门综合预算.
    const meta = documentMeta([
      table({ title: '2019年部门综合预算收支总表' }),
      table({ title: '2019年部门综合预算政府采购预算表', org: '万', orgLabel: '单位', unit: null }),
    ], [{ page: 1, text: '2019年部门综合预算公开报表' }, { page: 1, text: '部门名称：西安市安全生产监督管理局' }]);
    expect(meta).toMatchObject({ unit: '西安市安全生产监督管理局', year: 2019, scope: 'department' });
  });

  it('finds the body on covers that put the year first or a section heading before it', () => {
    expect(documentMeta([table({})], [{ page: 1, text: '2026年烟台市审计局部门预算' }]).unit).toBe('烟台市审计局');
    expect(documentMeta([table({})], [{ page: 2, text: '第二部分 江苏省高级人民法院 2018 年度预算表' }]).unit).toBe('江苏省高级人民法院');
    expect(documentMeta([table({})], [{ page: 1, text: '福州市科学技术局(本级)' }]).unit).toBe('福州市科学技术局(本级)');
  });

  it('reads standalone year lines only', () => {
    expect(standaloneYear('（2026年度）')).toBe(2026);
    expect(standaloneYear('2025年')).toBe(2025);
    expect(standaloneYear('2026年，北京公安机关将')).toBeNull();
  });
});

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TableAssembler } from '../../src/layout/assemble.js';
import type { RawTable } from '../../src/model/rawTable.js';
import { openDocument } from '../../src/pdf/openDocument.js';
import { readPage } from '../../src/pdf/readPages.js';

const wild = path.join(import.meta.dirname, '..', '..', 'samples', 'wild');

/** The layout stage over pages `from`..`to` of a real disclosure from the wild set. */
async function tablesOf(file: string, from: number, to: number): Promise<RawTable[]> {
  const doc = await openDocument(new Uint8Array(readFileSync(path.join(wild, file))));
  try {
    const asm = new TableAssembler();
    for (let p = from; p <= to; p++) asm.addPage(await readPage(doc, p));
    return asm.finish().tables;
  } finally {
    await doc.destroy();
  }
}

const summary = (t: RawTable) => ({ number: t.number, title: t.title, org: t.org, pages: t.pages });

describe('real pages that repeat the title block on every page of a table', () => {
  it('Shenzhen 表3 支出总表 (4 of its 32 pages) is one table with its org', async () => {
    const tables = await tablesOf('shenzhen-water-2026-dept-budget.pdf', 63, 66);
    expect(tables.map(summary)).toEqual([{ number: '表3', title: '支出总表', org: '深圳市水务局', pages: [63, 64, 65, 66] }]);
  }, 600_000);

  it('Huzhou 表03, org printed without a label ("507-湖州市卫生健康委员会 单位:万元"), pp. 29–32, then 表04', async () => {
    const tables = await tablesOf('huzhou-health-commission-2026-dept-budget.pdf', 29, 33);
    expect(tables.map(summary)).toEqual([
      { number: '表03', title: '2026年市级部门支出预算总表', org: '湖州市卫生健康委员会', pages: [29, 30, 31, 32] },
      { number: '表04', title: '2026年市级部门财政拨款收支预算总表', org: '湖州市卫生健康委员会', pages: [33] },
    ]);
  }, 600_000);

  it('Guangzhou performance targets: one table over pages 1–4', async () => {
    const tables = await tablesOf('guangzhou-ecology-environment-2026-project-performance-targets.pdf', 1, 4);
    expect(tables).toHaveLength(1);
    expect(tables[0]).toMatchObject({ title: '广州市生态环境局2026年项目支出绩效目标表（含转移支付项目）', org: '广州市生态环境局', pages: [1, 2, 3, 4] });
  }, 600_000);

  it('Beijing 预算表12: cell text overflowing onto the title and header does not split the table (pp. 18–23)', async () => {
    const tables = await tablesOf('beijing-traffic-police-2026-dept-budget.pdf', 18, 23);
    expect(tables.map(summary)).toEqual([{ number: '预算表12', title: '项目支出绩效目标表', org: null, pages: [18, 19, 20, 21, 22, 23] }]);
  }, 600_000);
});

describe('real titles the title-block reader must see', () => {
  it('Jiangsu NPC 2017: wrapped titles and titles at the foot of a page keep the 12 printed tables apart', async () => {
    const tables = await tablesOf('jiangsu-provincial-npc-standing-committee-office-2017-dept-budget.pdf', 7, 23);
    expect(tables.map(t => [t.title, t.pages[0]])).toEqual([
      ['收支预算总表', 7], ['收入预算总表', 9], ['支出预算总表', 10], ['财政拨款支出预算表', 11], ['财政拨款收支预算总表', 12],
      ['财政拨款基本支出预算表', 12], ['财政拨款政府性基金支出预算表', 15], ['一般公共预算支出预算表', 16],
      ['一般公共预算基本支出预算表', 17], ['一般公共预算机关运行经费支出预算表', 18], ['“三公”经费、会议费、培训费支出预算表', 20],
      ['2017年政府采购预算表', 20],
    ]);
    expect(tables.every(t => t.org === '江苏省人大常委会办公厅')).toBe(true);
    expect(tables.find(t => t.title === '一般公共预算机关运行经费支出预算表')?.pages).toEqual([18, 19]);
  }, 600_000);

  it('national complaints administration: the title printed above its 公开NN表 label', async () => {
    const tables = await tablesOf('national-public-complaints-admin-2024-dept-final.pdf', 7, 10);
    expect(tables.map(t => [t.number, t.title, t.org])).toEqual([
      ['公开01表', '收入支出决算总表', '国家信访局'], ['公开02表', '收入决算表', '国家信访局'],
      ['公开03表', '支出决算表', '国家信访局'], ['公开04表', '财政拨款收入支出决算总表', '国家信访局'],
    ]);
  }, 600_000);
});

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readForms } from '../../src/classify/forms/index.js';
import { parseTarget } from '../../src/classify/forms/target.js';
import { splitProjectCode } from '../../src/classify/forms/text.js';
import { headerRole } from '../../src/classify/forms/columns.js';
import type { Table } from '../../src/model/document.js';
import type { PerformanceForm } from '../../src/model/forms.js';
import { extractDocument } from '../../src/pipeline.js';
import { truthIndicators, type TruthForm } from './formTruth.js';

const dir = path.join(import.meta.dirname, '..', '..', 'samples');
const squash = (s: string | null) => (s ?? '').replace(/\s+/g, '');

describe('parseTarget', () => {
  it.each([
    ['>=4 次', '≥', 4, '次'], ['=100%', '=', 100, '%'], ['≤ 30 日', '≤', 30, '日'], ['<=0.98 万元/辆', '≤', 0.98, '万元/辆'],
    ['＞90%', '>', 90, '%'], ['<5 天', '<', 5, '天'], ['100%', '=', 100, '%'], ['≧1,200 人次', '≥', 1200, '人次'],
  ])('%s', (printed, comparator, value, unit) => {
    expect(parseTarget(printed)).toEqual({ comparator, value, value_unit: unit });
  });
  it.each(['优', '达标', '有效保障', '是'])('%s is 定性', (printed) => {
    expect(parseTarget(printed)).toEqual({ comparator: '定性', value: null, value_unit: null });
  });
  it.each(['2024年12月', '≦核定人数', '≥100个（根据监测井实际维护管理情况）', '', '约 3-5 次'])('"%s" keeps no guessed number', (printed) => {
    expect(parseTarget(printed)).toEqual({ comparator: null, value: null, value_unit: null });
  });
});

describe('headerRole', () => {
  it.each([
    ['单位（项目）名称', 'project'], ['项目名称', 'project'], ['指标值类型', 'comparator'], ['指标值内容', 'other'],
    ['评（扣）分标准', 'other'], ['指标值', 'target'], ['指标值设置依据', 'basis'], ['指标分值权重', 'weight'],
  ])('%s is %s', (header, role) => {
    expect(headerRole(header)).toBe(role);
  });
});

describe('splitProjectCode', () => {
  it.each([
    ['11000021T00000012 2127-购买考试服务', '11000021T00000012 2127', '购买考试服务'],
    ['4018-监理、设计、审计及其他', '4018', '监理、设计、审计及其他'],
    ['1980—2018年综合档案整体移交辅助服务专项经费', null, '1980—2018年综合档案整体移交辅助服务专项经费'],
    ['2024 - 2026年老旧小区改造', null, '2024 - 2026年老旧小区改造'],
  ])('%s', (text, code, name) => {
    expect(splitProjectCode(text)).toEqual({ code, name });
  });
});

describe.each(['grid', 'landscape', 'open', 'merged-code', 'yuan'])('atushi-2024-%s forms against the truth', (style) => {
  it('yields every indicator of the 14 forms', async () => {
    const truth = JSON.parse(readFileSync(path.join(dir, `atushi-2024-${style}.truth.json`), 'utf8')) as { forms: TruthForm[] };
    const { document } = await extractDocument(new Uint8Array(readFileSync(path.join(dir, `atushi-2024-${style}.pdf`))), `${style}.pdf`, { ocr: null });
    expect(document.forms.map(f => f.title)).toEqual(truth.forms.map(f => f.title));
    const wrong: string[] = [];
    truth.forms.forEach((tf, k) => {
      const got = document.forms[k]!.indicators.map(i => [i.level1, i.level2, i.name, i.target, i.basis, i.weight === null ? '' : String(i.weight)].map(squash));
      const want = truthIndicators(tf);
      if (got.length !== want.length) wrong.push(`form ${k + 1}: ${got.length} indicators, not ${want.length}`);
      else want.forEach((w, i) => { if (JSON.stringify(got[i]) !== JSON.stringify(w)) wrong.push(`form ${k + 1} #${i + 1}`); });
    });
    expect(wrong).toEqual([]);
    const project = document.forms.filter(f => f.kind === 'project');
    expect(project.map(f => squash(f.project.name))).toEqual(truth.forms.slice(1).map(f => squash(f.rows[1]![1]!)));
  }, 120_000);
});

describe('checks on the seed disclosure', () => {
  it('fails the 整体 form\'s weights (5 × 18 = 90) and its staff figures against the text', async () => {
    const { document } = await extractDocument(new Uint8Array(readFileSync(path.join(dir, 'atushi-2024-grid.pdf'))), 'grid.pdf', { ocr: null });
    const unit = document.forms.find(f => f.kind === 'unit')!;
    expect(unit.indicators.map(i => i.weight)).toEqual([18, 18, 18, 18, 18]);
    const weights = document.checks.filter(c => c.rule === 'form_weights' && c.status === 'fail');
    expect(weights.map(c => c.actual)).toEqual([90]);
    const staff = document.checks.filter(c => c.rule === 'form_staff' && c.status === 'fail');
    expect(staff.map(c => [c.column, c.actual, c.expected])).toEqual(expect.arrayContaining([['编制数', 71, 74], ['实有人数', 95, 98]]));
    expect(document.checks.filter(c => c.rule === 'form_funds').every(c => c.status === 'pass')).toBe(true);
    expect(document.checks.filter(c => c.rule === 'form_project_funds' && c.status === 'pass').length).toBeGreaterThan(0);
  }, 120_000);
});

/** A 绩效目标表 piece as the layout hands it over. */
const piece = (pages: number[], paths: string[][], rows: [number, string[]][]): Table => ({
  number: null, title: '项目支出绩效目标表', org: null, type: 'performance_target', unit: '万元', pages, note: null,
  columns: paths.map((path, index) => ({ index, path, role: 'text' as const })), rows: rows.map(([page, cells], index) => ({ index, page, cells, records: [] })),
});

const summary = (forms: PerformanceForm[]) => forms.map(f => ({
  name: f.project.name, code: f.project.code, total: f.funds.total, goals: f.goals,
  indicators: f.indicators.map(i => [i.level1, i.level2, i.name, i.comparator, i.value, i.value_unit]),
}));

describe('a one-line-per-indicator table continued over a page break', () => {
  const header = [['项目名称'], ['项目总额'], ['其中：', '财政资金'], ['绩效目标'], ['一级指标'], ['二级指标'], ['三级指标'], ['绩效指标性质'], ['本年绩效指标值'], ['绩效度量单位']];
  const ind = (l1: string, l2: string, name: string, cmp: string, v: string, u: string) => [l1, l2, name, cmp, v, u];
  // Project A's band (rows 0–5) is centred on rows 2–3; project B's band runs from page 1 onto page 2.
  const page1: [number, string[]][] = [
    [1, ['', '', '', '', ...ind('产出指标', '数量指标', '考试场数', '≤', '26', '家')]],
    [1, ['', '', '', '保障考试', ...ind('产出指标', '质量指标', '达标率', '＝', '100', '%')]],
    [1, ['11000021T00000012', '', '', '公平公正。', ...ind('效益指标', '社会效益指标', '保障率', '＝', '100', '%')]],
    [1, ['2127-购买考试服务', '50.000000', '50.000000', '', ...ind('满意度指标', '服务对象满意度指标', '满意度', '≥', '90', '%')]],
    [1, ['', '', '', '', ...ind('成本指标', '经济成本指标', '科目一支出', '≤', '20', '万元')]],
    [1, ['', '', '', '', ...ind('成本指标', '经济成本指标', '科目二支出', '≤', '30', '万元')]],
    [1, ['', '', '', '更新老旧车辆，', ...ind('产出指标', '数量指标', '采购数量', '≤', '145', '辆')]],
    [1, ['11000021Y00000039', '', '', '改善执勤执法', ...ind('产出指标', '质量指标', '合格率', '＝', '100', '%')]],
    [1, ['0848-公务用车购置', '80.000000', '80.000000', '条件。', ...ind('效益指标', '生态效益指标', '降低高排放比例', '≥', '10', '%')]],
  ];
  const page2: [number, string[]][] = [
    [2, ['', '', '', '', ...ind('满意度指标', '服务对象满意度指标', '民警满意度', '≥', '99', '%')]],
  ];
  const bandB = { name: '公务用车购置', code: '11000021Y00000039 0848', total: 80 };

  it('gives one form per project whether the layout joined the pages or not', () => {
    const joined = readForms([piece([1, 2], header, [...page1, ...page2])]);
    const split = readForms([piece([1], header, page1), piece([2], header, page2)]);
    expect(summary(split)).toEqual(summary(joined));
    expect(joined.map(f => [f.project.name, f.project.code, f.funds.total, f.indicators.length])).toEqual([
      ['购买考试服务', '11000021T00000012 2127', 50, 6], [bandB.name, bandB.code, bandB.total, 4]]);
    expect(joined[1]!.pages).toEqual([1, 2]);
    expect(joined[0]!.indicators[0]).toMatchObject({ level1: '产出指标', name: '考试场数', target: '≤26家', comparator: '≤', value: 26, value_unit: '家' });
  });
});

describe('a key–value form continued over a page break', () => {
  const head = [['预算单位', '项目名称'], ['财政局', '办公经费'], ['财政局', '项目负责人'], ['财政局', '张三']];
  const grid = (page: number, rows: string[][]) => rows.map((cells): [number, string[]] => [page, cells]);
  const top = grid(1, [
    ['项目资金（万元）', '年度预算总额：', '10.00', '其中：财政拨款', '10.00', '其他资金：', '0.00'],
    ['项目总体目标', '保障办公。', '', '', '', '', ''],
    ['一级指标', '二级指标', '三级指标', '指标值', '指标值设置依据', '指标分值权重', ''],
    ['', '数量指标', '采购批次', '>=4 次', '计划标准', '30', ''],
    ['产出指', '', '验收合格率', '=100%', '计划标准', '30', ''],
    ['标', '质量指标', '资金合规率', '=100%', '计划标准', '20', ''],
  ]);
  const rest = grid(2, [['满意度指标', '满意度指标', '职工满意度', '≥95%', '计划标准', '20', '']]);
  const kv = (pages: number[], rows: [number, string[]][], withHead: boolean): Table =>
    piece(pages, withHead ? head.map(h => h) : [[], [], [], [], [], [], []], rows);

  it('is one form with its merged labels spread over their rows', () => {
    const joined = readForms([{ ...kv([1, 2], [...top, ...rest], true), columns: [...kv([1], [], true).columns, ...[4, 5, 6].map(index => ({ index, path: ['财政局', '张三'], role: 'text' as const }))] }]);
    const split = readForms([
      { ...kv([1], top, true), columns: [...kv([1], [], true).columns, ...[4, 5, 6].map(index => ({ index, path: ['财政局', '张三'], role: 'text' as const }))] },
      kv([2], rest, false),
    ]);
    expect(summary(split)).toEqual(summary(joined));
    expect(joined).toHaveLength(1);
    const [form] = joined;
    expect(form!.project.name).toBe('办公经费');
    expect(form!.funds).toMatchObject({ total: 10, sources: [{ source: '财政拨款', amount: 10 }, { source: '其他资金', amount: 0 }] });
    expect(form!.indicators.map(i => [i.level1, i.level2, i.name, i.weight])).toEqual([
      ['产出指标', '数量指标', '采购批次', 30], ['产出指标', '质量指标', '验收合格率', 30], ['产出指标', '质量指标', '资金合规率', 20],
      ['满意度指标', '满意度指标', '职工满意度', 20]]);
  });
});

describe('a table with one line per project and its indicators listed in one cell', () => {
  const header = [['项目名称（资金使用单位）'], ['总计：'], ['财政拨款'], ['其他资金'], ['绩效目标'], ['绩效指标']];
  const list = '1.1－产出指标，11－数量指标，项目专职环保员数量；实施周期指标值：≦核定人数，年度指标值：≦核定人数；' +
    '2、1－产出指标，12－质量指标，专职环保员队伍管理规范化；实施周期指标值：考察是否符合规范，合规得满分。年度指标值：是；' +
    '1、2－效益指标，22－社会效益，环保信访投诉办结率；实施周期指标值：≥90%，年度指标值：≥90%;';
  // The second project's line is taller than the others: its cells wrap over three rebuilt rows.
  const rows: [number, string[]][] = [
    [1, ['合计：', '1,000.00', '900.00', '100.00', '', '']],
    [1, ['广州市生态环境局', '1,000.00', '900.00', '100.00', '', '']],
    [1, ['环保监督检查员经费（越秀区）', '238.00', '238.00', '', '强化基层环保监管。', list]],
    [1, ['', '', '', '', '', list.slice(0, 60)]],
    [1, ['环保监督检查员经费', '762.00', '662.00', '100.00', '健全环保监管体制。', list.slice(60, 120)]],
    [1, ['（海珠区）', '', '', '', '', list.slice(120)]],
  ];
  it('gives one form per project with every listed indicator', () => {
    const forms = readForms([{ ...piece([1], header, rows), title: '项目支出绩效目标表' }]);
    expect(forms.map(f => [f.project.name, f.project.department, f.funds.total, f.funds.sources.length, f.indicators.length])).toEqual([
      ['环保监督检查员经费（越秀区）', '广州市生态环境局', 238, 1, 3], ['环保监督检查员经费（海珠区）', '广州市生态环境局', 762, 2, 3]]);
    expect(forms[1]!.indicators.map(i => [i.level1, i.level2, i.name, i.target, i.comparator, i.value, i.period_target])).toEqual([
      ['产出指标', '数量指标', '项目专职环保员数量', '≦核定人数', null, null, '≦核定人数'],
      ['产出指标', '质量指标', '专职环保员队伍管理规范化', '是', '定性', null, '考察是否符合规范，合规得满分'],
      ['效益指标', '社会效益', '环保信访投诉办结率', '≥90%', '≥', 90, '≥90%']]);
  });
});

describe('the Guangzhou project-target table (one line per project, continued page after page)', () => {
  // Pages 19–22 of the 140-page table: the project 广州市全运会大气环境综合整治工作研究 runs from page 20 onto 21.
  let pieces: Table[];
  beforeAll(async () => {
    const { PDFDocument } = await import('pdf-lib');
    const whole = await PDFDocument.load(readFileSync(path.join(dir, 'wild', 'guangzhou-ecology-environment-2026-project-performance-targets.pdf')));
    const part = await PDFDocument.create();
    for (const page of await part.copyPages(whole, [18, 19, 20, 21])) part.addPage(page);
    const { document } = await extractDocument(await part.save(), 'guangzhou-part.pdf', { ocr: null });
    pieces = document.tables.filter(t => t.type === 'performance_target');
  }, 240_000);

  it('gives one form per project whether its pages arrive as pieces or as one table', () => {
    const asPieces = readForms(pieces);
    const joined: Table = { ...pieces[0]!, pages: pieces.flatMap(p => p.pages), rows: pieces.flatMap(p => p.rows) };
    expect(summary(readForms([joined]))).toEqual(summary(asPieces));
    const spanning = asPieces.find(f => f.project.name === '广州市全运会大气环境综合整治工作研究')!;
    expect(spanning.pages).toEqual([2, 3]);
    expect(spanning.indicators.length).toBe(11);
    expect(asPieces.every(f => f.indicators.length > 0 && f.funds.total !== null)).toBe(true);
    expect(new Set(asPieces.map(f => `${f.project.department}|${f.project.name}`)).size).toBe(asPieces.length);
  });
});

describe('a unit-wide form whose 绩效指标 cell prints all three levels', () => {
  it('splits the levels and reads 指标性质 beside the value', () => {
    const table: Table = {
      ...piece([60], [['部门名称'], ...Array.from({ length: 8 }, () => ['交通管理局'])], [
        [60, ['', '整体绩效目标', '', '', '保障道路交通安全畅通。', '', '', '', '']],
        [60, ['', '活动', '', '绩效指标', '', '指标性质', '', '指标值', '度量单位']],
        [60, ['', '秩序管理', '', '产出指标数量指标信号灯设置工作完成率', '', '≥', '95', '', '%']],
        [60, ['', '宣传', '', '效益指标社会效益指标扩大宣传覆盖面', '', '定性', '优', '', '']],
      ]),
      title: '部门整体支出绩效目标表',
    };
    const [form] = readForms([table]);
    expect(form!.kind).toBe('unit');
    expect(form!.project.department).toBe('交通管理局');
    expect(form!.goals).toEqual(['保障道路交通安全畅通。']);
    expect(form!.indicators.map(i => [i.level1, i.level2, i.name, i.target, i.comparator, i.value, i.value_unit])).toEqual([
      ['产出指标', '数量指标', '信号灯设置工作完成率', '≥95%', '≥', 95, '%'],
      ['效益指标', '社会效益指标', '扩大宣传覆盖面', '优', '定性', null, null]]);
  });
});

describe('a key–value form with funds by 上级安排 / 本级安排', () => {
  it('reads each source and checks them against the total', () => {
    const rows: [number, string[]][] = [
      [1, ['项目名称', '乡村道路养护', '主管部门', '交通运输局', '', '']],
      [1, ['项目资金（万元）', '年度资金总额', '100.00', '其中：上级安排', '60.00', '']],
      [1, ['', '本级安排', '40.00', '', '', '']],
      [1, ['年度目标', '完成道路养护 50 公里。', '', '', '', '']],
      [1, ['一级指标', '二级指标', '三级指标', '指标值', '指标值设定依据', '分值']],
      [1, ['产出指标', '数量指标', '养护里程', '≥50 公里', '年度计划', '100']],
    ];
    const [form] = readForms([piece([1], [[], [], [], [], [], []], rows)]);
    expect(form!.project).toEqual({ name: '乡村道路养护', code: null, department: '交通运输局' });
    expect(form!.funds).toMatchObject({ total: 100, sources: [{ source: '上级安排', amount: 60 }, { source: '本级安排', amount: 40 }] });
    expect(form!.indicators.map(i => [i.name, i.comparator, i.value, i.basis, i.weight])).toEqual([['养护里程', '≥', 50, '年度计划', 100]]);
  });
});

describe('a 整体 form printed as one table, the unit and its funds as columns beside the indicators', () => {
  it('takes the unit and the funds from the line that prints them', () => {
    const paths = [['单位编码'], ['单位名称'], ['年度预算申请', '资金总额'], ['年度预算申请', '按收入性质分', '一般公共预算'],
      ['年度预算申请', '按收入性质分', '其他资金'], ['年度预算申请', '按支出性质分', '基本支出'], ['整体绩效目标'],
      ['年度绩效目标', '一级指标'], ['年度绩效目标', '二级指标'], ['年度绩效目标', '三级指标'], ['年度绩效目标', '指标值类型'], ['年度绩效目标', '指标值'], ['年度绩效目标', '度量单位']];
    const rows: [number, string[]][] = [
      [30, ['', '', '', '', '', '', '', '产出指标', '数量指标', '接待走访群众数量', '≥', '3000', '人次']],
      [30, ['126001', '某市信访局', '1,935.36', '1,900.00', '35.36', '1,517.95', '做好接访。', '产出指标', '质量指标', '按期答复率', '≥', '95', '%']],
    ];
    const [form] = readForms([{ ...piece([30], paths, rows), title: '部门整体支出绩效目标表' }]);
    expect(form!.kind).toBe('unit');
    expect(form!.project.department).toBe('某市信访局');
    expect(form!.funds).toMatchObject({ total: 1935.36, sources: [{ source: '一般公共预算', amount: 1900 }, { source: '其他资金', amount: 35.36 }] });
    expect(form!.indicators.map(i => [i.name, i.comparator, i.value])).toEqual([['接待走访群众数量', '≥', 3000], ['按期答复率', '≥', 95]]);
  });
});

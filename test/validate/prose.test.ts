import { describe, expect, it } from 'vitest';
import { validateDocument, checkOutputJson, type ProseLine } from '../../src/validate/index.js';
import { mentions, paragraphs } from '../../src/validate/prose/parse.js';
import { expenditureTable, fails, makeDoc, passes } from './fixtures.js';

const lines = (...t: string[]): ProseLine[] => t.map((text) => ({ page: 20, text }));
const prose = (doc: ReturnType<typeof makeDoc>, p: ProseLine[]) => validateDocument(doc, p).filter((c) => c.rule.startsWith('prose'));

describe('prose parsing', () => {
  it('joins wrapped lines and keeps headings apart', () => {
    const ps = paragraphs(lines('三、关于支出预算情况说明', '支出预算 35.00 万元，其', '中：基本支出 25.00 万元。'));
    expect(ps.map((p) => p.text)).toEqual(['三、关于支出预算情况说明', '支出预算 35.00 万元，其中：基本支出 25.00 万元。']);
  });
  it('reads amounts and percentages with the words before them', () => {
    const [p] = paragraphs(lines('一般公共预算 3,212.19 万元，占 92.26%，比上年预算减少 795.34 万元，下降 19.85%。'));
    expect(mentions(p!).map((m) => [m.kind, m.label, m.value, m.decimals])).toEqual([
      ['amount', '一般公共预算', 32_121_900_00, 2], ['percent', '占', 9226, 2],
      ['amount', '比上年预算减少', 7_953_400_00, 2], ['percent', '下降', 1985, 2]]);
  });
});

describe('prose_figure: a stated figure equals the table figure its words name', () => {
  const doc = makeDoc([expenditureTable()]);
  it('passes "支出预算 35.00 万元" and "基本支出 25.00 万元" against the expenditure table', () => {
    const c = prose(doc, lines('三、支出预算情况', '支出预算 35.00 万元，其中：', '基本支出 25.00 万元，占 71.43%。'));
    expect(fails(c)).toEqual([]);
    expect(passes(c).map((x) => x.rule).sort()).toEqual(['prose_figure', 'prose_figure', 'prose_share']);
  });
  it('fails a figure that differs from the table by a cent, naming the table', () => {
    const c = prose(doc, lines('项目支出 10.01 万元。'));
    expect(fails(c)).toMatchObject([{ rule: 'prose_figure', table: '表3', row: 7, expected: 10, actual: 10.01 }]);
  });
  it('accepts a 元 figure restating a 万元 table to the printed precision', () => {
    expect(fails(prose(doc, lines('基本支出 250,000 元。')))).toEqual([]);
  });
  it('does not tie words it does not know', () => {
    expect(prose(doc, lines('政府采购预算 12.00 万元。'))).toEqual([]);
  });
});

describe('prose_share and prose_change: internal consistency', () => {
  const doc = makeDoc([expenditureTable()]);
  it('fails a share that is not part ÷ whole at the printed precision', () => {
    const c = prose(doc, lines('支出预算 35.00 万元，其中：', '基本支出 25.00 万元，占 71.42%。'));
    expect(fails(c)).toMatchObject([{ rule: 'prose_share', expected: 71.43, actual: 71.42 }]);
  });
  it('passes a consistent change and fails an inconsistent one', () => {
    const ok = prose(doc, lines('基本支出 25.00 万元，比上年减少 5.00 万元，下降 16.67%。'));
    expect(fails(ok)).toEqual([]);
    expect(passes(ok).map((c) => c.rule)).toContain('prose_change');
    const bad = prose(doc, lines('基本支出 25.00 万元，比上年减少 5.00 万元，下降 20.00%。'));
    expect(fails(bad)).toMatchObject([{ rule: 'prose_change', expected: 16.67, actual: 20 }]);
  });
  it('measures the rate from the figure compared with when it is printed ("比2025年年初预算数 X 万元增加…")', () => {
    // 2.70% of 99,003.18 (the printed base), not of 99,003.18 − 2,669.85 (the base taken for this year's figure)
    const said = (rate: string) => prose(doc, lines(`2026年支出预算101,673.03万元，比2025年年初预算数99,003.18万元增加2,669.85万元，增长${rate}。`))
      .filter((c) => c.rule === 'prose_change');
    expect(said('2.70%').map((c) => c.status)).toEqual(['pass']);
    expect(said('2.77%')).toMatchObject([{ status: 'fail', expected: 2.7, actual: 2.77 }]);
  });
  it('skips growth from nothing ("增长 100%")', () => {
    expect(prose(doc, lines('项目支出 10.00 万元，比上年增加 10.00 万元，增长 100.00%。')).filter((c) => c.rule === 'prose_change')).toEqual([]);
  });
});

describe('checkOutputJson', () => {
  it('reports schema issues instead of throwing', () => {
    const r = checkOutputJson({ schema_version: 2 });
    expect(r.ok).toBe(false);
    expect(r.schemaIssues.length).toBeGreaterThan(0);
  });
  it('re-runs the table rules on a valid document and skips prose', () => {
    const r = checkOutputJson(JSON.parse(JSON.stringify(makeDoc([expenditureTable({ total: 36 })]))));
    expect(r.schemaIssues).toEqual([]);
    expect(r.ok).toBe(false);
    expect(r.checks.find((c) => c.rule === 'prose')?.status).toBe('skip');
  });
});

describe('prose on pages read by OCR', () => {
  const scanned = () => { const d = makeDoc([expenditureTable()]); d.pages = [{ number: 20, text_source: 'ocr' }]; return d; };
  it('skips, with the reason, a check whose figure OCR cut in two ("8.35" read as "8 35")', () => {
    const c = prose(scanned(), lines('基本支出 25.00 万元，比上年减少8 35万元，下降9.44%。'));
    expect(fails(c)).toEqual([]);
    expect(c.find((x) => x.rule === 'prose_change')).toMatchObject({ status: 'skip' });
    expect(c.find((x) => x.rule === 'prose_change')!.message).toMatch(/cut in two/);
  });
  it('skips a check on a percentage with more decimals than printed ("1.549%")', () => {
    const c = prose(scanned(), lines('基本支出 25.00 万元，比上年减少 5.00 万元，下降16.669%。'));
    expect(c.find((x) => x.rule === 'prose_change')).toMatchObject({ status: 'skip' });
  });
  it('still checks well-formed figures on OCR pages, and the same text from a text layer as before', () => {
    expect(fails(prose(scanned(), lines('基本支出 25.00 万元，比上年减少 5.00 万元，下降 20.00%。')))).toHaveLength(1);
    const printed = makeDoc([expenditureTable()]);
    expect(fails(prose(printed, lines('基本支出 25.00 万元，比上年减少8 35万元，下降9.44%。'))).length).toBeGreaterThan(0);
  });
});

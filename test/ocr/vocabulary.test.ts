import { describe, expect, it } from 'vitest';
import { correctRuns, correctTerms } from '../../src/ocr/vocabulary.js';

describe('correctTerms', () => {
  it.each([
    ['2025年部门财务收文预算总表', '2025年部门财务收支预算总表'],
    ['一般公共预算基本文出情况表', '一般公共预算基本支出情况表'],
    ['财政拨殖收文预算总表', '财政拨款收支预算总表'],
    ['功能分类科目编吗', '功能分类科目编码'],
    ['2024年财政拨款收支预算总表情况表', '2024年财政拨款收支预算总体情况表'],
  ])('%s → %s, with the edit recorded', (read, fixed) => {
    const r = correctTerms(read);
    expect(r.text).toBe(fixed);
    expect(r.edits.length).toBeGreaterThan(0);
    expect(r.edits.every(e => fixed.includes(e.to))).toBe(true);
  });
  it('leaves exact phrases, figures, short words and unknown text alone', () => {
    for (const t of ['部门财务收支预算总表', '1,234.56', '合计', '阿图什市人民政府办公室', '行政运行', '事业单位经营支出', '其他支出', '本年支出合计']) {
      expect(correctTerms(t)).toEqual({ text: t, edits: [] });
    }
  });
  it('does not choose between two phrases the reading is equally near', () => {
    // 公务用车购置费 / 公务用车运行费: "公务用车X置费"… only one differs by one glyph here, so it is taken;
    // "公务用车某某费" is two glyphs from both and short: left alone.
    expect(correctTerms('公务用车购罝费').text).toBe('公务用车购置费');
    expect(correctTerms('公务用车某某费').edits).toEqual([]);
  });
  it('settles a tie between two phrases by the look-alike read, and only by it', () => {
    // 收文预算总表 is one glyph from 收支预算总表 and from 收入预算总表; 文 is what 支 is read as, not 入.
    expect(correctTerms('收文预算总表')).toEqual({ text: '收支预算总表', edits: [{ from: '收文预算总表', to: '收支预算总表' }] });
    // 收某预算总表 is as near both, through no look-alike: left alone.
    expect(correctTerms('收某预算总表').edits).toEqual([]);
  });
  it('drops a speck read as a mark inside a phrase, and only there', () => {
    expect(correctTerms('本年:收入')).toEqual({ text: '本年收入', edits: [{ from: '本年:收入', to: '本年收入' }] });
    expect(correctTerms('上年结转·结余').text).toBe('上年结转结余');
    // a mark the text prints: no phrase runs across it
    for (const t of ['其中：动用上年结转和结余资金', '一、一般公共服务支出', '1.一般公共预算资金']) expect(correctTerms(t).text).toBe(t);
  });
  it('leaves a summary row name printed right alone', () => {
    // Row names are settled whole (validate/ocrLabels), never as a phrase inside a longer name.
    expect(correctTerms('一、一般公共预算财政拨款收入').edits).toEqual([]);
  });
});

describe('correctRuns', () => {
  const run = (text: string, x0: number, x1: number, top = 136, bottom = 147) => ({ text, x0, x1, top, bottom, fontSize: 11, fontName: 'ocr', confidence: 90 });
  it('joins a phrase split at a speck read as a mark into two runs of one line, with the edit recorded', () => {
    const r = correctRuns([run('本年', 215, 237, 135, 151), run(':收入', 234, 261), run('本年支出', 576, 621)]);
    expect(r.runs.map(x => x.text)).toEqual(['本年收入', '本年支出']);
    expect(r.runs[0]).toMatchObject({ x0: 215, x1: 261, top: 135, bottom: 151, confidence: 90 });
    expect(r.edits).toEqual([{ from: '本年:收入', to: '本年收入' }]);
  });
  it('leaves runs apart: far from each other, on other lines, or with no phrase across the mark', () => {
    for (const runs of [
      [run('本年', 215, 237), run(':收入', 300, 330)],
      [run('本年', 215, 237, 100, 111), run(':收入', 234, 261)],
      [run('其中', 215, 237), run('：人员经费', 238, 290)],
    ]) expect(correctRuns(runs)).toEqual({ runs, edits: [] });
  });
  it('corrects a phrase wrapped over two lines of its cell, across the wrap', () => {
    // "一般公共预算资" over "金": the two lines together are one glyph from a known header name.
    const r = correctRuns([run('一般公共预算次', 151, 194, 125, 133), run('金', 170, 175, 134, 141)]);
    expect(r.runs.map(x => x.text)).toEqual(['一般公共预算资', '金']);
    expect(r.edits).toEqual([{ from: '一般公共预算次金', to: '一般公共预算资金' }]);
    // A vocabulary phrase running across the wrap is corrected in the upper line.
    expect(correctRuns([run('财政专户管', 100, 140, 125, 133), run('理资金', 110, 130, 134, 141)]).runs.map(x => x.text)).toEqual(['财政专户管', '理资金']);
    expect(correctRuns([run('财政专户营', 100, 140, 125, 133), run('理资金', 110, 130, 134, 141)]).runs.map(x => x.text)).toEqual(['财政专户管', '理资金']);
  });
  it('leaves lines apart that are not one cell, or not near a known name', () => {
    for (const runs of [
      [run('一般公共预算次', 151, 194, 125, 133), run('金', 250, 255, 134, 141)],
      [run('一般公共预算次', 151, 194, 125, 133), run('金', 170, 175, 160, 167)],
      [run('其他交通费用', 151, 194, 125, 133), run('支出', 170, 180, 134, 141)],
    ]) expect(correctRuns(runs)).toEqual({ runs, edits: [] });
  });
});

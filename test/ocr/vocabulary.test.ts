import { describe, expect, it } from 'vitest';
import { correctTerms } from '../../src/ocr/vocabulary.js';

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
});

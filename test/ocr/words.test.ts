import { describe, expect, it } from 'vitest';
import type { Segment } from '../../src/ocr/lines.js';
import type { TextRun } from '../../src/model/page.js';
import { DEFAULT_WORD_SETTINGS, joinWords, linesToRuns, mergeDoubleReads, repairCjkText, repairNumber, restoreThousands, type OcrWord } from '../../src/ocr/words.js';

const PX_PER_PT = 2; // 144 dpi: easy arithmetic
const word = (text: string, x0: number, x1: number, top = 100, bottom = 120, confidence = 90): OcrWord => ({ text, x0, x1, top, bottom, confidence });
const vRule = (x: number, start = 0, end = 1000): Segment => ({ orientation: 'v', start, end, across: x, thickness: 2, sideInk: 0, slope: 0, runs: [] });

describe('joinWords', () => {
  it('drops the spaces tesseract puts between CJK characters', () => {
    expect(joinWords([word('一', 0, 20), word('般', 22, 42), word('公共', 44, 84)], DEFAULT_WORD_SETTINGS)).toBe('一般公共');
  });
  it('keeps a visible space between Latin or digit words, not a tiny gap', () => {
    const s = DEFAULT_WORD_SETTINGS;
    expect(joinWords([word('2024', 0, 40), word('年', 50, 70)], s)).toBe('2024年');
    expect(joinWords([word('3,385', 0, 50), word('.08', 51, 70)], s)).toBe('3,385.08');
    expect(joinWords([word('total', 0, 50), word('sum', 70, 100)], s)).toBe('total sum');
  });
});

describe('repairNumber', () => {
  it.each([
    ['工,618.40', '1,618.40'],
    ['2.869.77', '2,869.77'],
    ['2,.869.77', '2,869.77'],
    ['869,77', '869.77'],
    ['1],244.59', '1,244.59'],
    ['14，820', '14,820'],
    ['820．00', '820.00'],
    ['1O5.20', '105.20'],
    [']1', '11'],
    ['1.S12.04', '1,512.04'],
    ['128,148.S6', '128,148.56'],
    ['11.791.S0', '11,791.50'],
  ])('%s → %s', (raw, fixed) => expect(repairNumber(raw)).toBe(fixed));
  it.each(['行政运行', '2024', '3,045.16', '0.5', '工资', '5S,932.26', 'S01', 'GDP'])('leaves %s alone', t => expect(repairNumber(t)).toBe(t));
});

describe('repairCjkText', () => {
  it.each([
    ['-般公共服务支出', '一般公共服务支出'],
    ['1.-般公共预算拨款', '1.一般公共预算拨款'],
    ['政府办公厅〈室)及相关机构事务', '政府办公厅（室）及相关机构事务'],
    ['财政拨款(补助)', '财政拨款（补助）'],
    ['其他政府办公厅《(室)', '其他政府办公厅（室）'],
    ['其中:一般财力', '其中：一般财力'],
  ])('%s → %s', (raw, fixed) => expect(repairCjkText(raw)).toBe(fixed));
  it.each(['-12.50', '(12.50)', '3,045.16', 'OBD', '2024-12', '《关于加强管理》'])('leaves %s alone', t => expect(repairCjkText(t)).toBe(t));
});

describe('restoreThousands', () => {
  const run = (text: string) => ({ text, x0: 0, top: 0, x1: 1, bottom: 1, fontSize: 1, fontName: 'ocr' });
  it('regroups amounts that lost their commas when the page groups amounts', () => {
    expect(restoreThousands([run('3,045.16'), run('1902.40'), run('2024'), run('201')]).map(r => r.text)).toEqual(['3,045.16', '1,902.40', '2024', '201']);
  });
  it('puts back the commas an amount lost where those it kept stand every three digits', () => {
    expect(restoreThousands([run('3,045.16'), run('1554,220.00'), run('1763, 159.52'), run('1,2345.67'), run('2 664. 22')]).map(r => r.text))
      .toEqual(['3,045.16', '1,554,220.00', '1,763,159.52', '1,2345.67', '2 664. 22']);
  });
  it('leaves pages that print amounts without commas alone', () => {
    expect(restoreThousands([run('1902.40')]).map(r => r.text)).toEqual(['1902.40']);
  });
});

describe('linesToRuns', () => {
  it('splits a recognised line at vertical rules and converts pixels to points', () => {
    const line = { words: [word('3,385.08', 10, 90), word('201', 110, 140), word('一', 150, 170), word('般', 172, 192)] };
    const runs = linesToRuns([line], [vRule(100)], PX_PER_PT);
    expect(runs.map(r => r.text)).toEqual(['3,385.08', '201一般']);
    expect(runs[0]).toMatchObject({ x0: 5, x1: 45, top: 50, bottom: 60, fontName: 'ocr' });
  });
  it("splits at a rule a word's box reaches a little past (ink bled into the erased rule)", () => {
    // "32,852.053832" printed against the rule at x 100 (50 pt), its box ending 1.5 pt past it
    const line = { words: [word('32,852.053832', 20, 103), word('32,380.090089', 108, 190)] };
    expect(linesToRuns([line], [vRule(100)], PX_PER_PT).map(r => r.text)).toEqual(['32,852.053832', '32,380.090089']);
  });
  it('splits at wide gaps (open tables) but not at a rule that does not reach the line', () => {
    const line = { words: [word('收入', 10, 50), word('预算数', 200, 260), word('合计', 262, 300)] };
    const runs = linesToRuns([line], [vRule(255, 500, 900)], PX_PER_PT);
    expect(runs.map(r => r.text)).toEqual(['收入', '预算数合计']);
  });
  it('drops low-confidence specks without letters or digits', () => {
    const line = { words: [word('|', 0, 4, 100, 120, 30), word('94.12', 10, 50)] };
    expect(linesToRuns([line], [], PX_PER_PT).map(r => r.text)).toEqual(['94.12']);
  });
});

describe('mergeDoubleReads', () => {
  const run = (text: string, x0: number, x1: number, top = 300): TextRun => ({ text, x0, x1, top, bottom: top + 16, fontSize: 16, fontName: 'ocr', confidence: 90 });
  it('reads glyphs read twice by two overlapping readings once', () => {
    // 一般公共预算资金 printed at 297–432: one reading saw 一般公共, another 公共预算资金 from 333.
    const merged = mergeDoubleReads([run('一般公共', 297, 363), run('公共预算资金', 333, 432), run('小计', 464, 497)]);
    expect(merged.map(r => [r.text, r.x0, r.x1])).toEqual([['一般公共预算资金', 297, 432], ['小计', 464, 497]]);
  });
  it('leaves apart runs that do not overlap, overlap on other lines, or share no glyphs where they overlap', () => {
    const apart = [run('公共财政', 100, 164), run('财政拨款', 170, 234)];
    expect(mergeDoubleReads(apart)).toEqual(apart);
    const lines = [run('一般公共', 297, 363), run('公共预算资金', 333, 432, 340)];
    expect(mergeDoubleReads(lines)).toEqual(lines);
    const different = [run('一般公共', 297, 363), run('财政预算资金', 333, 432)];
    expect(mergeDoubleReads(different)).toEqual(different);
    const figures = [run('1,902.40', 100, 140), run('40', 135, 150)];
    expect(mergeDoubleReads(figures)).toEqual(figures);
  });
});

import { describe, expect, it } from 'vitest';
import { openColumns } from '../../src/layout/columns.js';
import { toParagraphs } from '../../src/layout/paragraphs.js';
import { DEFAULT_LAYOUT } from '../../src/layout/settings.js';
import { toLines } from '../../src/layout/textLines.js';
import type { TextRun } from '../../src/model/page.js';

const run = (text: string, x0: number, top: number, width?: number, size = 10): TextRun =>
  ({ text, x0, x1: x0 + (width ?? size * [...text].length), top, bottom: top + size, fontSize: size, fontName: 'f' });

describe('columns of a table without vertical rules', () => {
  it('fall in the white gaps of the body, not across a wide header label', () => {
    const body = [
      run('201', 50, 100, 20), run('一般公共服务支出', 80, 100), run('3,045.16', 200, 100, 40), run('967.37', 270, 100, 30),
      run('208', 50, 120, 20), run('社会保障和就业支出', 80, 120), run('142.31', 210, 120, 30), run('142.31', 270, 120, 30),
    ];
    // "一般公共预算基本支出" is wider than its column and would bridge the gap between the two figure columns.
    const header = [run('科目', 50, 60, 20), run('一般公共预算基本支出', 190, 60, 120)];
    const xs = openColumns(body, header);
    expect(xs).toHaveLength(5);
    const columnOf = (x: number): number => xs.findIndex((v, i) => x >= v && x < xs[i + 1]);
    expect(columnOf(205)).toBe(2);
    expect(columnOf(285)).toBe(3);
  });

  it('split a run that holds an amount and the next cell ("3,385.08 201 一般公共服务支出")', () => {
    const body = [run('一、本年收入', 50, 100), run('3,385.08 201 一般公共服务支出', 130, 100, 170), run('3,045.16', 330, 100, 40),
      run('1.一般公共预算拨款', 50, 120, 70), run('3,212.19', 130, 120, 40), run('202 外交支出', 180, 120, 60)];
    expect(openColumns(body, [])).toHaveLength(5);
  });

  it('give an empty column its own slot from its header label, and attach a label to unlabelled figures on its right', () => {
    const body = [run('合计', 50, 100), run('228.80', 120, 100, 30)];
    const header = [run('项目', 50, 60, 20), run('合计', 100, 60, 18), run('政府性基金', 200, 60, 50)];
    const xs = openColumns(body, header);
    expect(xs).toHaveLength(4); // 项目 | 合计 (label + figures) | 政府性基金 (empty)
  });
});

describe('prose paragraphs', () => {
  it('join lines of one paragraph so a figure broken at the line end reads whole', () => {
    const lines = toLines([
      run('收入预算合计10,150.48万元，其中：一般公共预算收入10,', 80, 100, 400), run('070.48万元，占99.21%。', 60, 120, 160),
      run('二、支出预算情况说明', 80, 160, 100), run('- 9 -', 280, 800, 30),
    ], DEFAULT_LAYOUT);
    const paragraphs = toParagraphs(lines, 9, DEFAULT_LAYOUT).map(p => p.text);
    expect(paragraphs[0]).toContain('10,070.48万元');
    expect(paragraphs).toHaveLength(2);
  });
});

describe('text lines', () => {
  it('join runs that touch without a space and keep a space across a gap', () => {
    const [line] = toLines([run('5,', 100, 10, 10), run('678', 110, 10, 15), run('.17', 125, 10, 12), run('万元', 160, 10, 20)], DEFAULT_LAYOUT);
    expect(line.text).toBe('5,678.17 万元');
  });
});

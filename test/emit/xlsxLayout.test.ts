/** The pure parts of the workbook: header merges from column paths, and sheet names Excel accepts. */
import { describe, expect, it } from 'vitest';
import { headerLayout } from '../../src/emit/xlsx/headerLayout.js';
import { cleanSheetName, SheetNamer } from '../../src/emit/xlsx/sheetNames.js';

describe('headerLayout', () => {
  it('merges equal prefixes across adjacent columns and reaches shorter paths down to the last header row', () => {
    const { depth, blocks } = headerLayout([['科目', '编码', '类'], ['科目', '编码', '款'], ['科目', '名称'], ['合计'], ['支出', '基本'], ['支出', '项目']]);
    expect(depth).toBe(3);
    expect(blocks).toEqual([
      { text: '科目', top: 0, bottom: 0, left: 0, right: 2 }, { text: '合计', top: 0, bottom: 2, left: 3, right: 3 },
      { text: '支出', top: 0, bottom: 0, left: 4, right: 5 },
      { text: '编码', top: 1, bottom: 1, left: 0, right: 1 }, { text: '名称', top: 1, bottom: 2, left: 2, right: 2 },
      { text: '基本', top: 1, bottom: 2, left: 4, right: 4 }, { text: '项目', top: 1, bottom: 2, left: 5, right: 5 },
      { text: '类', top: 2, bottom: 2, left: 0, right: 0 }, { text: '款', top: 2, bottom: 2, left: 1, right: 1 },
    ]);
  });

  it('does not merge equal paths that are not adjacent, nor equal labels under different parents', () => {
    const { blocks } = headerLayout([['收入', '预算数'], ['支出', '预算数'], ['收入', '预算数']]);
    expect(blocks.filter(b => b.left !== b.right)).toEqual([]);
    expect(blocks).toHaveLength(6);
  });

  it('leaves header-less columns blank and still has one header row', () => {
    expect(headerLayout([[], []])).toEqual({ depth: 1, blocks: [] });
    expect(headerLayout([['项目'], []]).blocks).toEqual([{ text: '项目', top: 0, bottom: 0, left: 0, right: 0 }]);
  });

  it('keeps a block one row high when some columns under it go deeper', () => {
    expect(headerLayout([['合计'], ['合计', '小计']]).blocks).toEqual([
      { text: '合计', top: 0, bottom: 0, left: 0, right: 1 }, { text: '小计', top: 1, bottom: 1, left: 1, right: 1 },
    ]);
  });
});

describe('sheet names', () => {
  it("removes the characters Excel forbids and keeps within 31 characters", () => {
    expect(cleanSheetName('表1:收支/总表[2024]?*\\', 'x')).toBe('表1收支总表2024');
    expect(cleanSheetName("'公开04表'", 'x')).toBe('公开04表');
    expect(cleanSheetName('一般公共预算财政拨款基本支出经济分类情况表（按经济分类科目填列的明细）', 'x')).toHaveLength(31);
    expect(cleanSheetName('  ', '12 项目支出绩效目标表')).toBe('12 项目支出绩效目标表');
  });

  it('never splits a character outside the basic plane', () => {
    const name = cleanSheetName('𠀀'.repeat(20), 'x');
    expect(name.length).toBe(30);
    expect([...name].every(ch => ch === '𠀀')).toBe(true);
  });

  it('hands out unique names regardless of case, avoiding reserved ones', () => {
    const namer = new SheetNamer(['检查 checks']);
    expect(namer.take('表1', 'x')).toBe('表1');
    expect(namer.take('表1', 'x')).toBe('表1 (2)');
    expect(namer.take('表1', 'x')).toBe('表1 (3)');
    expect(namer.take('检查 CHECKS', 'x')).toBe('检查 CHECKS (2)');
    expect(namer.take('History', 'x')).toBe('History (2)');
    const long = 'A'.repeat(40);
    expect(namer.take(long, 'x')).toBe('A'.repeat(31));
    expect(namer.take(long, 'x')).toBe(`${'A'.repeat(27)} (2)`);
  });
});

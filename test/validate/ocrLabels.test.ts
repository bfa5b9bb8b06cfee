import { describe, expect, it } from 'vitest';
import { settleOcrLabels } from '../../src/validate/ocrLabels.js';
import { makeDoc, makeTable } from './fixtures.js';

const doc = (source: 'ocr' | 'pdf') => {
  const d = makeDoc([makeTable({ number: '表6', type: 'general_budget_basic', groups: [{ columns: ['合计'], rows: [
    { code: '220', name: '自然资源海详气象等支出', amounts: [5] },
    { code: '30220', name: '劳务费', amounts: [3] },
    { code: '30227', name: '委托业务费', amounts: [2] },
    { code: '30228', name: '某项自定费用', amounts: [1] },
  ] }] })]);
  d.pages = [{ number: 3, text_source: source }];
  return d;
};

/** The names of one column of OCR'd rows after settling. */
const settle = (names: string[]) => {
  const d = makeDoc([makeTable({ number: '表1', type: null, groups: [{ columns: ['金额'], rows: names.map(name => ({ name, amounts: [1] })) }] })]);
  d.pages = [{ number: 3, text_source: 'ocr' }];
  return settleOcrLabels(d).document.tables[0].rows.map(r => r.records[0].name);
};

describe('settleOcrLabels', () => {
  it('takes the registry name one glyph from the read one, and the code one digit away that carries the read name', () => {
    const { document, warnings } = settleOcrLabels(doc('ocr'));
    const recs = document.tables[0].rows.map(r => r.records[0]);
    expect(recs.map(r => [r.code, r.name])).toEqual([
      ['220', '自然资源海洋气象等支出'], ['30226', '劳务费'], ['30227', '委托业务费'], ['30228', '某项自定费用'],
    ]);
    expect(warnings).toHaveLength(2);
    expect(warnings[0].message).toContain('"自然资源海详气象等支出"');
    expect(warnings[1].message).toContain('30220');
  });
  it('never touches rows from a text layer', () => {
    const d = doc('pdf');
    expect(settleOcrLabels(d)).toEqual({ document: d, warnings: [] });
  });
  it('settles damaged ordinals by the rows around them, and names one glyph from a known name', () => {
    const d = makeDoc([makeTable({ number: '表1', type: null, groups: [
      { columns: ['收入'], rows: [{ name: '-、财政拨款', amounts: [9] }, { name: '1，一般公共预算', amounts: [9] }, { name: '二其他资金', amounts: [0] }, { name: '合计', amounts: [9] }] },
      { columns: ['支出'], rows: [{ name: '、基本支出', amounts: [5] }, { name: '二、项目支出', amounts: [4] }, { name: '一一一单位预留机动经费', amounts: [0] }, { name: '四、卫生健康文出', amounts: [9] }] },
    ] })]);
    d.pages = [{ number: 3, text_source: 'ocr' }];
    const { document, warnings } = settleOcrLabels(d);
    const names = (j: number) => document.tables[0].rows.map(r => r.records[j].name);
    // "1，" has no sibling in the arabic form to say which separator: a comma is never printed there, and
    // OCR reads a printed 、 as it is, so it was the point.
    expect(names(0)).toEqual(['一、财政拨款', '1.一般公共预算', '二、其他资金', '合计']);
    expect(names(1)).toEqual(['一、基本支出', '二、项目支出', '三、单位预留机动经费', '四、卫生健康支出']);
    expect(warnings).toHaveLength(6);
    // A sibling showing its separator gives it.
    expect(settle(['1、一般公共预算', '2，政府性基金预算'])).toEqual(['1、一般公共预算', '2、政府性基金预算']);
    // The separator lost between numbered sub-items is given back; a figure-led name elsewhere is left alone.
    expect(settle(['财政拨款收入', '1，一般公共预算资金', '2政府性基金', '3，国有资本经营预算', '二、事业收入'])).toEqual(['一、财政拨款收入', '1.一般公共预算资金', '2.政府性基金', '3.国有资本经营预算', '二、事业收入']);
    expect(settle(['一、财政拨款', '2号楼维修', '二、事业收入'])).toEqual(['一、财政拨款', '2号楼维修', '二、事业收入']);
    // Three strokes where the sequence wants 四 are not 三: left alone.
    const e = makeDoc([makeTable({ number: '表1', type: null, groups: [{ columns: ['支出'], rows: [{ name: '三、项目支出', amounts: [1] }, { name: '一一一单位预留机动经费', amounts: [0] }] }] })]);
    e.pages = [{ number: 3, text_source: 'ocr' }];
    expect(settleOcrLabels(e).warnings).toEqual([]);
  });
  it('takes a row name several glyphs off a known name when nothing else is near, keeping its ordinal', () => {
    const d = makeDoc([makeTable({ number: '表1', type: null, groups: [{ columns: ['预算数'], rows: [
      { name: '一、一般公共预算搜获收入', amounts: [9] }, { name: '二、政府性基金预算拨款收入', amounts: [0] },
    ] }] })]);
    d.pages = [{ number: 3, text_source: 'ocr' }];
    const { document, warnings } = settleOcrLabels(d);
    expect(document.tables[0].rows.map(r => r.records[0].name)).toEqual(['一、一般公共预算拨款收入', '二、政府性基金预算拨款收入']);
    expect(warnings).toHaveLength(1);
    expect(warnings[0].message).toContain('"一、一般公共预算搜获收入" is 2 glyphs from the known name "一般公共预算拨款收入"');
  });
  it('gives back an ordinal lost whole where the numbering has a gap of one, and only there', () => {
    // Seen on a scan: 一、 of the first row not read at all.
    expect(settle(['基本支出', '二、项目支出', '三、单位预留机动经费'])).toEqual(['一、基本支出', '二、项目支出', '三、单位预留机动经费']);
    expect(settle(['一、基本支出', '项目支出', '三、单位预留机动经费'])).toEqual(['一、基本支出', '二、项目支出', '三、单位预留机动经费']);
    // No gap: rows of their own between numbered rows, a total, a first row before 一、.
    expect(settle(['一、财政拨款', '一般公共预算', '二、其他资金'])).toEqual(['一、财政拨款', '一般公共预算', '二、其他资金']);
    expect(settle(['合计', '一、基本支出', '二、项目支出'])).toEqual(['合计', '一、基本支出', '二、项目支出']);
    expect(settle(['一、基本支出', '其中：人员经费', '公用经费', '三、项目支出'])).toEqual(['一、基本支出', '其中：人员经费', '公用经费', '三、项目支出']);
    // Sub-items numbered 1. 2. … are not neighbours in the 一、二、 sequence; a row of its own after them still is one.
    expect(settle(['财政拨款', '1.一般公共预算', '2.政府性基金', '二、其他资金'])).toEqual(['一、财政拨款', '1.一般公共预算', '2.政府性基金', '二、其他资金']);
    expect(settle(['一、财政拨款', '1.一般公共预算', '其他资金', '二、事业收入'])).toEqual(['一、财政拨款', '1.一般公共预算', '其他资金', '二、事业收入']);
  });
  it('reads a numeral that is no number as the one value between its neighbours one glyph from it', () => {
    // Between 十七 and 二十 (a row left out of the table) lie 十八 and 十九; only 十九 is one glyph from 二九.
    expect(settle(['十七、交通运输支出', '二九、住房保障支出', '二十、粮油物资储备支出'])).toEqual(['十七、交通运输支出', '十九、住房保障支出', '二十、粮油物资储备支出']);
    // Between 十三 and 二十一, 十九 and 二十 are both one glyph from 二九: left as read.
    expect(settle(['十三、文化旅游体育与传媒支出', '二九、住房保障支出', '二十一、粮油物资储备支出'])).toEqual(['十三、文化旅游体育与传媒支出', '二九、住房保障支出', '二十一、粮油物资储备支出']);
  });
  it('fills a stretch of damaged ordinals whose numbering leaves exactly one value per row, doubting a numeral out of order', () => {
    // Seen on a scan: 十六 to 十九 read as look-alikes, 十九 even as a valid 二 that breaks the order, 二十一 as 一十一.
    expect(settle(['十三、交通运输支出', '上上四、资源勘探信息等支出', '十五、商业服务业等支出', '上上六、金融支出', '二七、自然资源海洋气象等支出',
      '上、、住房保障支出', '二、、粮油物资储备支出', '二十、灾害防治及应急管理支出', '一十一、其他支出'])).toEqual(['十三、交通运输支出',
      '十四、资源勘探信息等支出', '十五、商业服务业等支出', '十六、金融支出', '十七、自然资源海洋气象等支出', '十八、住房保障支出',
      '十九、粮油物资储备支出', '二十、灾害防治及应急管理支出', '二十一、其他支出']);
    // Sub-items and totals between are not in the stretch.
    expect(settle(['一、财政拨款', '1.一般公共预算', '上、事业收入', '合计', '三、其他收入'])).toEqual(['一、财政拨款', '1.一般公共预算', '二、事业收入', '合计', '三、其他收入']);
    // More rows than missing values (one row is no numbered row, or a value is misread): left as read.
    expect(settle(['十五、商业服务业等支出', '上上六、金融支出', '上、、住房保障支出', '上、、城乡社区支出', '十八、粮油物资储备支出'])).toEqual(['十五、商业服务业等支出', '上上六、金融支出', '上、、住房保障支出', '上、、城乡社区支出', '十八、粮油物资储备支出']);
    // A new sequence starting at 一 is not out of order; a 二 after it neither.
    expect(settle(['一、财政拨款', '二、事业收入', '三、其他收入', '一、基本支出', '二、项目支出'])).toEqual(['一、财政拨款', '二、事业收入', '三、其他收入', '一、基本支出', '二、项目支出']);
  });
});

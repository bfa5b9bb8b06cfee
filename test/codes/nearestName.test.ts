import { describe, expect, it } from 'vitest';
import { glyphDistance, misreadDistance, nearestName } from '../../src/codes/nearestName.js';
import { registryEntries, STANDARD_TERMS } from '../../src/codes/index.js';
import { SUMMARY_ROW_NAMES } from '../../src/codes/standardTerms.js';
import { looseText } from '../../src/model/text.js';

const vocabulary = [...new Set([...STANDARD_TERMS, ...SUMMARY_ROW_NAMES, ...registryEntries().flatMap(e => [e.name, ...e.former_names.map(f => f.name)])].map(looseText))];

describe('nearestName', () => {
  it('takes a reading two glyphs off a long known name when no other name is near (a misread seen on a scan)', () => {
    expect(nearestName('一般公共预算搜获收入', vocabulary)).toMatchObject({ name: '一般公共预算拨款收入', distance: 2 });
  });
  it('puts back a glyph the reading lost', () => {
    expect(nearestName('般公共服务支出', vocabulary)).toMatchObject({ name: '一般公共服务支出', distance: 1 });
  });
  it('corrects nothing when two names are about as near', () => {
    // Both are two glyphs from the reading: it says neither.
    expect(nearestName('一般公共预算搜获收入', ['一般公共预算拨款收入', '一般公共预算专项收入'])).toBeNull();
    // One glyph from each of two names.
    expect(nearestName('政府性基金预算资全', ['政府性基金预算资金', '政府性基金预算资产'])).toBeNull();
    // Two glyphs from one name and three from another: two edits need a margin of two.
    expect(nearestName('一般公共预算搜获收入', ['一般公共预算拨款收入', '一般公共财政拨获收入'])).toBeNull();
    // One glyph from one name, two from the next: taken.
    expect(nearestName('政府性基金预算资全', ['政府性基金预算资金', '政府性基金预算收入'])).toMatchObject({ name: '政府性基金预算资金', runnerUp: 2 });
  });
  it('leaves a correctly read name that is not known alone (seen: 一般公共预算财政拨款收入 turned into …资金拨款收入 by a phrase match inside it)', () => {
    expect(nearestName('一般公共预算财政拨款收入', vocabulary)).toBeNull();
    expect(nearestName('一般公共预算财政拨款收入', ['一般公共预算拨款收入', '一般公共预算资金'])).toBeNull();
  });
  it('leaves a reading that is a known name, a short reading, and a glyph that changes the meaning', () => {
    expect(nearestName('一般公共预算拨款收入', vocabulary)).toBeNull();
    expect(nearestName('其他收文', vocabulary)).toBeNull();
    expect(nearestName('本年支出合计', ['本年收入合计'])).toBeNull();
    expect(nearestName('事业单位经营支出', ['事业单位经营收入'])).toBeNull();
  });
  it('never turns a digit into a glyph', () => {
    expect(misreadDistance('一般公共预算3款收入', '一般公共预算拨款收入')).toBe(Infinity);
  });
  it('measures edits in glyphs', () => {
    expect(glyphDistance('般公共服务支出', '一般公共服务支出')).toBe(1);
    expect(glyphDistance('搜获', '拨款')).toBe(2);
    expect(misreadDistance('一般公共预算搜获收入', '一般公共预算拨款收入')).toBe(2);
  });
});

import { describe, expect, it } from 'vitest';
import { isAmount, joinFragments, joinLines } from '../../src/layout/joinText.js';
import { parseAmount } from '../../src/model/amounts.js';

describe('joining the fragments of a cell', () => {
  it('joins CJK without spaces and keeps one between Latin words', () => {
    expect(joinFragments(['其他政府办公厅（室）及', '相关机构事务'])).toBe('其他政府办公厅（室）及相关机构事务');
    expect(joinFragments(['全市公务用车', 'OBD', '设备'])).toBe('全市公务用车OBD设备');
    expect(joinFragments(['Office', 'Suite'])).toBe('Office Suite');
  });
  it('re-joins an amount broken over two lines', () => {
    expect(joinLines([['1,902.'], ['40']])).toBe('1,902.40');
    expect(joinLines([['23,292.3'], ['0']])).toBe('23,292.30');
    expect(joinLines([['172.'], ['89']])).toBe('172.89');
  });
  it('joins a header label stacked over several lines', () => {
    expect(joinLines([['财政'], ['专户'], ['（教'], ['育收'], ['费）']])).toBe('财政专户（教育收费）');
  });
  it('does not glue two different amounts into one', () => {
    expect(isAmount(joinFragments(['3,045.16', '2,869.77']))).toBe(false);
  });
  it('parses printed amounts and refuses the rest', () => {
    expect(parseAmount('3,045.16')).toBe(3045.16);
    expect(parseAmount('-12.5')).toBe(-12.5);
    expect(parseAmount('合计')).toBeNull();
    expect(parseAmount('')).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { normalizeText } from '../../src/pdf/normalizeText.js';
import { judgeTextLayer } from '../../src/pdf/textQuality.js';
import { mayHoldTable } from '../../src/pdf/readPages.js';
import type { TextRun } from '../../src/model/page.js';

const runs = (...texts: string[]): TextRun[] => texts.map((text, i) => ({ text, x0: 0, x1: 10, top: i * 12, bottom: i * 12 + 10, fontSize: 10, fontName: 'f' }));

describe('text normalisation', () => {
  it('maps radical code points to ideographs and folds full-width digits', () => {
    expect(normalizeText('⼀般公共服务⽀出')).toBe('一般公共服务支出');
    expect(normalizeText('部⻔预算')).toBe('部门预算');
    expect(normalizeText('３，０４５．１６')).toBe('3,045.16');
    expect(normalizeText('收入3,481.70万元，其中')).toBe('收入3,481.70万元，其中');
  });
  it('keeps full-width brackets and CJK punctuation as printed', () => {
    expect(normalizeText('政府办公厅（室）及相关机构事务')).toBe('政府办公厅（室）及相关机构事务');
    expect(normalizeText('财政拨款“三公”经费：')).toBe('财政拨款“三公”经费：');
  });
});

describe('text layer verdict', () => {
  it('accepts an ordinary page and refuses empty or garbage ones', () => {
    expect(judgeTextLayer(runs('单位收支总体情况表', '编制单位：阿图什市人民政府办公室', '一般公共服务支出 3,045.16')).usable).toBe(true);
    expect(judgeTextLayer([]).usable).toBe(false);
    expect(judgeTextLayer(runs('ݿ⹗ନ▙މ⚃஠瀐', 'มݵ鴿行Ᏻڵ↽گ㧕⹄⊳೷ଞᴀ', '\u0001\u0013')).reason).toMatch(/garbage/);
  });
  it('refuses Chinese-looking text that is not Chinese (a broken font map)', () => {
    const noise = '瀐鴿冪䳝凟皥磁澡磘骥彚骤⤞尶亗念';
    expect(judgeTextLayer(runs(noise, noise, noise)).usable).toBe(false);
  });
});

describe('which pages need their rules read', () => {
  it('pages with a title, a unit line or figures; not running prose', () => {
    expect(mayHoldTable(runs('单位收入总体情况表'))).toBe(true);
    expect(mayHoldTable(runs('一般公共服务支出', '3,045.16', '2,869.77'))).toBe(true);
    expect(mayHoldTable(runs('阿图什市人民政府办公室负责市政府各项决议的督促检查。', '编制数74，实有人数98人。'))).toBe(false);
  });
});

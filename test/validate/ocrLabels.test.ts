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
});

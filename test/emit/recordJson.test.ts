import { describe, expect, it } from 'vitest';
import { recordJson, recordJsonPieces } from '../../src/emit/recordJson.js';

describe('recordJson', () => {
  const doc = {
    schema_version: 2,
    skipped: undefined,
    source: { file: 'a.pdf', pages: 2 },
    tables: [{ title: '表1', rows: [{ index: 0, cells: ['201', '1,2'], boxes: [[1, 2, 3, 4], null] }, { index: 1, cells: [], note: undefined }] }],
    checks: [],
    list: [undefined, 'a "quoted" 文字\n'],
  };

  it('holds the same values as JSON.stringify', () => {
    expect(JSON.parse(recordJson(doc))).toEqual(JSON.parse(JSON.stringify(doc)));
  });

  it('writes a list of records one per line, and a record without such a list on one line', () => {
    const lines = recordJson(doc).split('\n');
    expect(lines).toContain(' "source": {"file":"a.pdf","pages":2},');
    expect(lines).toContain('   "rows": [');
    expect(lines).toContain('    {"index":0,"cells":["201","1,2"],"boxes":[[1,2,3,4],null]},');
    expect(lines).toContain('    {"index":1,"cells":[]}');
    expect(lines).toContain(' "checks": [],');
    expect(lines).toContain(' "list": [null,"a \\"quoted\\" 文字\\n"]');
    expect(lines.some(line => line.includes('skipped'))).toBe(false);
  });
});

describe('recordJsonPieces', () => {
  const big = {
    schema_version: 2,
    tables: Array.from({ length: 40 }, (_, t) => ({
      title: `表${t}`,
      rows: Array.from({ length: 300 }, (_, i) => ({ index: i, cells: [`${i}`, '1,234.5'], box: { x0: i, x1: i + 1 } })),
      note: t % 2 ? undefined : 'n',
    })),
    checks: Array.from({ length: 2000 }, (_, i) => ({ kind: 'sum', ok: i % 3 !== 0, cells: [[i, 1]] })),
  };

  it('gives, in pieces, the text of recordJson: one record per line', () => {
    const pieces = [...recordJsonPieces(big)];
    const text = pieces.join('');
    expect(text).toBe(recordJson(big));
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(big)));
    const lines = text.split('\n');
    expect(lines).toContain('    {"index":7,"cells":["7","1,234.5"],"box":{"x0":7,"x1":8}},');
    expect(lines).toContain('  {"kind":"sum","ok":true,"cells":[[1,1]]},');
  });

  it('hands the text on as it is laid out, in pieces of bounded size', () => {
    const pieces = [...recordJsonPieces(big)];
    const total = pieces.reduce((n, p) => n + p.length, 0);
    expect(pieces.length).toBeGreaterThan(20);
    expect(Math.max(...pieces.map(p => p.length))).toBeLessThan(Math.min(1 << 15, total / 10));
  });
});

import { describe, expect, it } from 'vitest';
import { recordJson } from '../../src/emit/recordJson.js';

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

/** Output names derived from input names stay inside DIR and never overwrite each other. */
import { describe, expect, it } from 'vitest';
import { assignOutputNames } from '../../src/batch/outputNames.js';
import { FILE_NAME_MAX_BYTES, truncateUtf8 } from '../../src/emit/csv.js';

const inputs = (...ids: string[]) => ids.map(id => ({ id, fileName: id.split('/').at(-1)! }));

describe('assignOutputNames', () => {
  it('keeps plain names and disambiguates the same file name in different folders, whatever the order', () => {
    const a = assignOutputNames(inputs('x/report.pdf', 'y/report.pdf', 'other.PDF'), new Map());
    const b = assignOutputNames(inputs('other.PDF', 'y/report.pdf', 'x/report.pdf'), new Map());
    expect(a).toEqual(b);
    expect(a.get('other.PDF')).toBe('other');
    expect(a.get('x/report.pdf')).toMatch(/^report-[0-9a-f]{8}$/);
    expect(a.get('y/report.pdf')).toMatch(/^report-[0-9a-f]{8}$/);
    expect(a.get('x/report.pdf')).not.toBe(a.get('y/report.pdf'));
  });

  it('never yields a name that leaves DIR or hides in it', () => {
    const hostile = ['..pdf', '...pdf', 'a/..\\..\\evil.pdf', 'bell\u0007\u001b[2J.pdf', ' .pdf', 'con:txt?.pdf', 'x\u0000y.pdf'];
    const names = [...assignOutputNames(inputs(...hostile), new Map()).values()];
    for (const n of names) {
      expect(n).not.toMatch(/[/\\\u0000-\u001f\u007f]|^\.|^$/);
      expect(n).not.toBe('..');
    }
    expect(new Set(names.map(n => n.toLowerCase())).size).toBe(names.length);
  });

  it('avoids the batch’s own files, NAME vs NAME.json, and case-only differences', () => {
    const n = assignOutputNames(inputs('summary.pdf', 'manifest.jsonl.pdf', 'a.pdf', 'b/a.json.pdf', 'Doc.pdf', 'c/doc.pdf'), new Map());
    expect(n.get('summary.pdf')).toMatch(/^summary-[0-9a-f]{8}$/);
    expect(n.get('manifest.jsonl.pdf')).toMatch(/^manifest\.jsonl-[0-9a-f]{8}$/);
    const all = [...n.values()].flatMap(x => [x, `${x}.json`, `${x}.csv`, `${x}.indicators.csv`].map(p => p.toLowerCase()));
    expect(new Set(all).size).toBe(all.length);
  });

  it('keeps a name the journal gave an input when another file with its name appears', () => {
    const first = assignOutputNames(inputs('x/report.pdf'), new Map());
    expect(first.get('x/report.pdf')).toBe('report');
    const later = assignOutputNames(inputs('x/report.pdf', 'w/report.pdf'), first);
    expect(later.get('x/report.pdf')).toBe('report');
    expect(later.get('w/report.pdf')).toMatch(/^report-[0-9a-f]{8}$/);
    // a journal name that is not a safe name is not trusted
    expect(assignOutputNames(inputs('z.pdf'), new Map([['z.pdf', '../escape']])).get('z.pdf')).toBe('z');
  });

  it('caps names by bytes, not characters: long Chinese names stay readable, distinct and within 255 bytes with every suffix', () => {
    const long = '江苏省'.repeat(100); // 300 characters, 900 bytes
    const n = assignOutputNames(inputs(`${long.slice(0, 80)}.pdf`, `a/${long}甲.pdf`, `b/${long}乙.pdf`), new Map());
    const names = [...n.values()];
    expect(new Set(names).size).toBe(3);
    for (const name of names) {
      expect(name.startsWith('江苏省江苏省')).toBe(true);
      expect(Buffer.byteLength(`${name}.json.1234567.12345678.tmp.old`)).toBeLessThanOrEqual(FILE_NAME_MAX_BYTES);
    }
    expect(truncateUtf8('ab江苏', 4)).toBe('ab');
    expect(truncateUtf8('ab😀c', 5)).toBe('ab'); // never half a character
  });
});

/** The quality verdict's parts on made-up documents: numbering gaps, contents pages, failing sums, pages. */
import { describe, expect, it } from 'vitest';
import type { Check, OutputDocument } from '../../src/model/document.js';
import { assessQuality, contentsOrdinals, missingTables, smallNumber, tableOrdinal } from '../../src/quality.js';

const table = (number: string | null) => ({ number, title: 't', org: null, type: null, unit: null, pages: [1], note: null, columns: [], rows: [] });
const check = (status: Check['status'], rule: Check['rule'] = 'row_sum'): Check => ({ rule, status, table: '表1', page: 3, row: 1, column: null, message: '', expected: null, actual: null });
const doc = (numbers: (string | null)[], extra: Partial<OutputDocument> = {}): OutputDocument => ({
  schema_version: 1, source: { file: 'x.pdf', sha256: 'x', pages: 3, bytes: 1 },
  document: { unit: null, year: null, kind: null, scope: null, currency_unit: null },
  pages: [1, 2, 3].map(n => ({ number: n, text_source: 'pdf' as const, note: null })), tables: numbers.map(table), forms: [], checks: [], warnings: [], ...extra,
});
const none = { unreadable: [], damaged: [], ocrFailed: [] };

describe('table numbering', () => {
  it('reads the ordinals of the ways tables are numbered', () => {
    expect(['表3', '表 3', '表03', '表3-1', '表三', '表十一', '表二十', '公开05表', '附表2'].map(tableOrdinal)).toEqual([3, 3, 3, 3, 3, 11, 20, 5, 2]);
    expect([null, '表A', '第三部分'].map(tableOrdinal)).toEqual([null, null, null]);
    expect(['九', '十', '十九', '九十九', '零', ''].map(smallNumber)).toEqual([9, 10, 19, 99, null, null]);
  });

  it('finds 表6 missing from 表1…表9, and entries of a contents page beyond the last table found', () => {
    const nine = ['表1', '表2', '表3', '表4', '表5', '表7', '表8', '表9'];
    expect(missingTables(doc(nine), []).missing).toEqual([6]);
    const toc = [{ page: 2, text: '目 录' }, { page: 2, text: '表1 收支总表 …… 3' }, { page: 2, text: '表十 项目支出表' }, { page: 5, text: '见表12' }];
    expect(contentsOrdinals(toc)).toEqual([1, 10]);
    expect(missingTables(doc(['表1', '表2']), toc)).toEqual({ missing: [3, 4, 5, 6, 7, 8, 9, 10], basis: 'its contents page and its table numbering', shortBy: 8 });
    expect(missingTables(doc([null, null]), toc)).toEqual({ missing: [], basis: 'its contents page', shortBy: 8 });
    expect(assessQuality(doc([null, null]), toc, none).reasons[0]!.message).toBe('its contents page lists 10 tables, 2 found');
    // the text part of a disclosure lists tables printed in another file
    expect(missingTables(doc([]), toc).missing).toEqual([]);
    // a title followed by the next item's enumerator is not an entry
    expect(contentsOrdinals([{ page: 2, text: '目录' }, { page: 2, text: '第二部分 2024 年度部门决算表一、收入支出决算总表' }, { page: 2, text: '十一、三公经费表十二、政府采购表' }])).toEqual([]);
    expect(missingTables(doc(['表1', '表2', '表3']), []).missing).toEqual([]);
  });
});

describe('assessQuality', () => {
  it('is ok when nothing was lost', () => {
    expect(assessQuality(doc(['表1', '表2']), [], none)).toMatchObject({ status: 'ok', reasons: [] });
  });

  it('names every reason with its pages', () => {
    const d = doc(['表1', '表3'], {
      pages: [{ number: 1, text_source: 'ocr', note: 'no text layer; read by OCR' }, { number: 2, text_source: 'none', note: 'no text layer' }, { number: 3, text_source: 'pdf', note: null }],
      checks: [...Array.from({ length: 8 }, () => check('pass')), check('fail'), check('fail'), check('fail', 'code_name')],
    });
    const q = assessQuality(d, [], { unreadable: [{ page: 4, message: 'page 4: bad XRef' }], damaged: [{ page: 3, message: 'Bad encoding in flate stream' }], ocrFailed: [] });
    expect(q.status).toBe('degraded');
    expect(q.reasons.map(r => [r.code, r.pages])).toEqual([
      ['page_unreadable', [4]], ['page_damaged', [3]], ['pages_without_text', [2]], ['ocr_pages', [1]], ['missing_tables', []], ['sum_checks_failing', [3]],
    ]);
    expect(q.sum_checks).toEqual({ checked: 10, failed: 2, failing_share: 0.2 });
    expect(q.reasons.find(r => r.code === 'missing_tables')!.message).toContain('表2');
    expect(q.reasons.find(r => r.code === 'ocr_pages')!.message).toContain('no text layer: 1');
  });

  it('does not judge by a handful of sums', () => {
    expect(assessQuality(doc([], { checks: [check('fail'), check('pass')] }), [], none).status).toBe('ok');
  });
});

import { describe, expect, it } from 'vitest';
import type { OutputDocument } from '../../src/model/document.js';
import { validateDocument } from '../../src/validate/index.js';
import { oneGlyphApart, repairByArithmetic } from '../../src/validate/ocrRepair.js';
import { expenditureTable, fails, makeDoc, makeTable } from './fixtures.js';

/** The fixture document with its tables' pages (3) marked as read by OCR, or from the text layer. */
const docWith = (source: 'ocr' | 'pdf', ...tables: Parameters<typeof expenditureTable>[]): OutputDocument => {
  const doc = makeDoc(tables.map(a => expenditureTable(...a)));
  doc.pages = [{ number: 3, text_source: source }];
  return doc;
};

/** Row `row`'s 合计, 基本支出 and 项目支出 of the first table. */
const setRow = (doc: OutputDocument, row: number, [total, basic, project]: number[]): void => {
  doc.tables[0]!.rows[row]!.records[0]!.amounts = { '支出预算/合计': total!, '支出预算/基本支出': basic!, '支出预算/项目支出': project! };
};

describe('oneGlyphApart', () => {
  it('accepts one dropped or added digit and one look-alike digit', () => {
    expect(oneGlyphApart('332.1', '332.16')).toBe(true);
    expect(oneGlyphApart('1142.31', '142.31')).toBe(true);
    expect(oneGlyphApart('17.00', '11.00')).toBe(true);
    expect(oneGlyphApart('20.00', '21.00')).toBe(false); // 0 and 1 do not look alike
    expect(oneGlyphApart('20.00', '200.00')).toBe(true);
    expect(oneGlyphApart('20.00', '2.000')).toBe(false);
    expect(oneGlyphApart('20.00', '20.00')).toBe(false);
    // A thousands comma read as a point: three digits after it, taken away whole.
    expect(oneGlyphApart('66716.064', '66716064')).toBe(true);
    expect(oneGlyphApart('667160.64', '66716064')).toBe(false);
    expect(oneGlyphApart('66716064', '66716.064')).toBe(false);
  });
});

describe('repairByArithmetic', () => {
  it('repairs the one OCR cell whose look-alike reading makes every identity hold, and says so', () => {
    // 行政运行's 合计 is printed 21.00 (its parts and parents agree) but was read as 27.00 (7 for 1).
    const doc = docWith('ocr', [{ 2010301: 27 }]);
    doc.tables[0].rows[2].records[0].amounts['支出预算/基本支出'] = 21;
    doc.tables[0].rows[1].records[0].amounts = { '支出预算/合计': 31, '支出预算/基本支出': 21, '支出预算/项目支出': 10 };
    doc.tables[0].rows[0].records[0].amounts = { '支出预算/合计': 31, '支出预算/基本支出': 21, '支出预算/项目支出': 10 };
    doc.tables[0].rows[7].records[0].amounts = { '支出预算/合计': 36, '支出预算/基本支出': 26, '支出预算/项目支出': 10 };
    expect(fails(validateDocument(doc, null)).length).toBeGreaterThan(0);
    const { document, checks } = repairByArithmetic(doc);
    expect(checks).toHaveLength(1);
    expect(checks[0]).toMatchObject({ rule: 'ocr_repair', status: 'pass', table: '表3', page: 3, row: 2, column: '支出预算/合计', expected: 21, actual: 27 });
    expect(checks[0].message).toContain('"27.00"');
    expect(checks[0].message).toContain('"21.00"');
    expect(document.tables[0].rows[2].records[0].amounts['支出预算/合计']).toBe(21);
    expect(fails(validateDocument(document, null))).toEqual([]);
    // the input is left as it was
    expect(doc.tables[0].rows[2].records[0].amounts['支出预算/合计']).toBe(27);
  });

  it('repairs the printed cell too in a column printed without a header (keyed by its position)', () => {
    const doc = docWith('ocr', [{ 2010301: 27 }]);
    const t = doc.tables[0];
    t.rows[2].records[0].amounts['支出预算/基本支出'] = 21;
    for (const r of [0, 1]) t.rows[r].records[0].amounts = { '支出预算/合计': 31, '支出预算/基本支出': 21, '支出预算/项目支出': 10 };
    t.rows[7].records[0].amounts = { '支出预算/合计': 36, '支出预算/基本支出': 26, '支出预算/项目支出': 10 };
    t.columns[0].path = [];
    for (const row of t.rows) {
      const a = row.records[0].amounts;
      if ('支出预算/合计' in a) { a['列1'] = a['支出预算/合计']; delete a['支出预算/合计']; }
      row.cells = [a['列1'], a['支出预算/基本支出'], a['支出预算/项目支出']].map(v => (v === undefined ? '' : v.toFixed(2)));
    }
    const { document, checks } = repairByArithmetic(doc);
    expect(checks).toMatchObject([{ rule: 'ocr_repair', row: 2, column: '列1', expected: 21, actual: 27 }]);
    expect(document.tables[0].rows[2].records[0].amounts['列1']).toBe(21);
    expect(document.tables[0].rows[2].cells[0]).toBe('21.00');
    expect(checks[0].message).toContain('as "27.00"');
  });

  it('repairs a dropped digit (332.1 for 332.16)', () => {
    const doc = docWith('ocr', [{}]);
    const set = (row: number, vals: number[]) => setRow(doc, row, vals);
    set(0, [342.16, 332.16, 10]); set(1, [342.16, 332.16, 10]); set(2, [332.16, 332.16, 0]);
    set(3, [10, 0, 10]); set(7, [347.16, 337.16, 10]);
    doc.tables[0].rows[2].records[0].amounts = { '支出预算/合计': 332.16, '支出预算/基本支出': 332.1 };
    doc.tables[0].rows[3].records[0].amounts = { '支出预算/合计': 10, '支出预算/项目支出': 10 };
    expect(fails(validateDocument(doc, null)).length).toBeGreaterThan(0);
    const { document, checks } = repairByArithmetic(doc);
    expect(checks.map(c => [c.row, c.column, c.actual, c.expected])).toEqual([[2, '支出预算/基本支出', 332.1, 332.16]]);
    expect(fails(validateDocument(document, null))).toEqual([]);
  });

  it('repairs a thousands comma read as a decimal point (1,234.567 for 1,234,567)', () => {
    const doc = docWith('ocr', [{}]);
    const set = (row: number, vals: number[]) => setRow(doc, row, vals);
    set(0, [1234577, 1234567, 10]); set(1, [1234577, 1234567, 10]); set(3, [10, 0, 10]); set(7, [1234582, 1234572, 10]);
    doc.tables[0].rows[2].records[0].amounts = { '支出预算/合计': 1234567, '支出预算/基本支出': 1234.567 };
    doc.tables[0].rows[3].records[0].amounts = { '支出预算/合计': 10, '支出预算/项目支出': 10 };
    expect(fails(validateDocument(doc, null)).length).toBeGreaterThan(0);
    const { document, checks } = repairByArithmetic(doc);
    expect(checks.map(c => [c.row, c.column, c.actual, c.expected])).toEqual([[2, '支出预算/基本支出', 1234.567, 1234567]]);
    expect(fails(validateDocument(document, null))).toEqual([]);
  });

  it('leaves a misread that no one-glyph reading explains, for the failed check to flag', () => {
    const doc = docWith('ocr', [{ 2010301: 25 }]); // 20 read as 25: 0/5 are not look-alikes
    const { document, checks } = repairByArithmetic(doc);
    expect(checks).toEqual([]);
    expect(document).toBe(doc);
    expect(fails(validateDocument(document, null)).some(c => c.table === '表3' && c.row === 2)).toBe(true);
  });

  it('does not choose when two cells could each be the misread one', () => {
    const doc = docWith('ocr', [{ total: 38 }]); // 合计 35 read as 38 (8 for 5): only that cell explains every sum
    const { checks } = repairByArithmetic(doc);
    expect(checks.map(c => [c.row, c.actual, c.expected])).toEqual([[7, 38, 35]]);
    // A one-row table whose total and single part disagree: either could be the misread cell.
    const two = docWith('ocr', [{}]);
    two.tables[0].rows = two.tables[0].rows.slice(2, 3);
    two.tables[0].rows[0].records[0].amounts = { '支出预算/合计': 17, '支出预算/基本支出': 11 };
    expect(repairByArithmetic(two).checks).toEqual([]);
  });

  it('never touches tables read from a text layer', () => {
    const doc = docWith('pdf', [{ 2010301: 27 }]);
    const { document, checks } = repairByArithmetic(doc);
    expect(checks).toEqual([]);
    expect(document).toBe(doc);
  });
});

describe('repairByArithmetic across rows, columns and tables', () => {
  /** An income table (表2) printing the same codes as the expenditure table. */
  const incomeTable = () => makeTable({ number: '表2', type: 'income', groups: [{ columns: ['总计', '一般公共预算'], rows: [
    { code: '201', name: '一般公共服务支出', amounts: [30, 30] },
    { code: '20103', name: '政府办公厅（室）及相关机构事务', amounts: [30, 30] },
    { code: '2010301', name: '行政运行', amounts: [20, 20] },
    { code: '2010302', name: '一般行政管理事务', amounts: [10, 10] },
    { code: '208', name: '社会保障和就业支出', amounts: [5, 5] },
    { code: '20805', name: '行政事业单位养老支出', amounts: [5, 5] },
    { code: '2080505', name: '机关事业单位基本养老保险缴费支出', amounts: [5, 5] },
    { name: '合计', amounts: [35, 35] }] }] });

  it('repairs a spurious leading digit that breaks the row, the 类 sum, the 合计 and 表2 at once', () => {
    const doc = makeDoc([incomeTable(), expenditureTable({ 201: 130 })]);
    doc.pages = [{ number: 3, text_source: 'ocr' }];
    const before = fails(validateDocument(doc, null));
    expect(before.map(c => c.rule)).toEqual(expect.arrayContaining(['row_sum', 'code_sum', 'total_sum', 'cross_table']));
    const { document, checks } = repairByArithmetic(doc);
    expect(checks.map(c => [c.table, c.row, c.column, c.actual, c.expected])).toEqual([['表3', 0, '支出预算/合计', 130, 30]]);
    expect(checks[0].message).toContain(`${before.length} failing check(s)`);
    expect(fails(validateDocument(document, null))).toEqual([]);
  });

  it('repairs one cell while an unrelated misread elsewhere stays failing', () => {
    // 201 read as 130 and, in another table, a figure no one-glyph reading explains.
    const other = expenditureTable({ 2010301: 25 }, 'general_budget_expenditure', '表5');
    const doc = makeDoc([expenditureTable({ 201: 130 }), other]);
    doc.pages = [{ number: 3, text_source: 'ocr' }];
    const { document, checks } = repairByArithmetic(doc);
    expect(checks.map(c => [c.table, c.row, c.actual, c.expected])).toEqual([['表3', 0, 130, 30]]);
    expect(fails(validateDocument(document, null)).every(c => c.table === '表5')).toBe(true);
  });

  it('reads an amount marked unreadable the one-glyph way that makes its sums hold', () => {
    const doc = docWith('ocr', [{}]);
    const rec = doc.tables[0].rows[2].records[0];
    delete rec.amounts['支出预算/合计'];
    rec.unreadable = { '支出预算/合计': '20.000' };
    expect(fails(validateDocument(doc, null)).length).toBeGreaterThan(0);
    const { document, checks } = repairByArithmetic(doc);
    expect(checks.map(c => [c.row, c.column, c.actual, c.expected])).toEqual([[2, '支出预算/合计', null, 20]]);
    expect(checks[0].message).toContain('"20.000"');
    const fixed = document.tables[0].rows[2].records[0];
    expect(fixed.amounts['支出预算/合计']).toBe(20);
    expect(fixed.unreadable).toBeUndefined();
    expect(fails(validateDocument(document, null))).toEqual([]);
  });
  it('takes an unreadable amount whose digits are right and only its commas out of place, when its sums say so', () => {
    // "2,0.00": a comma where none belongs; the digits, 20.00, make the row, the 款 and the 合计 hold.
    const doc = docWith('ocr', [{}]);
    const rec = doc.tables[0].rows[2].records[0];
    delete rec.amounts['支出预算/合计'];
    rec.unreadable = { '支出预算/合计': '2,0.00' };
    const { document, checks } = repairByArithmetic(doc);
    expect(checks.map(c => [c.row, c.column, c.actual, c.expected])).toEqual([[2, '支出预算/合计', null, 20]]);
    expect(checks[0].message).toContain('its digits as read');
    expect(fails(validateDocument(document, null))).toEqual([]);
    // Digits no sum confirms stay unreadable.
    const wrong = docWith('ocr', [{}]);
    delete wrong.tables[0].rows[2].records[0].amounts['支出预算/合计'];
    wrong.tables[0].rows[2].records[0].unreadable = { '支出预算/合计': '4,4.00' };
    expect(repairByArithmetic(wrong).checks).toEqual([]);
  });
  it('reads a stray letter in an unreadable amount as the digit it looks like or as nothing, whichever makes the sums hold', () => {
    for (const [raw, want] of [['2S0.00', 20], ['2S.00', 25]] as const) {
      const doc = docWith('ocr', [{}]);
      const rec = doc.tables[0].rows[2].records[0];
      const printed = rec.amounts['支出预算/合计'];
      delete rec.amounts['支出预算/合计'];
      rec.unreadable = { '支出预算/合计': raw };
      const { document, checks } = repairByArithmetic(doc);
      if (printed !== want) { expect(checks).toEqual([]); continue; }
      expect(checks.map(c => [c.row, c.actual, c.expected])).toEqual([[2, null, want]]);
      expect(document.tables[0].rows[2].records[0].amounts['支出预算/合计']).toBe(want);
    }
    // "T" for a 7 (seen on a scan: "T,344.46" for 7,344.46).
    const doc = docWith('ocr', [{}]);
    const set = (row: number, vals: number[]) => setRow(doc, row, vals);
    set(0, [37, 27, 10]); set(1, [37, 27, 10]); set(7, [42, 32, 10]);
    doc.tables[0].rows[2].records[0].amounts = { '支出预算/基本支出': 27 };
    doc.tables[0].rows[2].records[0].unreadable = { '支出预算/合计': '2T.00' };
    expect(repairByArithmetic(doc).checks.map(c => [c.row, c.actual, c.expected])).toEqual([[2, null, 27]]);
  });
});

describe('checks on OCR-read figures are exact', () => {
  it('fails a row sum off by less than the rounding slack when its figures were read by OCR', () => {
    // 5.62 read as 5.602: 合计 = 基本支出 + 项目支出 is off by 0.018, within two terms' slack of 0.02.
    const table = () => {
      const t = expenditureTable();
      t.rows[3].records[0].amounts = { '支出预算/合计': 10, '支出预算/项目支出': 9.982 };
      return t;
    };
    const printed = makeDoc([table()]);
    expect(fails(validateDocument(printed, null)).filter(c => c.rule === 'row_sum')).toEqual([]);
    const scanned = makeDoc([table()]);
    scanned.pages = [{ number: 3, text_source: 'ocr' }];
    expect(fails(validateDocument(scanned, null)).filter(c => c.rule === 'row_sum').map(c => c.row)).toEqual([3]);
  });
  it('allows OCR\'d figures printed finer than hundredths the rounding to hundredths, and no more', () => {
    // Printed "10.012000" = "5.006000" + "5.006000"; in hundredths 1001 against 501 + 501.
    const scanned = (decimals: number) => {
      const t = expenditureTable();
      t.rows[3].records[0].amounts = { '支出预算/合计': 10.012, '支出预算/基本支出': 5.006, '支出预算/项目支出': 5.006 };
      for (const row of t.rows) row.cells = Object.values(row.records[0].amounts).map(v => (v ?? 0).toFixed(decimals));
      const d = makeDoc([t]);
      d.pages = [{ number: 3, text_source: 'ocr' }];
      return d;
    };
    const rowSums = (d: OutputDocument) => fails(validateDocument(d, null)).filter(c => c.rule === 'row_sum').map(c => c.row);
    expect(rowSums(scanned(6))).toEqual([]);
    expect(repairByArithmetic(scanned(6)).checks.filter(c => c.row === 3)).toEqual([]);
    // The same figures printed with two decimals would be misreads: the sum fails.
    expect(rowSums(scanned(2))).toEqual([3]);
    // Off by more than the rounding: fails at six decimals too.
    const off = scanned(6);
    off.tables[0].rows[3].records[0].amounts['支出预算/项目支出'] = 5.026;
    expect(rowSums(off)).toEqual([3]);
  });
});

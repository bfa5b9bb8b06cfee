/** The CSV writers: formula neutralisation, the tidy CSV (one line per amount), the wide CSVs and the JSON. */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseString } from 'fast-csv';
import { afterAll, describe, expect, it } from 'vitest';
import { csvPieces, neutralize, safeName, TIDY_HEADER, tidyCsv, toCsv, wideCsv, wideCsvName } from '../../src/emit/csv.js';
import { recordJson } from '../../src/emit/recordJson.js';
import { writeOutputs } from '../../src/emit/writeOutputs.js';
import { OutputDocumentSchema, type OutputDocument, type Table } from '../../src/model/document.js';

const readCsv = (text: string): Promise<string[][]> => new Promise((resolve, reject) => {
  const rows: string[][] = [];
  parseString(text.replace(/^\uFEFF/, ''), { headers: false }).on('data', (r: string[]) => rows.push(r)).on('error', reject).on('end', () => resolve(rows));
});

/** A printed table with a 合计 line, a side-by-side repeated path and a name a spreadsheet would run. */
const table: Table = {
  number: '表3', title: '支出总体情况表', org: null, type: 'expenditure', unit: '万元', pages: [10], note: null,
  columns: [
    { index: 0, path: ['科目编码'], role: 'code' }, { index: 1, path: ['科目名称'], role: 'name' },
    { index: 2, path: ['支出', '合计'], role: 'amount' }, { index: 3, path: ['支出', '基本支出'], role: 'amount' },
    { index: 4, path: ['决算数'], role: 'amount' }, { index: 5, path: ['决算数'], role: 'amount' },
  ],
  rows: [
    { index: 0, page: 10, cells: ['2010301', '=HYPERLINK("x")', '1,809.21', '-635.2', '7', '8'],
      records: [{ code: '2010301', level: '项', name: '=HYPERLINK("x")', project: null, amounts: { '支出/合计': 1809.21, '支出/基本支出': -635.2, 决算数: 8 } }] },
    { index: 1, page: 10, cells: ['', '合计', '1,809.21', '', '', ''],
      records: [{ code: null, level: null, name: '合计', project: null, amounts: { '支出/合计': 1809.21 } }] },
  ],
};
const doc: OutputDocument = {
  schema_version: 1, source: { file: 'a,b "c".pdf', sha256: '0'.repeat(64), pages: 12, bytes: 1 },
  document: { unit: '某某局', year: 2024, kind: 'budget', scope: 'unit', currency_unit: '万元' },
  pages: [{ number: 10, text_source: 'pdf', note: null }], tables: [table], forms: [], checks: [], warnings: [],
};

describe('formula neutralisation', () => {
  it('prefixes text a spreadsheet would run with an apostrophe', () => {
    for (const text of ['=1+2', '+cmd', '-x', '@SUM(A1)', '\tx', '\rx', '=HYPERLINK("x")']) expect(neutralize(text)).toBe(`'${text}`);
  });
  it('leaves numbers and ordinary text alone', () => {
    for (const text of ['-635.2', '+1,234.50', '12%', '-3%', '行政运行', '', 'a=b']) expect(neutralize(text)).toBe(text);
  });
  it('applies to every string cell of a CSV, not to numbers', async () => {
    expect(await readCsv(await toCsv([['=a', -1, '-1', '@b']]))).toEqual([["'=a", '-1', '-1', "'@b"]]);
  });
});

describe('toCsv', () => {
  it('starts with a byte-order mark, ends lines with \\n and quotes what needs quoting', async () => {
    const text = await toCsv([['a,b', 'say "hi"', 'two\nlines'], ['x', 1, 2.5]]);
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text.endsWith('\n')).toBe(true);
    expect(text).not.toContain('\r');
    expect(await readCsv(text)).toEqual([['a,b', 'say "hi"', 'two\nlines'], ['x', '1', '2.5']]);
  });

  it('gives the same text written in pieces as formatted at once, over many pieces', async () => {
    const rows = Array.from({ length: 4500 }, (_, i) => (i % 7 ? [`r${i}`, i, -i / 4] : ['=x', `a,"b"\n${i}`, '']));
    const pieces: string[] = [];
    for await (const piece of csvPieces(rows)) pieces.push(piece);
    expect(pieces.length).toBeGreaterThan(4);
    expect(pieces.join('')).toBe(await toCsv(rows));
    let empty = '';
    for await (const piece of csvPieces([])) empty += piece;
    expect(empty).toBe(await toCsv([]));
  });
});

describe('the tidy CSV', () => {
  it('has the contract header and one line per amount, the value as printed without separators', async () => {
    const rows = await readCsv(await tidyCsv(doc));
    expect(rows[0]).toEqual([...TIDY_HEADER]);
    const at = (row: string[], column: (typeof TIDY_HEADER)[number]) => row[TIDY_HEADER.indexOf(column)];
    const body = rows.slice(1);
    expect(body).toHaveLength(4);
    expect(body.map(r => [at(r, 'row_index'), at(r, 'column'), at(r, 'value')])).toEqual([
      ['0', '支出/合计', '1809.21'], ['0', '支出/基本支出', '-635.2'], ['0', '决算数', '8'], ['1', '支出/合计', '1809.21'],
    ]);
    expect(body.every(r => at(r, 'source_file') === 'a,b "c".pdf' && at(r, 'value_unit') === '万元' && at(r, 'page') === '10')).toBe(true);
    expect(at(body[0]!, 'name')).toBe(`'=HYPERLINK("x")`);
    expect([at(body[0]!, 'code'), at(body[0]!, 'level'), at(body[0]!, 'year'), at(body[0]!, 'table_type')]).toEqual(['2010301', '项', '2024', 'expenditure']);
  });
});

describe('the wide CSV', () => {
  it('prints the header paths and the cells as rebuilt, neutralised', async () => {
    const rows = await readCsv(await wideCsv(table));
    expect(rows[0]).toEqual(['科目编码', '科目名称', '支出/合计', '支出/基本支出', '决算数', '决算数']);
    expect(rows[1]).toEqual(['2010301', `'=HYPERLINK("x")`, '1,809.21', '-635.2', '7', '8']);
    expect(rows).toHaveLength(3);
  });
  it('is named by the table number and title, safely', () => {
    expect(wideCsvName(table, 0)).toBe('表3-支出总体情况表.csv');
    expect(wideCsvName({ ...table, number: null, title: 'a/b:c' }, 4)).toBe('05-a_b_c.csv');
    expect(safeName('../..')).toBe('__..');
    expect(safeName('')).toBe('_');
  });
});

describe('writeOutputs', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'bt-emit-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the JSON (schema-valid, the document itself), the tidy CSV, the indicators and the wide CSVs, and no temporary file', async () => {
    const written = await writeOutputs(doc, dir, 'doc');
    expect(written.map(f => path.basename(f))).toEqual(['doc.json', 'doc.csv', 'doc.indicators.csv', 'doc']);
    const json = JSON.parse(readFileSync(path.join(dir, 'doc.json'), 'utf8'));
    expect(OutputDocumentSchema.parse(json)).toEqual(doc);
    expect(readFileSync(path.join(dir, 'doc.csv'), 'utf8')).toBe(await tidyCsv(doc));
    expect(readFileSync(path.join(dir, 'doc.json'), 'utf8')).toBe(recordJson(doc) + '\n');
    expect(readdirSync(path.join(dir, 'doc'))).toEqual(['表3-支出总体情况表.csv']);
    expect(readdirSync(dir).filter(f => f.includes('.tmp'))).toEqual([]);
  });
});

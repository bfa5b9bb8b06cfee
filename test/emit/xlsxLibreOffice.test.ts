/**
 * The workbook opened by a real spreadsheet program: LibreOffice converts every sheet to CSV (raw values,
 * not as displayed), and each table's amounts and codes — leading zeros included — are those of the JSON.
 * Skipped, with a message, only where LibreOffice (`soffice`) is not installed; CI installs it.
 */
import { execFile } from 'node:child_process';
import { existsSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { parseString } from 'fast-csv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAmount } from '../../src/model/amounts.js';
import type { OutputDocument } from '../../src/model/document.js';
import { xlsxBytes } from '../../src/emit/xlsx/workbook.js';
import { fixtureDocument } from './support/workbook.js';

const soffice = (process.env.PATH ?? '').split(path.delimiter).map(d => path.join(d, 'soffice')).find(p => existsSync(p));
if (!soffice) console.warn('LibreOffice (soffice) is not installed: the workbook conversion test is skipped (apt-get install libreoffice-calc).');

// Comma, double quote, UTF-8, from line 1, no column formats, language default, quote text only when
// needed, detect special numbers, raw values (not as shown), no formulas, no trimming, every sheet to its own file.
const CSV_FILTER = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1';

let work: string, doc: OutputDocument;
const sheets = new Map<string, string[][]>();

const parseCsv = (text: string): Promise<string[][]> => new Promise((resolve, reject) => {
  const rows: string[][] = [];
  parseString(text).on('data', (r: string[]) => rows.push(r)).on('error', reject).on('end', () => resolve(rows));
});

beforeAll(async () => {
  if (!soffice) return;
  doc = fixtureDocument();
  work = await fs.mkdtemp(path.join(os.tmpdir(), 'bt-xlsx-lo-'));
  const file = path.join(work, 'book.xlsx');
  await fs.writeFile(file, await xlsxBytes(doc));
  // A profile of its own, so a LibreOffice the user has open does not take the job over.
  await promisify(execFile)(soffice, ['--headless', '--norestore', `-env:UserInstallation=file://${path.join(work, 'profile')}`,
    '--convert-to', CSV_FILTER, '--outdir', path.join(work, 'csv'), file], { timeout: 600_000 });
  for (const f of await fs.readdir(path.join(work, 'csv'))) {
    sheets.set(f.replace(/^book-/, '').replace(/\.csv$/, ''), await parseCsv(await fs.readFile(path.join(work, 'csv', f), 'utf8')));
  }
}, 600_000);

afterAll(async () => { if (work) await fs.rm(work, { recursive: true, force: true }); });

describe.skipIf(!soffice)('xlsx workbook in LibreOffice', () => {
  it('converts every sheet', () => {
    expect([...sheets.keys()].sort()).toEqual(['文档 document', '检查 checks', '表1', '表3', '表4', '表10', '05 项目支出绩效目标表'].sort());
  });

  it("finds each table's amounts and codes, leading zeros kept, as in the JSON", () => {
    let amounts = 0, codes = 0;
    doc.tables.forEach((table, t) => {
      const name = t === 4 ? '05 项目支出绩效目标表' : table.number!;
      const csv = sheets.get(name)!;
      const depth = Math.max(1, ...table.columns.map(c => c.path.length));
      const columns = [...table.columns].sort((a, b) => a.index - b.index);
      table.rows.forEach((row, r) => {
        const fields = csv[3 + depth + r]!;
        expect(fields[0], `${name} row ${r}: page`).toBe(String(row.page));
        const byColumn = new Map(columns.map((c, i) => [c.index, fields[i + 1] ?? '']));
        for (const col of columns) {
          const text = row.cells[col.index] ?? '';
          const amount = col.role === 'amount' ? parseAmount(text) : null;
          if (amount !== null) expect(Number(byColumn.get(col.index)), `${name} row ${r} col ${col.index}`).toBe(amount);
          else expect(byColumn.get(col.index), `${name} row ${r} col ${col.index}`).toBe(text);
        }
        const numbers = fields.slice(1).filter(f => f !== '' && !Number.isNaN(Number(f))).map(Number);
        for (const rec of row.records) {
          for (const value of Object.values(rec.amounts)) { expect(numbers, `${name} row ${r}`).toContain(value); amounts++; }
          if (!rec.code) continue;
          const parts = columns.filter(c => c.role === 'code').map(c => byColumn.get(c.index)).join('');
          const named = columns.filter(c => c.role === 'code_name').map(c => byColumn.get(c.index)!);
          expect(parts === rec.code || named.some(f => f.startsWith(rec.code!)), `${name} row ${r}: code ${rec.code}`).toBe(true);
          codes++;
        }
      });
    });
    expect(amounts).toBeGreaterThan(80); // the fixture's record amounts (95) and coded records
    expect(codes).toBeGreaterThan(20);
    expect(sheets.get('表3')![9]!.slice(1, 5)).toEqual(['201', '03', '03', '机关服务']);
  });

  it('keeps text that starts like a formula as that text', () => {
    expect(sheets.get('05 项目支出绩效目标表')!.flat()).toContain('=12 个月');
  });

  it('lists the failed checks with their messages', () => {
    const listed = sheets.get('检查 checks')!.filter(r => r[0] === '未通过 fail').map(r => r[8]);
    expect(listed).toEqual(doc.checks.filter(c => c.status === 'fail').map(c => c.message));
  });
});

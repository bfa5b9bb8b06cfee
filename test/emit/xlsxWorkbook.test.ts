/**
 * The workbook read back as a spreadsheet program reads it: every table cell holds what the JSON holds
 * (codes as text with their leading zeros, amounts as numbers), the header keeps its merged cells, the
 * failed checks link to highlighted cells, and nothing anywhere is a formula.
 */
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseAmount } from '../../src/model/amounts.js';
import type { OutputDocument } from '../../src/model/document.js';
import { buildWorkbook, xlsxBytes } from '../../src/emit/xlsx/workbook.js';
import { fixtureDocument, packageFiles, readWorkbook, sheetXml } from './support/workbook.js';

let doc: OutputDocument, bytes: Uint8Array, wb: ExcelJS.Workbook;

beforeAll(async () => {
  doc = fixtureDocument();
  bytes = await xlsxBytes(doc);
  wb = await readWorkbook(bytes);
});

/** Sheet rows of the table's data: they start under the title, org and unit lines and the header rows. */
const dataRow = (doc: OutputDocument, t: number, r: number): number =>
  3 + Math.max(1, ...doc.tables[t]!.columns.map(c => c.path.length)) + r + 1;

describe('xlsx workbook', () => {
  it('has the document and checks sheets first, then one sheet per table named by its number', () => {
    expect(wb.worksheets.map(w => w.name)).toEqual(['文档 document', '检查 checks', '表1', '表3', '表4', '表10', '05 项目支出绩效目标表']);
  });

  it('holds every table cell as the JSON has it: codes and labels as text, amounts as numbers in the table unit', () => {
    let codes = 0, amounts = 0;
    doc.tables.forEach((table, t) => {
      const ws = wb.worksheets[t + 2]!;
      const columns = [...table.columns].sort((a, b) => a.index - b.index);
      table.rows.forEach((row, r) => {
        const sheetRow = ws.getRow(dataRow(doc, t, r));
        expect(sheetRow.getCell(1).value, `${table.number} row ${r} page`).toBe(row.page);
        columns.forEach((col, i) => {
          const text = row.cells[col.index] ?? '';
          const cell = sheetRow.getCell(i + 2);
          const amount = col.role === 'amount' ? parseAmount(text) : null;
          if (amount !== null) {
            expect(cell.type, `${ws.name}!${cell.address}`).toBe(ExcelJS.ValueType.Number);
            expect(cell.value).toBe(amount);
            expect(cell.numFmt).toBe(`#,##0.00"${table.unit}"`);
            amounts++;
          } else if (text) {
            expect(cell.type, `${ws.name}!${cell.address}`).toBe(ExcelJS.ValueType.String);
            expect(cell.value).toBe(text);
            if (col.role === 'code' || col.role === 'code_name') { expect(cell.numFmt).toBe('@'); codes++; }
          } else expect(cell.value, `${ws.name}!${cell.address}`).toBeNull();
        });
      });
    });
    expect(codes).toBeGreaterThan(20);
    expect(amounts).toBeGreaterThan(100);
    // 表3 row "201 03 01 行政运行": the code parts keep their leading zeros.
    const row = wb.getWorksheet('表3')!.getRow(9);
    expect([row.getCell(2).value, row.getCell(3).value, row.getCell(4).value, row.getCell(5).value]).toEqual(['201', '03', '01', '行政运行']);
  });

  it('rebuilds the printed header of 表3 with its merged cells, above a frozen pane', () => {
    const ws = wb.getWorksheet('表3')!;
    expect([...(ws.model as { merges: string[] }).merges].sort()).toEqual([
      'A4:A6', 'B1:H1', 'B2:H2', 'B3:H3', // page column; title, org and unit lines
      'B4:E4', 'F4:H4', // 科目 | 支出预算
      'B5:D5', 'E5:E6', 'F5:F6', 'G5:G6', 'H5:H6', // 功能分类科目编码 over 类/款/项; the shorter paths reach down
    ].sort());
    expect(ws.getCell('B4').value).toBe('科目');
    expect(ws.getCell('B5').value).toBe('功能分类科目编码');
    expect([ws.getCell('B6').value, ws.getCell('C6').value, ws.getCell('D6').value]).toEqual(['类', '款', '项']);
    expect(ws.getCell('E5').value).toBe('功能分类科目名称');
    expect(ws.getCell('B1').value).toBe('表3  单位支出总体情况表');
    expect(ws.getCell('B2').value).toBe('编制单位：阿图什市人民政府办公室');
    expect(ws.getCell('B3').value).toBe('单位：万元');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: 1, ySplit: 6 });
  });

  it('lists every failed check and links each to a highlighted cell carrying its message', async () => {
    const failed = doc.checks.filter(c => c.status === 'fail');
    const ws = wb.getWorksheet('检查 checks')!;
    const listed = ws.getRows(2, ws.rowCount - 1)!.filter(r => r.getCell(1).value === '未通过 fail');
    expect(listed.map(r => [r.getCell(2).value, r.getCell(3).value, r.getCell(9).value]))
      .toEqual(failed.map(c => [c.rule, c.table, c.message]));
    // exceljs reads only links with a relationship; a link inside the workbook is a bare location.
    const xml = await sheetXml(bytes, '检查 checks');
    const links = [...xml.matchAll(/<hyperlink ([^>]*)\/>/g)].map(m => m[1]!);
    expect(links.every(a => !a.includes('r:id'))).toBe(true);
    const byCell = new Map(links.map(a => [/ref="([A-Z]+\d+)"/.exec(a)![1]!, /location="([^"]+)"/.exec(a)![1]!.replace(/&apos;/g, "'")]));
    const tabled = listed.filter(r => r.getCell(3).value !== null);
    expect(tabled.length).toBeGreaterThanOrEqual(3);
    for (const r of tabled) {
      const target = byCell.get(r.getCell(10).address);
      expect(target, `link of ${r.getCell(2).value}`).toMatch(/^'[^']+'![A-Z]+\d+$/);
      const [, sheet, address] = /^'([^']+)'!(.+)$/.exec(target!)!;
      expect(r.getCell(10).value).toBe(`${sheet}!${address}`);
      const cell = wb.getWorksheet(sheet!)!.getCell(address!);
      expect((cell.fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFC7CE');
      expect(String(cell.note)).toContain(String(r.getCell(9).value).slice(0, 20));
    }
    // The failed sum names its column: the link goes to that amount, 表3 row 1 "支出预算/基本支出".
    const sum = tabled.find(r => r.getCell(2).value === 'code_sum')!;
    expect(sum.getCell(10).value).toBe('表3!G8');
    expect(wb.getWorksheet('表3')!.getCell('G8').value).toBe(967.37);
  });

  it('marks an OCR-repaired cell with its original reading', () => {
    const cell = wb.getWorksheet('表3')!.getCell('F9');
    expect(cell.value).toBe(809.21);
    expect(String(cell.note)).toContain('original reading: 309.21');
    expect((cell.fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFEB9C');
    const listed = wb.getWorksheet('检查 checks')!.getRows(2, 10)!.filter(r => r.getCell(2).value === 'ocr_repair');
    expect(listed).toHaveLength(1);
  });

  it('stores text that looks like a formula as text, and no cell anywhere as a formula', async () => {
    const form = wb.getWorksheet('05 项目支出绩效目标表')!;
    const cells: ExcelJS.Cell[] = [];
    form.eachRow(row => row.eachCell(cell => { if (cell.value === '=12 个月') cells.push(cell); }));
    expect(cells.length).toBeGreaterThan(0);
    for (const c of cells) { expect(c.type).toBe(ExcelJS.ValueType.String); expect(c.numFmt).toBe('@'); }
    for (const ws of wb.worksheets) ws.eachRow(row => row.eachCell(cell => {
      expect([ExcelJS.ValueType.Formula, ExcelJS.ValueType.SharedString], `${ws.name}!${cell.address}`).not.toContain(cell.type);
    }));
    for (const [name, xml] of await packageFiles(bytes)) if (name.startsWith('xl/worksheets/')) expect(xml, name).not.toMatch(/<f[ >]/);
  });

  it('summarises the document and each table, linking to its sheet', async () => {
    const ws = wb.getWorksheet('文档 document')!;
    const meta = new Map(ws.getRows(2, 16)!.map(r => [String(r.getCell(1).value), r.getCell(2).value]));
    expect(meta.get('编制单位 unit')).toBe('阿图什市人民政府办公室');
    expect(meta.get('年度 year')).toBe(2024);
    expect(meta.get('页数 pages')).toBe(52);
    expect(meta.get('检查未通过 checks failed')).toBe(doc.checks.filter(c => c.status === 'fail').length);
    const header = ws.getRows(1, ws.rowCount)!.find(r => r.getCell(1).value === '工作表 sheet')!;
    const lines = ws.getRows(header.number + 1, doc.tables.length)!;
    expect(lines.map(r => r.getCell(1).value)).toEqual(['表1', '表3', '表4', '表10', '05 项目支出绩效目标表']);
    const t3 = lines[1]!;
    const own = doc.checks.filter(c => c.table === '表3' && c.rule !== 'ocr_repair' && c.status !== 'skip' && c.expected !== null && c.actual !== null);
    expect([t3.getCell(7).value, t3.getCell(9).value, t3.getCell(10).value, t3.getCell(11).value])
      .toEqual([doc.tables[1]!.rows.length, own.length, own.filter(c => c.status === 'pass').length, 1]);
    const xml = await sheetXml(bytes, '文档 document');
    expect(xml).toContain(`<hyperlink ref="A${t3.number}" location="&apos;表3&apos;!B1"/>`);
  });

  it('adds the indicators sheet only when the document carries performance-target forms', async () => {
    expect(wb.getWorksheet('绩效 indicators')).toBeUndefined();
    const forms: OutputDocument['forms'] = [{
      kind: 'project', title: '项目支出绩效目标表', pages: [34], unit: '万元',
      project: { name: '日常运转经费', code: '650000000001', department: '阿图什市人民政府办公室' },
      funds: { total: 172.89, sources: [{ source: '财政拨款', amount: 0 }, { source: '其他资金', amount: 172.89 }] },
      goals: [],
      indicators: [
        { page: 34, level1: '产出指标', level2: '数量指标', name: '保障单位日常运转期限', target: '=12 个月', comparator: '=', value: 12, value_unit: '个月', period_target: null, basis: '计划标准', weight: 9 },
        { page: 34, level1: '满意度指标', level2: '服务对象满意度指标', name: '职工满意度', target: '≥95%', comparator: '≥', value: 95, value_unit: '%', period_target: null, basis: null, weight: 10 },
      ],
    }];
    const withForms = buildWorkbook({ ...doc, forms });
    const back = await readWorkbook(new Uint8Array(await withForms.xlsx.writeBuffer()));
    const ws = back.getWorksheet('绩效 indicators')!;
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(['项目 project', '项目代码 code', '主管部门 department', '资金 资金总额', '资金 财政拨款', '资金 其他资金',
      '一级指标 level 1', '二级指标 level 2', '三级指标 indicator', '指标值 target', '比较 comparator', '数值 value', '计量单位 unit',
      '设定依据 basis', '分值 weight', '页 pages']);
    const second = (ws.getRow(3).values as unknown[]).slice(1);
    expect(second).toEqual(['日常运转经费', '650000000001', '阿图什市人民政府办公室', 172.89, 0, 172.89, '满意度指标', '服务对象满意度指标',
      '职工满意度', '≥95%', '≥', 95, '%', undefined, 10, '34']);
    expect(ws.getCell('B2').type).toBe(ExcelJS.ValueType.String);
    expect(ws.getCell('J2').value).toBe('=12 个月');
    expect(ws.getCell('J2').type).toBe(ExcelJS.ValueType.String);
  });
});

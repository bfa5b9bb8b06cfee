import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../src/pipeline.js';

/**
 * Real disclosures from other regions whose layouts the table-structure mechanisms read (column-number
 * lines, 行次 columns, "of which" columns, cross tables and sub-unit blocks of codes, a 项 named like its
 * 款): every printed sum that fails must be one of the PDF's own misprints listed, with its printed
 * figures, in test/fixtures/wild-misprints.json. Any other failure is a misreading.
 */
const SUM_RULES = new Set(['row_sum', 'code_sum', 'total_sum', 'project_sum', 'three_public_sum',
  'three_public_lines', 'side_sum', 'balance', 'cross_table']);

interface Misprint { document: string; page: number; table: string; rule: string; row: string | null; column: string | null; printed: number; parts_add_up_to: number }
const fixture = JSON.parse(readFileSync(path.join(import.meta.dirname, 'fixtures', 'wild-misprints.json'), 'utf8')) as { misprints: Misprint[] };

// [document, sum checks run when measured]: fewer would mean checks were dropped rather than read.
const DOCUMENTS: [string, number][] = [
  ['national-public-complaints-admin-2024-dept-final', 177],
  ['beijing-municipal-public-security-2026-dept-budget-tables', 376],
  ['beijing-municipal-audit-2026-dept-budget-tables', 182],
  ['chongqing-water-resources-2026-dept-budget', 577],
  ['suzhou-audit-2026-dept-budget', 265],
];

const wild = path.join(import.meta.dirname, '..', 'samples', 'wild');

describe.each(DOCUMENTS)('%s', (name, minSumChecks) => {
  it('fails no printed sum but the PDF\'s own misprints', async () => {
    const { document } = await extractDocument(new Uint8Array(readFileSync(path.join(wild, `${name}.pdf`))), `${name}.pdf`, { ocr: null });
    const sums = document.checks.filter((c) => SUM_RULES.has(c.rule) && c.status !== 'skip');
    expect(sums.length).toBeGreaterThanOrEqual(minSumChecks);
    const listed = fixture.misprints.filter((m) => m.document === name);
    const unexplained = sums.filter((c) => c.status === 'fail')
      .filter((c) => !listed.some((m) => m.table === c.table && m.page === c.page && m.rule === c.rule && m.column === c.column &&
        m.printed === c.actual && m.parts_add_up_to === c.expected && (m.row === null || c.message.includes(`row "${m.row}"`))))
      .map((c) => `${c.rule} ${c.table} p.${c.page}: ${c.message}`);
    expect(unexplained).toEqual([]);
  });
});

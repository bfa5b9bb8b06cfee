import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../src/pipeline.js';

// Real disclosures from other cities: before the registry held what departments print, these raised
// about 700 code_registry failures for real, current codes. Now only what the PDFs really misprint fails.
const WILD = path.join(import.meta.dirname, '../../samples/wild');
const { misprints } = JSON.parse(readFileSync(path.join(import.meta.dirname, '../fixtures/wild-registry-misprints.json'), 'utf8')) as
  { misprints: { file: string; rule: string; page: number; row: number; code: string; printed: string; official: string }[] };

// Every wild document with a text layer and classification codes (the 140 pages of performance forms have none).
const FILES = [
  'beijing-municipal-audit-2026-dept-budget-tables.pdf', 'beijing-municipal-public-security-2026-dept-budget-tables.pdf',
  'beijing-traffic-police-2026-dept-budget.pdf', 'changsha-petitions-bureau-2026-dept-budget.pdf',
  'chongqing-water-resources-2026-dept-budget.pdf', 'foshan-rail-transit-bureau-2019-dept-final.pdf',
  'fuzhou-science-technology-bureau-2026-unit-budget.pdf', 'huzhou-health-commission-2026-dept-budget.pdf',
  'jiangsu-provincial-high-court-2018-dept-budget.pdf', 'jiangsu-provincial-npc-standing-committee-office-2017-dept-budget.pdf',
  'national-public-complaints-admin-2024-dept-final.pdf', 'shanghai-forensic-science-institute-2026-unit-budget.pdf',
  'shenzhen-civil-affairs-2026-dept-budget.pdf', 'shenzhen-water-2026-dept-budget.pdf', 'suzhou-audit-2026-dept-budget.pdf',
  'xian-work-safety-bureau-2019-dept-budget-tables.pdf', 'yantai-audit-2026-dept-budget.pdf',
];
// The registry's own checks: code_registry, and code_name messages that compare with the registry.
const isRegistryFailure = (c: { rule: string; status: string; message: string }): boolean =>
  c.status === 'fail' && (c.rule === 'code_registry' || c.rule === 'code_name' && /registry name/.test(c.message));

describe('registry checks on real disclosures from 14 cities', () => {
  for (const file of FILES) {
    // One document's whole pipeline; sized for the largest (187 pages) on a loaded machine.
    it(file, { timeout: 600_000 }, async () => {
      const { document } = await extractDocument(new Uint8Array(readFileSync(path.join(WILD, file))), file, { ocr: null });
      const failures = document.checks.filter(isRegistryFailure).map(c => ({ rule: c.rule, page: c.page, row: c.row }));
      const expected = misprints.filter(m => m.file === file).map(m => ({ rule: m.rule, page: m.page, row: m.row }));
      expect(failures).toEqual(expected);
      for (const m of misprints.filter(x => x.file === file)) {
        const c = document.checks.find(x => isRegistryFailure(x) && x.page === m.page && x.row === m.row)!;
        expect(c.message).toContain(m.printed);
        expect(c.message).toContain(m.official);
      }
      expect(document.document.unit).toBeTruthy();
      expect(document.document.year).toBeGreaterThan(2000);
    });
  }
});

import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateDocument } from '../../src/validate/index.js';
import { OutputDocumentSchema } from '../../src/model/document.js';
import { loadTruth, truthToDocument } from './truthToDocument.js';

const SAMPLES = join(import.meta.dirname, '../../samples');
const run = (path: string) => {
  const { doc, prose } = truthToDocument(loadTruth(path));
  return { doc, checks: validateDocument(doc, prose) };
};
const failed = (checks: ReturnType<typeof run>['checks']) => checks.filter((c) => c.status === 'fail');
const IDENTITIES = /^(row_sum|code_sum|total_sum|project_sum|three_public_sum|three_public_lines|side_sum|balance|cross_table|code_parent|unit_scale)$/;

/** What the printed atushi document itself gets wrong (the same in every style). */
const ATUSHI_FINDINGS = [
  // 表4 prints class 234 as "抗疫特别国债还本支出" where 表1 has "抗疫特别国债安排的支出"
  { rule: 'code_name', table: '表4', row: 29 },
  // "财政拨款结转 96.62 万元，占 2.77%": 96.62 ÷ 3,481.70 = 2.775…% → 2.78% (shares forced to add up to 100%)
  { rule: 'prose_share', actual: 2.77, expected: 2.78 },
  // … and the registry names that class 234 "抗疫特别国债安排的支出" too
  { rule: 'code_registry_name', table: '表4', row: 29 },
];

describe('atushi samples (text layer): every table identity holds; only the document\'s own slips fail', () => {
  for (const style of ['grid', 'landscape', 'open', 'merged-code', 'yuan']) {
    it(style, () => {
      const { doc, checks } = run(join(SAMPLES, `atushi-2024-${style}.truth.json`));
      expect(OutputDocumentSchema.safeParse(doc).success).toBe(true);
      const identities = checks.filter((c) => IDENTITIES.test(c.rule));
      expect(identities.filter((c) => c.status === 'pass').length).toBeGreaterThan(300);
      expect(failed(identities)).toEqual([]);
      expect(checks.filter((c) => c.rule === 'prose_figure' && c.status === 'pass').length).toBeGreaterThanOrEqual(40);
      expect(failed(checks)).toMatchObject(ATUSHI_FINDINGS);
    });
  }
});

describe('synthetic samples', () => {
  const dir = join(SAMPLES, 'synth');
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.truth.json'))) {
    const truth = loadTruth(join(dir, file));
    const planted = truth.planted_errors ?? [];
    it(`${file}: ${planted.length > 0 ? 'every planted error is reported' : 'no failed check'}`, () => {
      const { doc, checks } = run(join(dir, file));
      if (planted.length === 0) {
        expect(failed(checks)).toEqual([]);
        return;
      }
      for (const e of planted) {
        const table = doc.tables[Number(e.table.slice(1)) - 1]!;
        const label = table.number ?? table.title;
        const hit = failed(checks).find((c) => c.table === label && c.row === e.row);
        expect(hit, `planted ${e.id} (${label} row ${e.row}) not reported`).toBeDefined();
      }
    });
  }
});

/** Rule ids are a closed list with kinds; every rule, the registry's too, runs through the validator's catalogue. */
import { describe, expect, it } from 'vitest';
import { OutputDocumentSchema } from '../../src/model/document.js';
import { RULE_IDS, RULE_KINDS, RuleIdSchema, SUM_RULES, WarningCodeSchema } from '../../src/model/rules.js';
import { checkOutputJson, validateDocument } from '../../src/validate/index.js';
import { expenditureTable, makeDoc } from './fixtures.js';

describe('rule ids', () => {
  it('are a closed list: an id outside it is a schema error', () => {
    expect(RuleIdSchema.safeParse('row_sum').success).toBe(true);
    expect(RuleIdSchema.safeParse('made_up_rule').success).toBe(false);
  });

  it('give every rule one kind, and the sum rules are the kind "sum"', () => {
    expect(new Set(RULE_IDS).size).toBe(RULE_IDS.length);
    expect([...SUM_RULES].sort()).toEqual(['balance', 'code_sum', 'project_sum', 'row_sum', 'side_sum', 'three_public_sum', 'total_sum']);
    expect(RULE_KINDS.code_registry).toBe('registry');
    expect(RULE_KINDS.code_registry_name).toBe('registry');
    expect(RULE_KINDS.code_name).toBe('identity');
  });

  it('cover every check the validator makes, the registry checks among them', () => {
    const doc = makeDoc([expenditureTable()]);
    doc.tables[0]!.rows[2]!.records[0]!.name = '机关服务'; // 2010301 is 行政运行 in the registry
    const checks = validateDocument(doc, []);
    for (const c of checks) expect(RULE_IDS).toContain(c.rule);
    expect(checks.some(c => c.rule === 'code_registry' && c.status === 'pass')).toBe(true);
    expect(checks.filter(c => c.rule === 'code_registry_name' && c.status === 'fail').map(c => c.row)).toEqual([2]);
  });

  it('are what `check` re-runs: a registry failure makes the file fail the check', () => {
    const doc = makeDoc([expenditureTable()]);
    expect(checkOutputJson(doc).ok).toBe(true);
    doc.tables[0]!.rows[2]!.records[0]!.name = '机关服务';
    const result = checkOutputJson(doc);
    expect(result.ok).toBe(false);
    expect(result.checks.filter(c => c.status === 'fail').map(c => c.rule)).toEqual(['code_registry_name']);
  });

  it('of files written before the list was closed still read: every id ever written is in it, and warnings need no code', () => {
    const older = { ...makeDoc([expenditureTable()]), forms: undefined,
      checks: ['row_sum', 'code_sum', 'total_sum', 'project_sum', 'three_public_sum', 'three_public_lines', 'side_sum', 'balance',
        'cross_table', 'code_parent', 'code_name', 'code_registry', 'unit_scale', 'form_weights', 'form_funds', 'form_project_funds',
        'form_staff', 'prose', 'prose_figure', 'prose_share', 'prose_change', 'ocr_unreadable', 'ocr_repair']
        .map(rule => ({ rule, status: 'pass', table: null, page: null, row: null, column: null, message: '', expected: null, actual: null })),
      warnings: [{ page: 3, message: 'page 3: no text layer' }] };
    const parsed = OutputDocumentSchema.safeParse(older);
    expect(parsed.success, JSON.stringify(parsed.error?.issues.slice(0, 3))).toBe(true);
    expect(checkOutputJson(older).schemaIssues).toEqual([]);
  });

  it('warnings carry a code from a closed list', () => {
    expect(WarningCodeSchema.options).toContain('page_without_text');
    expect(OutputDocumentSchema.safeParse({ ...makeDoc([]), warnings: [{ page: 1, code: 'made_up', message: 'x' }] }).success).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import type { PerformanceForm } from '../../src/model/forms.js';
import { formProjectFunds } from '../../src/validate/rules/forms.js';
import { defaultValidationSettings } from '../../src/validate/settings.js';
import { viewDocument } from '../../src/validate/tables.js';
import { makeDoc, makeTable } from './fixtures.js';

const form = (name: string, total: number): PerformanceForm => ({
  kind: 'project', title: '项目支出绩效目标表', pages: [20], project: { name, code: null, department: null }, unit: '万元',
  funds: { total, sources: [] }, goals: [], indicators: [],
});

/** A 项目支出表 listing projects by name alone (no 科目 codes), one project funded in three parts. */
const projects = makeTable({
  type: 'project_expenditure', title: '项目支出预算情况表',
  groups: [{ columns: ['合计'], rows: [
    { name: '合计', amounts: [609] }, { name: '审计业务经费', amounts: [31] }, { name: '审计业务经费', amounts: [539] },
    { name: '审计业务经费', amounts: [18] }, { name: '审计专项经费', amounts: [21] },
  ] }],
});

const run = (forms: PerformanceForm[]) => {
  const doc = { ...makeDoc([projects]), forms };
  return formProjectFunds({ doc, views: viewDocument(doc), settings: defaultValidationSettings });
};

describe('form_project_funds against a 项目支出表 without codes', () => {
  it('matches each form of a name printed on several lines to one of its lines', () => {
    const checks = run([form('审计业务经费', 31), form('审计业务经费', 539), form('审计业务经费', 18)]);
    expect(checks.map(c => c.status)).toEqual(['pass', 'pass', 'pass']);
  });

  it('fails a form that matches no line of its name, and one that differs from its single line', () => {
    const checks = run([form('审计业务经费', 30), form('审计专项经费', 19)]);
    expect(checks.map(c => [c.status, c.expected, c.actual])).toEqual([['fail', 588, 30], ['fail', 21, 19]]);
  });
});

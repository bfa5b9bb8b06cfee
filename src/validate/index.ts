import { OutputDocumentSchema, type Check, type OutputDocument } from '../model/document.js';
import { balance, sideSums } from './rules/balance.js';
import { codeNames, codeParents } from './rules/codes.js';
import type { RuleContext, TableRule } from './rules/context.js';
import { crossTable } from './rules/crossTable.js';
import { formFunds, formProjectFunds, formWeights } from './rules/forms.js';
import { formStaffChecks } from './rules/formStaff.js';
import { hierarchySums } from './rules/hierarchy.js';
import { registryChecks } from './rules/registry.js';
import { rowSums } from './rules/rowIdentities.js';
import { threePublicSums } from './rules/threePublic.js';
import { threePublicLines } from './rules/threePublicLines.js';
import { unitScale } from './rules/units.js';
import { unreadableCells } from './rules/unreadable.js';
import { proseChecks, type ProseLine } from './prose/rules.js';
import { defaultValidationSettings, type ValidationSettings } from './settings.js';
import { viewDocument } from './tables.js';

export type { ProseLine } from './prose/rules.js';
export { tableLabel } from './tables.js';
export { defaultValidationSettings, type ValidationSettings } from './settings.js';

/** The catalogue of table rules, in the order their checks are listed. */
export const tableRules: Record<string, TableRule> = {
  row_sum: rowSums,
  hierarchy: hierarchySums,
  three_public_sum: threePublicSums,
  side_sum: sideSums,
  balance,
  cross_table: crossTable,
  three_public_lines: threePublicLines,
  code_parent: codeParents,
  code_name: codeNames,
  unit_scale: unitScale,
  form_weights: formWeights,
  form_funds: formFunds,
  form_project_funds: formProjectFunds,
  ocr_unreadable: unreadableCells,
};

/** The rules on the codes against the bundled registry (listed after the prose checks). */
export const registryRules: Record<string, TableRule> = {
  code_registry: (ctx) => registryChecks(ctx.doc),
};

/** Run every table rule, the prose rules when the document's prose lines are given, and the registry rules. */
export function validateDocument(doc: OutputDocument, prose: ProseLine[] | null,
  settings: ValidationSettings = defaultValidationSettings): Check[] {
  const ctx: RuleContext = { doc, views: viewDocument(doc), settings };
  const checks = Object.values(tableRules).flatMap((rule) => rule(ctx));
  if (prose === null) {
    checks.push({ rule: 'prose', status: 'skip', table: null, page: null, row: null, column: null,
      message: 'The document text (说明) was not available, so figures stated in prose were not checked.', expected: null, actual: null });
  } else {
    checks.push(...proseChecks(ctx, prose), ...formStaffChecks(ctx, prose));
  }
  checks.push(...Object.values(registryRules).flatMap((rule) => rule(ctx)));
  return checks;
}

/** Validate an emitted NAME.json: schema first, then the table rules again (prose is not in the JSON). */
export function checkOutputJson(json: unknown, settings: ValidationSettings = defaultValidationSettings):
  { ok: boolean; schemaIssues: string[]; checks: Check[] } {
  const parsed = OutputDocumentSchema.safeParse(json);
  if (!parsed.success) {
    const schemaIssues = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message} [${i.code}]`);
    return { ok: false, schemaIssues, checks: [] };
  }
  const checks = validateDocument(parsed.data, null, settings);
  return { ok: !checks.some((c) => c.status === 'fail'), schemaIssues: [], checks };
}

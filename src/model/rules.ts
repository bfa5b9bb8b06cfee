import { z } from 'zod';

/**
 * Every validation rule, by id, with its kind: the one list. Check.rule is one of these ids, and every
 * list of rules elsewhere (the sum rules of the quality verdict and the report, the rules run by the
 * validator) is derived from this table. Ids are part of the output contract: a rule may be added, but an
 * id once written is never renamed or removed, so that older NAME.json files still read.
 */
export const RULE_KINDS = {
  /** A printed total is the sum of its printed parts (a row, a code's children, a column's lines). */
  row_sum: 'sum', code_sum: 'sum', total_sum: 'sum', project_sum: 'sum', three_public_sum: 'sum', side_sum: 'sum', balance: 'sum',
  /** The same figure, or the same code's name, printed in two places agrees. */
  cross_table: 'identity', three_public_lines: 'identity', code_name: 'identity',
  /** Codes nest: every 款 under its 类, every 项 under its 款. */
  code_parent: 'hierarchy',
  /** The table's unit of money agrees with its figures. */
  unit_scale: 'unit',
  /** Codes and their names against the bundled code registry. */
  code_registry: 'registry', code_registry_name: 'registry',
  /** Performance-target and staff forms. */
  form_weights: 'form', form_funds: 'form', form_project_funds: 'form', form_staff: 'form',
  /** Figures stated in the document's prose (说明) against its tables; `prose` marks the prose not checked. */
  prose: 'prose', prose_figure: 'prose', prose_share: 'prose', prose_change: 'prose',
  /** Amounts read by OCR: unreadable cells, and misreadings repaired by arithmetic. */
  ocr_unreadable: 'ocr', ocr_repair: 'ocr',
} as const;

export type RuleId = keyof typeof RULE_KINDS;
export type RuleKind = (typeof RULE_KINDS)[RuleId];
export const RULE_IDS = Object.keys(RULE_KINDS) as [RuleId, ...RuleId[]];
export const RuleIdSchema = z.enum(RULE_IDS);

export const rulesOfKind = (kind: RuleKind): ReadonlySet<RuleId> => new Set(RULE_IDS.filter(id => RULE_KINDS[id] === kind));

/** The rules that check a table's own printed totals against its parts. */
export const SUM_RULES: ReadonlySet<string> = rulesOfKind('sum');

/** Why a warning was given (warnings are not checks: they say what the reading decided or could not do). */
export const WarningCodeSchema = z.enum([
  /** A page pdf.js could not read. */
  'page_unreadable',
  /** A page without usable text whose tables are not extracted (no text layer, OCR off or failed). */
  'page_without_text',
  /** OCR could not read a page. */
  'ocr_failed',
  /** OCR read a standard phrase one glyph off, and the standard phrase was taken. */
  'ocr_phrase_corrected',
  /** A code or a name read by OCR one glyph off the registry's was settled by the registry. */
  'ocr_label_settled',
  /** Printed code cells that do not settle a row's code; the registry's code of its name was taken. */
  'code_settled_by_registry',
]);
export type WarningCode = z.infer<typeof WarningCodeSchema>;

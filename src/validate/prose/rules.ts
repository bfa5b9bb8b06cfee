import type { Check } from '../../model/document.js';
import type { RuleContext } from '../rules/context.js';

/** One line of the document's non-table text, in reading order. */
export interface ProseLine { page: number; text: string }

export function proseChecks(_ctx: RuleContext, _prose: ProseLine[]): Check[] {
  return [];
}

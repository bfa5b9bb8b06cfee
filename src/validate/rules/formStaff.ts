import type { Check } from '../../model/document.js';
import type { ProseLine } from '../../model/rawTable.js';
import type { RuleContext } from './context.js';
import { formLabel } from './forms.js';

/** Staff figures a 整体 form and the 说明 both state, each with the words that print it. */
const STAFF_FIGURES: [name: string, pattern: RegExp][] = [
  ['编制数', /编制(?:数|人数)?\s*(?:为|是|[:：])?\s*(\d+)\s*(?:人|名)?/],
  ['实有人数', /实有(?:人数|人员)?\s*(?:为|是|[:：])?\s*(\d+)\s*(?:人|名)/],
  ['在职人数', /在职(?:人数|人员)?\s*(?:为|是|[:：])?\s*(\d+)\s*(?:人|名)/],
  ['退休人数', /退休(?:人数|人员)?\s*(?:为|是|[:：])?\s*(\d+)\s*(?:人|名)/],
  ['离休人数', /离休(?:人数|人员)?\s*(?:为|是|[:：])?\s*(\d+)\s*(?:人|名)/],
  ['科室数', /(?:下设|内设)\s*(\d+)\s*个(?:科室|股室|处室|内设机构)|科室数\s*(?:为|[:：])?\s*(\d+)/],
];

/** The first statement of each staff figure in a text. */
export function staffFigures(text: string): Map<string, number> {
  const flat = text.replace(/\s+/g, ' ');
  const out = new Map<string, number>();
  for (const [name, re] of STAFF_FIGURES) {
    const m = re.exec(flat);
    const v = m?.slice(1).find(g => g !== undefined);
    if (v !== undefined) out.set(name, Number(v));
  }
  return out;
}

/**
 * form_staff: staff figures on a 整体 (unit-wide) form — 编制数, 实有人数, 科室数 … in its goal text — agree
 * with the same figures stated in the disclosure's text. A figure only one side states is not checked.
 */
export function formStaffChecks(ctx: RuleContext, prose: readonly ProseLine[]): Check[] {
  const stated = staffFigures(prose.map(l => l.text).join('\n'));
  const page = (name: string): number | null => prose.find(l => staffFigures(l.text).has(name))?.page ?? null;
  return (ctx.doc.forms ?? []).filter(f => f.kind === 'unit').flatMap((f) => {
    const onForm = staffFigures(f.goals.join('\n'));
    return [...onForm].filter(([name]) => stated.has(name)).map(([name, value]): Check => {
      const text = stated.get(name)!;
      const ok = value === text;
      const where = page(name);
      return {
        rule: 'form_staff', status: ok ? 'pass' : 'fail', table: formLabel(f), page: f.pages[0] ?? null, row: null, column: name,
        expected: text, actual: value, cells: [], bbox: null,
        message: ok
          ? `${formLabel(f)} states ${name} ${value}, as the text does${where ? ` (page ${where})` : ''}.`
          : `${formLabel(f)} states ${name} ${value}, but the text${where ? ` on page ${where}` : ''} states ${text}.`,
      };
    });
  });
}

/**
 * Staff figures (编制数, 实有人数, 在职/退休/离休人数, 科室数) as a 整体 form's goal text and a disclosure's 说明
 * text state them: one vocabulary for the form reader (which records where the form prints each) and the
 * form_staff rule (which compares the two).
 */

/** Each staff figure with the words that print it; the figure is the pattern's first group that matched. */
const STAFF_FIGURES: [name: string, pattern: RegExp][] = [
  ['编制数', /编制(?:数|人数)?\s*(?:为|是|[:：])?\s*(\d+)\s*(?:人|名)?/d],
  ['实有人数', /实有(?:人数|人员)?\s*(?:为|是|[:：])?\s*(\d+)\s*(?:人|名)/d],
  ['在职人数', /在职(?:人数|人员)?\s*(?:为|是|[:：])?\s*(\d+)\s*(?:人|名)/d],
  ['退休人数', /退休(?:人数|人员)?\s*(?:为|是|[:：])?\s*(\d+)\s*(?:人|名)/d],
  ['离休人数', /离休(?:人数|人员)?\s*(?:为|是|[:：])?\s*(\d+)\s*(?:人|名)/d],
  ['科室数', /(?:下设|内设)\s*(\d+)\s*个(?:科室|股室|处室|内设机构)|科室数\s*(?:为|[:：])?\s*(\d+)/d],
];

/** A staff figure stated in a text: its name, value and where its digits stand in the text. */
export interface StaffStatement { name: string; value: number; digits: string; index: number }

/**
 * The first statement of each staff figure in a text, in the order of STAFF_FIGURES. Runs of whitespace
 * read as one space; `index` is in the text given, so a text without runs of whitespace (a tidied goal
 * text, goals joined by one line break) keeps its offsets.
 */
export function staffStatements(text: string): StaffStatement[] {
  const flat = text.replace(/\s+/g, ' ');
  const out: StaffStatement[] = [];
  for (const [name, re] of STAFF_FIGURES) {
    const m = re.exec(flat);
    if (!m) continue;
    const g = m.findIndex((v, i) => i > 0 && v !== undefined);
    if (g < 0) continue;
    out.push({ name, value: Number(m[g]), digits: m[g]!, index: m.indices![g]![0] });
  }
  return out;
}

/** The first statement of each staff figure in a text, by name. */
export function staffFigures(text: string): Map<string, number> {
  return new Map(staffStatements(text).map(s => [s.name, s.value]));
}

import type { Check } from '../../model/document.js';
import type { PerformanceForm, StaffFigure } from '../../model/forms.js';
import type { ProseLine } from '../../model/rawTable.js';
import { staffFigures, staffStatements } from '../../model/staffFigures.js';
import type { RuleContext } from './context.js';
import { formLabel, formPlace } from './forms.js';

/**
 * Why a staff figure of a form has no box, said in its check's message: its place was not recorded (a
 * file written before it was), or it could not be (see StaffFigureSchema). The only form_staff checks
 * without a box are those saying one of these.
 */
export const UNPLACED_STAFF_FIGURE = {
  writtenBefore: 'where the form prints it was not recorded: the file was written before staff figures kept their place',
  unknown: 'where the form prints it is not known: its goal text was read from header lines, which keep no box, or was read again after the layout placed it',
  ocr: 'where the form prints it is not known: its page was read by OCR, whose lines do not place a single figure',
} as const;

/** A form's staff figures with where each is printed; read from its goal text when the file predates `staff`. */
const staffOf = (f: PerformanceForm): { figures: StaffFigure[]; recorded: boolean } =>
  f.staff ? { figures: f.staff, recorded: true }
    : { figures: staffStatements(f.goals.join('\n')).map(s => ({ name: s.name, value: s.value, at: null })), recorded: false };

/**
 * form_staff: staff figures on a 整体 (unit-wide) form — 编制数, 实有人数, 科室数 … in its goal text — agree
 * with the same figures stated in the disclosure's text. A figure only one side states is not checked.
 * The check is on the page of the form's figure, boxed by its glyphs, with its cell as the check's cell;
 * a figure whose place is not known says why in the message.
 */
export function formStaffChecks(ctx: RuleContext, prose: readonly ProseLine[]): Check[] {
  const stated = staffFigures(prose.map(l => l.text).join('\n'));
  const ocrPages = new Set(ctx.doc.pages.filter(p => p.text_source === 'ocr').map(p => p.number));
  const whyUnplaced = (f: PerformanceForm, recorded: boolean): string =>
    !recorded ? UNPLACED_STAFF_FIGURE.writtenBefore : f.pages.some(p => ocrPages.has(p)) ? UNPLACED_STAFF_FIGURE.ocr : UNPLACED_STAFF_FIGURE.unknown;
  const page = (name: string): number | null => prose.find(l => staffFigures(l.text).has(name))?.page ?? null;
  return (ctx.doc.forms ?? []).filter(f => f.kind === 'unit').flatMap((f) => {
    const { figures, recorded } = staffOf(f);
    return figures.filter(({ name }) => stated.has(name)).map(({ name, value, at }): Check => {
      const text = stated.get(name)!;
      const ok = value === text;
      const where = page(name);
      const unplaced = at ? '' : ` (${whyUnplaced(f, recorded)})`;
      const place = formPlace(f, [at], 'total', 'total');
      return {
        rule: 'form_staff', status: ok ? 'pass' : 'fail', table: formLabel(f), page: place.page, row: null, column: name,
        expected: text, actual: value, cells: place.cells, bbox: place.bbox,
        message: (ok
          ? `${formLabel(f)} states ${name} ${value}, as the text does${where ? ` (page ${where})` : ''}.`
          : `${formLabel(f)} states ${name} ${value}, but the text${where ? ` on page ${where}` : ''} states ${text}.`) + unplaced,
      };
    });
  });
}

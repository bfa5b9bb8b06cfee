/**
 * Worksheet names as Excel accepts them: at most 31 characters, none of \ / ? * [ ] :, no apostrophe at
 * either end, unique regardless of case, and not the reserved name "History". The characters `!` and `'`
 * are dropped too, so a name can be written into a cell reference without quoting rules going wrong.
 */
export const MAX_SHEET_NAME_CHARS = 31;

const FORBIDDEN = /[\\/?*[\]:!'\u0000-\u001f]/g;

/** The longest prefix of `text` within `max` UTF-16 units (Excel's unit), never splitting a character. */
function clip(text: string, max: number): string {
  let out = '';
  for (const ch of text) {
    if (out.length + ch.length > max) break;
    out += ch;
  }
  return out;
}

/** A valid sheet name from any label; empty labels become `fallback`. */
export function cleanSheetName(label: string, fallback: string): string {
  const cleaned = label.replace(FORBIDDEN, '').replace(/\s+/g, ' ').trim();
  return clip(cleaned || fallback, MAX_SHEET_NAME_CHARS).trim();
}

/** Hands out unique sheet names; a name already taken gets " (2)", " (3)" … within the length limit. */
export class SheetNamer {
  private readonly taken = new Set<string>(['history']);

  constructor(reserved: readonly string[] = []) {
    for (const name of reserved) this.taken.add(name.toLowerCase());
  }

  take(label: string, fallback: string): string {
    const base = cleanSheetName(label, fallback);
    let name = base;
    for (let n = 2; this.taken.has(name.toLowerCase()); n++) {
      const suffix = ` (${n})`;
      name = clip(base, MAX_SHEET_NAME_CHARS - suffix.length).trimEnd() + suffix;
    }
    this.taken.add(name.toLowerCase());
    return name;
  }
}

/** A cell reference into a sheet, quoted as formulas and hyperlinks expect it: `'检查 checks'!A2`. */
export const sheetRef = (sheet: string, address: string): string => `'${sheet}'!${address}`;

/**
 * Repair by arithmetic, never silently. On pages read by OCR, an amount misread by one glyph
 * ("332.16" read as "332.1", "142.31" as "1142.31", 7 read as 1) breaks the table's identities. When
 * exactly one amount cell of a table can be read another plausible way — one digit dropped or added,
 * or one digit swapped for a look-alike — such that every identity of that table then holds and no
 * other check starts failing, that reading is used, and a check with rule `ocr_repair` records the
 * original and the repaired text. Anything else is left as read, for the failed checks to flag.
 * Text-layer pages are never touched.
 */
import type { Check, OutputDocument, Table } from '../model/document.js';
import { validateDocument, type ProseLine } from './index.js';
import { formatHundredths, fromHundredths, toHundredths } from './money.js';
import { defaultValidationSettings, type ValidationSettings } from './settings.js';
import { rowLabel, tableLabel } from './tables.js';

export interface OcrRepairResult {
  /** A copy of the document with the repaired amounts (the input is not changed). */
  document: OutputDocument;
  /** One `ocr_repair` check (status "pass") per repaired cell. */
  checks: Check[];
}

/** Digits OCR confuses with each other (unordered pairs). */
const LOOK_ALIKE: ReadonlyArray<readonly [string, string]> = [
  ['1', '7'], ['1', '4'], ['3', '8'], ['5', '6'], ['6', '8'], ['0', '8'], ['0', '6'], ['0', '9'],
  ['8', '9'], ['3', '5'], ['2', '7'], ['5', '8'], ['3', '9'],
];
const lookAlike = (a: string, b: string): boolean => LOOK_ALIKE.some(([x, y]) => (x === a && y === b) || (x === b && y === a));

/**
 * Whether `to` is a plausible misreading-repair of `from` (both plain number texts, no commas): one
 * character dropped, one digit added, or one digit replaced by a look-alike.
 */
export function oneGlyphApart(from: string, to: string): boolean {
  if (from === to) return false;
  if (Math.abs(from.length - to.length) > 1) return false;
  if (from.length === to.length) {
    const diff = [...from].map((ch, i) => [ch, to[i]] as const).filter(([a, b]) => a !== b);
    return diff.length === 1 && /\d/.test(diff[0][0]) && /\d/.test(diff[0][1]!) && lookAlike(diff[0][0], diff[0][1]!);
  }
  const [long, short] = from.length > to.length ? [from, to] : [to, from];
  for (let i = 0; i < long.length; i++) {
    if (long.slice(0, i) + long.slice(i + 1) === short) return /\d/.test(long[i]!);
  }
  return false;
}

/** Texts an amount may have been read as: the cell's rebuilt text, and the number's shortest form. */
function readings(printed: string | undefined, value: number): string[] {
  const out = new Set<string>();
  if (printed) {
    const t = printed.replace(/[,\s]/g, '');
    if (/^-?[\d.]+$/.test(t)) out.add(t);
  }
  out.add(String(value));
  out.add(formatHundredths(toHundredths(value)).replace(/,/g, ''));
  return [...out];
}

interface Cell { table: Table; tableIndex: number; row: number; group: number; key: string; value: number; printed: string | undefined }

/** The text printed in the cell that holds amount `key` of record `group` of a row, if it can be told. */
function printedText(table: Table, rowIndex: number, group: number, key: string): string | undefined {
  const row = table.rows[rowIndex]!;
  const cols = table.columns.filter(c => c.role === 'amount' && c.path.join('/') === key);
  const col = cols.length === 1 ? cols[0] : cols[group];
  return col ? row.cells[col.index] : undefined;
}

const checkKey = (c: Check): string => `${c.rule}|${c.table}|${c.page}|${c.row}|${c.column}`;
const isNumeric = (c: Check): boolean => c.expected !== null && c.actual !== null;

function failing(doc: OutputDocument, prose: ProseLine[] | null, settings: ValidationSettings): Check[] {
  return validateDocument(doc, prose, settings).filter(c => c.status === 'fail');
}

/** Whether every failure in `after` was already a failure in `before` (as a multiset of places). */
function noNewFailures(before: readonly Check[], after: readonly Check[]): boolean {
  const left = new Map<string, number>();
  for (const c of before) left.set(checkKey(c), (left.get(checkKey(c)) ?? 0) + 1);
  for (const c of after) {
    const n = left.get(checkKey(c)) ?? 0;
    if (n === 0) return false;
    left.set(checkKey(c), n - 1);
  }
  return true;
}

export interface OcrRepairOptions {
  prose?: ProseLine[] | null;
  settings?: ValidationSettings;
  /** Passes over the document (a repair can make the next one decidable). */
  maxPasses?: number;
}

/**
 * Repair amounts on OCR'd pages whose one-glyph alternative makes every identity of their table hold.
 * Pure: returns a repaired copy and the `ocr_repair` checks; validate the copy afterwards.
 */
export function repairByArithmetic(doc: OutputDocument, options: OcrRepairOptions = {}): OcrRepairResult {
  const ocrPages = new Set(doc.pages.filter(p => p.text_source === 'ocr').map(p => p.number));
  if (ocrPages.size === 0) return { document: doc, checks: [] };
  const prose = options.prose ?? null, settings = options.settings ?? defaultValidationSettings;
  const work: OutputDocument = structuredClone(doc);
  const checks: Check[] = [];
  for (let pass = 0; pass < (options.maxPasses ?? 4); pass++) {
    let fails = failing(work, prose, settings);
    let changed = false;
    for (const [tableIndex, table] of work.tables.entries()) {
      const label = tableLabel(table);
      const own = fails.filter(c => c.table === label && isNumeric(c));
      if (own.length === 0) continue;
      // The difference a failing identity shows is what one misread cell adds or lacks.
      const deltas = [...new Set(own.map(c => Math.abs(toHundredths(c.actual!) - toHundredths(c.expected!))).filter(d => d > 0))];
      const fixes: { cell: Cell; to: number; text: string; after: Check[] }[] = [];
      table.rows.forEach((row, r) => {
        if (!ocrPages.has(row.page)) return;
        row.records.forEach((rec, g) => {
          for (const [key, value] of Object.entries(rec.amounts)) {
            const cell: Cell = { table, tableIndex, row: r, group: g, key, value, printed: printedText(table, r, g, key) };
            const from = readings(cell.printed, value);
            for (const d of deltas) {
              for (const to of [toHundredths(value) + d, toHundredths(value) - d]) {
                if (to < 0) continue;
                const text = formatHundredths(to);
                const plain = text.replace(/,/g, '');
                const shortest = String(fromHundredths(to));
                if (!from.some(f => oneGlyphApart(f, plain) || oneGlyphApart(f, shortest))) continue;
                rec.amounts[key] = fromHundredths(to);
                const after = failing(work, prose, settings);
                rec.amounts[key] = value;
                const holds = !after.some(c => c.table === label && isNumeric(c)) && noNewFailures(fails, after) && after.length < fails.length;
                if (holds) fixes.push({ cell, to: fromHundredths(to), text, after });
              }
            }
          }
        });
      });
      const distinct = new Set(fixes.map(f => `${f.cell.row}|${f.cell.group}|${f.cell.key}`));
      // Two cells (or two readings of one cell) that would each do: the arithmetic cannot tell which.
      if (fixes.length !== 1 || distinct.size !== 1) continue;
      const fix = fixes[0]!;
      const row = table.rows[fix.cell.row]!;
      const rec = row.records[fix.cell.group]!;
      rec.amounts[fix.cell.key] = fix.to;
      const col = table.columns.filter(c => c.role === 'amount' && c.path.join('/') === fix.cell.key);
      const at = (col.length === 1 ? col[0] : col[fix.cell.group])?.index;
      const original = fix.cell.printed ?? formatHundredths(toHundredths(fix.cell.value));
      if (at !== undefined && row.cells[at] !== undefined) row.cells[at] = fix.text;
      checks.push({
        rule: 'ocr_repair', status: 'pass', table: label, page: row.page, row: row.index, column: fix.cell.key,
        message: `${label} row ${rowLabel(rec)}: "${fix.cell.key}" was read by OCR (page ${row.page}) as "${original}", `
          + `which breaks the table's sums; read as "${fix.text}" (one glyph apart) every identity of the table holds, so "${original}" was repaired to "${fix.text}".`,
        expected: fix.to, actual: fix.cell.value,
      });
      fails = fix.after;
      changed = true;
    }
    if (!changed) break;
  }
  return checks.length ? { document: work, checks } : { document: doc, checks: [] };
}

/**
 * Repair by arithmetic, never silently. On pages read by OCR, an amount misread by one glyph
 * ("332.16" read as "332.1", "142.31" as "1142.31", 7 read as 1, "5.62" as "56.2", "66,716,064" as "66,716.064") breaks sums: along
 * its row, down its column (类 = Σ 款, 合计 = Σ 类) and across tables (表2, 表4 and 表5 print the same
 * code). A cell is repaired when one plausible other reading of it — one digit dropped, added or
 * doubled, one digit swapped for a look-alike, the decimal point moved — makes every failing check
 * that involves the cell hold, starts no other failure, and no other cell's reading explains the same
 * failures as well. The repair is recorded as an `ocr_repair` check with the original reading.
 * Amounts OCR marked unreadable (their raw text kept in the record) are candidates too: a one-glyph
 * reading of the raw text that makes every sum hold is taken in the same way. Anything else is left
 * as read, for the failed checks to flag. Text-layer pages are never touched.
 */
import { columnKey, PLAIN_NUMBER } from '../model/amounts.js';
import type { Check, Column, OutputDocument, Table } from '../model/document.js';
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
 * character dropped, one digit added, one digit replaced by a look-alike, the decimal point moved, or a
 * point that was a thousands comma dropped.
 */
export function oneGlyphApart(from: string, to: string): boolean {
  if (from === to) return false;
  if (Math.abs(from.length - to.length) > 1) return false;
  if (from.length === to.length && movedPoint(from, to)) return true;
  if (from.length === to.length) {
    const diff = [...from].map((ch, i) => [ch, to[i]] as const).filter(([a, b]) => a !== b);
    return diff.length === 1 && /\d/.test(diff[0][0]) && /\d/.test(diff[0][1]!) && lookAlike(diff[0][0], diff[0][1]!);
  }
  const [long, short] = from.length > to.length ? [from, to] : [to, from];
  for (let i = 0; i < long.length; i++) {
    // A digit, or a thousands comma read as a decimal point ("66,716.064" for 66,716,064): the point then
    // has three digits after it, and the reading without it is the whole number.
    if (long.slice(0, i) + long.slice(i + 1) === short) return /\d/.test(long[i]!) || (long === from && long[i] === '.' && /^\d{3}$/.test(long.slice(i + 1)));
  }
  return false;
}

/**
 * The same digits with the decimal point in another place, giving the two decimals amounts are printed
 * with ("56.2" read for "5.62"); a reading that already has two decimals keeps its point.
 */
function movedPoint(a: string, b: string): boolean {
  const twoDecimals = (t: string): boolean => /^\d+\.\d{2}$/.test(t);
  return a.includes('.') && twoDecimals(b) && !twoDecimals(a) && a.replace('.', '') === b.replace('.', '');
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

interface Cell {
  table: Table; row: number; group: number; key: string;
  /** The amount as read, or null when OCR marked the cell unreadable. */
  value: number | null;
  printed: string | undefined;
}

/** The column that holds amount `key` of record `group` (side-by-side groups repeat a key), if it can be told. */
function amountColumn(table: Table, group: number, key: string): Column | undefined {
  const cols = table.columns.filter(c => c.role === 'amount' && columnKey(c) === key);
  return cols.length === 1 ? cols[0] : cols[group];
}

/** The text printed in the cell that holds amount `key` of record `group` of a row, if it can be told. */
function printedText(table: Table, rowIndex: number, group: number, key: string): string | undefined {
  const col = amountColumn(table, group, key);
  return col ? table.rows[rowIndex]!.cells[col.index] : undefined;
}

const checkKey = (c: Check): string => `${c.rule}|${c.table}|${c.page}|${c.row}|${c.column}`;
const isNumeric = (c: Check): boolean => c.expected !== null && c.actual !== null;

/** Checks keyed by place (the n-th check at one place gets "#n"), so two runs can be compared. */
function byPlace(checks: readonly Check[]): Map<string, Check> {
  const seen = new Map<string, number>(), out = new Map<string, Check>();
  for (const c of checks) {
    const k = checkKey(c), n = seen.get(k) ?? 0;
    seen.set(k, n + 1);
    out.set(`${k}#${n}`, c);
  }
  return out;
}

export interface OcrRepairOptions {
  prose?: ProseLine[] | null;
  settings?: ValidationSettings;
  /** Passes over the document (a repair can make the next one decidable). */
  maxPasses?: number;
}

interface Candidate {
  cell: Cell; to: number; text: string; resolved: Set<string>;
  /** An unreadable cell taken with its digits as read (only its thousands commas were out of place). */
  asRead?: boolean;
}

/** Every amount cell (read or unreadable) on an OCR'd page. */
function ocrCells(doc: OutputDocument, ocrPages: ReadonlySet<number>): Cell[] {
  const cells: Cell[] = [];
  for (const table of doc.tables) {
    table.rows.forEach((row, r) => {
      if (!ocrPages.has(row.page)) return;
      row.records.forEach((rec, g) => {
        for (const [key, value] of Object.entries(rec.amounts)) cells.push({ table, row: r, group: g, key, value, printed: printedText(table, r, g, key) });
        for (const [key, raw] of Object.entries(rec.unreadable ?? {})) cells.push({ table, row: r, group: g, key, value: null, printed: raw });
      });
    });
  }
  return cells;
}

/** Letters OCR reads for digits in a figure ("5S,932.26", "1.S12.04"), each with the digits it may be. */
const LETTER_DIGITS: ReadonlyMap<string, string> = new Map([
  ['S', '5'], ['s', '5'], ['O', '0'], ['o', '0'], ['D', '0'], ['Q', '0'], ['l', '1'], ['I', '1'], ['i', '1'], ['|', '1'],
  ['B', '8'], ['Z', '2'], ['z', '2'], ['g', '9'], ['q', '9'], ['G', '6'], ['b', '6'], ['T', '7'],
]);

/**
 * Plain-number readings of an unreadable cell's raw text holding one stray letter: the letter is one
 * glyph, either the digit it looks like or nothing ("5S,932.26" → 55932.26 or 5932.26). Points that
 * separate thousands ("1.S12.04") are thousands separators; the last point is the decimal point.
 */
function strayLetterReadings(raw: string | undefined): string[] {
  let t = (raw ?? '').replace(/[,\s]/g, '');
  const points = t.split('.').length - 1;
  if (points > 1) { const last = t.lastIndexOf('.'); t = t.slice(0, last).replace(/\./g, '') + t.slice(last); }
  const stray = [...t].map((c, i) => [c, i] as const).filter(([c]) => !/[\d.]/.test(c));
  if (stray.length !== 1 || !LETTER_DIGITS.has(stray[0]![0])) return [];
  const [c, i] = stray[0]!;
  return [LETTER_DIGITS.get(c)!, ''].map(d => t.slice(0, i) + d + t.slice(i + 1)).filter(x => PLAIN_NUMBER.test(x));
}

/** Plain-number texts a cell may have been read as. */
function cellReadings(cell: Cell): string[] {
  if (cell.value !== null) return readings(cell.printed, cell.value);
  const t = (cell.printed ?? '').replace(/[,\s]/g, '');
  return /^\d[\d.]*$/.test(t) ? [t] : [];
}

function setAmount(cell: Cell, to: number | null): void {
  const rec = cell.table.rows[cell.row]!.records[cell.group]!;
  if (to === null) delete rec.amounts[cell.key]; else rec.amounts[cell.key] = to;
  if (cell.value === null) {
    const unreadable = { ...(rec.unreadable ?? {}) };
    if (to === null) unreadable[cell.key] = cell.printed ?? ''; else delete unreadable[cell.key];
    rec.unreadable = Object.keys(unreadable).length ? unreadable : undefined;
    if (!rec.unreadable) delete rec.unreadable;
  }
}

/**
 * Try `to` in `cell`: the failing checks it makes hold, or null when it starts a new failure or leaves
 * a failing check that involves the cell (its figures moved) still failing.
 */
function tryReading(doc: OutputDocument, cell: Cell, to: number, before: Map<string, Check>, run: () => Check[]): Set<string> | null {
  setAmount(cell, to);
  const after = byPlace(run());
  setAmount(cell, cell.value);
  const resolved = new Set<string>();
  for (const [k, c] of after) {
    const was = before.get(k);
    if (c.status !== 'fail') {
      if (was?.status === 'fail') resolved.add(k);
      continue;
    }
    if (!was || was.status !== 'fail') return null;
    if (was.actual !== c.actual || was.expected !== c.expected) return null;
  }
  for (const [k, c] of before) {
    if (c.status !== 'fail' || after.has(k)) continue;
    // The cell's own "unreadable" finding goes once it has a value; any other failing check that
    // vanished (its figures became zero) does not count as made to hold.
    if (c.rule === 'ocr_unreadable') resolved.add(k); else return null;
  }
  return resolved.size ? resolved : null;
}

/** Candidates whose resolved failures no other candidate explains as well (strictly fewer, or none of them). */
function unrivalled(cands: readonly Candidate[]): Candidate[] {
  const overlaps = (a: Set<string>, b: Set<string>): boolean => [...a].some(k => b.has(k));
  const within = (a: Set<string>, b: Set<string>): boolean => a.size < b.size && [...a].every(k => b.has(k));
  return cands.filter(c => cands.every(o => o === c || !overlaps(o.resolved, c.resolved) || within(o.resolved, c.resolved)));
}

/**
 * Repair amounts on OCR'd pages whose one-glyph alternative makes every failing check they are part of
 * hold. Pure: returns a repaired copy and the `ocr_repair` checks; validate the copy afterwards.
 */
export function repairByArithmetic(doc: OutputDocument, options: OcrRepairOptions = {}): OcrRepairResult {
  const ocrPages = new Set(doc.pages.filter(p => p.text_source === 'ocr').map(p => p.number));
  if (ocrPages.size === 0) return { document: doc, checks: [] };
  const prose = options.prose ?? null, settings = options.settings ?? defaultValidationSettings;
  const work: OutputDocument = structuredClone(doc);
  const run = (): Check[] => validateDocument(work, prose, settings);
  const checks: Check[] = [];
  for (let pass = 0; pass < (options.maxPasses ?? 4); pass++) {
    const before = byPlace(run());
    const failed = [...before.values()].filter(c => c.status === 'fail' && isNumeric(c));
    if (failed.length === 0) break;
    // The difference a failing sum shows is what one misread cell adds or lacks.
    const deltas = [...new Set(failed.map(c => Math.abs(toHundredths(c.actual!) - toHundredths(c.expected!))).filter(d => d > 0))];
    const cands: Candidate[] = [];
    for (const cell of ocrCells(work, ocrPages)) {
      const from = cellReadings(cell);
      // Readings of a stray letter are the one glyph already: taken as they are, not a glyph further.
      const direct = cell.value === null && !from.length ? new Set(strayLetterReadings(cell.printed).map(t => toHundredths(Number(t)))) : new Set<number>();
      if (!from.length && !direct.size) continue;
      const tos = new Set<number>(direct);
      // An unreadable cell's digits as read ("1554,220.00": a thousands comma lost, the digits right).
      const asRead = new Set(cell.value === null ? from.map(f => toHundredths(Number(f))) : []);
      if (cell.value === null) {
        for (const t of asRead) tos.add(t);
        for (const f of from) for (const t of oneGlyphReadings(f)) tos.add(toHundredths(Number(t)));
      } else {
        for (const d of deltas) for (const t of [toHundredths(cell.value) + d, toHundredths(cell.value) - d]) if (t >= 0) tos.add(t);
      }
      for (const to of tos) {
        const text = formatHundredths(to);
        const plain = text.replace(/,/g, ''), shortest = String(fromHundredths(to));
        if (!direct.has(to) && !asRead.has(to) && !from.some(f => oneGlyphApart(f, plain) || oneGlyphApart(f, shortest))) continue;
        const resolved = tryReading(work, cell, fromHundredths(to), before, run);
        // Taken as read only when a sum says so, not merely because the cell then has a value.
        if (asRead.has(to) && ![...(resolved ?? [])].some(k => !k.startsWith('ocr_unreadable|'))) continue;
        if (resolved) cands.push({ cell, to: fromHundredths(to), text, resolved, asRead: asRead.has(to) });
      }
    }
    let changed = false;
    for (const fix of unrivalled(cands)) {
      // Fixes are checked again one by one: an earlier fix of this pass may have changed the picture.
      const now = byPlace(run());
      if (!tryReading(work, fix.cell, fix.to, now, run)) continue;
      setAmount(fix.cell, fix.to);
      checks.push(repairCheck(fix));
      changed = true;
    }
    if (!changed) break;
  }
  return checks.length ? { document: work, checks } : { document: doc, checks: [] };
}

/** Every reading one glyph away from a plain number text (for unreadable cells, which have no sum to aim at). */
export function oneGlyphReadings(from: string): string[] {
  const out = new Set<string>();
  const digits = '0123456789';
  for (let i = 0; i <= from.length; i++) {
    if (i < from.length) out.add(from.slice(0, i) + from.slice(i + 1));
    for (const d of digits) out.add(from.slice(0, i) + d + from.slice(i));
  }
  for (let i = 0; i < from.length; i++) for (const d of digits) out.add(from.slice(0, i) + d + from.slice(i + 1));
  const bare = from.replace('.', '');
  for (let i = 1; i < bare.length; i++) out.add(`${bare.slice(0, i)}.${bare.slice(i)}`);
  return [...out].filter(t => PLAIN_NUMBER.test(t) && oneGlyphApart(from, t));
}

function repairCheck(fix: Candidate): Check {
  const { cell } = fix;
  const row = cell.table.rows[cell.row]!;
  const rec = row.records[cell.group]!;
  const label = tableLabel(cell.table);
  const at = amountColumn(cell.table, cell.group, cell.key)?.index;
  const original = cell.printed ?? (cell.value === null ? '' : formatHundredths(toHundredths(cell.value)));
  if (at !== undefined && row.cells[at] !== undefined) {
    // The OCR reading of the cell keeps what was read before the first repair.
    const reading = row.ocr?.[at];
    if (reading && reading.original === null) reading.original = row.cells[at];
    row.cells[at] = fix.text;
  }
  const how = cell.value === null ? 'which OCR could not read with confidence' : 'which breaks the sums it is part of';
  return {
    rule: 'ocr_repair', status: 'pass', table: label, page: row.page, row: row.index, column: cell.key,
    message: `${label} row ${rowLabel(rec)}: "${cell.key}" was read by OCR (page ${row.page}) as "${original}", ${how}; `
      + `read as "${fix.text}" (${fix.asRead ? 'its digits as read' : 'one glyph apart'}) every one of the ${fix.resolved.size} failing check(s) on it holds and no other reading does as well, `
      + `so "${original}" was repaired to "${fix.text}".`,
    expected: fix.to, actual: cell.value,
  };
}

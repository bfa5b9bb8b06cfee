import { AMOUNT_ALPHABET } from '../../model/amounts.js';
import type { Check } from '../../model/document.js';
import { checkAt, entryCells, isTotalEntry, rowLabel, sumCheck, sumKeys, type Entry, type GroupView, type TableView } from '../tables.js';
import { ocrPageSet, sumSlack } from '../tolerance.js';
import type { RuleContext } from './context.js';
import type { RuleId } from '../../model/rules.js';

/** One classification code of a table: the row that carries its value, and its project rows. */
interface CodeLine {
  code: string;
  /** the subtotal row (no project name), when printed */
  subtotal: Entry | undefined;
  /** every row of the code without a project name: one, or one per value of a second classification */
  rows: Entry[];
  projects: Entry[];
}

function codeLines(group: GroupView): Map<string, CodeLine> {
  const lines = new Map<string, CodeLine>();
  for (const e of group.entries) {
    const code = e.rec.code;
    if (!code) continue;
    let line = lines.get(code);
    if (!line) { line = { code, subtotal: undefined, rows: [], projects: [] }; lines.set(code, line); }
    if (e.rec.project) line.projects.push(e);
    else { line.subtotal ??= e; line.rows.push(e); }
  }
  return lines;
}

/**
 * Which block of the table each row is in: codes are listed in order, so a code lower than the one
 * above starts the next block (the same codes listed again for each sub-unit).
 */
function blocksOf(group: GroupView): Map<number, number> {
  const block = new Map<number, number>();
  let n = 0, last = '';
  for (const e of group.entries) {
    if (!e.rec.code) continue;
    if (e.rec.code < last) n++;
    last = e.rec.code;
    block.set(e.row, n);
  }
  return block;
}

/**
 * A code printed on several rows adds up over them when they are told apart: by a second
 * classification printed beside it (a cross table: one row per 经济分类 under the code) or by standing
 * in different blocks (the code listed again for each sub-unit). Rows printed alike within one block
 * are a repetition whose meaning is unclear.
 */
function rowsOfCode(view: TableView, line: CodeLine, blocks: Map<number, number>): 'one' | 'several' | 'unclear' {
  if (line.rows.length < 2) return 'one';
  const labels = line.rows.map((e) => {
    const at = view.table.rows[e.row];
    const row = at?.index === e.row ? at : view.table.rows.find((r) => r.index === e.row);
    const label = (row?.cells ?? []).filter((c) => c && !AMOUNT_ALPHABET.test(c.trim())).join('|');
    return `${blocks.get(e.row) ?? 0}|${label}`;
  });
  return new Set(labels).size === labels.length ? 'several' : 'unclear';
}

/** The value of a code in one column: its subtotal row (Σ its rows when printed on several), else Σ its project rows. */
function lineValue(line: CodeLine, key: string): number {
  if (line.rows.length > 1) return line.rows.reduce((s, e) => s + sumKeys(e.rec, [key]), 0);
  if (line.subtotal) return sumKeys(line.subtotal.rec, [key]);
  return line.projects.reduce((s, e) => s + sumKeys(e.rec, [key]), 0);
}

function lineEntry(line: CodeLine): Entry {
  return line.subtotal ?? line.projects[0]!;
}

interface SumSpec {
  rule: RuleId;
  at: Entry;
  key: string;
  actual: number;
  expected: number;
  terms: Entry[];
  what: string;
  /** The rows whose printed figures make up `actual` besides `at`, and those summed into `expected`. */
  totalRows?: Entry[];
  partRows: Entry[];
}

function emit(view: TableView, slack: (pages: number[], terms: number) => number, s: SumSpec): Check {
  const allowed = slack([s.at.page, ...s.terms.map((e) => e.page)], s.terms.length);
  const parts = [...entryCells(s.totalRows ?? [], s.key).map((c) => ({ ...c, role: 'total' as const })), ...entryCells(s.partRows, s.key)];
  return sumCheck(view, { ...s, ok: Math.abs(s.actual - s.expected) <= allowed, parts });
}

/** The rows that carry the lines' values: one per line, or each row of a code printed on several. */
const lineRows = (lines: CodeLine[]): Entry[] => lines.flatMap((l) => (l.rows.length > 0 ? l.rows : [lineEntry(l)]));

/** The rows whose printed figures lineValue adds up: its rows, else its subtotal, else its projects. */
const valueRows = (l: CodeLine): Entry[] => (l.rows.length > 1 ? l.rows : l.subtotal ? [l.subtotal] : l.projects);

const childLevel: Record<number, string> = { 3: '款', 5: '项' };

/**
 * code_sum: each 类 = Σ its 款, each 款 = Σ its 项, per amount column;
 * project_sum: a code's subtotal row = Σ its project rows;
 * total_sum: the 合计/总计 row = Σ the top-level codes (single-group tables).
 */
export function hierarchySums(ctx: RuleContext): Check[] {
  const out: Check[] = [];
  const ocr = ocrPageSet(ctx.doc);
  const slack = (pages: number[], terms: number) => sumSlack(ctx.settings, ocr, pages, terms);
  for (const view of ctx.views) {
    for (const group of view.groups) {
      const lines = codeLines(group);
      if (lines.size === 0) continue;
      const blocks = blocksOf(group);
      const unclear = new Set([...lines.values()].filter((l) => rowsOfCode(view, l, blocks) === 'unclear').map((l) => l.code));
      const skip = (at: Entry, rule: RuleId, codes: string[]) => out.push(checkAt(view, {
        rule, status: 'skip', page: at.page, row: at.row,
        message: `${view.label} row ${rowLabel(at.rec)}: not checked, because code ${codes.join(', ')} is printed on several rows alike, so which row carries its value is unclear.`,
      }));
      for (const line of lines.values()) {
        const children = [...lines.values()].filter(
          (c) => c.code.length === line.code.length + 2 && c.code.startsWith(line.code),
        );
        if (children.length > 0) {
          const vague = [line, ...children].filter((l) => unclear.has(l.code)).map((l) => l.code);
          if (vague.length > 0) skip(lineEntry(line), 'code_sum', vague);
          else for (const key of group.keys) {
            const actual = lineValue(line, key);
            const expected = children.reduce((s, c) => s + lineValue(c, key), 0);
            if (actual === 0 && expected === 0) continue;
            out.push(emit(view, slack, {
              rule: 'code_sum', at: lineEntry(line), key, actual, expected, terms: [...line.rows.slice(1), ...lineRows(children)],
              totalRows: valueRows(line).filter((e) => e !== lineEntry(line)), partRows: children.flatMap(valueRows),
              what: `its ${children.length} ${childLevel[line.code.length] ?? 'child'} rows`,
            }));
          }
        }
        if (line.subtotal && line.projects.length > 0) {
          for (const key of group.keys) {
            const actual = sumKeys(line.subtotal.rec, [key]);
            const expected = line.projects.reduce((s, e) => s + sumKeys(e.rec, [key]), 0);
            if (actual === 0 && expected === 0) continue;
            out.push(emit(view, slack, {
              rule: 'project_sum', at: line.subtotal, key, actual, expected, terms: line.projects, partRows: line.projects,
              what: `its ${line.projects.length} project rows`,
            }));
          }
        }
      }
      if (view.groups.length !== 1) continue;
      const minLen = Math.min(...[...lines.keys()].map((c) => c.length));
      const top = [...lines.values()].filter((l) => l.code.length === minLen);
      const vagueTop = top.filter((l) => unclear.has(l.code)).map((l) => l.code);
      for (const total of group.entries.filter(isTotalEntry)) {
        if (vagueTop.length > 0) { skip(total, 'total_sum', vagueTop); continue; }
        for (const key of group.keys) {
          const actual = sumKeys(total.rec, [key]);
          const expected = top.reduce((s, l) => s + lineValue(l, key), 0);
          if (actual === 0 && expected === 0) continue;
          out.push(emit(view, slack, {
            rule: 'total_sum', at: total, key, actual, expected, terms: lineRows(top), partRows: top.flatMap(valueRows),
            what: `the ${top.length} ${minLen === 3 ? '类' : 'top-level'} rows`,
          }));
        }
      }
    }
  }
  return out;
}

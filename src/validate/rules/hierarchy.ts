import type { Check } from '../../model/document.js';
import { isTotalEntry, sumCheck, sumKeys, type Entry, type GroupView, type TableView } from '../tables.js';
import { ocrPageSet, sumSlack } from '../tolerance.js';
import type { RuleContext } from './context.js';

/** One classification code of a table: the row that carries its value, and its project rows. */
interface CodeLine {
  code: string;
  /** the subtotal row (no project name), when printed */
  subtotal: Entry | undefined;
  projects: Entry[];
}

function codeLines(group: GroupView): Map<string, CodeLine> {
  const lines = new Map<string, CodeLine>();
  for (const e of group.entries) {
    const code = e.rec.code;
    if (!code) continue;
    let line = lines.get(code);
    if (!line) { line = { code, subtotal: undefined, projects: [] }; lines.set(code, line); }
    if (e.rec.project) line.projects.push(e);
    else line.subtotal ??= e;
  }
  return lines;
}

/** The value of a code in one column: its subtotal row, else Σ its project rows. */
function lineValue(line: CodeLine, key: string): number {
  if (line.subtotal) return sumKeys(line.subtotal.rec, [key]);
  return line.projects.reduce((s, e) => s + sumKeys(e.rec, [key]), 0);
}

function lineEntry(line: CodeLine): Entry {
  return line.subtotal ?? line.projects[0]!;
}

interface SumSpec {
  rule: string;
  at: Entry;
  key: string;
  actual: number;
  expected: number;
  terms: Entry[];
  what: string;
}

function emit(view: TableView, slack: (pages: number[], terms: number) => number, s: SumSpec): Check {
  const allowed = slack([s.at.page, ...s.terms.map((e) => e.page)], s.terms.length);
  return sumCheck(view, { ...s, ok: Math.abs(s.actual - s.expected) <= allowed });
}

const lineEntries = (lines: CodeLine[]): Entry[] => lines.map(lineEntry);

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
      for (const line of lines.values()) {
        const children = [...lines.values()].filter(
          (c) => c.code.length === line.code.length + 2 && c.code.startsWith(line.code),
        );
        if (children.length > 0) {
          for (const key of group.keys) {
            const actual = lineValue(line, key);
            const expected = children.reduce((s, c) => s + lineValue(c, key), 0);
            if (actual === 0 && expected === 0) continue;
            out.push(emit(view, slack, {
              rule: 'code_sum', at: lineEntry(line), key, actual, expected, terms: lineEntries(children),
              what: `its ${children.length} ${childLevel[line.code.length] ?? 'child'} rows`,
            }));
          }
        }
        if (line.subtotal && line.projects.length > 0) {
          for (const key of group.keys) {
            const actual = lineValue(line, key);
            const expected = line.projects.reduce((s, e) => s + sumKeys(e.rec, [key]), 0);
            if (actual === 0 && expected === 0) continue;
            out.push(emit(view, slack, {
              rule: 'project_sum', at: line.subtotal, key, actual, expected, terms: line.projects,
              what: `its ${line.projects.length} project rows`,
            }));
          }
        }
      }
      if (view.groups.length !== 1) continue;
      const minLen = Math.min(...[...lines.keys()].map((c) => c.length));
      const top = [...lines.values()].filter((l) => l.code.length === minLen);
      for (const total of group.entries.filter(isTotalEntry)) {
        for (const key of group.keys) {
          const actual = sumKeys(total.rec, [key]);
          const expected = top.reduce((s, l) => s + lineValue(l, key), 0);
          if (actual === 0 && expected === 0) continue;
          out.push(emit(view, slack, {
            rule: 'total_sum', at: total, key, actual, expected, terms: lineEntries(top),
            what: `the ${top.length} ${minLen === 3 ? '类' : 'top-level'} rows`,
          }));
        }
      }
    }
  }
  return out;
}

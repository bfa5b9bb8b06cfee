/**
 * Test-only: compare an extracted document with a hand-checked truth file, cell by cell. The product
 * never reads truth files; only the tests do.
 */
import type { OutputDocument } from '../../src/model/document.js';

interface TruthCell { key: string; column: string; path: string; value: number }
export interface Comparison { truthCells: number; found: number; outputCells: number; wrong: string[]; missing: string[] }

const squash = (s: unknown): string => String(s ?? '').replace(/\s+/g, '');
const loose = (s: unknown): string => squash(String(s ?? '').normalize('NFKC')).replace(/[\p{P}\p{S}]/gu, '');
const num = (s: string): number => Number(squash(s).replace(/,/g, ''));
const loosePath = (p: string): string => p.split('/').map(loose).filter((t, i, a) => t && t !== a[i - 1]).join('/');
const lastSeg = (p: string): string => loose(p.split('/').filter(Boolean).pop() ?? '');
const sameTitle = (a: string, b: string): boolean => {
  const strip = (t: string): string => loose(t).replace(/^(表[0-9一二三四五六七八九十]+|公开\d+表)/, '');
  return strip(a) === strip(b);
};

function headerPaths(header: { text: string; colspan?: number; rowspan?: number }[][], ncols: number): string[] {
  const grid: string[][] = header.map(() => []);
  header.forEach((row, r) => {
    let c = 0;
    for (const cell of row) {
      while (grid[r][c] !== undefined) c++;
      for (let dr = 0; dr < (cell.rowspan ?? 1) && r + dr < header.length; dr++)
        for (let dc = 0; dc < (cell.colspan ?? 1); dc++) grid[r + dr][c + dc] = squash(cell.text);
      c += cell.colspan ?? 1;
    }
  });
  return Array.from({ length: ncols }, (_, c) => grid.map(g => g[c] ?? '').filter((t, i, a) => t && t !== a[i - 1]).join('/'));
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function truthCells(table: any): TruthCell[] {
  const rows: string[][] = table.rows ?? [];
  const paths = headerPaths(table.header ?? [], Math.max(0, ...rows.map(r => r.length)));
  const out: TruthCell[] = [];
  for (const row of rows) for (const g of table.groups ?? []) {
    const cell = (i: number | null | undefined): string => (i == null ? '' : String(row[i] ?? ''));
    let code = (g.code ?? []).map(cell).join('').replace(/\D/g, ''), name = squash(cell(g.name));
    if (g.codeName != null) {
      const m = cell(g.codeName).match(/^\s*(\d[\d\s]*)?([\s\S]*)$/)!;
      if (!code) code = (m[1] ?? '').replace(/\D/g, '');
      if (g.name == null) name = squash(m[2]);
    }
    const key = `${code || loose(name)}|${loose(cell(g.project))}`;
    for (const c of g.amounts ?? []) {
      const raw = squash(cell(c));
      if (raw && Number.isFinite(num(raw))) out.push({ key, column: lastSeg(paths[c] ?? ''), path: loosePath(paths[c] ?? ''), value: num(raw) });
    }
  }
  return out;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function compareWithTruth(doc: OutputDocument, truth: any): Comparison {
  const result: Comparison = { truthCells: 0, found: 0, outputCells: 0, wrong: [], missing: [] };
  const formTitles: string[] = (truth.forms ?? []).map((f: { title: string }) => f.title);
  const counted = doc.tables.filter(t => !formTitles.some(f => sameTitle(t.title, f)) || truth.tables.some((tt: { title: string }) => sameTitle(t.title, tt.title)));
  for (const t of counted) for (const r of t.rows) for (const rec of r.records) result.outputCells += Object.keys(rec.amounts).length;
  for (const tt of truth.tables) {
    const cells = truthCells(tt);
    result.truthCells += cells.length;
    const out = counted.filter(t => sameTitle(t.title, tt.title));
    const pool = out.flatMap(t => t.rows.flatMap(r => r.records.flatMap(rec => Object.entries(rec.amounts).map(([col, value]) => ({
      key: `${rec.code || loose(rec.name)}|${loose(rec.project)}`, column: lastSeg(col), path: loosePath(col), value, used: false,
    })))));
    for (const c of cells) {
      const hit = pool.find(o => !o.used && o.key === c.key && o.path === c.path && Math.abs(o.value - c.value) < 0.005)
        ?? pool.find(o => !o.used && o.key === c.key && o.column === c.column && Math.abs(o.value - c.value) < 0.005)
        ?? pool.find(o => !o.used && (o.key === c.key || c.key.startsWith('|')) && Math.abs(o.value - c.value) < 0.005 && (o.column === c.column || c.key.startsWith('|')));
      if (hit) { hit.used = true; result.found++; continue; }
      const clash = pool.find(o => !o.used && o.key === c.key && o.path === c.path);
      if (clash) result.wrong.push(`${tt.title}: ${c.key} ${c.column} = ${c.value}, extracted ${clash.value}`);
      else result.missing.push(`${tt.title}: ${c.key} ${c.column} = ${c.value}`);
    }
  }
  return result;
}

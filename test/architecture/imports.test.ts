/**
 * The house rule on imports: data flows one way through the stages, so a room imports only from the rooms
 * below it. The pure core (layout, classify, validate) touches no file and reads only the model and the
 * code registry.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(import.meta.dirname, '../../src');

/** What each room (a folder of src/, or a file at its top) may import, besides itself. */
const ALLOWED: Record<string, string[]> = {
  model: [],
  codes: ['model'],
  pdf: ['model'],
  ocr: ['model', 'pdf'],
  layout: ['model'],
  classify: ['model', 'codes'],
  validate: ['model', 'codes'],
  quality: ['model'],
  emit: ['model'],
  readWithOcr: ['model', 'pdf', 'ocr'],
  pipeline: ['model', 'codes', 'pdf', 'ocr', 'readWithOcr', 'layout', 'classify', 'validate', 'quality'],
  findFiles: [],
  cliArgs: [],
  dataset: ['model', 'codes', 'validate', 'emit', 'cliArgs', 'findFiles'],
  batch: ['model', 'pdf', 'pipeline', 'emit', 'cliArgs', 'findFiles'],
  queue: ['model', 'batch', 'emit', 'cliArgs', 'findFiles'],
  report: ['model', 'pipeline', 'quality', 'validate'],
  checkCommand: ['model', 'validate', 'cliArgs'],
  codesCommand: ['model', 'codes', 'classify', 'emit', 'cliArgs'],
  cli: ['model', 'pdf', 'ocr', 'pipeline', 'emit', 'batch', 'queue', 'dataset', 'report', 'checkCommand', 'codesCommand', 'cliArgs', 'findFiles'],
};

const roomOf = (file: string): string => {
  const first = path.relative(SRC, file).split(path.sep)[0]!;
  return first.replace(/\.(ts|js|json)$/, '');
};

/** Every relative import of every source file, as [importing file, imported file]. */
function imports(): [string, string][] {
  const edges: [string, string][] = [];
  for (const entry of readdirSync(SRC, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.ts')) continue;
    const file = path.join(entry.parentPath, entry.name);
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^;]*?\bfrom\s+'(\.{1,2}\/[^']+)'|\bimport\(\s*'(\.{1,2}\/[^']+)'\s*\)/g)) {
      edges.push([file, path.resolve(path.dirname(file), (m[1] ?? m[2])!)]);
    }
  }
  return edges;
}

describe('imports', () => {
  const edges = imports();

  it('are found (the scan reads the sources)', () => {
    expect(edges.length).toBeGreaterThan(300);
  });

  it('go only to the rooms below', () => {
    const wrong = edges
      .filter(([from, to]) => roomOf(from) !== roomOf(to) && !(ALLOWED[roomOf(from)] ?? []).includes(roomOf(to)))
      .map(([from, to]) => `${path.relative(SRC, from)} → ${path.relative(SRC, to)}`);
    expect(wrong).toEqual([]);
  });

  it('name every room of src/ in the rule', () => {
    const rooms = new Set(edges.flatMap(edge => edge.map(roomOf)));
    expect([...rooms].filter(room => !(room in ALLOWED))).toEqual([]);
  });

  it('keep the core (layout, classify, validate) to the model and the code registry', () => {
    for (const core of ['layout', 'classify', 'validate']) expect(ALLOWED[core]!.every(r => r === 'model' || r === 'codes')).toBe(true);
  });
});

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
  ocr: ['model', 'codes', 'pdf'],
  layout: ['model'],
  classify: ['model', 'codes'],
  validate: ['model', 'codes'],
  quality: ['model'],
  emit: ['model'],
  pipeline: ['model', 'codes', 'pdf', 'ocr', 'layout', 'classify', 'validate', 'quality'],
  findFiles: [],
  dataset: ['model', 'codes', 'classify', 'validate', 'emit', 'findFiles'],
  batch: ['model', 'pdf', 'pipeline', 'emit', 'findFiles'],
  queue: ['model', 'batch', 'emit', 'findFiles'],
  /** The review page: a document's tables and checks over its rendered pages. */
  review: ['model', 'pdf', 'ocr', 'emit'],
  /** The command doors: argument parsing, the terminal report, one file per command. */
  cli: ['model', 'codes', 'pdf', 'ocr', 'validate', 'quality', 'pipeline', 'emit', 'batch', 'queue', 'dataset', 'review', 'findFiles'],
  /** The library's entry (package.json "exports"). */
  index: ['model', 'ocr', 'pipeline', 'validate', 'emit', 'dataset'],
};

/** src/cli.ts, the program's entry (package.json "bin"), is the cli room's door. */
const ROOM_OF_FILE: Record<string, string> = { 'cli.ts': 'cli', 'cli.js': 'cli' };

const roomOf = (file: string): string => {
  const first = path.relative(SRC, file).split(path.sep)[0]!;
  return ROOM_OF_FILE[first] ?? first.replace(/\.(ts|js|json)$/, '');
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

/**
 * Base names for each input's outputs in DIR. Each comes from the file name through safeName (no
 * separators, no control characters, no dot names), so nothing can leave DIR; inputs whose names would
 * collide (same file name in different folders, NAME vs NAME.json, names of the batch's own files) get a
 * suffix from a hash of their relative path. A name the journal already gave an input is kept, so adding
 * a file later never renames another's outputs.
 */
import { createHash } from 'node:crypto';
import { safeName } from '../emit/csv.js';
import { outputBaseName } from '../emit/writeOutputs.js';

/** Paths in DIR that belong to the batch itself. */
export const RESERVED_PATHS = ['summary.json', 'manifest.jsonl', '.batch.lock'];

const pathsOf = (name: string): string[] =>
  [name, `${name}.json`, `${name}.csv`, `${name}.indicators.csv`, `${name}.xlsx`].map(p => p.toLowerCase()); // case-insensitive file systems
// base is a safeName, so within SAFE_NAME_MAX_BYTES: the suffix still fits the file system's limit
const suffixed = (base: string, id: string): string => `${base}-${createHash('sha256').update(id).digest('hex').slice(0, 8)}`;

/** Output base name for each input id (ids sorted: the result does not depend on the caller's order). */
export function assignOutputNames(inputs: readonly { id: string; fileName: string }[], previous: ReadonlyMap<string, string>): Map<string, string> {
  const taken = new Set(RESERVED_PATHS);
  const isFree = (name: string): boolean => pathsOf(name).every(p => !taken.has(p));
  const take = (id: string, name: string): void => { names.set(id, name); for (const p of pathsOf(name)) taken.add(p); };
  const names = new Map<string, string>();
  const sorted = [...inputs].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const { id } of sorted) {
    const kept = previous.get(id);
    if (kept !== undefined && kept === safeName(kept) && isFree(kept)) take(id, kept);
  }
  const fresh = sorted.filter(i => !names.has(i.id));
  const baseCount = new Map<string, number>();
  for (const i of fresh) { const b = outputBaseName(i.fileName).toLowerCase(); baseCount.set(b, (baseCount.get(b) ?? 0) + 1); }
  for (const i of fresh) {
    const base = outputBaseName(i.fileName);
    let name = baseCount.get(base.toLowerCase()) === 1 && isFree(base) ? base : suffixed(base, i.id);
    for (let n = 2; !isFree(name); n++) name = suffixed(base, `${i.id}#${n}`);
    take(i.id, name);
  }
  return names;
}

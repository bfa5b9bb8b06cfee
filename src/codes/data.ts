import registryFile from './registry.json' with { type: 'json' };
import { type Classification, type RegistryEntry, RegistryFileSchema, parentOf, parseEntryLine } from './entries.js';

/**
 * The registry as data: src/codes/registry.json (built by scripts/build-registry.mjs), checked against
 * its schema at start-up; a duplicate code or an entry without its parent is a broken data file.
 */
function load(): { edition: number; byKey: Map<string, RegistryEntry> } {
  const parsed = RegistryFileSchema.safeParse(registryFile);
  if (!parsed.success) throw new Error(`registry data src/codes/registry.json: ${parsed.error.issues.slice(0, 3).map(i => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const byKey = new Map<string, RegistryEntry>();
  for (const e of parsed.data.entries.map(parseEntryLine)) {
    const key = registryKey(e.classification, e.code);
    if (byKey.has(key)) throw new Error(`registry data: duplicate ${key}`);
    byKey.set(key, e);
  }
  for (const e of byKey.values()) {
    const parent = parentOf(e.code);
    if (parent && !byKey.has(registryKey(e.classification, parent))) throw new Error(`registry data: ${e.code} has no parent ${parent}`);
  }
  return { edition: parsed.data.edition, byKey };
}

export const registryKey = (classification: Classification, code: string): string => `${classification}:${code}`;

let loaded: ReturnType<typeof load> | null = null;
/** The registry, loaded and checked on first use (a worker that meets no code never pays for it). */
export const registry = (): ReturnType<typeof load> => (loaded ??= load());

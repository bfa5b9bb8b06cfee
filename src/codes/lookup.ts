import { looseText } from '../model/text.js';
import type { Level } from '../model/document.js';
import { registry, registryKey } from './data.js';
import { type Classification, type RegistryEntry, levelOf, parentOf } from './entries.js';

export interface Rename { from: string; to: string; year: number }

export interface CodeInfo {
  code: string;
  classification: Classification;
  level: Level | null;
  /** Official name in the year asked for (the edition's name when the year is null). */
  name: string;
  /** Official name in the registry's edition year. */
  currentName: string;
  parent: string | null;
  /** Printed under this name by at least one real document (the evidence counts are in `entry`). */
  verified: boolean;
  /** Known renames, oldest first: a printed name among them is not an error in its years. */
  renames: Rename[];
  /** Is the code valid in the year asked for (always true when the year is null)? */
  validInYear: boolean;
  editionYear: number;
  entry: RegistryEntry;
}

function renamesOf(e: RegistryEntry): Rename[] {
  const former = [...e.former_names].sort((a, b) => a.until - b.until);
  return former.map((f, i) => ({ from: f.name, to: former[i + 1]?.name ?? e.name, year: f.until + 1 }));
}

/** Official name of an entry in a given year: the former name still in force then, else the current one. */
function nameInYear(e: RegistryEntry, year: number | null): string {
  if (year === null) return e.name;
  const former = e.former_names.filter(f => year <= f.until).sort((a, b) => a.until - b.until);
  return former[0]?.name ?? e.name;
}

const validIn = (e: RegistryEntry, year: number | null): boolean =>
  year === null || ((e.valid_from === null || year >= e.valid_from) && (e.valid_until === null || year <= e.valid_until));

/** The registry's entry for a code, or null when the code is not in the registry. */
export function lookupCode(code: string, classification: Classification, year: number | null): CodeInfo | null {
  const e = registry().byKey.get(registryKey(classification, code));
  if (!e) return null;
  return {
    code, classification, level: levelOf(code, classification), name: nameInYear(e, year), currentName: e.name,
    parent: parentOf(code), verified: e.documents > 0, renames: renamesOf(e), validInYear: validIn(e, year),
    editionYear: registry().edition, entry: e,
  };
}

/**
 * Every name the registry knows a code by: its name in `year`, its current name and its former names
 * (none when the code is not in the registry). The classification defaults to the code's own.
 */
export function registryNamesOf(code: string, year: number | null = null, classification: Classification | null = classificationOfCode(code)): string[] {
  const info = classification ? lookupCode(code, classification, year) : null;
  return info ? [...new Set([info.name, info.currentName, ...info.renames.map(r => r.from)])] : [];
}

/** Whether the registry knows `code` by `name` (punctuation, spaces and width folded). */
export const registryNamesCode = (code: string, name: string, classification?: Classification | null): boolean =>
  registryNamesOf(code, null, classification === undefined ? classificationOfCode(code) : classification)
    .some(n => looseText(n) === looseText(name));

/**
 * Which classification a code belongs to, from its leading digit: 2xx expenditure functions, 3xx the
 * department economic classes, 5xx the government economic classes. Other codes are none of these.
 */
export function classificationOfCode(code: string): Classification | null {
  if (/^2\d{2}(\d{2}){0,2}$/.test(code)) return 'functional';
  if (/^3\d{2}(\d{2})?$/.test(code)) return 'economic';
  if (/^5\d{2}(\d{2})?$/.test(code)) return 'government_economic';
  return null;
}

/** Every registry entry, in classification and code order. */
export const registryEntries = (): readonly RegistryEntry[] => [...registry().byKey.values()];
export const registryEdition = (): number => registry().edition;

/**
 * The one code under `prefix` (a 类 or 款 already known) that the registry names `name`, or null when
 * none or several do. Names are compared loosely (brackets, spaces and punctuation ignored), so an OCR
 * reading that lost a bracket still finds its code.
 */
export function findCodeByName(name: string, prefix: string, classification: Classification): string | null {
  const want = looseText(name);
  if (!want) return null;
  const hits = [...registry().byKey.values()].filter(e => e.classification === classification && e.code.startsWith(prefix) &&
    e.code.length > prefix.length && [e.name, ...e.former_names.map(f => f.name)].some(n => looseText(n) === want));
  return hits.length === 1 ? hits[0].code : null;
}

import { looseText } from '../../model/text.js';
import type { Level } from '../../model/document.js';
import { ECONOMIC_CODES, ECONOMIC_EDITION_YEAR } from './economicData.js';
import { type Classification, type RegistryEntry, levelOf, parentOf, parseEntries } from './entries.js';
import { FUNCTIONAL_CLASSES, FUNCTIONAL_EDITION_YEAR, FUNCTIONAL_SECTIONS_AND_ITEMS } from './functionalData.js';

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
  verified: boolean;
  /** Known renames, oldest first: a printed name among them is not an error in its years. */
  renames: Rename[];
  editionYear: number;
}

const byKey = new Map<string, RegistryEntry>();
for (const e of [
  ...parseEntries(FUNCTIONAL_CLASSES, 'functional'),
  ...parseEntries(FUNCTIONAL_SECTIONS_AND_ITEMS, 'functional'),
  ...parseEntries(ECONOMIC_CODES, 'economic'),
]) {
  const key = `${e.classification}:${e.code}`;
  if (byKey.has(key)) throw new Error(`registry: duplicate ${key}`);
  byKey.set(key, e);
}

const editionYear = (c: Classification): number => (c === 'functional' ? FUNCTIONAL_EDITION_YEAR : ECONOMIC_EDITION_YEAR);

function renamesOf(e: RegistryEntry): Rename[] {
  const former = [...e.formerNames].sort((a, b) => a.untilYear - b.untilYear);
  return former.map((f, i) => ({ from: f.name, to: former[i + 1]?.name ?? e.name, year: f.untilYear + 1 }));
}

/** Official name of an entry in a given year: the former name still in force then, else the current one. */
function nameInYear(e: RegistryEntry, year: number | null): string {
  if (year === null) return e.name;
  const former = e.formerNames.filter(f => year <= f.untilYear).sort((a, b) => a.untilYear - b.untilYear);
  return former[0]?.name ?? e.name;
}

/** The registry's entry for a code, or null when the code is not in the registry. */
export function lookupCode(code: string, classification: Classification, year: number | null): CodeInfo | null {
  const e = byKey.get(`${classification}:${code}`);
  if (!e) return null;
  return {
    code, classification, level: levelOf(code, classification), name: nameInYear(e, year), currentName: e.name,
    parent: parentOf(code), verified: e.verified, renames: renamesOf(e), editionYear: editionYear(classification),
  };
}

/**
 * Which classification a code belongs to, from its leading digit: 2xx expenditure functions, 3xx the
 * department economic classes. Other codes (1xx income, 5xx government economic classes) are neither.
 */
export function classificationOfCode(code: string): Classification | null {
  if (/^2\d{2}(\d{2}){0,2}$/.test(code)) return 'functional';
  if (/^3\d{2}(\d{2})?$/.test(code)) return 'economic';
  return null;
}

/** Every registry entry, for listing and for tests. */
export const registryEntries = (): readonly RegistryEntry[] => [...byKey.values()];

/**
 * The one code under `prefix` (a 类 or 款 already known) that the registry names `name`, or null when
 * none or several do. Names are compared loosely (brackets, spaces and punctuation ignored), so an OCR
 * reading that lost a bracket still finds its code.
 */
export function findCodeByName(name: string, prefix: string, classification: Classification): string | null {
  const want = looseText(name);
  if (!want) return null;
  const hits = [...byKey.values()].filter(e => e.classification === classification && e.code.startsWith(prefix) &&
    e.code.length > prefix.length && [e.name, ...e.formerNames.map(f => f.name)].some(n => looseText(n) === want));
  return hits.length === 1 ? hits[0].code : null;
}


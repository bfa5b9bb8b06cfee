import type { Level } from '../../model/document.js';

export type Classification = 'functional' | 'economic';

/** A former official name: in force up to and including `untilYear`, renamed in `untilYear + 1`. */
export interface FormerName { name: string; untilYear: number }

export interface RegistryEntry {
  code: string;
  classification: Classification;
  /** Official name in the registry's edition year. */
  name: string;
  verified: boolean;
  formerNames: FormerName[];
}

const LINE = /^(\d+)\s+(\S+)\s+([vu])((?:\s+\S+<=\d{4})*)\s*$/;

/** Parse the `code name status [former<=year…]` lines of a data module; a malformed line is a bug. */
export function parseEntries(text: string, classification: Classification): RegistryEntry[] {
  return text.split('\n').map(l => l.trim()).filter(Boolean).map(line => {
    const m = line.match(LINE);
    if (!m) throw new Error(`registry: malformed line "${line}"`);
    const formerNames = m[4].trim().split(/\s+/).filter(Boolean).map(f => {
      const [name, year] = f.split('<=');
      return { name, untilYear: Number(year) };
    });
    return { code: m[1], classification, name: m[2], verified: m[3] === 'v', formerNames };
  });
}

/** 类/款/项 from the code's length: functional 3/5/7 digits, economic 3/5. */
export function levelOf(code: string, classification: Classification): Level | null {
  if (code.length === 3) return '类';
  if (code.length === 5) return '款';
  if (code.length === 7 && classification === 'functional') return '项';
  return null;
}

/** The parent code (类 of a 款, 款 of a 项), or null for a 类. */
export const parentOf = (code: string): string | null => (code.length > 3 ? code.slice(0, code.length - 2) : null);

/**
 * Names are compared without whitespace and with full- and half-width forms folded (NFKC), so
 * "维修(护)费" and "维修（护）费" are the same name; quotes “” and "" are folded too.
 */
export const sameName = (a: string, b: string): boolean => foldName(a) === foldName(b);
export const foldName = (s: string): string => s.normalize('NFKC').replace(/\s+/g, '').replace(/[“”＂]/g, '"');

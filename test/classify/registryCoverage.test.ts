import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { classificationOfCode, lookupCode, sameName } from '../../src/codes/index.js';

// Codes and names printed in about 160 real 2026 department budgets from 14 cities (read by extraction),
// with how many documents and cities print each name.
const rows = readFileSync(new URL('../fixtures/codes/observed-codes-2026.tsv', import.meta.url), 'utf8')
  .split('\n').slice(1).filter(Boolean).map(l => l.split('\t'))
  .map(([code, , , name, documents, cities]) => ({ code, name, documents: Number(documents), cities: Number(cities) }));

describe('registry coverage of what departments print', () => {
  it('holds at least 95 % of the functional 项 and economic 款 printed identically by two or more cities, under that name', () => {
    const strong = rows.filter(r => r.cities >= 2 && (
      classificationOfCode(r.code) === 'functional' && r.code.length === 7 || classificationOfCode(r.code)?.endsWith('economic') && r.code.length === 5));
    const pairs = new Map(strong.map(r => [`${r.code} ${r.name}`, r]));
    const missing = [...pairs.values()].filter(r => {
      const info = lookupCode(r.code, classificationOfCode(r.code)!, null);
      return !info || !(sameName(r.name, info.currentName) || info.renames.some(x => sameName(r.name, x.from)));
    });
    const covered = 1 - missing.length / pairs.size;
    expect(pairs.size).toBeGreaterThan(250);
    expect(covered, `missing: ${missing.map(r => `${r.code} ${r.name}`).join(', ')}`).toBeGreaterThanOrEqual(0.95);
  });
});

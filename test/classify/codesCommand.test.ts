import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { codesCommand } from '../../src/cli/codesCommand.js';

const dir = mkdtempSync(path.join(tmpdir(), 'codes-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('budget-tables codes', () => {
  it('exports the registry with names as in a year, validity, former names and evidence', async () => {
    const out = path.join(dir, 'codes.json');
    expect(await codesCommand(['--format', 'json', '--year', '2018', '--classification', 'functional', '--out', out])).toBe(0);
    const { entries } = JSON.parse(readFileSync(out, 'utf8')) as { entries: Record<string, string | number>[] };
    expect(entries.find(e => e.code === '210')).toMatchObject({ name: '医疗卫生与计划生育支出', level: '类', former_names: '医疗卫生与计划生育支出 (until 2018)', source: 'official' });
    // Valid only from 2019: not listed for 2018.
    expect(entries.find(e => e.code === '2040220')).toBeUndefined();
    expect(entries.every(e => e.classification === 'functional')).toBe(true);
  });

  it('writes TSV and CSV with one header line, and refuses unknown options', async () => {
    const tsv = path.join(dir, 'codes.tsv');
    expect(await codesCommand(['--out', tsv])).toBe(0);
    const lines = readFileSync(tsv, 'utf8').trim().split('\n');
    expect(lines[0].split('\t')).toEqual(['code', 'classification', 'level', 'parent', 'name', 'valid_from', 'valid_until', 'former_names', 'source', 'documents', 'cities']);
    expect(lines.some(l => l.startsWith('50101\tgovernment_economic\t款\t501\t工资奖金津补贴'))).toBe(true);
    expect(await codesCommand(['--format', 'xml'])).toBe(2);
    expect(await codesCommand(['--classification', 'income'])).toBe(2);
  });
});

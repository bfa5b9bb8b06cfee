/**
 * The library API as another program sees it: the built package imported by its name (a node_modules
 * link to this checkout, as an installed dependency would be), its types declared where "exports" says.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, ROOT } from '../batch/support/build.js';

const run = promisify(execFile);
let work: string;

beforeAll(async () => {
  await ensureBuilt();
  work = mkdtempSync(path.join(tmpdir(), 'bt-library-'));
  mkdirSync(path.join(work, 'node_modules'));
  symlinkSync(ROOT, path.join(work, 'node_modules', 'budget-tables'), 'dir');
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

// A program that uses the package as the README shows: extract, validate, write, merge.
const PROGRAM = `
import { readFileSync, readdirSync } from 'node:fs';
import { extractDocument, validateDocument, writeOutputs, buildDataset, OutputDocumentSchema, RULE_IDS } from 'budget-tables';
const [pdf, out] = process.argv.slice(2);
const doc = await extractDocument(pdf, { ocr: false });
const fromBytes = await extractDocument(new Uint8Array(readFileSync(pdf)), { ocr: false, fileName: 'copy.pdf' });
const checks = validateDocument(doc);
const written = await writeOutputs(doc, out);
const dataset = buildDataset([doc]);
let error = null;
try { await extractDocument(new Uint8Array([1, 2, 3]), { fileName: 'junk.pdf' }); } catch (e) { error = e.message; }
console.log(JSON.stringify({
  schema: OutputDocumentSchema.safeParse(doc).success, file: doc.source.file, copy: fromBytes.source.file,
  tables: doc.tables.length, sameTables: fromBytes.tables.length, checks: checks.length,
  rulesKnown: checks.every(c => RULE_IDS.includes(c.rule)), written: written.map(f => f.slice(out.length + 1)),
  files: readdirSync(out).sort(), cells: dataset.cells.length, error,
}));
`;

describe('the package, imported by its name', () => {
  it('extracts, validates, writes and merges', async () => {
    writeFileSync(path.join(work, 'program.mjs'), PROGRAM);
    const pdf = path.join(ROOT, 'samples/synth/synth-1-a-grid.pdf');
    const out = path.join(work, 'out');
    const { stdout } = await run(process.execPath, ['program.mjs', pdf, out], { cwd: work });
    const r = JSON.parse(stdout);
    expect(r).toMatchObject({ schema: true, file: 'synth-1-a-grid.pdf', copy: 'copy.pdf', rulesKnown: true });
    expect(r.tables).toBeGreaterThan(5);
    expect(r.sameTables).toBe(r.tables);
    expect(r.checks).toBeGreaterThan(50);
    expect(r.written).toEqual(['synth-1-a-grid.json', 'synth-1-a-grid.csv', 'synth-1-a-grid.indicators.csv', 'synth-1-a-grid']);
    expect(r.files).toContain('synth-1-a-grid.json');
    expect(r.cells).toBeGreaterThan(100);
    expect(r.error).toMatch(/^junk\.pdf: /);
  });

  it('declares its types where "exports" says: a typed program against it compiles, and a wrong rule id does not', async () => {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    expect(existsSync(path.join(ROOT, pkg.exports['.'].types))).toBe(true);
    expect(existsSync(path.join(ROOT, pkg.bin['budget-tables']))).toBe(true);
    writeFileSync(path.join(work, 'consumer.mts'), [
      "import { extractDocument, validateDocument, OutputDocumentSchema, type Check, type OutputDocument, type RuleId } from 'budget-tables';",
      "const doc: OutputDocument = await extractDocument(new Uint8Array(0), { ocr: false });",
      "const checks: Check[] = validateDocument(OutputDocumentSchema.parse(doc));",
      "export const rule: RuleId | undefined = checks[0]?.rule;",
      "// @ts-expect-error: rule ids are a closed list",
      "export const wrong: RuleId = 'made_up';",
    ].join('\n'));
    const tsc = path.join(ROOT, 'node_modules/typescript/bin/tsc');
    const args = ['--noEmit', '--strict', '--skipLibCheck', '--target', 'ES2022', '--module', 'NodeNext', '--moduleResolution', 'NodeNext', '--types', 'node', '--typeRoots', path.join(ROOT, 'node_modules/@types'), 'consumer.mts'];
    const result = await run(process.execPath, [tsc, ...args], { cwd: work }).then(() => 'ok', (e: { stdout: string }) => e.stdout);
    expect(result).toBe('ok');
  });
});

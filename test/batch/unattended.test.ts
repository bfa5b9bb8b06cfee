/**
 * What a nightly job relies on, through the real entry points: exit statuses that report only what is new
 * (batch) or what could not be read (merge), a 240-byte Chinese file name, a symlinked PDF and a symlink
 * loop in the folder, merge reading a batch folder, --out naming a file, unknown options, and extract
 * keeping same-named files apart.
 */
import { spawn } from 'node:child_process';
import { promises as fs, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, ROOT } from './support/build.js';
import { runCli, type CliRun } from './support/outputs.js';
import { SAMPLE_B } from './support/pdfs.js';

const NUMBERED = path.join(ROOT, 'samples/real/jiangsu-provincial-cppcc-office-2018-dept-budget-tables.pdf'); // 公开01表…公开12表
const LONG_NAME = `${'江苏省政协办公厅部门预算公开表'.repeat(5)}${'附表说明文件'.repeat(1)}`.slice(0, 80) + '.pdf';
let work: string, input: string, out: string;

/** `node dist/cli.js args…` with its exit status and both streams. */
function cli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'dist/cli.js'), ...args], { cwd: work, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '', stderr = '';
    child.stdout.on('data', d => { stdout += d; });
    child.stderr.on('data', d => { stderr += d; });
    child.on('error', reject);
    child.on('close', code => resolve({ code, stdout, stderr }));
  });
}
const events = (run: CliRun) => run.lines.filter(l => l.event === 'document') as { input: string; name: string; status: string; verdict: string; news: string | null; reasons: { code: string; message: string }[]; failure: { code: string } | null }[];

/** The numbered disclosure without its page 6 (公开06表): a document that lost a table. */
async function withoutPage6(): Promise<Uint8Array> {
  const src = await PDFDocument.load(readFileSync(NUMBERED));
  const copy = await PDFDocument.create();
  for (const p of await copy.copyPages(src, src.getPageIndices().filter(i => i !== 5))) copy.addPage(p);
  return copy.save();
}

beforeAll(async () => {
  await ensureBuilt();
  work = await fs.mkdtemp(path.join(os.tmpdir(), 'bt-unattended-'));
  input = path.join(work, 'in'); out = path.join(work, 'out');
  await fs.mkdir(path.join(input, 'good'), { recursive: true });
  await fs.mkdir(path.join(input, 'bad'));
  await fs.copyFile(SAMPLE_B, path.join(input, 'good', 'a.pdf'));
  await fs.writeFile(path.join(input, 'bad', 'not-a-pdf.pdf'), '<html>404</html>\n');
  await fs.copyFile(NUMBERED, path.join(input, LONG_NAME));
  await fs.mkdir(path.join(work, 'elsewhere'));
  await fs.copyFile(NUMBERED, path.join(work, 'elsewhere', 'target.pdf'));
  await fs.symlink(path.join(work, 'elsewhere', 'target.pdf'), path.join(input, 'linked.pdf'));
  await fs.symlink(input, path.join(input, 'good', 'loop')); // a folder link back up: walked once
}, 600_000);

afterAll(async () => { await fs.rm(work, { recursive: true, force: true }); });

describe('batch exit status and inputs', () => {
  it('a new failure exits 1; the 240-byte name and the symlinked PDF are extracted; the loop is walked once', async () => {
    expect(Buffer.byteLength(LONG_NAME.replace(/\.pdf$/, ''))).toBe(240);
    const run = await runCli([input, '--out', out, '--concurrency', '2']);
    expect(run.code, run.stderr).toBe(1);
    const byInput = new Map(events(run).map(e => [e.input, e]));
    expect([...byInput.keys()].sort()).toEqual([LONG_NAME, 'bad/not-a-pdf.pdf', 'good/a.pdf', 'linked.pdf'].sort());
    expect(byInput.get('bad/not-a-pdf.pdf')).toMatchObject({ status: 'failed', verdict: 'failed', news: 'new_failure' });
    for (const ok of [LONG_NAME, 'linked.pdf', 'good/a.pdf']) expect(byInput.get(ok)!.status, ok).toBe('ok');
    const long = byInput.get(LONG_NAME)!.name;
    expect(LONG_NAME.startsWith(long.slice(0, 20))).toBe(true); // readable: the name's own beginning
    for (const f of await fs.readdir(out)) expect(Buffer.byteLength(f), f).toBeLessThanOrEqual(255);
    expect((await fs.stat(path.join(out, `${long}.json`))).isFile()).toBe(true);
    const summary = JSON.parse(await fs.readFile(path.join(out, 'summary.json'), 'utf8'));
    expect(summary).toMatchObject({ news: { new_failures: ['bad/not-a-pdf.pdf'], newly_degraded: [] }, exit_status: 1 });
  }, 300_000);

  it('exits 0 the next night with the known-bad file still there, 3 for a newly degraded document, then 0 again', async () => {
    const again = await runCli([input, '--out', out]);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toContain('nothing new went wrong');

    await fs.writeFile(path.join(input, 'good', 'gap.pdf'), await withoutPage6());
    const third = await runCli([input, '--out', out]);
    expect(third.code, third.stderr).toBe(3);
    const gap = events(third).find(e => e.input === 'good/gap.pdf')!;
    expect(gap).toMatchObject({ status: 'ok', verdict: 'degraded', news: 'newly_degraded' });
    expect(gap.reasons.find(r => r.code === 'missing_tables')!.message).toContain('表6');
    const journal = (await fs.readFile(path.join(out, 'manifest.jsonl'), 'utf8')).trim().split('\n').map(l => JSON.parse(l));
    expect(journal.at(-1)).toMatchObject({ input: 'good/gap.pdf', quality: { status: 'degraded' } });
    const doc = JSON.parse(await fs.readFile(path.join(out, 'gap.json'), 'utf8'));
    expect(doc.quality.reasons.map((r: { code: string }) => r.code)).toContain('missing_tables');

    const fourth = await runCli([input, '--out', out]);
    expect(fourth.code, fourth.stderr).toBe(0);
  }, 300_000);
});

describe('merge over a batch folder', () => {
  it('reads only the output documents (not summary.json), reports the re-upload, exits 0; an unreadable named input exits 1', async () => {
    const merged = await cli(['merge', out, '--out', path.join(work, 'dataset')]);
    expect(merged.code, merged.stderr).toBe(0);
    expect(merged.stderr).toBe('');
    // the long-named copy and the linked one are the same file; the copy without page 6 is a re-export
    expect(merged.stdout).toMatch(/skipped duplicates: /);
    expect(merged.stdout).toMatch(/same disclosure in 2 files \(.*\): kept .*, left out gap\.pdf/);
    await fs.writeFile(path.join(work, 'broken.json'), '{"schema_version":1');
    const bad = await cli(['merge', out, path.join(work, 'broken.json'), '--out', path.join(work, 'dataset2')]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('broken.json');
  }, 300_000);
});

describe('usage errors', () => {
  it('--out naming a file: one line, exit 2, in every command', async () => {
    const file = path.join(work, 'a-file.txt');
    await fs.writeFile(file, 'x');
    for (const args of [['extract', SAMPLE_B, '--out', file], ['batch', input, '--out', file], ['merge', out, '--out', file]]) {
      const r = await cli(args);
      expect(r.code, args[0]).toBe(2);
      expect(r.stderr.trim().split('\n'), args[0]).toHaveLength(1);
      expect(r.stderr, args[0]).toContain(`budget-tables ${args[0]}: --out ${file} is a file, not a folder`);
    }
  }, 120_000);

  it('says an unknown option in its own words', async () => {
    for (const command of ['extract', 'batch', 'merge', 'check']) {
      const r = await cli([command, 'x', '--bogus']);
      expect(r.code, command).toBe(2);
      expect(r.stderr.trim(), command).toBe(`budget-tables ${command}: unknown option --bogus (see budget-tables ${command} --help)`);
    }
  }, 120_000);
});

describe('extract', () => {
  it('keeps two same-named files from different folders apart, as batch does', async () => {
    await fs.mkdir(path.join(work, 'x')); await fs.mkdir(path.join(work, 'y'));
    await fs.copyFile(SAMPLE_B, path.join(work, 'x', 'report.pdf'));
    await fs.copyFile(NUMBERED, path.join(work, 'y', 'report.pdf'));
    const r = await cli(['extract', 'x', 'y', '--out', 'same', '--quiet', '--no-ocr']);
    expect(r.code, r.stderr).toBe(0);
    const jsons = (await fs.readdir(path.join(work, 'same'))).filter(f => f.endsWith('.json')).sort();
    expect(jsons).toHaveLength(2);
    for (const j of jsons) expect(j).toMatch(/^report-[0-9a-f]{8}\.json$/);
    const hashes = await Promise.all(jsons.map(async j => JSON.parse(await fs.readFile(path.join(work, 'same', j), 'utf8')).source.sha256));
    expect(new Set(hashes).size).toBe(2); // neither overwrote the other
    expect(r.stdout).toMatch(/^total: 2 files — /m);
  }, 120_000);
});

/**
 * The CLI process is killed (SIGKILL) twice while it works, then started again: the result is exactly the
 * complete set of outputs, each document recorded once, nothing temporary or torn left behind.
 */
import { promises as fs, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { JournalRecordSchema } from '../../src/batch/records.js';
import { ensureBuilt } from './support/build.js';
import { listTree, outputFiles, referenceOutputs, runCli } from './support/outputs.js';
import { SAMPLE_A, SAMPLE_B } from './support/pdfs.js';

const COPIES = 10;
let work: string, input: string, out: string;

beforeAll(async () => {
  await ensureBuilt();
  work = await fs.mkdtemp(path.join(os.tmpdir(), 'bt-batch-kill-'));
  input = path.join(work, 'in'); out = path.join(work, 'out');
  await fs.mkdir(input);
  for (let i = 0; i < COPIES; i++) await fs.writeFile(path.join(input, `doc-${String(i).padStart(2, '0')}.pdf`), readFileSync(i % 2 ? SAMPLE_B : SAMPLE_A));
}, 600_000); // a guard against a hang only

afterAll(async () => { await fs.rm(work, { recursive: true, force: true }); });

const journalLines = async (): Promise<string[]> =>
  (await fs.readFile(path.join(out, 'manifest.jsonl'), 'utf8').catch(() => '')).split('\n').filter(Boolean);

/** Start the batch and SIGKILL it once the journal has `atLeast` lines (or at once when it finished first). */
async function runAndKill(atLeast: number): Promise<void> {
  const run = await runCli([input, '--out', out, '--concurrency', '2'], child => {
    const poll = setInterval(() => {
      void journalLines().then(lines => { if (lines.length >= atLeast) { clearInterval(poll); child.kill('SIGKILL'); } });
    }, 15);
    child.on('close', () => clearInterval(poll));
  });
  expect(run.signal).toBe('SIGKILL');
}

it('resumes a killed run and finishes with exactly the complete set', async () => {
  await runAndKill(1);
  const afterFirstKill = (await journalLines()).length;
  expect(afterFirstKill).toBeLessThan(COPIES);
  await runAndKill(afterFirstKill + 3);
  expect(JSON.parse(await fs.readFile(path.join(out, '.batch.lock'), 'utf8'))).toHaveProperty('pid'); // left by the killed run

  // What a kill at a worse moment leaves, made certain: temporaries of atomic writes, a torn journal line.
  await fs.writeFile(path.join(out, 'doc-03.json.99999.deadbeef.tmp'), '{"schema_ver');
  await fs.mkdir(path.join(out, 'doc-05.99999.cafebabe.tmp.old'));
  await fs.appendFile(path.join(out, 'manifest.jsonl'), '{"status":"ok","stats":{"pa');

  const done = await runCli([input, '--out', out, '--concurrency', '2']);
  expect(done.code).toBe(0);
  const summary = done.lines.find(l => l.event === 'summary')!;
  expect(summary.stale_temp_files_removed).toBeGreaterThanOrEqual(2);
  const events = done.lines.filter(l => l.event === 'document');
  expect(events).toHaveLength(COPIES);
  expect(events.filter(e => e.status === 'skipped').length).toBeGreaterThanOrEqual(afterFirstKill);

  // Each document recorded once: none was processed again after its record was written.
  const records = (await journalLines()).map(l => JournalRecordSchema.parse(JSON.parse(l)));
  expect(records.map(r => r.input).sort()).toEqual(Array.from({ length: COPIES }, (_, i) => `doc-${String(i).padStart(2, '0')}.pdf`));
  expect(records.every(r => r.status === 'ok')).toBe(true);

  // Exactly the outputs of single-document extraction; nothing else.
  const tree = await listTree(out);
  expect(tree.filter(f => !f.includes(path.sep) && !/^doc-\d\d(\.json|\.csv|\.indicators\.csv)?$/.test(f))).toEqual(['manifest.jsonl', 'summary.json']);
  for (let i = 0; i < COPIES; i++) {
    const name = `doc-${String(i).padStart(2, '0')}`;
    const want = await referenceOutputs(path.join(input, `${name}.pdf`), await fs.mkdtemp(path.join(work, 'ref-')));
    expect(await outputFiles(out, name), name).toEqual(want);
  }
}, 600_000); // a guard against a hang only

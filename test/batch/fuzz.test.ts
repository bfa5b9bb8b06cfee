/**
 * Fuzzing through the in-process batch (worker pool, short time limit): a few hundred mutated copies of
 * small sample PDFs never crash or hang the batch; every one ends ok or failed with a known reason.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { FailureCodeSchema } from '../../src/batch/records.js';
import { runBatch } from '../../src/batch/runBatch.js';
import { defaultBatchSettings } from '../../src/batch/settings.js';
import type { DocumentEvent } from '../../src/batch/summary.js';
import { ensureBuilt } from './support/build.js';
import { MUTATIONS, mutate, seededRandom } from './support/mutate.js';
import { firstPages, SAMPLE_A, SAMPLE_B } from './support/pdfs.js';

const SEED = 20240607;
// Sized by work, not by a clock: 100 small documents (each its own extraction, some read by OCR) are
// enough to meet every mutation many times; the time limit below only guards against a hang.
const CASES = 100;
const PAGES_PER_BASE = 3;
let work: string;

beforeAll(async () => {
  await ensureBuilt();
  work = await fs.mkdtemp(path.join(os.tmpdir(), 'bt-batch-fuzz-'));
  await fs.mkdir(path.join(work, 'in'));
  const bases = [await firstPages(SAMPLE_A, PAGES_PER_BASE), await firstPages(SAMPLE_B, PAGES_PER_BASE)];
  const rand = seededRandom(SEED);
  for (let i = 0; i < CASES; i++) {
    const kind = MUTATIONS[i % MUTATIONS.length]!;
    await fs.writeFile(path.join(work, 'in', `case-${String(i).padStart(3, '0')}-${kind}.pdf`), mutate(bases[i % bases.length]!, kind, rand));
  }
}, 600_000);

afterAll(async () => { await fs.rm(work, { recursive: true, force: true }); });

it(`${CASES} mutated PDFs: the batch ends, every document ok or failed with a reason`, async () => {
  const events: DocumentEvent[] = [];
  const t0 = performance.now();
  const result = await runBatch({
    source: path.join(work, 'in'), outDir: path.join(work, 'out'),
    // No OCR: the work is parsing damaged files; the time limit only guards against a hang.
    settings: { ...defaultBatchSettings(), concurrency: 2, timeoutPerDocSeconds: 120, workerHeapMb: 512, ocr: false },
    reporter: { start() {}, document: e => events.push(e), finish() {} },
  });
  if ('problem' in result) throw new Error(result.problem);
  expect(events).toHaveLength(CASES);
  for (const e of events) {
    expect(['ok', 'failed'], e.input).toContain(e.status);
    expect(e.verdict, e.input).toBe(e.status === 'failed' ? 'failed' : e.reasons.length ? 'degraded' : 'ok');
    if (e.failure) {
      expect(FailureCodeSchema.options).toContain(e.failure.code);
      expect(e.failure.message.length).toBeGreaterThan(0);
    }
  }
  const s = result.summary;
  expect(s.documents.ok + s.documents.degraded + s.documents.failed).toBe(CASES);
  expect(s.documents.ok + s.documents.degraded).toBeGreaterThan(0); // flips and shuffles mostly leave a readable document
  expect(s.documents.failed).toBeGreaterThan(0); // truncations do not
  expect((await fs.readdir(path.join(work, 'out'))).filter(f => f.endsWith('.tmp'))).toEqual([]);
  console.log(`fuzz: ${s.documents.ok} ok, ${s.documents.degraded} degraded, ${s.documents.failed} failed ${JSON.stringify(s.failures_by_reason)} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}, 1_200_000);

/**
 * A folder of good samples and every kind of bad input, run through the real entry point: good documents
 * come out exactly as single-document extraction writes them, bad ones are reported with their reason,
 * the exit status is 1, and a second run skips everything.
 */
import { promises as fs, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt } from './support/build.js';
import { listTree, outputFiles, referenceOutputs, runCli, type CliRun } from './support/outputs.js';
import { brokenXref, encryptedPdf, garbledXref, hugeImagePdf, manyPagesPdf, SAMPLE_A, SAMPLE_B, SAMPLE_C, truncated } from './support/pdfs.js';

const GOOD: Record<string, string> = { // input (relative) → the sample it is a copy of
  'good/shanghai-putuo-govt-office-2025-dept-budget.pdf': SAMPLE_A,
  'good/jiangsu-2019-dept-budget-tables.pdf': SAMPLE_B,
  // same file name as the first, other content: must not overwrite it
  'other/shanghai-putuo-govt-office-2025-dept-budget.pdf': SAMPLE_C,
};
const BAD: Record<string, { data: () => Uint8Array; code: string; message: RegExp }> = {
  'bad/zero-bytes.pdf': { data: () => new Uint8Array(0), code: 'empty', message: /empty/ },
  'bad/not-a-pdf.pdf': { data: () => new Uint8Array(Buffer.from('<html><body>404 Not Found</body></html>\n')), code: 'not_pdf', message: /not a PDF/ },
  'bad/truncated.pdf': { data: () => truncated(readFileSync(SAMPLE_A), 0.4), code: 'corrupt', message: /cannot be read/ },
  'bad/broken-xref.pdf': { data: () => brokenXref(readFileSync(SAMPLE_B)), code: 'corrupt', message: /cannot be read/ },
  'bad/encrypted.pdf': { data: encryptedPdf, code: 'encrypted', message: /password/ },
  'bad/thousands-of-pages.pdf': { data: () => manyPagesPdf(2500), code: 'too_many_pages', message: /2500 pages, over the limit of 2000/ },
  'bad/huge-image.pdf': { data: () => hugeImagePdf(20_000, 20_000), code: 'image_too_large', message: /object 5\) is 20000×20000/ },
};
const GARBLED_XREF = 'good/garbled-xref.pdf'; // pdfjs rebuilds the xref: extracted like any other

let work: string, input: string, out: string, first: CliRun;
const docEvents = (run: CliRun) => run.lines.filter(l => l.event === 'document') as { input: string; name: string; status: string; previous: string | null; failure: { code: string; file: string; message: string } | null }[];

beforeAll(async () => {
  await ensureBuilt();
  work = await fs.mkdtemp(path.join(os.tmpdir(), 'bt-batch-mixed-'));
  input = path.join(work, 'in'); out = path.join(work, 'out');
  const put = async (rel: string, data: Uint8Array) => { await fs.mkdir(path.dirname(path.join(input, rel)), { recursive: true }); await fs.writeFile(path.join(input, rel), data); };
  for (const [rel, src] of Object.entries(GOOD)) await put(rel, readFileSync(src));
  for (const [rel, bad] of Object.entries(BAD)) await put(rel, bad.data());
  await put(GARBLED_XREF, garbledXref(readFileSync(SAMPLE_B)));
  first = await runCli([input, '--out', out, '--concurrency', '2']);
}, 120_000);

afterAll(async () => { await fs.rm(work, { recursive: true, force: true }); });

describe('batch over a mixed folder', () => {
  it('exits 1 and reports one event per input', () => {
    expect(first.stderr).toContain('failures by reason');
    expect(first.code).toBe(1);
    const inputs = docEvents(first).map(e => e.input).sort();
    expect(inputs).toEqual([...Object.keys(GOOD), ...Object.keys(BAD), GARBLED_XREF].sort());
  });

  it('writes every good document exactly as single-document extraction does, same-named inputs apart', async () => {
    const events = docEvents(first);
    const names = new Set<string>();
    for (const rel of [...Object.keys(GOOD), GARBLED_XREF]) {
      const e = events.find(ev => ev.input === rel)!;
      expect(e.status, rel).toBe('ok');
      names.add(e.name);
      const want = await referenceOutputs(path.join(input, rel), await fs.mkdtemp(path.join(work, 'ref-')));
      const got = await outputFiles(out, e.name);
      expect([...got.keys()]).toEqual([...want.keys()]);
      for (const [k, v] of want) expect(got.get(k), `${rel} ${k}`).toBe(v);
    }
    expect(names.size).toBe(4);
  });

  it('records every bad input as failed with its reason and leaves no outputs for it', async () => {
    const events = docEvents(first);
    for (const [rel, bad] of Object.entries(BAD)) {
      const e = events.find(ev => ev.input === rel)!;
      expect(e.status, rel).toBe('failed');
      expect(e.failure, rel).toMatchObject({ code: bad.code, file: rel });
      expect(e.failure!.message, rel).toMatch(bad.message);
      expect((await outputFiles(out, e.name)).size, rel).toBe(0);
    }
    const summary = JSON.parse(await fs.readFile(path.join(out, 'summary.json'), 'utf8'));
    expect(summary.documents).toMatchObject({ total: 11, failed: 7, skipped: 0 });
    expect(summary.documents.ok + summary.documents.degraded).toBe(4);
    expect(summary.failures_by_reason).toEqual({ empty: 1, not_pdf: 1, corrupt: 2, encrypted: 1, too_many_pages: 1, image_too_large: 1 });
    expect(summary.pages).toBeGreaterThan(0);
  });

  it('skips everything on a second run, and re-processes a file whose content changed', async () => {
    const before = await listTree(out);
    const second = await runCli([input, '--out', out]);
    expect(second.code).toBe(0); // the bad inputs are still failed, but that is not news
    expect(docEvents(second).every(e => e.status === 'skipped')).toBe(true);
    expect(docEvents(second).filter(e => e.previous === 'failed')).toHaveLength(7);
    expect(await listTree(out)).toEqual(before);

    // Same name, new content: its outputs are replaced; a good file turned bad loses its stale outputs.
    const changed = 'good/jiangsu-2019-dept-budget-tables.pdf', broken = 'good/shanghai-putuo-govt-office-2025-dept-budget.pdf';
    await fs.copyFile(SAMPLE_C, path.join(input, changed));
    await fs.writeFile(path.join(input, broken), new Uint8Array(0));
    const third = await runCli([input, '--out', out, '--json']);
    const byInput = new Map(docEvents(third).map(e => [e.input, e]));
    expect(byInput.get(changed)!.status).toBe('ok');
    expect(byInput.get(broken)!.failure!.code).toBe('empty');
    expect(docEvents(third).filter(e => e.status !== 'skipped')).toHaveLength(2);
    const want = await referenceOutputs(path.join(input, changed), await fs.mkdtemp(path.join(work, 'ref-')));
    expect(await outputFiles(out, byInput.get(changed)!.name)).toEqual(want);
    expect((await outputFiles(out, byInput.get(broken)!.name)).size).toBe(0);
    expect((await listTree(out)).filter(f => /\.tmp|\.lock/.test(f))).toEqual([]);
  }, 600_000); // a guard against a hang only
});

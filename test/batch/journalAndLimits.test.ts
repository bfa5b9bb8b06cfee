/** The journal survives a torn last line; limits and arguments are checked before any work. */
import { promises as fs } from 'node:fs';
import { spawn } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBatchArgs } from '../../src/cli/batchCommand.js';
import { collectInputs } from '../../src/batch/inputs.js';
import { JOURNAL_FILE, openJournal } from '../../src/batch/journal.js';
import { acquireLock, LOCK_FILE, processStart } from '../../src/batch/lock.js';
import { checkLimits, findOversizedImages } from '../../src/batch/preflight.js';
import type { JournalRecord } from '../../src/batch/records.js';
import { wouldFailAgain } from '../../src/batch/skipRules.js';
import { hugeImagePdf, manyPagesPdf } from './support/pdfs.js';

const LIMITS = { max_pages: 2000, max_image_pixels: 1e8, timeout_per_doc_seconds: 300, worker_heap_mb: 4096 };
const record = (input: string, extra: Partial<JournalRecord> = {}): JournalRecord => ({
  status: 'ok', stats: { pages: 1, pages_without_text: 0, tables: 0, rows: 0, cells: 0, failed_checks: 0, warnings: 0 },
  input, name: input, sha256: 'ab', pipeline: 'v', seconds: 1, limits: LIMITS, at: 'now', ...extra,
} as JournalRecord);

describe('journal', () => {
  it('cuts a torn last line, keeps the last record per input, appends durably', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'bt-journal-'));
    const file = path.join(dir, JOURNAL_FILE);
    await fs.writeFile(file, [JSON.stringify(record('a')), JSON.stringify(record('b')), JSON.stringify(record('a', { sha256: 'cd' })), 'not json'].join('\n') + '\n{"status":"ok","sta');
    const j = await openJournal(dir);
    expect(j.latest.get('a')!.sha256).toBe('cd');
    expect(j.latest.size).toBe(2);
    expect(j.unreadableLines).toBe(1);
    await j.append(record('c'));
    await j.close();
    const lines = (await fs.readFile(file, 'utf8')).split('\n');
    expect(lines.at(-1)).toBe('');
    expect(JSON.parse(lines.at(-2)!).input).toBe('c');
    expect(lines.some(l => l.includes('"sta') && !l.endsWith('}'))).toBe(false);
    await fs.rm(dir, { recursive: true });
  });

  it('retries a recorded failure only when it could turn out differently', () => {
    const failed = (code: string) => record('x', { status: 'failed', failure: { code, file: 'x', page: null, message: '' } } as Partial<JournalRecord>);
    expect(wouldFailAgain(failed('encrypted'), LIMITS)).toBe(true);
    expect(wouldFailAgain(failed('timeout'), LIMITS)).toBe(true);
    expect(wouldFailAgain(failed('timeout'), { ...LIMITS, timeout_per_doc_seconds: 600 })).toBe(false);
    expect(wouldFailAgain(failed('too_many_pages'), { ...LIMITS, max_pages: 5000 })).toBe(false);
    expect(wouldFailAgain(failed('worker_crashed'), LIMITS)).toBe(false);
  });
});

describe('limits before extraction', () => {
  it('finds an oversized image by its dictionary, and not an indirect or small one', () => {
    expect(findOversizedImages(hugeImagePdf(20_000, 20_000), 1e8)).toEqual([{ object: 5, width: 20_000, height: 20_000 }]);
    expect(findOversizedImages(hugeImagePdf(2000, 2000), 1e8)).toEqual([]);
    const indirect = new TextEncoder().encode('7 0 obj\n<< /Subtype /Image /Width 12 0 R /Height 99999 >>\nstream\n');
    expect(findOversizedImages(indirect, 100)).toEqual([]);
  });

  it('refuses too many pages with the count and the flag in the message', async () => {
    expect(await checkLimits(manyPagesPdf(30), 'in/long.pdf', { maxPages: 20, maxImagePixels: 1e8, ocr: true }))
      .toEqual({ code: 'too_many_pages', file: 'in/long.pdf', page: null, message: '30 pages, over the limit of 20 (--max-pages)' });
    expect(await checkLimits(manyPagesPdf(30), 'in/long.pdf', { maxPages: 30, maxImagePixels: 1e8, ocr: true })).toBeNull();
  });
});

describe('arguments and inputs', () => {
  it('parses options and refuses bad usage', () => {
    expect(parseBatchArgs(['in', '--out', 'o', '--concurrency', '3', '--timeout-per-doc', '2.5', '--force'])).toMatchObject({
      source: 'in', out: 'o', settings: { concurrency: 3, timeoutPerDocSeconds: 2.5, force: true },
    });
    expect(parseBatchArgs(['in'])).toEqual({ problem: '--out DIR is required' });
    expect(parseBatchArgs(['in', '--out', 'o', '--concurrency', '0'])).toHaveProperty('problem');
    expect(parseBatchArgs(['in', '--out', 'o', '--max-pages', '1.5'])).toHaveProperty('problem');
    expect(parseBatchArgs(['in', '--out', 'o', '--bogus'])).toHaveProperty('problem');
    expect(parseBatchArgs(['--help'])).toEqual({ help: true });
  });

  it('reads a list file relative to its folder; a missing folder is a problem', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'bt-inputs-'));
    await fs.writeFile(path.join(dir, 'list.txt'), '# docs\nsub/a.pdf\n\nsub/a.pdf\n/abs/b.pdf\r\n');
    const r = await collectInputs(path.join(dir, 'list.txt'));
    if (!('inputs' in r)) throw new Error(r.problem);
    expect(r.inputs.map(i => i.id)).toEqual([path.relative(dir, '/abs/b.pdf'), 'sub/a.pdf'].sort());
    expect(r.inputs.find(i => i.fileName === 'b.pdf')!.path).toBe('/abs/b.pdf');
    expect(await collectInputs(path.join(dir, 'nope'))).toHaveProperty('problem');
    await fs.rm(dir, { recursive: true });
  });
});

describe('the lock on DIR', () => {
  it('takes over a lock whose pid now belongs to another process, and says how to clear a live one', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'bt-lock-'));
    const file = path.join(dir, LOCK_FILE);
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
    try {
      await new Promise(r => other.once('spawn', r));
      const pid = other.pid!;
      // The pid is alive but was started after the lock was written: a reused pid, not the batch.
      if (processStart(pid) !== null) {
        await fs.writeFile(file, JSON.stringify({ pid, host: os.hostname(), at: '2020-01-01T00:00:00Z', start: 'earlier' }) + '\n');
        const taken = await acquireLock(dir);
        expect(taken).toHaveProperty('release');
        if ('release' in taken) await taken.release();
      }
      // The same process, recorded as itself: held, with the way out in the message.
      await fs.writeFile(file, JSON.stringify({ pid, host: os.hostname(), at: '2020-01-01T00:00:00Z', start: processStart(pid) }) + '\n');
      const held = await acquireLock(dir);
      expect(held).toHaveProperty('heldBy');
      if ('heldBy' in held) expect(held.heldBy).toContain(`pid ${pid}`), expect(held.heldBy).toContain(`delete ${file}`);
      // A lock whose process is gone is taken over silently.
      await fs.writeFile(file, `${pid}\n`);
      other.kill('SIGKILL');
      await new Promise(r => other.once('exit', r));
      const after = await acquireLock(dir);
      expect(after).toHaveProperty('release');
      if ('release' in after) await after.release();
    } finally {
      other.kill('SIGKILL');
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});

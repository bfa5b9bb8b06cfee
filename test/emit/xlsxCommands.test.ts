/**
 * `--xlsx` through the real entry points: extract writes NAME.xlsx beside the JSON only when asked, and
 * a batch asked for workbooks processes again an unchanged document that has none, then skips it.
 */
import { execFile } from 'node:child_process';
import { existsSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, ROOT } from '../batch/support/build.js';
import { runCli } from '../batch/support/outputs.js';
import { SAMPLE_B } from '../batch/support/pdfs.js';
import { readWorkbook } from './support/workbook.js';

const NAME = path.basename(SAMPLE_B, '.pdf');
let work: string;

beforeAll(async () => {
  await ensureBuilt();
  work = await fs.mkdtemp(path.join(os.tmpdir(), 'bt-xlsx-cli-'));
}, 300_000);

afterAll(async () => { await fs.rm(work, { recursive: true, force: true }); });

const extract = (out: string, ...flags: string[]) =>
  promisify(execFile)(process.execPath, [path.join(ROOT, 'dist/cli.js'), 'extract', SAMPLE_B, '--out', out, '--quiet', ...flags], { cwd: ROOT });

describe('--xlsx', () => {
  it('extract writes the workbook only when asked, one sheet per table after the document and checks sheets', async () => {
    await extract(path.join(work, 'plain'));
    expect(existsSync(path.join(work, 'plain', `${NAME}.json`))).toBe(true);
    expect(existsSync(path.join(work, 'plain', `${NAME}.xlsx`))).toBe(false);
    await extract(path.join(work, 'book'), '--xlsx');
    const doc = JSON.parse(await fs.readFile(path.join(work, 'book', `${NAME}.json`), 'utf8')) as { tables: unknown[] };
    const wb = await readWorkbook(await fs.readFile(path.join(work, 'book', `${NAME}.xlsx`)));
    expect(wb.worksheets.slice(0, 2).map(w => w.name)).toEqual(['文档 document', '检查 checks']);
    expect(wb.worksheets).toHaveLength(doc.tables.length + 2);
  }, 300_000);

  it('batch adds workbooks to documents it already has, then skips them', async () => {
    const input = path.join(work, 'in'), out = path.join(work, 'batch');
    await fs.mkdir(input, { recursive: true });
    await fs.copyFile(SAMPLE_B, path.join(input, path.basename(SAMPLE_B)));
    const status = async (...flags: string[]) => {
      const run = await runCli([input, '--out', out, '--concurrency', '1', ...flags]);
      expect(run.code, run.stderr).toBe(0);
      return run.lines.find(l => l.event === 'document')!.status;
    };
    expect(await status()).toBe('ok');
    expect(existsSync(path.join(out, `${NAME}.xlsx`))).toBe(false);
    expect(await status('--xlsx')).toBe('ok');
    expect(existsSync(path.join(out, `${NAME}.xlsx`))).toBe(true);
    expect(await status('--xlsx')).toBe('skipped');
    expect(await status()).toBe('skipped');
  }, 300_000);
});

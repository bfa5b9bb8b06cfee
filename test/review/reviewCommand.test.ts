/**
 * `budget-tables review` through the built CLI: it finds the PDF a JSON came from (or is told with --pdf),
 * refuses a PDF that is not that one, and writes one HTML file with a section per page, atomically.
 */
import { execFile } from 'node:child_process';
import { existsSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, ROOT } from '../batch/support/build.js';

const SAMPLE = path.join(ROOT, 'samples/atushi-2024-grid.pdf');
const OTHER = path.join(ROOT, 'samples/atushi-2024-open.pdf');
const MINUTES = 60_000;
let work: string;
let json: string;

function cli(args: string[], cwd = ROOT): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise(resolve => {
    execFile(process.execPath, [path.join(ROOT, 'dist/cli.js'), ...args], { cwd }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr });
    });
  });
}

beforeAll(async () => {
  await ensureBuilt();
  work = await fs.mkdtemp(path.join(os.tmpdir(), 'bt-review-cli-'));
  const r = await cli(['extract', SAMPLE, '--out', path.join(work, 'out'), '--quiet', '--no-ocr']);
  expect(r.code).toBe(0);
  json = path.join(work, 'out', 'atushi-2024-grid.json');
}, 10 * MINUTES);

afterAll(async () => { if (work) await fs.rm(work, { recursive: true, force: true }); });

describe('budget-tables review', () => {
  it('without --pdf, says where it looked when the source PDF is not found', async () => {
    const r = await cli(['review', json], work);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('atushi-2024-grid.pdf');
    expect(r.stderr).toContain('--pdf');
    expect(existsSync(path.join(work, 'out', 'atushi-2024-grid.review.html'))).toBe(false);
  });

  it('refuses a PDF the JSON was not extracted from', async () => {
    const r = await cli(['review', json, '--pdf', OTHER]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/atushi-2024-open\.pdf is not the PDF .* sha256 differs/);
  });

  it('finds the source PDF in the current folder and writes one section per page, nothing left over', async () => {
    const out = path.join(work, 'review');
    const r = await cli(['review', json, '--out', out], path.dirname(SAMPLE));
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(await fs.readdir(out)).toEqual(['atushi-2024-grid.review.html']);
    const html = await fs.readFile(path.join(out, 'atushi-2024-grid.review.html'), 'utf8');
    expect(html.match(/<section class="page[^"]*" id="page-\d+"/g)).toHaveLength(52);
    expect(html.match(/src="data:image\/jpeg;base64,/g)).toHaveLength(52);
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
  }, 10 * MINUTES);

  it('says how it is used', async () => {
    expect((await cli(['review'])).code).toBe(2);
    expect((await cli(['review', json, json, '--pdf', SAMPLE])).stderr).toContain('--pdf goes with one JSON file only');
  });
});

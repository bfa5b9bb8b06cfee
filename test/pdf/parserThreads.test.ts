/**
 * Reading with pdf.js's parser in this thread, in one parser thread (pages read ahead) and in two (a twin
 * copy reads every other page) gives the same pages; on damaged copies, one parser thread gives the same
 * pdf.js warnings on the same pages. Two copies load each font twice, so a warning given once when a font
 * is loaded is given on the first page of each copy that uses it: every page damaged with one copy is
 * damaged with two, and more may be. Needs the built parser thread entry (dist/), as the queue tests do.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import type { PageContent } from '../../src/model/page.js';
import { openDocument } from '../../src/pdf/openDocument.js';
import { parserThreads } from '../../src/pdf/parserThread.js';
import { readPages } from '../../src/pdf/readPages.js';
import { mutate, seededRandom } from '../batch/support/mutate.js';

const SAMPLE = path.join(import.meta.dirname, '../../samples/real/jiangsu-provincial-cppcc-office-2018-dept-budget-tables.pdf');
const MODES = ['off', 'on', '2'] as const;
const asked = process.env.BUDGET_TABLES_PARSER_THREAD;
afterEach(() => {
  if (asked === undefined) delete process.env.BUDGET_TABLES_PARSER_THREAD; else process.env.BUDGET_TABLES_PARSER_THREAD = asked;
});

interface Reading { pages: Omit<PageContent, 'runs'>[]; runs: Omit<PageContent['runs'][number], 'fontName'>[][]; damaged: [number, string[]][]; errors: string[] }

/** Every page of `data` read with the parser where `mode` puts it; pdf.js's own font ids are left out (they number fonts per copy). */
async function read(data: Uint8Array, mode: (typeof MODES)[number]): Promise<Reading | string> {
  process.env.BUDGET_TABLES_PARSER_THREAD = mode;
  const out: Reading = { pages: [], runs: [], damaged: [], errors: [] };
  let doc;
  try { doc = await openDocument(data.slice(), { textOnly: true }); } catch (err) { return `unopened: ${(err as Error).message}`; }
  try {
    for await (const page of readPages(doc, e => out.errors.push(e.message), (n, w) => out.damaged.push([n, w]))) {
      const { runs, ...rest } = page;
      out.pages.push(rest);
      out.runs.push(runs.map(({ fontName: _, ...run }) => run));
    }
  } catch (err) {
    out.errors.push(`stopped: ${(err as Error).message}`);
  } finally {
    await doc.destroy();
  }
  return out;
}

it('reads the same pages in this thread, one parser thread and two', async () => {
  process.env.BUDGET_TABLES_PARSER_THREAD = '2';
  expect(parserThreads()).toBe(2); // the entry script is built: the threads are really used
  const data = new Uint8Array(readFileSync(SAMPLE));
  const [here, one, two] = [await read(data, 'off'), await read(data, 'on'), await read(data, '2')];
  expect(typeof here === 'object' && here.pages.length).toBe(12);
  expect(one).toEqual(here);
  expect(two).toEqual(here);
}, 120_000);

it('reports pdf.js warnings about damaged data on the pages it reports them on in this thread', async () => {
  const data = new Uint8Array(readFileSync(SAMPLE));
  const rand = seededRandom(4711);
  let damaged = 0;
  for (let i = 0; i < 10; i++) {
    const copy = mutate(data, i % 2 ? 'junk-range' : 'flip-bytes', rand);
    const [here, one, two] = [await read(copy, 'off'), await read(copy, 'on'), await read(copy, '2')];
    expect(one, `case ${i}`).toEqual(here);
    if (typeof here === 'string' || typeof two === 'string') expect(two, `case ${i}`).toEqual(here);
    else {
      expect({ ...two, damaged: [] }, `case ${i}`).toEqual({ ...here, damaged: [] });
      const twice = new Set(two.damaged.map(([n]) => n));
      for (const [n] of here.damaged) expect(twice.has(n), `case ${i} page ${n}`).toBe(true);
    }
    if (typeof here === 'object' && here.damaged.length) damaged++;
  }
  expect(damaged).toBeGreaterThan(0); // some copies did lose data, so the warnings were compared
}, 300_000);

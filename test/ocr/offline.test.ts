/**
 * OCR must not need the network: language data come from the npm package. The outer test re-runs
 * this file in a child vitest whose processes and worker threads preload fixtures/no-network.cjs
 * (every TCP connect, DNS lookup, UDP socket and fetch throws); the inner test does real OCR there.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { createOcrPool } from '../../src/ocr/index.js';
import { openDocument } from '../../src/pdf/openDocument.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const inChild = process.env.OCR_OFFLINE_CHILD === '1';

describe.skipIf(inChild)('OCR without network', () => {
  it('recognises a scanned page in a process where every network call fails', () => {
    const child = spawnSync(process.execPath, [path.join(root, 'node_modules/vitest/vitest.mjs'), 'run', 'test/ocr/offline.test.ts'], {
      cwd: root,
      encoding: 'utf8',
      timeout: 120_000,
      env: {
        ...process.env,
        OCR_OFFLINE_CHILD: '1',
        NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --require ${path.join(here, 'fixtures/no-network.cjs')}`.trim(),
        HTTP_PROXY: 'http://127.0.0.1:9', HTTPS_PROXY: 'http://127.0.0.1:9',
      },
    });
    const out = `${child.stdout}\n${child.stderr}`;
    expect(child.status, out).toBe(0);
    expect(out).toMatch(/1 passed/);
  }, 130_000);
});

describe.runIf(inChild)('inside the network-less child', () => {
  it('has no network, in this thread and in worker threads, and still reads the page', async () => {
    expect((globalThis as { __networkDisabled?: boolean }).__networkDisabled).toBe(true);
    expect(() => net.connect(443, 'cdn.jsdelivr.net')).toThrow(/network disabled/);
    await expect(fetch('https://cdn.jsdelivr.net/npm/@tesseract.js-data/chi_sim/')).rejects.toThrow(/network disabled/);
    const inWorker = await new Promise<string>((resolve, reject) => {
      const w = new Worker(`
        const { parentPort } = require('node:worker_threads');
        try { require('node:net').connect(443, 'example.org'); parentPort.postMessage('connected'); }
        catch (e) { parentPort.postMessage(e.message); }`, { eval: true });
      w.once('message', m => { resolve(String(m)); void w.terminate(); });
      w.once('error', reject);
    });
    expect(inWorker).toMatch(/network disabled/);

    const doc = await openDocument(new Uint8Array(readFileSync(path.join(root, 'samples/atushi-2024-scan.pdf'))));
    const pool = createOcrPool({ workers: 1 });
    try {
      const result = await pool.recognizePage(await doc.getPage(16), 16);
      const texts = result.runs.map(r => r.text);
      expect(texts).toContain('政府性基金预算支出情况表');
      expect(result.rules.length).toBeGreaterThan(10);
    } finally {
      await pool.close();
      await doc.destroy();
    }
    // cacheMethod 'none': no language data copied into the working folder.
    expect(existsSync(path.join(root, 'chi_sim.traineddata'))).toBe(false);
  }, 600_000); // a guard against a hang only
});

/** A document given by its file (as queue workers give it) is read by the worker process itself. */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { processDocument, type DocumentRequest } from '../../src/batch/processDocument.js';
import { SAMPLE_B } from './support/pdfs.js';

const dir = mkdtempSync(path.join(tmpdir(), 'bt-process-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const request = (name: string, data: DocumentRequest['data']): DocumentRequest => ({
  input: 'in/doc.pdf', fileName: path.basename(SAMPLE_B), name, outDir: dir, data,
  limits: { maxPages: 2000, maxImagePixels: 100_000_000, ocr: false }, xlsx: false,
});

describe('processDocument', () => {
  it('writes the same outputs for a document given by its file as for its bytes', async () => {
    const byBytes = await processDocument(request('bytes', new Uint8Array(readFileSync(SAMPLE_B))));
    const byFile = await processDocument(request('file', { file: SAMPLE_B }));
    expect(byBytes.status).toBe('ok');
    expect(byFile).toEqual(byBytes);
    for (const ext of ['.json', '.csv', '.indicators.csv']) {
      expect(readFileSync(path.join(dir, `file${ext}`), 'utf8')).toBe(readFileSync(path.join(dir, `bytes${ext}`), 'utf8'));
    }
    expect(readdirSync(path.join(dir, 'file'))).toEqual(readdirSync(path.join(dir, 'bytes')));
  });

  it('fails with read_error when the file cannot be read', async () => {
    const outcome = await processDocument(request('gone', { file: path.join(dir, 'no-such.pdf') }));
    expect(outcome).toMatchObject({ status: 'failed', failure: { code: 'read_error', file: 'in/doc.pdf', page: null } });
  });
});

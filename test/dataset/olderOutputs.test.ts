import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readOutputDocument } from '../../src/dataset/readInputs.js';
import { OutputDocumentSchema } from '../../src/model/document.js';
import { checkOutputJson } from '../../src/validate/index.js';
import { expenditureTable, makeDoc } from '../validate/fixtures.js';

/** A NAME.json written before tables recorded their issuing unit: no `org` on its tables. */
const older = (): unknown => {
  const doc = JSON.parse(JSON.stringify(makeDoc([expenditureTable()])));
  for (const t of doc.tables) delete t.org;
  return doc;
};

describe('output files written before tables carried org', () => {
  it('still pass the schema, read with org null', () => {
    const parsed = OutputDocumentSchema.parse(older());
    expect(parsed.tables[0].org).toBeNull();
    expect(checkOutputJson(older()).schemaIssues).toEqual([]);
  });

  it('are still read by merge', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'bt-older-')), 'older.json');
    writeFileSync(file, JSON.stringify(older()));
    const read = await readOutputDocument(file);
    expect('doc' in read && read.doc.tables[0].org).toBeNull();
  });

  it('and a table with an org keeps it', () => {
    const doc = makeDoc([{ ...expenditureTable(), org: '深圳市水务局' }]);
    expect(OutputDocumentSchema.parse(doc).tables[0].org).toBe('深圳市水务局');
  });
});

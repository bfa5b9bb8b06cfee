/**
 * DIR/manifest.jsonl: one JSON line per processed document, appended and fsynced only after that
 * document's outputs are complete. The last line for an input is its state. A run killed mid-append leaves
 * at most one torn line at the end; opening the journal cuts it off.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { JournalRecordSchema, type JournalRecord } from './records.js';

export const JOURNAL_FILE = 'manifest.jsonl';

export interface Journal {
  /** The last record of each input, by input id. */
  readonly latest: ReadonlyMap<string, JournalRecord>;
  /** Lines that could not be read as records (a torn tail is cut off and not counted). */
  readonly unreadableLines: number;
  /** Append one record and wait until it is on disk. Appends are written in call order. */
  append(record: JournalRecord): Promise<void>;
  close(): Promise<void>;
}

async function readIntact(file: string): Promise<string> {
  const text = await fs.readFile(file, 'utf8').catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return '';
    throw err;
  });
  const intact = text.slice(0, text.lastIndexOf('\n') + 1);
  if (intact.length < text.length) await fs.truncate(file, Buffer.byteLength(intact));
  return intact;
}

function parseRecords(text: string): { latest: Map<string, JournalRecord>; unreadable: number } {
  const latest = new Map<string, JournalRecord>();
  let unreadable = 0;
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    let json: unknown;
    try { json = JSON.parse(line); } catch { unreadable++; continue; }
    const parsed = JournalRecordSchema.safeParse(json);
    if (parsed.success) latest.set(parsed.data.input, parsed.data); else unreadable++;
  }
  return { latest, unreadable };
}

export async function openJournal(dir: string): Promise<Journal> {
  const file = path.join(dir, JOURNAL_FILE);
  const existed = await fs.stat(file).then(() => true, () => false);
  const { latest, unreadable } = parseRecords(await readIntact(file));
  const handle = await fs.open(file, 'a');
  if (!existed) { // make the new file's directory entry durable too
    const dirHandle = await fs.open(dir, 'r');
    await dirHandle.sync().finally(() => dirHandle.close());
  }
  let tail: Promise<void> = Promise.resolve();
  return {
    latest, unreadableLines: unreadable,
    append(record) {
      latest.set(record.input, record);
      tail = tail.then(async () => {
        await handle.write(JSON.stringify(record) + '\n');
        await handle.datasync();
      });
      return tail;
    },
    async close() { await tail.finally(() => handle.close()); },
  };
}

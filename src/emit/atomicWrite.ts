import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';

/** Names of the temporary files and folders made below (`NAME.<pid>.<hex>.tmp`, `….tmp.old`): what a killed run leaves. */
export const isAtomicTempName = (name: string): boolean => /\.\d+\.[0-9a-f]{8}\.tmp(\.old)?$/.test(name);

/** Write a file so that readers see the old content or the new, never a torn one. */
export async function writeFileAtomic(file: string, data: string | Uint8Array): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await fs.writeFile(tmp, data);
    await fs.rename(tmp, file);
  } catch (err) {
    await fs.rm(tmp, { force: true });
    throw err;
  }
}

/**
 * Write a file from pieces produced one after another (a file too large to build as one string), so that
 * readers see the old content or the new, never a torn one.
 */
export async function writeChunksAtomic(file: string, chunks: AsyncIterable<string | Uint8Array>): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  const handle = await fs.open(tmp, 'w');
  try {
    try {
      for await (const chunk of chunks) await (typeof chunk === 'string' ? handle.write(chunk) : handle.write(chunk));
    } finally {
      await handle.close();
    }
    await fs.rename(tmp, file);
  } catch (err) {
    await fs.rm(tmp, { force: true });
    throw err;
  }
}

/**
 * Small pieces of text gathered into writes of at least `chars` characters (one write per JSON record
 * would spend more on the writes than on the text). Pieces made synchronously are gathered without an
 * await per piece (which cost as much as laying the JSON out).
 */
export async function* gathered(pieces: Iterable<string> | AsyncIterable<string>, chars = 1 << 16): AsyncGenerator<string> {
  if (!(Symbol.iterator in pieces)) {
    let held: string[] = [], size = 0;
    for await (const piece of pieces) {
      held.push(piece);
      size += piece.length;
      if (size >= chars) { yield held.join(''); held = []; size = 0; }
    }
    if (held.length) yield held.join('');
    return;
  }
  const iterator = pieces[Symbol.iterator]();
  let done = false;
  try {
    while (!done) {
      const held: string[] = [];
      let size = 0;
      while (size < chars) {
        const next = iterator.next();
        if (next.done) { done = true; break; }
        held.push(next.value);
        size += next.value.length;
      }
      if (held.length) yield held.join('');
    }
  } finally {
    if (!done) iterator.return?.();
  }
}

/** Replace a whole folder of files at once: build it beside the target, then swap it in. */
export async function replaceDirAtomic(dir: string, files: ReadonlyMap<string, string>): Promise<void> {
  const parent = path.dirname(dir);
  await fs.mkdir(parent, { recursive: true });
  const tmp = `${dir}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  const old = `${tmp}.old`;
  await fs.mkdir(tmp, { recursive: true });
  try {
    for (const [name, content] of files) await fs.writeFile(path.join(tmp, name), content);
    const exists = await fs.stat(dir).then(() => true, () => false);
    if (exists) await fs.rename(dir, old);
    await fs.rename(tmp, dir);
    if (exists) await fs.rm(old, { recursive: true, force: true });
  } catch (err) {
    await fs.rm(tmp, { recursive: true, force: true });
    throw err;
  }
}

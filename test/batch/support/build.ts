/**
 * The batch runs its documents in worker threads, which load built JavaScript from dist/. Tests call
 * ensureBuilt() first: it runs tsc when any source file is newer than the built worker. Test files run in
 * parallel processes, so the build is serialised with a lock folder.
 */
import { execFile } from 'node:child_process';
import { existsSync, promises as fs, statSync } from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../../..');
export const BUILT_CLI = path.join(ROOT, 'dist/cli.js');
const BUILT_WORKER = path.join(ROOT, 'dist/batch/documentWorker.js');
const LOCK = path.join(ROOT, 'dist/.batch-test-build.lock');
const STALE_LOCK_MS = 120_000;

async function newestSourceMs(): Promise<number> {
  const entries = await fs.readdir(path.join(ROOT, 'src'), { recursive: true, withFileTypes: true });
  let newest = statSync(path.join(ROOT, 'package.json')).mtimeMs;
  for (const e of entries) if (e.isFile() && e.name.endsWith('.ts')) newest = Math.max(newest, statSync(path.join(e.parentPath, e.name)).mtimeMs);
  return newest;
}

const isStale = async (): Promise<boolean> =>
  !existsSync(BUILT_WORKER) || !existsSync(BUILT_CLI) || statSync(BUILT_WORKER).mtimeMs < await newestSourceMs();

const tsc = (): Promise<void> => new Promise(resolve => {
  // Type errors elsewhere in the tree (work in progress) do not stop tsc from emitting; only the files matter.
  execFile(process.execPath, [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', ROOT], { cwd: ROOT }, () => resolve());
});

export async function ensureBuilt(): Promise<void> {
  for (;;) {
    if (!await isStale()) return;
    await fs.mkdir(path.dirname(LOCK), { recursive: true });
    const locked = await fs.mkdir(LOCK).then(() => true, () => false);
    if (locked) {
      try { await tsc(); } finally { await fs.rm(LOCK, { recursive: true, force: true }); }
      if (!existsSync(BUILT_WORKER)) throw new Error('tsc did not produce dist/batch/documentWorker.js');
      // tsc only rewrites changed outputs; mark the worker as built now so staleness is not re-detected.
      const t = new Date(); await fs.utimes(BUILT_WORKER, t, t);
      return;
    }
    const age = Date.now() - (await fs.stat(LOCK).then(s => s.mtimeMs, () => Date.now()));
    if (age > STALE_LOCK_MS) await fs.rm(LOCK, { recursive: true, force: true });
    await new Promise(r => setTimeout(r, 200));
  }
}

import { promises as fs } from 'node:fs';
import path from 'node:path';

export const LOCK_FILE = '.batch.lock';

const isAlive = (pid: number): boolean => {
  try { process.kill(pid, 0); return true; } catch (err) { return (err as NodeJS.ErrnoException).code === 'EPERM'; }
};

/**
 * Claim DIR for this run: DIR/.batch.lock holds our pid. A lock left by a process that is gone (a killed
 * run) is taken over. Returns the holder's pid when another live batch is writing to DIR.
 */
export async function acquireLock(dir: string): Promise<{ release(): Promise<void> } | { heldBy: number }> {
  const file = path.join(dir, LOCK_FILE);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      await fs.writeFile(file, `${process.pid}\n`, { flag: 'wx' });
      return { release: () => fs.rm(file, { force: true }) };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = Number((await fs.readFile(file, 'utf8').catch(() => '')).trim());
      if (holder && holder !== process.pid && isAlive(holder)) return { heldBy: holder };
      await fs.rm(file, { force: true });
    }
  }
  throw new Error(`cannot take the lock ${file}`);
}

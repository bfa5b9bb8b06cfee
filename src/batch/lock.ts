import { readFileSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const LOCK_FILE = '.batch.lock';

/** What the lock file records: enough to tell the run that wrote it from a later process given its pid. */
interface LockOwner { pid: number; host: string; at: string; /** the process's start time (Linux clock ticks since boot), null where unknown */ start: string | null }

const isAlive = (pid: number): boolean => {
  try { process.kill(pid, 0); return true; } catch (err) { return (err as NodeJS.ErrnoException).code === 'EPERM'; }
};

/** A process's start time from /proc/PID/stat (field 22), which a reused pid does not share; null off Linux. */
export function processStart(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch { return null; }
}

function parseOwner(text: string): LockOwner | null {
  try {
    const o = JSON.parse(text) as Partial<LockOwner>;
    return typeof o.pid === 'number' ? { pid: o.pid, host: String(o.host ?? ''), at: String(o.at ?? ''), start: o.start ?? null } : null;
  } catch {
    const pid = Number(text.trim()); // the older format: the pid alone
    return pid > 0 ? { pid, host: '', at: '', start: null } : null;
  }
}

/**
 * Whether the owner recorded in a lock is still running: its pid is alive on this host and, where the
 * start time can be read, the process with that pid is the one that wrote the lock (not a later process
 * that was given the same pid after a reboot or a kill).
 */
function ownerRunning(owner: LockOwner): boolean {
  if (owner.host && owner.host !== os.hostname()) return true; // cannot tell from here: assume it is
  if (owner.pid === process.pid || !isAlive(owner.pid)) return false;
  const now = processStart(owner.pid);
  return owner.start === null || now === null || now === owner.start;
}

/**
 * Claim DIR for this run: DIR/.batch.lock holds our pid, host and start time. A lock left by a run that is
 * gone (killed, or its pid since reused by another process) is taken over. When another live batch holds
 * DIR, returns why, with how to clear the lock if that is wrong.
 */
export async function acquireLock(dir: string): Promise<{ release(): Promise<void> } | { heldBy: string }> {
  const file = path.join(dir, LOCK_FILE);
  const me: LockOwner = { pid: process.pid, host: os.hostname(), at: new Date().toISOString(), start: processStart(process.pid) };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      await fs.writeFile(file, JSON.stringify(me) + '\n', { flag: 'wx' });
      return { release: () => fs.rm(file, { force: true }) };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const owner = parseOwner(await fs.readFile(file, 'utf8').catch(() => ''));
      if (owner && ownerRunning(owner)) {
        const who = `pid ${owner.pid}${owner.host && owner.host !== os.hostname() ? ` on ${owner.host}` : ''}${owner.at ? `, since ${owner.at}` : ''}`;
        return { heldBy: `another batch (${who}) is writing to ${dir}; if no batch is running there, delete ${file} and start again` };
      }
      await fs.rm(file, { force: true });
    }
  }
  throw new Error(`cannot take the lock ${file}`);
}

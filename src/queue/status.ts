/** `queue status` (counts by state and the failed documents with their reasons) and `queue retry-failed`. */
import { Queue } from 'bullmq';
import { Redis, type RedisOptions } from 'ioredis';
import { oneOffConnection } from './connection.js';
import { doneKey, type JobData } from './jobs.js';

export interface QueueStatus {
  queue: string;
  counts: { waiting: number; delayed: number; active: number; done: number; failed: number };
  failures: { job: string; input: string; name: string; attempts: number; reason: string }[];
}

async function withQueue<T>(connection: RedisOptions, name: string, use: (q: Queue<JobData>, client: Redis) => Promise<T>): Promise<T> {
  const client = new Redis(oneOffConnection(connection));
  const queue = new Queue<JobData>(name, { connection: client });
  try { return await use(queue, client); } finally { await queue.close(); client.disconnect(); }
}

export function queueStatus(connection: RedisOptions, name: string): Promise<QueueStatus> {
  return withQueue(connection, name, async queue => {
    const c = await queue.getJobCounts('waiting', 'prioritized', 'waiting-children', 'delayed', 'active', 'completed', 'failed', 'paused');
    const failed = await queue.getFailed(0, -1);
    return {
      queue: name,
      counts: {
        waiting: (c.waiting ?? 0) + (c.prioritized ?? 0) + (c['waiting-children'] ?? 0) + (c.paused ?? 0),
        delayed: c.delayed ?? 0, active: c.active ?? 0, done: c.completed ?? 0, failed: c.failed ?? 0,
      },
      failures: failed.filter(Boolean).map(j => ({ job: j.id!, input: j.data.input, name: j.data.name, attempts: j.attemptsMade, reason: j.failedReason }))
        .sort((a, b) => (a.input < b.input ? -1 : 1)),
    };
  });
}

/** Move every failed job back to waiting with its attempts counted from zero; returns how many. */
export function retryFailed(connection: RedisOptions, name: string): Promise<number> {
  return withQueue(connection, name, async (queue, client) => {
    const failed = (await queue.getFailed(0, -1)).filter(Boolean);
    for (const job of failed) {
      await client.hdel(doneKey(name), job.id!); // its failure record no longer settles it
      await job.retry('failed', { resetAttemptsMade: true, resetAttemptsStarted: true });
    }
    return failed.length;
  });
}

const MAX_LISTED = 50;

export function formatStatus(s: QueueStatus): string {
  const c = s.counts;
  const lines = [`queue ${s.queue}: ${c.waiting} waiting, ${c.delayed} waiting to retry, ${c.active} active, ${c.done} done, ${c.failed} failed`];
  if (s.failures.length) lines.push('failed documents');
  for (const f of s.failures.slice(0, MAX_LISTED)) lines.push(`  ${f.input}  (${f.attempts} attempt${f.attempts === 1 ? '' : 's'})  ${f.reason}`);
  if (s.failures.length > MAX_LISTED) lines.push(`  … ${s.failures.length - MAX_LISTED} more (--json lists all)`);
  return lines.join('\n');
}

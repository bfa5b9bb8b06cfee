/** Redis connection settings for BullMQ from a redis:// or rediss:// URL (user, password, database number). */
import type { RedisOptions } from 'ioredis';

export function redisConnection(url: string): RedisOptions | string {
  let u: URL;
  try { u = new URL(url); } catch { return `--redis wants a URL like redis://127.0.0.1:6379, not "${url}"`; }
  if (u.protocol !== 'redis:' && u.protocol !== 'rediss:') return `--redis wants a redis:// or rediss:// URL, not "${url}"`;
  const db = u.pathname.replace(/^\//, '');
  if (db && !/^\d+$/.test(db)) return `--redis: the path of the URL is a database number, not "${db}"`;
  return {
    host: u.hostname || '127.0.0.1',
    port: u.port ? Number(u.port) : 6379,
    ...(u.username ? { username: decodeURIComponent(u.username) } : {}),
    ...(u.password ? { password: decodeURIComponent(u.password) } : {}),
    ...(db ? { db: Number(db) } : {}),
    ...(u.protocol === 'rediss:' ? { tls: {} } : {}),
    // BullMQ's blocking commands must wait out a Redis restart instead of failing after a few retries.
    maxRetriesPerRequest: null,
  };
}

/** For one-off commands (enqueue, status): give up after a few tries instead of waiting for Redis forever. */
export const oneOffConnection = (options: RedisOptions): RedisOptions => ({
  ...options, maxRetriesPerRequest: 2, retryStrategy: (times: number) => (times > 5 ? null : 200 * times),
});

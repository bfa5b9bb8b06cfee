/**
 * `enqueue`: one BullMQ job per document of a folder, a list file or a file of URLs. A file's job id is
 * its sha256 + the pipeline version, so content already queued, running, done or failed is not added
 * again (BullMQ ignores an add whose id exists). A URL's content is known only once a worker downloads
 * it: its job id hashes the URL instead.
 */
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { Queue } from 'bullmq';
import { Redis, type RedisOptions } from 'ioredis';
import { oneOffConnection } from './connection.js';
import { collectInputs } from '../batch/inputs.js';
import { assignOutputNames } from '../batch/outputNames.js';
import { pipelineVersion } from '../batch/pipelineVersion.js';
import { jobIdFor, namesKey, type JobData } from './jobs.js';

export interface EnqueueRequest {
  source: string;
  connection: RedisOptions;
  queue: string;
  /** Tries per document before it is parked as failed. */
  attempts: number;
  /** First retry after this long; each next one waits twice as long. */
  backoffSeconds: number;
}

export interface EnqueueResult { added: number; existing: number; inputs: number }

interface Candidate { id: string; fileName: string; source: JobData['source']; contentKey: string; sha256: string | null }

const sha256 = (data: Uint8Array | string): string => createHash('sha256').update(data).digest('hex');
const URL_LINE = /^https?:\/\//i;

/** The lines of a text file that lists URLs (every entry starts with http:// or https://), else null. */
async function urlLines(file: string): Promise<string[] | null> {
  const stat = await fs.stat(file).catch(() => null);
  if (!stat?.isFile()) return null;
  const text = (await fs.readFile(file)).toString('utf8');
  if (text.slice(0, 1024).includes('%PDF-')) return null;
  const lines = text.split(/\r?\n/).map(l => l.trim()).filter(l => l && !l.startsWith('#'));
  return lines.length && lines.every(l => URL_LINE.test(l)) ? [...new Set(lines)] : null;
}

function urlFileName(url: string): string {
  const last = decodeURIComponent(new URL(url).pathname.split('/').filter(Boolean).at(-1) ?? '');
  return last ? (/\.pdf$/i.test(last) ? last : `${last}.pdf`) : 'document.pdf';
}

async function candidates(source: string): Promise<Candidate[] | string> {
  const urls = await urlLines(path.resolve(source));
  if (urls) {
    const bad = urls.find(u => { try { new URL(u); return false; } catch { return true; } });
    if (bad) return `${source}: "${bad}" is not a URL`;
    return urls.map(url => ({ id: url, fileName: urlFileName(url), source: { kind: 'url', url }, contentKey: `url-${sha256(url)}`, sha256: null }));
  }
  const collected = await collectInputs(source);
  if ('problem' in collected) return collected.problem;
  const out: Candidate[] = [];
  for (const input of collected.inputs) {
    const data = await fs.readFile(input.path).catch((err: Error) => err);
    if (data instanceof Error) return `${input.path}: cannot read: ${data.message}`;
    const hash = sha256(data);
    out.push({ id: input.id, fileName: input.fileName, source: { kind: 'file', path: input.path }, contentKey: hash, sha256: hash });
  }
  return out;
}

/** Claim an output name for a job in Redis; a name held by another job gets a suffix from the content key. */
async function claimName(client: Redis, key: string, wanted: string, jobId: string, contentKey: string): Promise<string> {
  for (let n = 0; ; n++) {
    const name = n === 0 ? wanted : `${wanted.slice(0, 100)}-${contentKey.replace(/^url-/, '').slice(0, 8)}${n > 1 ? `-${n}` : ''}`;
    if (await client.hsetnx(key, name.toLowerCase(), jobId) === 1) return name;
    if (await client.hget(key, name.toLowerCase()) === jobId) return name;
  }
}

export async function enqueue(req: EnqueueRequest): Promise<EnqueueResult | { problem: string }> {
  const found = await candidates(req.source);
  if (typeof found === 'string') return { problem: found };
  const pipeline = await pipelineVersion();
  const names = assignOutputNames(found, new Map());
  const client = new Redis(oneOffConnection(req.connection));
  const queue = new Queue<JobData>(req.queue, { connection: client });
  let added = 0, existing = 0;
  try {
    const seen = new Set<string>();
    for (const c of found) {
      const jobId = jobIdFor(c.contentKey, pipeline);
      if (seen.has(jobId) || await queue.getJob(jobId)) { existing++; seen.add(jobId); continue; }
      seen.add(jobId);
      const name = await claimName(client, namesKey(req.queue), names.get(c.id)!, jobId, c.contentKey);
      const data: JobData = { source: c.source, input: c.id, fileName: c.fileName, name, sha256: c.sha256, pipeline };
      await queue.add('document', data, {
        jobId, attempts: req.attempts, backoff: { type: 'exponential', delay: req.backoffSeconds * 1000 },
        removeOnComplete: false, removeOnFail: false,
      });
      added++;
    }
  } finally {
    await queue.close();
    client.disconnect();
  }
  return { added, existing, inputs: found.length };
}

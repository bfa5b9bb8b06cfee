/**
 * Worker entry (started by workerPool.ts as a forked process, or as a worker thread): processes the
 * documents the pool sends, one at a time, reporting each page done (with the resident memory of its
 * process) and then the outcome.
 */
import { parentPort } from 'node:worker_threads';
import { processDocument, type DocumentRequest } from './processDocument.js';
import type { Outcome } from './records.js';

export interface WorkerRequest extends DocumentRequest { id: number }
export type WorkerMessage =
  | { id: number; type: 'page'; page: number; pages: number; rssMb: number }
  | { id: number; type: 'done'; outcome: Outcome };

const port = parentPort;
const send = port ? (msg: WorkerMessage): void => port.postMessage(msg) : process.send?.bind(process);
if (!send) throw new Error('documentWorker.js runs as a forked worker process or a worker thread (see workerPool.ts)');
const post = (msg: WorkerMessage): void => { send(msg); };

const onRequest = (req: WorkerRequest): void => {
  const onPage = (page: number, pages: number): void => post({ id: req.id, type: 'page', page, pages, rssMb: process.memoryUsage.rss() / (1024 * 1024) });
  void processDocument(req, onPage).then(outcome => post({ id: req.id, type: 'done', outcome }));
};
if (port) port.on('message', onRequest);
else {
  process.on('message', onRequest);
  // The pool retires a worker process by closing the channel (a thread, by terminating it).
  process.on('disconnect', () => process.exit(0));
}

/**
 * Worker-process entry (forked by workerPool.ts): processes the documents the pool sends, one at a time,
 * reporting each page done (with its own resident memory) and then the outcome.
 */
import { processDocument, type DocumentRequest } from './processDocument.js';
import type { Outcome } from './records.js';

export interface WorkerRequest extends DocumentRequest { id: number }
export type WorkerMessage =
  | { id: number; type: 'page'; page: number; pages: number; rssMb: number }
  | { id: number; type: 'done'; outcome: Outcome };

const send = process.send?.bind(process);
if (!send) throw new Error('documentWorker.js runs as a forked worker process (see workerPool.ts)');
const post = (msg: WorkerMessage): void => { send(msg); };

process.on('message', (req: WorkerRequest) => {
  const onPage = (page: number, pages: number): void => post({ id: req.id, type: 'page', page, pages, rssMb: process.memoryUsage.rss() / (1024 * 1024) });
  void processDocument(req, onPage).then(outcome => post({ id: req.id, type: 'done', outcome }));
});
// The pool retires a worker by closing the channel.
process.on('disconnect', () => process.exit(0));

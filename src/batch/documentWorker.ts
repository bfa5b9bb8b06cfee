/** Worker-thread entry: processes the documents the pool sends, one at a time, and answers with outcomes. */
import { parentPort } from 'node:worker_threads';
import { processDocument, type DocumentRequest } from './processDocument.js';

export interface WorkerRequest extends DocumentRequest { id: number }
export interface WorkerReply { id: number; outcome: Awaited<ReturnType<typeof processDocument>> }

const port = parentPort;
if (!port) throw new Error('documentWorker.js runs as a worker thread (see workerPool.ts)');
port.on('message', (req: WorkerRequest) => {
  void processDocument(req).then(outcome => port.postMessage({ id: req.id, outcome } satisfies WorkerReply));
});

/** Entry of the pdf.js parser thread (see parserThread.ts): pdf.js's worker code, served on the port it is given. */
import { restoreNativeBuiltins } from './nativeBuiltins.js'; // first: before pdf.js replaces them
import { workerData } from 'node:worker_threads';
import type { MessagePort } from 'node:worker_threads';
import { WorkerMessageHandler } from 'pdfjs-dist/legacy/build/pdf.worker.mjs';

restoreNativeBuiltins();
const { port } = workerData as { port: MessagePort };
(WorkerMessageHandler as { initializeFromPort(port: MessagePort): void }).initializeFromPort(port);
port.start();

/** Entry of the pdf.js parser thread (see parserThread.ts): pdf.js's worker code, served on the port it is given. */
import { restoreNativeBuiltins } from './nativeBuiltins.js'; // first: before pdf.js replaces them
import { workerData } from 'node:worker_threads';
import type { MessagePort } from 'node:worker_threads';
import { WorkerMessageHandler } from 'pdfjs-dist/legacy/build/pdf.worker.mjs';
import { PARSER_WARNING } from './parseWarnings.js';

restoreNativeBuiltins();
const { port } = workerData as { port: MessagePort };
// pdf.js's warnings (the sign of damaged data) go to the page being read, on the port its answers take.
console.warn = (...args: unknown[]): void => port.postMessage({ targetName: PARSER_WARNING, text: args.map(String).join(' ') });
(WorkerMessageHandler as { initializeFromPort(port: MessagePort): void }).initializeFromPort(port);
port.start();

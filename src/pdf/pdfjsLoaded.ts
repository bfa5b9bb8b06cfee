/**
 * pdf.js's API, loaded with this thread's native Array.prototype.push and JSON put back (see nativeBuiltins.ts).
 * Import pdf.js through this module only.
 */
import { restoreNativeBuiltins } from './nativeBuiltins.js'; // first: before pdf.js replaces them
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';

restoreNativeBuiltins();

let inThreadParser: Promise<void> | null = null;

/**
 * Load pdf.js's parser into this thread (its "fake worker"), for when the parser thread's script is not
 * built. Loaded here rather than by pdf.js on first use so that the built-ins can be restored after it.
 */
export function loadInThreadParser(): Promise<void> {
  return (inThreadParser ??= import('pdfjs-dist/legacy/build/pdf.worker.mjs').then(worker => {
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
    restoreNativeBuiltins();
  }));
}

export { pdfjs };

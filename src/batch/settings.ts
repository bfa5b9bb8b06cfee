import os from 'node:os';

/** Everything a batch run can be told; defaults in defaultBatchSettings(). */
export interface BatchSettings {
  /** Documents processed at once, each in its own worker process. */
  concurrency: number;
  /** A document (extract + write) taking longer is stopped and recorded as failed. */
  timeoutPerDocSeconds: number;
  /** Documents with more pages are refused before extraction. */
  maxPages: number;
  /** Documents holding an image with more pixels (width × height) are refused before extraction. */
  maxImagePixels: number;
  /** V8 heap limit of each worker process; a worker that reaches it dies and the document is recorded as failed. */
  workerHeapMb: number;
  /**
   * Resident memory limit of each worker process (heap, pdf.js images, canvases, OCR engine): a worker
   * over it is killed and its document recorded as out_of_memory, while the other documents go on.
   */
  workerMemoryMb: number;
  /** A worker process is replaced by a fresh one after this many documents (keeps memory flat over long batches). */
  documentsPerWorker: number;
  /** Read pages without a usable text layer by OCR (false: they are reported as without text, and the document degraded). */
  ocr: boolean;
  /** Process every document again, even when the journal says it is unchanged. */
  force: boolean;
  /** Process documents again whose unchanged input failed last time (default: only when the failure could change; see skipRules.ts). */
  retryFailed: boolean;
  /** Also write each document's workbook (DIR/NAME.xlsx). */
  xlsx: boolean;
}

const MB = 1024 * 1024;

/** Three quarters of the machine's memory shared among the workers, between 1 and 8 GB each. */
export const defaultWorkerMemoryMb = (concurrency: number): number =>
  Math.max(1024, Math.min(8192, Math.floor((os.totalmem() / MB) * 0.75 / concurrency)));

export const defaultBatchSettings = (): BatchSettings => ({
  concurrency: os.availableParallelism(),
  workerMemoryMb: defaultWorkerMemoryMb(os.availableParallelism()),
  timeoutPerDocSeconds: 300,
  maxPages: 2000,
  maxImagePixels: 100_000_000,
  workerHeapMb: 4096,
  documentsPerWorker: 25,
  ocr: true,
  force: false,
  retryFailed: false,
  xlsx: false,
});

/** The limits a worker checks before extracting (a plain object: it crosses the thread boundary). */
export interface DocumentLimits {
  maxPages: number;
  maxImagePixels: number;
  /** OCR pages without a usable text layer. */
  ocr: boolean;
}

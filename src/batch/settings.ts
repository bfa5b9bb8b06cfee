import os from 'node:os';

/** Everything a batch run can be told; defaults in defaultBatchSettings(). */
export interface BatchSettings {
  /** Documents processed at once, each in its own worker thread. */
  concurrency: number;
  /** A document (extract + write) taking longer is stopped and recorded as failed. */
  timeoutPerDocSeconds: number;
  /** Documents with more pages are refused before extraction. */
  maxPages: number;
  /** Documents holding an image with more pixels (width × height) are refused before extraction. */
  maxImagePixels: number;
  /** V8 heap limit of each worker; a worker that reaches it is stopped and the document recorded as failed. */
  workerHeapMb: number;
  /** A worker thread is replaced by a fresh one after this many documents (keeps memory flat over long batches). */
  documentsPerWorker: number;
  /** Process every document again, even when the journal says it is unchanged. */
  force: boolean;
  /** Process documents again whose unchanged input failed last time (default: only when the failure could change; see skipRules.ts). */
  retryFailed: boolean;
  /** Also write each document's workbook (DIR/NAME.xlsx). */
  xlsx: boolean;
}

export const defaultBatchSettings = (): BatchSettings => ({
  concurrency: os.availableParallelism(),
  timeoutPerDocSeconds: 300,
  maxPages: 2000,
  maxImagePixels: 100_000_000,
  workerHeapMb: 4096,
  documentsPerWorker: 25,
  force: false,
  retryFailed: false,
  xlsx: false,
});

/** The limits a worker checks before extracting (a plain object: it crosses the thread boundary). */
export interface DocumentLimits {
  maxPages: number;
  maxImagePixels: number;
}

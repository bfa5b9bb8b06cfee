/** Whether a document the journal already has needs processing again. */
import type { JournalRecord, RunLimits } from './records.js';
import type { BatchSettings } from './settings.js';

export const runLimits = (s: BatchSettings): RunLimits => ({
  max_pages: s.maxPages, max_image_pixels: s.maxImagePixels, timeout_per_doc_seconds: s.timeoutPerDocSeconds, worker_heap_mb: s.workerHeapMb,
  worker_memory_mb: s.workerMemoryMb, ocr: s.ocr,
});

/**
 * A recorded failure that would happen again with these settings: one that the content decides (empty,
 * not a PDF, encrypted, unreadable, the pipeline threw), or one over a limit that has not been raised.
 * Crashes and write errors are always tried again.
 */
export function wouldFailAgain(prev: JournalRecord, now: RunLimits): boolean {
  if (prev.status !== 'failed') return false;
  const was = prev.limits;
  switch (prev.failure.code) {
    case 'empty': case 'not_pdf': case 'encrypted': case 'corrupt': case 'extraction_error': return true;
    case 'too_many_pages': return now.max_pages <= was.max_pages;
    case 'image_too_large': return now.max_image_pixels <= was.max_image_pixels;
    case 'timeout': return now.timeout_per_doc_seconds <= was.timeout_per_doc_seconds;
    case 'out_of_memory': return now.worker_heap_mb <= was.worker_heap_mb && (now.worker_memory_mb ?? 0) <= (was.worker_memory_mb ?? 0);
    default: return false;
  }
}

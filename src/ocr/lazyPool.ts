import { createOcrPool, zeroOcrCounters, type OcrPool, type OcrPoolOptions } from './pool.js';

/**
 * An OCR pool whose engines start only if some page needs them: asking for its counters or closing it
 * starts nothing. `create` makes the real pool (tests pass their own).
 */
export function lazyOcrPool(options: OcrPoolOptions = {}, create: (options: OcrPoolOptions) => OcrPool = createOcrPool):
  { pool: OcrPool; close: () => Promise<void> } {
  let real: OcrPool | null = null;
  const get = (): OcrPool => (real ??= create(options));
  return {
    pool: { recognizePage: (page, n) => get().recognizePage(page, n), counters: () => real?.counters() ?? zeroOcrCounters(), close: async () => { await real?.close(); } },
    close: async () => { await real?.close(); },
  };
}

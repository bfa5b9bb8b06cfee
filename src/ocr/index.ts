/** OCR stage: scanned or unreadable pages → TextRun and Rule in page points (y down). */
export { createOcrPool, OcrPageError, OcrTimeoutError } from './pool.js';
export { lazyOcrPool } from './lazyPool.js';
export type { OcrCounters, OcrPageResult, OcrPool, OcrPoolOptions } from './pool.js';
export { tesseractEngineFactory, defaultLangPath } from './engine.js';
export type { OcrEngine, OcrEngineFactory, ReadMode, TesseractSettings } from './engine.js';
export type { OcrLine, OcrWord, WordSettings } from './words.js';
export type { LineSettings } from './lines.js';
export type { PrepareSettings } from './prepare.js';
export { DEFAULT_OCR_SETTINGS } from './settings.js';
export type { OcrSettings } from './settings.js';
export type { AmountSettings } from './amounts.js';
export { correctTerms } from './vocabulary.js';
export type { TermEdit } from './vocabulary.js';

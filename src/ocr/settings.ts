/** All tunables of the OCR stage in one object, units in the names. */
import { DEFAULT_LINE_SETTINGS } from './lines.js';
import { DEFAULT_PREPARE_SETTINGS, type PrepareSettings } from './prepare.js';
import { DEFAULT_RECOVER_SETTINGS, type RecoverSettings } from './recover.js';
import { DEFAULT_WORD_SETTINGS, type WordSettings } from './words.js';

export interface OcrSettings {
  /** Render resolution for OCR (chosen by measurement, see bench/ocr.mjs). */
  dpi: number;
  /** Engines running at once. */
  workers: number;
  /** Limit for one page's render + OCR. */
  pageTimeoutMs: number;
  prepare: PrepareSettings;
  words: WordSettings;
  recover: RecoverSettings;
}

export const DEFAULT_OCR_SETTINGS: OcrSettings = {
  dpi: 200,
  workers: 2,
  pageTimeoutMs: 60_000,
  prepare: { ...DEFAULT_PREPARE_SETTINGS, lines: DEFAULT_LINE_SETTINGS },
  words: DEFAULT_WORD_SETTINGS,
  recover: DEFAULT_RECOVER_SETTINGS,
};

/** All tunables of the OCR stage in one object, units in the names. */
import os from 'node:os';
import { DEFAULT_AMOUNT_SETTINGS, type AmountSettings } from './amounts.js';
import { DEFAULT_CELL_SETTINGS, type CellSettings } from './cells.js';
import { DEFAULT_LINE_SETTINGS } from './lines.js';
import { DEFAULT_PREPARE_SETTINGS, type PrepareSettings } from './prepare.js';
import { DEFAULT_RESOLUTION_SETTINGS, type ResolutionSettings } from './render.js';
import { DEFAULT_RECOVER_SETTINGS, type RecoverSettings } from './recover.js';
import { DEFAULT_RESCALE_SETTINGS, type RescaleSettings } from './rescale.js';
import { DEFAULT_WORD_SETTINGS, type WordSettings } from './words.js';

export interface OcrSettings {
  /**
   * Render resolution for OCR. 200 dpi measured best on the scanned sample (bench/ocr.mjs): 258/259
   * amounts exact vs 255 at 150 dpi and 249 at 300 dpi (more misreads there, e.g. 05.20 for 65.20),
   * at ≈1.8 CPU-s per A4 table page (150 dpi: ≈1.7, 300 dpi: ≈2.4).
   */
  dpi: number;
  /**
   * Engines running at once, each busy on one core; default: the machine's parallelism. Peak RSS of
   * the whole process measured ≈ 410 MB with one engine, ≈ 540 MB with two (at 200 dpi).
   */
  workers: number;
  /**
   * Pages whose print is small at `dpi` (glyphs shorter than resolution.minGlyphPx) are rendered again
   * at the resolution that gives them resolution.targetGlyphPx, up to resolution.maxDpi and the pixel limit.
   */
  resolution: ResolutionSettings;
  /** Limit for one page's render + OCR on a machine not busier than its cores. */
  pageTimeoutMs: number;
  /** On a busier machine the limit grows with the load per core, up to this many times. */
  pageTimeoutLoadStretch: number;
  prepare: PrepareSettings;
  words: WordSettings;
  recover: RecoverSettings;
  cells: CellSettings;
  amounts: AmountSettings;
  /** Low-confidence and unreadable amounts read again at smaller scales. */
  rescale: RescaleSettings;
}

export const DEFAULT_OCR_SETTINGS: OcrSettings = {
  dpi: 200,
  workers: Math.max(1, os.availableParallelism()),
  pageTimeoutMs: 60_000,
  pageTimeoutLoadStretch: 4,
  prepare: { ...DEFAULT_PREPARE_SETTINGS, lines: DEFAULT_LINE_SETTINGS },
  words: DEFAULT_WORD_SETTINGS,
  recover: DEFAULT_RECOVER_SETTINGS,
  cells: DEFAULT_CELL_SETTINGS,
  resolution: DEFAULT_RESOLUTION_SETTINGS,
  amounts: DEFAULT_AMOUNT_SETTINGS,
  rescale: DEFAULT_RESCALE_SETTINGS,
};

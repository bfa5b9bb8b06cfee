/**
 * The OCR engine interface the pool drives, and its tesseract.js implementation. Language data come
 * from the @tesseract.js-data/chi_sim npm package: nothing is downloaded or cached at run time.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import Tesseract from 'tesseract.js';
import { encodePgm, type GrayImage } from './image.js';
import type { OcrLine } from './words.js';

/**
 * How to look at an image: a whole page (sparse text, tables), one line of text (a cropped word) or
 * one block of text (a table cell's content, possibly several stacked lines); `digits` is a block
 * that can only hold a number (characters limited to digits and separators).
 */
export type ReadMode = 'page' | 'line' | 'block' | 'digits';

/** One OCR worker: reads a grey page image, returns its text lines with word boxes in pixels. */
export interface OcrEngine {
  readonly name: string;
  recognize(image: GrayImage, mode: ReadMode): Promise<OcrLine[]>;
  /** Stop the worker; the engine is unusable afterwards. */
  terminate(): Promise<void>;
}

/** Makes one engine for images rendered at `dpi`. */
export type OcrEngineFactory = (dpi: number) => Promise<OcrEngine>;

export interface TesseractSettings {
  /** Tesseract page segmentation mode for pages; 11 (sparse text) reads table pages best. */
  pageSegMode: Tesseract.PSM;
  /** Mode for single cropped lines or words. */
  lineSegMode: Tesseract.PSM;
  /** Mode for the content of one table cell. */
  blockSegMode: Tesseract.PSM;
  /** Folder of chi_sim.traineddata.gz (the npm package's LSTM "best_int" data by default). */
  langPath: string;
  /**
   * Words tesseract's dictionary is told about (user_words_file): the titles, header terms and code
   * names budget tables print. Empty: none.
   */
  userWords: readonly string[];
  /** Tesseract user patterns (user_patterns_file), e.g. the shapes of codes and amounts. Empty: none. */
  userPatterns: readonly string[];
  /**
   * Tesseract reads a line a second time, inverted (light on dark), when its mean confidence is below
   * this. Every image given to the engine is dark print on light paper, so the second reading only
   * costs time: 0 turns it off (same words on the scanned sample's pages, less CPU).
   */
  invertThreshold: number;
}

const requireHere = createRequire(import.meta.url);

/** What a number in a table cell is made of. */
const DIGIT_CHARS = '0123456789.,-';

export function defaultLangPath(): string {
  return path.join(path.dirname(requireHere.resolve('@tesseract.js-data/chi_sim/package.json')), '4.0.0_best_int');
}

export const DEFAULT_TESSERACT_SETTINGS = (): TesseractSettings => ({
  pageSegMode: Tesseract.PSM.SPARSE_TEXT,
  lineSegMode: Tesseract.PSM.SINGLE_LINE,
  blockSegMode: Tesseract.PSM.SINGLE_BLOCK,
  langPath: defaultLangPath(),
  userWords: [],
  userPatterns: [],
  invertThreshold: 0,
});

/** Files the user words and patterns are written to inside the engine's own (in-memory) file system. */
const USER_WORDS_FILE = '/budget.user-words';
const USER_PATTERNS_FILE = '/budget.user-patterns';

export function tesseractEngineFactory(settings: TesseractSettings = DEFAULT_TESSERACT_SETTINGS()): OcrEngineFactory {
  return async (dpi: number): Promise<OcrEngine> => {
    const worker = await Tesseract.createWorker('chi_sim', Tesseract.OEM.LSTM_ONLY, {
      langPath: settings.langPath,
      gzip: true,
      // Without this, tesseract.js writes chi_sim.traineddata into the working folder and later
      // prefers that copy.
      cacheMethod: 'none',
    });
    // User words and patterns are init-only parameters read from files: write the files into the
    // worker's file system, then initialise again with a config naming them.
    if (settings.userWords.length || settings.userPatterns.length) {
      const config: Record<string, string> = {};
      if (settings.userWords.length) {
        await worker.writeText(USER_WORDS_FILE, `${settings.userWords.join('\n')}\n`);
        config.user_words_file = USER_WORDS_FILE;
      }
      if (settings.userPatterns.length) {
        await worker.writeText(USER_PATTERNS_FILE, `${settings.userPatterns.join('\n')}\n`);
        config.user_patterns_file = USER_PATTERNS_FILE;
      }
      await worker.reinitialize('chi_sim', Tesseract.OEM.LSTM_ONLY, config);
    }
    await worker.setParameters({
      tessedit_pageseg_mode: settings.pageSegMode,
      // Images from a canvas carry no resolution; without it tesseract misjudges glyph sizes.
      user_defined_dpi: String(dpi),
      // Tesseract's own diagnostics ("Estimating resolution…", "Detected N diacritics") would go to stderr.
      debug_file: '/dev/null',
      invert_threshold: String(settings.invertThreshold),
    });
    let current: ReadMode = 'page';
    return {
      name: 'tesseract.js',
      async recognize(image: GrayImage, mode: ReadMode): Promise<OcrLine[]> {
        if (mode !== current) {
          const psm = mode === 'page' ? settings.pageSegMode : mode === 'line' ? settings.lineSegMode : settings.blockSegMode;
          const digits = (m: ReadMode): boolean => m === 'digits';
          await worker.setParameters({
            tessedit_pageseg_mode: psm,
            ...(digits(mode) !== digits(current) ? { tessedit_char_whitelist: digits(mode) ? DIGIT_CHARS : '' } : {}),
          });
          current = mode;
        }
        const { data } = await worker.recognize(Buffer.from(encodePgm(image)), {}, { blocks: true, text: false });
        return toLines(data);
      },
      async terminate(): Promise<void> {
        await worker.terminate();
      },
    };
  };
}

function toLines(page: Tesseract.Page): OcrLine[] {
  const lines: OcrLine[] = [];
  for (const block of page.blocks ?? []) {
    for (const para of block.paragraphs) {
      for (const line of para.lines) {
        lines.push({
          words: line.words.map(w => ({
            text: w.text, x0: w.bbox.x0, top: w.bbox.y0, x1: w.bbox.x1, bottom: w.bbox.y1, confidence: w.confidence,
          })),
        });
      }
    }
  }
  return lines;
}

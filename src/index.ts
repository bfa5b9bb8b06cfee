/**
 * budget-tables as a library: extract a disclosure PDF into the typed document, validate it, write the
 * outputs the command line writes, and merge documents into one dataset. Every type is the zod schema's
 * (src/model), so a program can parse and check what it reads back.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Check, OutputDocument } from './model/document.js';
import type { OcrPool } from './ocr/index.js';
import { extractDocument as runPipeline, type PageProgress } from './pipeline.js';
import { validateDocument as runRules, checkOutputJson } from './validate/index.js';

export * from './model/document.js';
export { RULE_IDS, RULE_KINDS, RuleIdSchema, SUM_RULES, WarningCodeSchema, rulesOfKind, type RuleId, type RuleKind, type WarningCode } from './model/rules.js';
export { ClassificationSchema, type Classification } from './model/codes.js';
export { PerformanceFormSchema, type PerformanceForm } from './model/forms.js';
export { writeOutputs, outputBaseName, type OutputOptions } from './emit/writeOutputs.js';
export { buildDataset, type Dataset, type MergeCounters } from './dataset/buildDataset.js';
export { writeDataset } from './dataset/writeDataset.js';
export { createOcrPool, type OcrPool, type OcrPoolOptions } from './ocr/index.js';
export { checkOutputJson };
export type { PageProgress };

export interface ExtractDocumentOptions {
  /** The file name recorded in the document (default: the path's base name, or "document.pdf" for bytes). */
  fileName?: string;
  /**
   * OCR for pages without a usable text layer: true (default) starts engines for this document only when
   * a page needs them, false reads no page by OCR, and a pool (createOcrPool) is shared across documents.
   */
  ocr?: boolean | OcrPool;
  /** Told as each page is done, in page order. */
  onPage?: (page: PageProgress) => void;
}

/**
 * Extract one disclosure PDF, given as its bytes or its path, into the typed document (the NAME.json the
 * command line writes): tables, records, every check, warnings and the quality verdict. Throws an error
 * naming the file on input that is not a readable PDF.
 */
export async function extractDocument(input: Uint8Array | string, options: ExtractDocumentOptions = {}): Promise<OutputDocument> {
  const bytes = typeof input === 'string' ? new Uint8Array(await readFile(input)) : input;
  const fileName = options.fileName ?? (typeof input === 'string' ? path.basename(input) : 'document.pdf');
  const ocr = options.ocr === false ? null : options.ocr === true || options.ocr === undefined ? undefined : options.ocr;
  try {
    return (await runPipeline(bytes, fileName, { ocr, onPage: options.onPage })).document;
  } catch (err) {
    throw new Error(`${fileName}: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
  }
}

/**
 * Run every table rule and the registry rules again on a document (prose rules need the document's text,
 * which the JSON does not hold). A document read from a file is best passed through checkOutputJson,
 * which checks the schema first.
 */
export function validateDocument(doc: OutputDocument): Check[] {
  return runRules(doc, null);
}

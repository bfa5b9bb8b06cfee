/**
 * The data a batch passes around and keeps: why a document failed, what processing it produced, and the
 * journal line recorded once its outputs are complete. The zod schemas are the single source of the types.
 */
import { z } from 'zod';
import { QualityReasonSchema } from '../model/document.js';

export const FailureCodeSchema = z.enum([
  'read_error', // the input file could not be read (missing, permissions)
  'empty', 'not_pdf', 'encrypted', 'corrupt', // from openDocument
  'too_many_pages', 'image_too_large', // over a configured limit
  'timeout', 'out_of_memory', 'worker_crashed', // the worker was stopped or died
  'extraction_error', 'write_error', // anything else the pipeline or the writer threw
]);
export type FailureCode = z.infer<typeof FailureCodeSchema>;

/** A document that produced no outputs, and why. `file` is the input as named in the batch. */
export const FailureSchema = z.object({
  code: FailureCodeSchema,
  file: z.string(),
  page: z.number().int().positive().nullable(),
  message: z.string(),
});
export type Failure = z.infer<typeof FailureSchema>;

/** What extracting one document produced (the parts of the pipeline's counters a batch reports). */
export const DocumentStatsSchema = z.object({
  pages: z.number().int().nonnegative(),
  pages_without_text: z.number().int().nonnegative(),
  tables: z.number().int().nonnegative(),
  rows: z.number().int().nonnegative(),
  cells: z.number().int().nonnegative(),
  failed_checks: z.number().int().nonnegative(),
  warnings: z.number().int().nonnegative(),
});
export type DocumentStats = z.infer<typeof DocumentStatsSchema>;

/** The extraction's verdict as a batch keeps it (the document's quality without the sum counts). */
export const DocumentQualitySchema = z.object({ status: z.enum(['ok', 'degraded']), reasons: z.array(QualityReasonSchema) });
export type DocumentQuality = z.infer<typeof DocumentQualitySchema>;

export const OutcomeSchema = z.discriminatedUnion('status', [
  // quality is optional only so that journal lines written before it existed still read (as ok)
  z.object({ status: z.literal('ok'), stats: DocumentStatsSchema, quality: DocumentQualitySchema.optional() }),
  z.object({ status: z.literal('failed'), failure: FailureSchema }),
]);
/** The result of processing one document: outputs written, or a failure. */
export type Outcome = z.infer<typeof OutcomeSchema>;

/** A document's state in one word: failed (no outputs), degraded (outputs, with reasons) or ok. */
export type Verdict = 'ok' | 'degraded' | 'failed';
export const verdictOf = (o: Outcome): Verdict => (o.status === 'failed' ? 'failed' : o.quality?.status ?? 'ok');

/** The settings an outcome depended on, so a failure over a limit is retried once the limit is raised. */
export const RunLimitsSchema = z.object({
  max_pages: z.number(), max_image_pixels: z.number(), timeout_per_doc_seconds: z.number(), worker_heap_mb: z.number(),
  worker_memory_mb: z.number().optional(),
  ocr: z.boolean().optional(), // absent in records made before --no-ocr existed: OCR was on
});
export type RunLimits = z.infer<typeof RunLimitsSchema>;

/** One line of DIR/manifest.jsonl, appended (and fsynced) after the document's outputs are complete. */
export const JournalRecordSchema = z.intersection(OutcomeSchema, z.object({
  input: z.string(), // the input's path relative to the batch root: the journal's key
  name: z.string(), // base name of its outputs in DIR
  sha256: z.string(),
  pipeline: z.string(), // package version + output schema version
  seconds: z.number().nonnegative(),
  limits: RunLimitsSchema,
  at: z.string(), // ISO time the record was written
}));
export type JournalRecord = z.infer<typeof JournalRecordSchema>;

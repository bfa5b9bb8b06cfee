/**
 * What a queued document is: its job data, its job id (content hash + pipeline version, so the same
 * document is never queued twice) and the Redis keys the commands share besides BullMQ's own.
 */
import { z } from 'zod';

export const DEFAULT_QUEUE = 'budget-tables';

export const JobDataSchema = z.object({
  /** Where the worker gets the PDF: a path every worker can read (shared storage), or an http(s) URL it downloads. */
  source: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('file'), path: z.string() }),
    z.object({ kind: z.literal('url'), url: z.string() }),
  ]),
  /** The input as enqueued (path relative to the folder or list file, or the URL): failure records name it. */
  input: z.string(),
  /** The PDF's own file name (what extraction records as source.file). */
  fileName: z.string(),
  /** Base name of the outputs in the shared output folder, unique in the queue. */
  name: z.string(),
  /** sha256 of the PDF when enqueued (null for URLs: known once downloaded). */
  sha256: z.string().nullable(),
  pipeline: z.string(),
});
export type JobData = z.infer<typeof JobDataSchema>;

/** sha256 + pipeline version ("+" and "." are allowed in BullMQ job ids, ":" is not). */
export const jobIdFor = (contentKey: string, pipeline: string): string => `${contentKey}@${pipeline}`;

/** Hash of output name → job id: names are claimed when enqueued so two documents never share outputs. */
export const namesKey = (queue: string): string => `budget-tables:${queue}:names`;
/** Hash of job id → journal record (JSON), set once the outputs and the journal line are on disk. */
export const doneKey = (queue: string): string => `budget-tables:${queue}:done`;

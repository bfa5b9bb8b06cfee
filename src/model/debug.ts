import { z } from 'zod';
import { BboxSchema } from './document.js';

/**
 * DIR/NAME.debug.json (`extract --debug`): what the layout stage found on the way to its tables, as it
 * used it. Boxes as in the output contract: PDF points, top-left origin, displayed orientation.
 */
export const DEBUG_SCHEMA_VERSION = 1;

const RuleBoxSchema = z.object({ x0: z.number(), top: z.number(), x1: z.number(), bottom: z.number() });

export const DebugTitleBlockSchema = z.object({
  bbox: BboxSchema,
  /** The lines of the block (title, label, org and unit lines), joined with " / ". */
  text: z.string(),
  accepted: z.boolean(),
  reason: z.string(),
});
export type DebugTitleBlock = z.infer<typeof DebugTitleBlockSchema>;

export const DebugFragmentSchema = z.object({
  bbox: BboxSchema,
  /** Column boundaries, left to right (columns = length - 1), along `columnAxis` of the displayed page. */
  columns: z.array(z.number()),
  /** "x" unless the page was read turned (its text sideways): then the boundaries run along y. */
  columnAxis: z.enum(['x', 'y']),
  /** Whether the boundaries came from drawn rules (else from the text's alignment). */
  ruled: z.boolean(),
  headerCells: z.array(z.object({ bbox: BboxSchema.nullable(), text: z.string(), columns: z.tuple([z.number().int(), z.number().int()]) })),
  /** Index in `tables` of the table the fragment became part of. */
  table: z.number().int().nonnegative(),
});
export type DebugFragment = z.infer<typeof DebugFragmentSchema>;

export const DebugPageSchema = z.object({
  number: z.number().int().positive(),
  width: z.number(),
  height: z.number(),
  /** Ruling lines after snapping and joining: horizontal ones have top = bottom, vertical ones x0 = x1. */
  rules: z.array(RuleBoxSchema),
  titleBlocks: z.array(DebugTitleBlockSchema),
  fragments: z.array(DebugFragmentSchema),
});
export type DebugPage = z.infer<typeof DebugPageSchema>;

const TableAtSchema = z.object({ page: z.number().int().positive(), table: z.number().int().nonnegative() });

export const DebugContinuationSchema = z.object({
  /** The table open before (its last page so far), or null when none was. */
  from: TableAtSchema.nullable(),
  /** The table the page's fragment went to. */
  to: TableAtSchema,
  decision: z.enum(['continue', 'new']),
  reason: z.string(),
});
export type DebugContinuation = z.infer<typeof DebugContinuationSchema>;

export const DebugDocumentSchema = z.object({
  schema_version: z.literal(DEBUG_SCHEMA_VERSION),
  source: z.object({ file: z.string(), sha256: z.string() }),
  pages: z.array(DebugPageSchema),
  continuations: z.array(DebugContinuationSchema),
});
export type DebugDocument = z.infer<typeof DebugDocumentSchema>;

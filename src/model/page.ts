import { z } from 'zod';

const box = { x0: z.number(), top: z.number(), x1: z.number(), bottom: z.number() };

/** A run of text as the PDF (or OCR) placed it: one printed line of one cell at most. */
export const TextRunSchema = z.object({
  ...box,
  text: z.string(),
  fontSize: z.number(),
  fontName: z.string(),
  /** Runs read by OCR: the lowest confidence (0–100) of the words they hold. */
  confidence: z.number().optional(),
});
export type TextRun = z.infer<typeof TextRunSchema>;

/** A visible ruling line: horizontal (top ≈ bottom) or vertical (x0 ≈ x1). */
export const RuleSchema = z.object({
  ...box,
  orientation: z.enum(['h', 'v']),
});
export type Rule = z.infer<typeof RuleSchema>;

export const TextSourceSchema = z.enum(['pdf', 'ocr', 'none']);
export type TextSource = z.infer<typeof TextSourceSchema>;

/** Everything later stages know of a page: no pdfjs object crosses this line. */
export const PageContentSchema = z.object({
  number: z.number().int().positive(),
  width: z.number(),
  height: z.number(),
  runs: z.array(TextRunSchema),
  rules: z.array(RuleSchema),
  textSource: TextSourceSchema,
  /** Why the text layer was (not) used, when it was not plainly fine. */
  textNote: z.string().nullable(),
  /**
   * Set when the page was read turned (text placed sideways, read upright): the page's size as displayed
   * (pdf.js viewport at its /Rotate) and the affine matrix [a,b,c,d,e,f] from these coordinates to it.
   * Absent when the coordinates above are the displayed ones.
   */
  displayed: z.object({ width: z.number(), height: z.number(), transform: z.array(z.number()).length(6) }).optional(),
  /**
   * True when the page draws nothing but paths (no text, no image), as far as its operator list tells:
   * drawing it needs no font program and no image. Absent when not known so.
   */
  pathsOnly: z.literal(true).optional(),
});
export type PageContent = z.infer<typeof PageContentSchema>;

import { pdfjs } from './openDocument.js';
import type { OperatorList } from './textRuns.js';

/*
 * Whether a page draws nothing but paths (lines, rectangles, curves, shadings): no text and no image.
 * Such a page is drawn the same by the text-only copy of a document (fonts read only for widths and
 * Unicode, images left out), so OCR can look at it without opening the drawable copy (openDocument.ts),
 * whose own copy of the bytes and parsed objects would otherwise stay in a worker's memory.
 */

const { OPS } = pdfjs;

/** Operators that need a font program, an image, or content drawn elsewhere (patterns, unknown XObjects). */
const NOT_PATHS: ReadonlySet<number> = new Set([
  OPS.showText, OPS.showSpacedText, OPS.nextLineShowText, OPS.nextLineSetSpacingShowText, OPS.setFont,
  OPS.paintImageXObject, OPS.paintInlineImageXObject, OPS.paintInlineImageXObjectGroup, OPS.paintImageXObjectRepeat,
  OPS.paintImageMaskXObject, OPS.paintImageMaskXObjectGroup, OPS.paintImageMaskXObjectRepeat, OPS.paintSolidColorImageMask,
  OPS.paintXObject, OPS.setFillColorN, OPS.setStrokeColorN,
]);

/**
 * True when the operator list draws only paths and pdf.js left no image out while building it
 * (`imagesLeftOut`: images a text-only document drops, with a warning, before they reach the list).
 */
export const drawsOnlyPaths = (ops: OperatorList, imagesLeftOut: number): boolean =>
  imagesLeftOut === 0 && !ops.fnArray.some(op => NOT_PATHS.has(op));

// One long PDF for memory benches: the given PDFs concatenated, then repeated from the start until it
// has `want` pages (copied in one go, so each font is embedded twice at most, as in a real long document).
import { readFileSync } from 'node:fs';
import { PDFDocument } from 'pdf-lib';

export async function buildLongDocument(files, want) {
  const once = await PDFDocument.create();
  for (const f of files) {
    const src = await PDFDocument.load(readFileSync(f));
    for (const p of await once.copyPages(src, src.getPageIndices())) once.addPage(p);
  }
  const onceBytes = await once.save();
  const big = await PDFDocument.load(onceBytes);
  while (big.getPageCount() < want) {
    const again = await PDFDocument.load(onceBytes);
    const n = Math.min(want - big.getPageCount(), again.getPageCount());
    for (const p of await big.copyPages(again, [...Array(n).keys()])) big.addPage(p);
  }
  return big.save();
}

/** The bundled text-layer samples: the atushi ones with a text layer, then samples/real. */
export function textLayerSamples(root, readdirSync, path) {
  return [
    ...readdirSync(path.join(root, 'samples')).filter(f => /^atushi-.*\.pdf$/.test(f) && !/scan|garbled/.test(f)).map(f => path.join(root, 'samples', f)),
    ...readdirSync(path.join(root, 'samples/real')).filter(f => f.endsWith('.pdf')).map(f => path.join(root, 'samples/real', f)),
  ];
}

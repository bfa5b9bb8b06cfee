/** PDFs for batch tests: copies of small samples, and every kind of bad input, made in code. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { ROOT } from './build.js';

export const SAMPLE_A = path.join(ROOT, 'samples/real/shanghai-putuo-govt-office-2025-dept-budget.pdf');
export const SAMPLE_B = path.join(ROOT, 'samples/real/jiangsu-provincial-party-committee-office-2019-dept-budget-tables.pdf');
export const SAMPLE_C = path.join(ROOT, 'samples/real/shanghai-putuo-govt-office-2025-unit-budget.pdf');

const latin1 = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'latin1'));

/** A minimal PDF with a correct xref table; object i+1 is objects[i], object 1 the catalog. */
export function buildPdf(objects: string[], trailerExtra = ''): Uint8Array {
  let out = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => { offsets.push(out.length); out += `${i + 1} 0 obj\n${body}\nendobj\n`; });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map(o => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${trailerExtra} >>\nstartxref\n${xref}\n%%EOF\n`;
  return latin1(out);
}

const CATALOG = '<< /Type /Catalog /Pages 2 0 R >>';

/** Standard security handler, revision 2, with an owner/user password that is not empty. */
export const encryptedPdf = (): Uint8Array => buildPdf([
  CATALOG, '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>',
  `<< /Filter /Standard /V 1 /R 2 /O <${'A1'.repeat(32)}> /U <${'B2'.repeat(32)}> /P -44 >>`,
], `/Encrypt 4 0 R /ID [<${'00'.repeat(16)}> <${'00'.repeat(16)}>]`);

/** One page drawing an image XObject that claims width × height pixels. */
export const hugeImagePdf = (width: number, height: number): Uint8Array => buildPdf([
  CATALOG, '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
  '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Resources << /XObject << /Im1 5 0 R >> >> /Contents 4 0 R >>',
  '<< /Length 29 >>\nstream\nq 200 0 0 200 0 0 cm /Im1 Do Q\nendstream',
  `<< /Type /XObject /Subtype /Image /Width ${width} /Height ${height} /ColorSpace /DeviceRGB /BitsPerComponent 8 /Length 4 >>\nstream\nabcd\nendstream`,
]);

/** `pages` blank pages. */
export function manyPagesPdf(pages: number): Uint8Array {
  const kids = Array.from({ length: pages }, (_, i) => `${i + 3} 0 R`).join(' ');
  return buildPdf([CATALOG, `<< /Type /Pages /Kids [${kids}] /Count ${pages} >>`,
    ...Array.from({ length: pages }, () => '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 100 100] >>')]);
}

export const truncated = (data: Uint8Array, fraction: number): Uint8Array => data.slice(0, Math.floor(data.length * fraction));

/** The xref table (and startxref) overwritten with junk: pdfjs rebuilds it by scanning the objects. */
export function garbledXref(data: Uint8Array): Uint8Array {
  const out = data.slice();
  const at = Buffer.from(out).toString('latin1').lastIndexOf('xref');
  out.fill(0x41, at, Math.min(at + 400, out.length - 30));
  return out;
}

/** Junk xref and no "obj" keywords left to rebuild it from: unreadable. */
export function brokenXref(data: Uint8Array): Uint8Array {
  const text = Buffer.from(garbledXref(data)).toString('latin1').replace(/(\d+ \d+) obj\b/g, '$1 jbo');
  return latin1(text);
}

/** The first `pages` pages of a PDF, saved without object streams (every object in plain text). */
export async function firstPages(file: string, pages: number): Promise<Uint8Array> {
  const src = await PDFDocument.load(readFileSync(file));
  const out = await PDFDocument.create();
  for (const p of await out.copyPages(src, src.getPageIndices().slice(0, pages))) out.addPage(p);
  return out.save({ useObjectStreams: false });
}

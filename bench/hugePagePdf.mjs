// A one-page PDF whose page is one size × size-pixel grey image at 1 pt per pixel (a 9000 × 9000 pt page
// by default): a scan placed at its pixel size. The image is white with a ruled grid, so OCR has lines
// to find and little text. Used by bench/memory.mjs and test/ocr/renderCap.test.ts.
import { deflateSync } from 'node:zlib';

export function hugePagePdf(size = 9000, gridEvery = 300) {
  const pixels = Buffer.alloc(size * size, 0xff);
  for (let y = 0; y < size; y += gridEvery) pixels.fill(0, y * size, y * size + size * 3);
  for (let y = 0; y < size; y++) for (let x = 0; x < size; x += gridEvery) pixels.fill(0, y * size + x, y * size + x + 3);
  const image = deflateSync(pixels, { level: 1 });
  const content = `q ${size} 0 0 ${size} 0 0 cm /Im1 Do Q`;
  const parts = [];
  const offsets = [];
  let length = 0;
  const push = chunk => { const b = typeof chunk === 'string' ? Buffer.from(chunk, 'latin1') : chunk; parts.push(b); length += b.length; };
  const object = (n, body, stream) => {
    offsets[n] = length;
    push(`${n} 0 obj\n${body}\n`);
    if (stream) { push('stream\n'); push(stream); push('\nendstream\n'); }
    push('endobj\n');
  };
  push('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n');
  object(1, '<< /Type /Catalog /Pages 2 0 R >>');
  object(2, '<< /Type /Pages /Kids [3 0 R] /Count 1 >>');
  object(3, `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${size} ${size}] /Resources << /XObject << /Im1 5 0 R >> >> /Contents 4 0 R >>`);
  object(4, `<< /Length ${content.length} >>`, Buffer.from(content, 'latin1'));
  object(5, `<< /Type /XObject /Subtype /Image /Width ${size} /Height ${size} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode /Length ${image.length} >>`, image);
  const xref = length;
  push(`xref\n0 6\n0000000000 65535 f \n${offsets.slice(1).map(o => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`);
  push(`trailer\n<< /Size 6 /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`);
  return new Uint8Array(Buffer.concat(parts));
}

/**
 * pdf.js inflates Flate streams (content streams, fonts, …) with a DecompressionStream('deflate'); in
 * Node.js it is patched to call zlib's inflateSync instead (patches/pdfjs-dist+5.6.205.patch), the same
 * decoder without the web-stream machinery. What the patch relies on: the two give the same bytes and
 * fail on the same input (pdf.js then inflates with its own lenient decoder), including data after the
 * end of the stream, a truncated stream, a missing checksum and a damaged one.
 */
import { deflateRawSync, deflateSync, inflateSync } from 'node:zlib';
import { expect, it } from 'vitest';

async function viaDecompressionStream(bytes: Uint8Array): Promise<Buffer | 'failed'> {
  try {
    const { readable, writable } = new DecompressionStream('deflate');
    const writer = writable.getWriter();
    await writer.ready;
    writer.write(bytes as Uint8Array<ArrayBuffer>).then(async () => { await writer.ready; await writer.close(); }).catch(() => undefined);
    const chunks: Uint8Array[] = [];
    for await (const chunk of readable as unknown as AsyncIterable<Uint8Array>) chunks.push(chunk);
    return Buffer.concat(chunks);
  } catch {
    return 'failed';
  }
}

function viaInflateSync(bytes: Uint8Array): Buffer | 'failed' {
  try {
    return inflateSync(bytes);
  } catch {
    return 'failed';
  }
}

it('zlib inflateSync decodes Flate data as DecompressionStream does', async () => {
  const good = deflateSync(Buffer.from('BT /F1 12 Tf 72 700 Td (1,234.50) Tj ET\n'.repeat(3000)));
  const damaged = Buffer.from(good);
  damaged.fill(7, 100, 140);
  const cases: Record<string, Uint8Array> = {
    good,
    'data after the end': Buffer.concat([good, Buffer.from('\r\nendstream\nendobj')]),
    'two streams': Buffer.concat([good, good]),
    truncated: good.subarray(0, good.length - 40),
    'no checksum': good.subarray(0, good.length - 4),
    damaged,
    'raw deflate, no header': deflateRawSync(Buffer.from('abc')),
    empty: new Uint8Array(0),
  };
  const outcomes: Record<string, string> = {};
  for (const [name, bytes] of Object.entries(cases)) {
    const a = await viaDecompressionStream(bytes), b = viaInflateSync(bytes);
    expect(b, name).toEqual(a);
    outcomes[name] = a === 'failed' ? 'failed' : `${a.length} bytes`;
  }
  // (the cases cover both outcomes)
  expect(outcomes).toMatchObject({ good: '120000 bytes', 'data after the end': '120000 bytes', truncated: 'failed', damaged: 'failed' });
});

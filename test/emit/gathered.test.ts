import { describe, expect, it } from 'vitest';
import { gathered } from '../../src/emit/atomicWrite.js';

const collect = async (chunks: AsyncIterable<string>): Promise<string[]> => {
  const out: string[] = [];
  for await (const chunk of chunks) out.push(chunk);
  return out;
};

describe('gathered', () => {
  const pieces = Array.from({ length: 1000 }, (_, i) => `piece ${i};`.repeat(1 + (i % 7)));

  it('gathers pieces made synchronously as it gathers pieces made asynchronously', async () => {
    async function* later(): AsyncGenerator<string> { for (const p of pieces) yield p; }
    const fromSync = await collect(gathered(pieces.values(), 4096));
    const fromAsync = await collect(gathered(later(), 4096));
    expect(fromSync).toEqual(fromAsync);
    expect(fromSync.join('')).toBe(pieces.join(''));
    expect(fromSync.length).toBeGreaterThan(5);
    // every write but the last holds at least the asked size, and no more than that plus one piece
    for (const chunk of fromSync.slice(0, -1)) expect(chunk.length).toBeGreaterThanOrEqual(4096);
    expect(Math.max(...fromSync.map(c => c.length))).toBeLessThan(4096 + 100);
  });

  it('gives nothing for no pieces, and one write for a few', async () => {
    expect(await collect(gathered([]))).toEqual([]);
    expect(await collect(gathered(['a', 'b', 'c']))).toEqual(['abc']);
  });

  it('closes the pieces\' generator when the writer stops early', async () => {
    let closed = false;
    function* made(): Generator<string> {
      try { for (let i = 0; ; i++) yield `${i},`; } finally { closed = true; }
    }
    for await (const chunk of gathered(made(), 64)) { expect(chunk.length).toBeGreaterThanOrEqual(64); break; }
    expect(closed).toBe(true);
  });
});

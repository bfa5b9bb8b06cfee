/** Seeded mutations of a PDF for fuzzing: truncation, byte flips, junk ranges, shuffled objects. */

/** mulberry32: a small deterministic PRNG in [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Mutation = 'truncate' | 'flip-bytes' | 'junk-range' | 'shuffle-objects' | 'duplicate-range';
export const MUTATIONS: Mutation[] = ['truncate', 'flip-bytes', 'junk-range', 'shuffle-objects', 'duplicate-range'];

export function mutate(data: Uint8Array, kind: Mutation, rand: () => number): Uint8Array {
  const at = (n = data.length) => Math.floor(rand() * n);
  switch (kind) {
    case 'truncate': return data.slice(0, at());
    case 'flip-bytes': {
      const out = data.slice();
      for (let i = 1 + at(40); i > 0; i--) out[at()] ^= 1 << at(8);
      return out;
    }
    case 'junk-range': {
      const out = data.slice(), from = at(), len = 1 + at(2000);
      for (let i = from; i < Math.min(out.length, from + len); i++) out[i] = at(256);
      return out;
    }
    case 'duplicate-range': {
      const from = at(), len = 1 + at(5000), to = at();
      return Buffer.concat([data.subarray(0, to), data.subarray(from, from + len), data.subarray(to)]);
    }
    case 'shuffle-objects': {
      const text = Buffer.from(data).toString('latin1');
      const objects = [...text.matchAll(/\d+ \d+ obj\b[\s\S]*?endobj\s*/g)];
      if (objects.length < 2) return data.slice();
      const start = objects[0]!.index, end = objects.at(-1)!.index + objects.at(-1)![0].length;
      const parts = objects.map(m => m[0]);
      for (let i = parts.length - 1; i > 0; i--) { const j = at(i + 1); [parts[i], parts[j]] = [parts[j]!, parts[i]!]; }
      return new Uint8Array(Buffer.from(text.slice(0, start) + parts.join('') + text.slice(end), 'latin1'));
    }
  }
}

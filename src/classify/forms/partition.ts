/**
 * Merged cells of a form arrive as text fragments on some of the rows they cover: a label spanning six
 * indicator rows is printed once, vertically centred, possibly wrapped over two lines ("产出指" / "标").
 * Rebuilding which rows a fragment covers is a partition problem: cut the rows into one contiguous run per
 * anchor so that each anchor sits as near as possible to the middle of its run.
 */
export interface Anchor {
  /** First and last row of the anchor's own text. */
  first: number;
  last: number;
  /** Where its text is centred (mean of its first and last row). */
  center: number;
}

/** A run of rows [start, end] (inclusive) that belongs to one anchor. */
export interface Run { start: number; end: number }

export interface PartitionCosts {
  /** Extra cost of starting a run at row b (e.g. cutting through running text). */
  cut?: (row: number) => number;
  /** Extra cost of giving anchor i the rows [start, end] (e.g. what the rows inside say about it). */
  run?: (anchor: number, start: number, end: number) => number;
  /** Cost of a run whose start + end is `dev` away from twice its anchor's centre (default dev²). */
  deviation?: (dev: number) => number;
}

/**
 * A deviation cost for labels whose centre is only known to half a row (a line exactly between two rows
 * may be given to either): free up to that half row, a slight preference for the exact centre, square beyond.
 */
export const halfRowDeviation = (dev: number): number => Math.max(0, Math.abs(dev) - 1) ** 2 + 0.05 * Math.abs(dev);

/**
 * Cut rows [0, n) into runs, one per anchor (anchors in row order, not overlapping), minimising
 * Σ (start + end − 2·center)² plus the extra costs, by dynamic programming over the cut positions
 * admissible between consecutive anchors. A line centred exactly between two rows may have been given to
 * either, so a centre is only known to half a row: the extra costs settle what centring leaves open.
 */
export function partitionRows(n: number, anchors: readonly Anchor[], costs: PartitionCosts = {}): { runs: Run[]; cost: number } {
  const k = anchors.length;
  if (k === 0) return { runs: [], cost: 0 };
  // best.get(b): least cost of the anchors so far covering rows [0, b), the next anchor starting at b.
  let best = new Map<number, { cost: number; cuts: number[] }>([[0, { cost: 0, cuts: [] }]]);
  for (let i = 0; i < k; i++) {
    const a = anchors[i]!;
    const next = anchors[i + 1];
    const ends = next ? range(a.last, next.first - 1) : [n - 1];
    const nextBest = new Map<number, { cost: number; cuts: number[] }>();
    for (const [start, prev] of best) {
      if (start > a.first) continue;
      for (const end of ends) {
        const dev = start + end - 2 * a.center;
        const cost = prev.cost + (costs.deviation ? costs.deviation(dev) : dev * dev) + (next && costs.cut ? costs.cut(end + 1) : 0) + (costs.run ? costs.run(i, start, end) : 0);
        const seen = nextBest.get(end + 1);
        if (!seen || cost < seen.cost) nextBest.set(end + 1, { cost, cuts: [...prev.cuts, end + 1] });
      }
    }
    best = nextBest;
  }
  const [final] = [...best.values()];
  const cuts = [0, ...final!.cuts];
  return { runs: anchors.map((_, i) => ({ start: cuts[i]!, end: cuts[i + 1]! - 1 })), cost: final!.cost };
}

const range = (from: number, to: number): number[] => Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);

/** Does this label look finished, or is it the first line of a wrapped one ("产出指" → "标")? */
const COMPLETE_LABEL = /(指标|效益|效能|效率|满意度|影响|目标)$/;

export type Fragment = Anchor & { text: string };

/**
 * The fragments of one merged column as anchors with their text: a fragment that does not end like a finished
 * label joins the short fragment on the next row ("产出指" + "标", "经济成" + "本指标").
 */
export function labelFragments(cells: readonly string[]): Fragment[] {
  const out: Fragment[] = [];
  for (let r = 0; r < cells.length; r++) {
    const text = (cells[r] ?? '').trim();
    if (!text) continue;
    const prev = out[out.length - 1];
    if (prev && prev.last === r - 1 && !COMPLETE_LABEL.test(prev.text) && (text.length <= 3 || !COMPLETE_LABEL.test(text))) {
      prev.text += text; prev.last = r; prev.center = (prev.first + r) / 2;
    } else {
      out.push({ first: r, last: r, center: r, text });
    }
  }
  return out;
}

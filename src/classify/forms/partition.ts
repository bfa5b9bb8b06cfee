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

/**
 * Cut rows [0, n) into runs, one per anchor (anchors in row order, not overlapping). `cutCost(b)` is an extra
 * cost of starting a run at row b (e.g. cutting through running text). Minimises Σ (start + end − 2·center)²
 * + Σ cutCost by dynamic programming over the admissible cut positions between consecutive anchors.
 */
export function partitionRows(n: number, anchors: readonly Anchor[], cutCost: (row: number) => number = () => 0): Run[] {
  const k = anchors.length;
  if (k === 0) return [];
  // best.get(b) for anchor i: least cost of anchors 0..i-1 covering rows [0, b), with anchor i starting at b.
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
        const cost = prev.cost + dev * dev + (next ? cutCost(end + 1) : 0);
        const seen = nextBest.get(end + 1);
        if (!seen || cost < seen.cost) nextBest.set(end + 1, { cost, cuts: [...prev.cuts, end + 1] });
      }
    }
    best = nextBest;
  }
  const [final] = [...best.values()];
  const cuts = [0, ...final!.cuts];
  return anchors.map((_, i) => ({ start: cuts[i]!, end: cuts[i + 1]! - 1 }));
}

const range = (from: number, to: number): number[] => Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);

/** Does this label look finished, or is it the first line of a wrapped one ("产出指" → "标")? */
const COMPLETE_LABEL = /(指标|效益|效能|效率|满意度|成本|影响|目标)$/;

/**
 * The fragments of one merged column as anchors with their text: a fragment that does not end like a finished
 * label joins the short fragment on the next row ("产出指" + "标", "经济成" + "本指标").
 */
export function labelFragments(cells: readonly string[]): (Anchor & { text: string })[] {
  const out: (Anchor & { text: string })[] = [];
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

/**
 * Fill a merged label column: every row gets the text of the fragment whose run covers it. `within` limits
 * the runs to blocks (the 二级 column is cut inside each 一级 run); rows of a block without a fragment get null.
 */
export function fillMerged(cells: readonly string[], within: readonly Run[] = [{ start: 0, end: cells.length - 1 }]): (string | null)[] {
  const out: (string | null)[] = cells.map(() => null);
  for (const block of within) {
    const local = cells.slice(block.start, block.end + 1);
    const frags = labelFragments(local);
    const runs = partitionRows(local.length, frags);
    runs.forEach((run, i) => { for (let r = run.start; r <= run.end; r++) out[block.start + r] = frags[i]!.text; });
  }
  return out;
}

/** The runs of equal consecutive values of a filled column (for nesting the next level inside). */
export function runsOf(values: readonly (string | null)[]): Run[] {
  const runs: Run[] = [];
  values.forEach((v, r) => {
    const last = runs[runs.length - 1];
    if (last && values[last.start] === v && last.end === r - 1) last.end = r;
    else runs.push({ start: r, end: r });
  });
  return runs;
}

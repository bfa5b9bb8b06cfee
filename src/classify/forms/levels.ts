import { halfRowDeviation, labelFragments, partitionRows, type Fragment, type Run } from './partition.js';

/**
 * The standard indicator framework (财预〔2020〕10号 and the provincial forms built on it): which 二级
 * indicators sit under which 一级 one, and words by which a 三级 indicator's name shows its 二级 kind. Used
 * only to settle what the printed positions leave open — a label is never invented from them.
 */
const CHILDREN: [RegExp, RegExp][] = [
  [/^产出/, /数量|质量|时效|成本/],
  [/^效益/, /效益|影响/],
  [/^满意/, /满意/],
  [/^成本/, /成本/],
];
const NAME_HINTS: [RegExp, RegExp][] = [
  [/质量/, /质量|合格|达标|合规|正确|准确|完好|覆盖/],
  [/时效/, /时间|及时|时限|进度/],
  [/成本/, /成本|费用|单价|支出/],
  [/满意/, /满意/],
];

/** 0.5 per 二级 label under a 一级 label it does not belong to in the standard framework. */
const misplaced = (level1: string, level2: readonly Fragment[]): number => {
  const rule = CHILDREN.find(([parent]) => parent.test(level1));
  return rule ? level2.filter(f => !rule[1].test(f.text)).length * 0.5 : 0;
};

/** 0.3 per indicator whose name points to another 二级 kind than the one it is given. */
const hinted = (level2: string, names: readonly string[]): number => {
  let cost = 0;
  for (const name of names) {
    const own = NAME_HINTS.find(([kind]) => kind.test(level2));
    if (own && own[1].test(name)) continue;
    if (NAME_HINTS.some(([kind, words]) => !kind.test(level2) && words.test(name))) cost += 0.3;
  }
  return cost;
};

function level2Runs(frags: readonly Fragment[], start: number, end: number, names: readonly string[]): { runs: Run[]; cost: number } {
  const inside = frags.filter(f => f.first >= start && f.last <= end).map(f => ({ ...f, first: f.first - start, last: f.last - start, center: f.center - start }));
  if (!inside.length) return { runs: [], cost: 0 };
  const local = names.slice(start, end + 1);
  const { runs, cost } = partitionRows(end - start + 1, inside, { deviation: halfRowDeviation, run: (i, s, e) => hinted(inside[i]!.text, local.slice(s, e + 1)) });
  return { runs: runs.map(r => ({ start: r.start + start, end: r.end + start })), cost };
}

/**
 * Spread the merged 一级 and 二级 label columns of an indicator grid back over the rows they cover. The two
 * levels are cut together: each 一级 run is charged the best cut of the 二级 labels inside it, so a 二级
 * label falls under the 一级 label whose run holds it most naturally. Rows no fragment covers get null.
 */
export function spreadLevels(level1Cells: readonly string[], level2Cells: readonly string[], names: readonly string[]): {
  level1: (string | null)[]; level2: (string | null)[];
} {
  const n = names.length;
  const level1: (string | null)[] = Array(n).fill(null);
  const level2: (string | null)[] = Array(n).fill(null);
  const frags1 = labelFragments(level1Cells);
  const frags2 = labelFragments(level2Cells);
  // Each candidate 一级 run is cut at most once (the final pass asks again for the chosen runs).
  const cuts = new Map<number, { runs: Run[]; cost: number }>();
  const inner = (s: number, e: number): { runs: Run[]; cost: number } => {
    const key = s * (n + 1) + e;
    let cut = cuts.get(key);
    if (!cut) { cut = level2Runs(frags2, s, e, names); cuts.set(key, cut); }
    return cut;
  };
  const outer = frags1.length
    ? partitionRows(n, frags1, { deviation: halfRowDeviation, run: (i, s, e) => inner(s, e).cost + misplaced(frags1[i]!.text, frags2.filter(f => f.first >= s && f.last <= e)) }).runs
    : [{ start: 0, end: n - 1 }];
  outer.forEach((run, i) => {
    const text = frags1[i]?.text ?? null;
    for (let r = run.start; r <= run.end; r++) level1[r] = text;
    const insideFrags = frags2.filter(f => f.first >= run.start && f.last <= run.end);
    inner(run.start, run.end).runs.forEach((r2, j) => { for (let r = r2.start; r <= r2.end; r++) level2[r] = insideFrags[j]!.text; });
  });
  return { level1, level2 };
}

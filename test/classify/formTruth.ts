/** The indicators of a truth file's form: its printed grid with row and column spans spread back out. */
export interface TruthForm { title: string; rows: string[][]; spans: ({ rowspan: number; colspan: number } | null)[][] }

export function truthIndicators(form: TruthForm): string[][] {
  const grid: string[][] = [];
  const taken: boolean[][] = [];
  form.rows.forEach((cells, r) => {
    grid[r] ??= []; taken[r] ??= [];
    let c = 0;
    cells.forEach((text, i) => {
      while (taken[r]![c]) c++;
      const span = form.spans[r]?.[i] ?? { rowspan: 1, colspan: 1 };
      for (let dr = 0; dr < span.rowspan; dr++) for (let dc = 0; dc < span.colspan; dc++) {
        (grid[r + dr] ??= [])[c + dc] = text;
        (taken[r + dr] ??= [])[c + dc] = true;
      }
      c += span.colspan;
    });
  });
  const at = grid.findIndex(row => row.includes('一级指标'));
  const header = grid[at]!;
  const col = (re: RegExp) => header.findIndex(h => re.test(h));
  const cols = [col(/^一级/), col(/^二级/), col(/^三级/), col(/^指标值$/), col(/依据/), col(/权重/)];
  return grid.slice(at + 1).map(row => cols.map(c => (c < 0 ? '' : (row[c] ?? '')).replace(/\s+/g, '')));
}

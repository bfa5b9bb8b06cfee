/**
 * The printed header of a table, rebuilt from its columns' header paths: adjacent columns whose paths
 * share a prefix share one cell over them (a horizontal merge), and a path shorter than the header's
 * depth ends in a cell that reaches down to the last header row (a vertical merge). Pure: positions
 * are 0-based header levels and column positions (left to right).
 */
export interface HeaderBlock {
  text: string;
  top: number;
  bottom: number;
  left: number;
  right: number;
}

export interface HeaderLayout {
  /** Header rows: the longest path (at least 1, so a header-less table still gets a row for the page column). */
  depth: number;
  blocks: HeaderBlock[];
}

const samePrefix = (a: readonly string[], b: readonly string[], length: number): boolean => {
  for (let i = 0; i < length; i++) if (a[i] !== b[i]) return false;
  return true;
};

export function headerLayout(paths: readonly (readonly string[])[]): HeaderLayout {
  const depth = Math.max(1, ...paths.map(p => p.length));
  const blocks: HeaderBlock[] = [];
  for (let level = 0; level < depth; level++) {
    for (let left = 0; left < paths.length;) {
      const path = paths[left]!;
      if (path.length <= level) { left++; continue; } // covered by its last block above, or no header at all
      let right = left;
      while (right + 1 < paths.length && paths[right + 1]!.length > level && samePrefix(path, paths[right + 1]!, level + 1)) right++;
      // Reach down only when every column under the block ends here; otherwise the deeper ones continue below.
      const allEnd = paths.slice(left, right + 1).every(p => p.length === level + 1);
      blocks.push({ text: path[level]!, top: level, bottom: allEnd ? depth - 1 : level, left, right });
      left = right + 1;
    }
  }
  return { depth, blocks };
}

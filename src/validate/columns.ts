import type { Table } from '../model/document.js';
import { isCrossCutSegment, isOfWhichSegment, isPartOfTotal, isTotalSegment, normLabel } from './names.js';

/**
 * The amount columns of a table as a tree of header paths: "支出预算/合计", "支出预算/基本支出",
 * "支出预算/项目支出" become one node 支出预算 with three children. Identities are read from the
 * tree (a total-like child and its siblings), never from column positions.
 */
export interface ColumnNode {
  seg: string;
  /** amounts key ("支出预算/合计") when a column ends here */
  key: string | null;
  children: ColumnNode[];
}

/** total = Σ parts, each side a list of amounts keys. */
export interface ColumnIdentity {
  totalKey: string;
  partKeys: string[];
}

/** The amounts keys of a table, in column order, plus any key seen only in records. */
export function amountKeys(table: Table): string[] {
  const keys: string[] = [];
  const seen = new Set<string>();
  const add = (k: string) => {
    if (!seen.has(k)) { seen.add(k); keys.push(k); }
  };
  for (const c of table.columns) if (c.role === 'amount' && c.path.length > 0) add(c.path.join('/'));
  for (const r of table.rows) for (const rec of r.records) for (const k of Object.keys(rec.amounts)) add(k);
  return keys;
}

export function buildColumnTree(keys: string[]): ColumnNode {
  const root: ColumnNode = { seg: '', key: null, children: [] };
  for (const key of keys) {
    let node = root;
    for (const seg of key.split('/').filter((s) => s !== '')) {
      let child = node.children.find((c) => c.seg === seg);
      if (!child) { child = { seg, key: null, children: [] }; node.children.push(child); }
      node = child;
    }
    node.key = key;
  }
  return root;
}

/** The children of a node that add up to its total: not its "其中" columns nor a cut across the others. */
function partsOf(node: ColumnNode): ColumnNode[] {
  const segs = node.children.map((c) => c.seg);
  return node.children.filter((c) => !isOfWhichSegment(c.seg) && !isCrossCutSegment(c.seg, segs));
}

function totalChild(node: ColumnNode): ColumnNode | undefined {
  return node.children.find((c) => isTotalSegment(c.seg));
}

/** Relative leaf paths under a node ("" for the node itself when it is a column). */
function leafSuffixes(node: ColumnNode, prefix: string[] = []): string[][] {
  if (node.children.length === 0) return node.key ? [prefix] : [];
  return node.children.flatMap((c) => leafSuffixes(c, [...prefix, c.seg]));
}

function descend(node: ColumnNode, suffix: string[]): ColumnNode | undefined {
  let n: ColumnNode | undefined = node;
  for (const seg of suffix) n = n?.children.find((c) => c.seg === seg);
  return n;
}

/**
 * The keys whose sum is the value of `node` restricted to columns ending in `suffix`
 * (suffix [] = the node's plain value): its own column, else its total child, else Σ children.
 */
export function termsOf(node: ColumnNode, suffix: string[] = []): string[] {
  const direct = descend(node, suffix);
  if (direct && direct.key && direct.children.length === 0) return [direct.key];
  if (node.key && node.children.length === 0) return suffix.length === 0 ? [node.key] : [];
  const tot = totalChild(node);
  if (tot) return termsOf(tot, suffix);
  return partsOf(node).flatMap((c) => termsOf(c, suffix));
}

/** Every "total column = Σ sibling columns" identity in the tree. */
export function columnIdentities(root: ColumnNode): ColumnIdentity[] {
  const out: ColumnIdentity[] = [];
  const visit = (node: ColumnNode) => {
    const tot = totalChild(node);
    const siblings = tot ? partsOf(node).filter((c) => c !== tot && isPartOfTotal(tot.seg, c.seg)) : [];
    if (tot && siblings.length > 0) {
      for (const suffix of leafSuffixes(tot)) {
        const totalKeys = termsOf(tot, suffix);
        const perSibling = siblings.map((s) => termsOf(s, suffix));
        // a sibling without the same sub-columns: the identity cannot be read safely
        if (perSibling.some((t) => t.length === 0)) continue;
        const partKeys = perSibling.flat();
        if (totalKeys.length === 1 && !partKeys.includes(totalKeys[0]!)) {
          out.push({ totalKey: totalKeys[0]!, partKeys });
        }
      }
    }
    node.children.forEach(visit);
  };
  visit(root);
  return out;
}

/** First node (breadth first) whose segment satisfies the test. */
export function findNode(root: ColumnNode, test: (seg: string) => boolean): ColumnNode | undefined {
  const queue = [...root.children];
  while (queue.length > 0) {
    const n = queue.shift()!;
    if (test(normLabel(n.seg))) return n;
    queue.push(...n.children);
  }
  return undefined;
}

/** The key that holds the grand total of a group of columns: a top total column, or the only column. */
export function grandTotalKey(root: ColumnNode, keys: string[]): string | null {
  if (keys.length === 1) return keys[0]!;
  let node: ColumnNode = root;
  // descend through single-child wrappers ("支出预算" above 合计 / 基本支出 / 项目支出)
  while (node.children.length === 1 && node.children[0]!.children.length > 0) node = node.children[0]!;
  const terms = termsOf(node);
  const tot = totalChild(node);
  if (tot && terms.length === 1) return terms[0]!;
  return null;
}

// Memory and CPU of a process and every process below it (a batch and its worker processes), from /proc (Linux).
import { readdirSync, readFileSync } from 'node:fs';

const statFields = pid => { const s = readFileSync(`/proc/${pid}/stat`, 'latin1'); return s.slice(s.lastIndexOf(')') + 2).split(' '); };

function childrenByParent() {
  const children = new Map();
  for (const p of readdirSync('/proc').filter(d => /^\d+$/.test(d))) {
    try { const ppid = Number(statFields(p)[1]); (children.get(ppid) ?? children.set(ppid, []).get(ppid)).push(Number(p)); } catch { /* gone */ }
  }
  return children;
}

/** Resident memory in bytes: the sum over `pid` and its descendants, and the largest single process. */
export function treeRss(pid) {
  const children = childrenByParent();
  let total = 0, largest = 0;
  const visit = p => {
    try {
      const bytes = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${p}/status`, 'latin1'))?.[1] ?? 0) * 1024;
      total += bytes; largest = Math.max(largest, bytes);
    } catch { /* gone */ }
    for (const c of children.get(p) ?? []) visit(c);
  };
  visit(pid);
  return { total, largest };
}

/** CPU seconds of `pid` itself and of its children that have ended (utime + stime + cutime + cstime; USER_HZ = 100). */
export function treeCpuSeconds(pid) {
  try { const f = statFields(pid); return (Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14])) / 100; } catch { return 0; }
}

/**
 * CPU seconds of `pid` and every live descendant, plus the children they have waited for: a running
 * total for a process tree whose children come and go (sample it and keep the largest value).
 */
export function liveTreeCpuSeconds(pid) {
  const children = childrenByParent();
  let total = 0;
  const visit = p => { total += treeCpuSeconds(p); for (const c of children.get(p) ?? []) visit(c); };
  visit(pid);
  return total;
}

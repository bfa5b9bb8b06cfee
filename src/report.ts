import type { Check } from './model/document.js';
import type { ExtractResult } from './pipeline.js';

/** One line per file, then the failed checks grouped by table (failures first: they are the news). */
export function formatSummary(file: string, r: ExtractResult, quiet: boolean): string {
  const c = r.counters;
  const head = `${file}: ${c.tables} tables, ${c.rows} rows, ${c.cells} cells, checks ${c.checks.pass} pass / ${c.checks.fail} fail / ${c.checks.skip} skip, ` +
    `${c.pages} pages${c.pagesWithoutText ? ` (${c.pagesWithoutText} without usable text)` : ''}, ${c.seconds.total.toFixed(2)} s`;
  if (quiet) return head;
  const lines = [head];
  const failed = r.document.checks.filter(ch => ch.status === 'fail');
  const byTable = new Map<string, Check[]>();
  for (const ch of failed) {
    const key = ch.table ?? '(document)';
    (byTable.get(key) ?? byTable.set(key, []).get(key)!).push(ch);
  }
  for (const [table, checks] of byTable) {
    lines.push(`  FAILED in ${table}:`);
    for (const ch of checks.slice(0, 20)) lines.push(`    [${ch.rule}]${ch.page ? ` p.${ch.page}` : ''}${ch.row !== null ? ` row ${ch.row}` : ''} ${ch.message}`);
    if (checks.length > 20) lines.push(`    … ${checks.length - 20} more`);
  }
  for (const w of r.document.warnings) lines.push(`  warning: ${w.message}`);
  return lines.join('\n');
}

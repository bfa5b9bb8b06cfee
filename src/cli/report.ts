import type { Check, OutputDocument } from '../model/document.js';
import { tableLabel } from '../validate/index.js';
import type { ExtractResult } from '../pipeline.js';
import { SUM_RULES } from '../model/rules.js';

/** Per table: rows, and how many of the totals it prints add up. */
function tableLines(doc: OutputDocument): string[] {
  return doc.tables.map(t => {
    const label = tableLabel(t);
    const sums = doc.checks.filter(c => c.table === label && SUM_RULES.has(c.rule) && c.status !== 'skip');
    const ok = sums.filter(c => c.status === 'pass').length;
    const share = sums.length ? `${ok} of ${sums.length} printed sums add up` : 'no printed sums to check';
    return `  ${t.number ? `${t.number} ` : ''}${t.title} (p.${t.pages.join(',')}): ${t.rows.length} rows, ${share}`;
  });
}

/** One line per file, then the failed checks grouped by table (failures first: they are the news). */
export function formatSummary(file: string, r: ExtractResult, quiet: boolean): string {
  const c = r.counters;
  const head = `${file}: ${c.tables} tables, ${c.rows} rows, ${c.cells} cells, checks ${c.checks.pass} pass / ${c.checks.fail} fail / ${c.checks.skip} skip${c.checks.unknown ? ` / ${c.checks.unknown} unknown` : ''}, ` +
    `${c.pages} pages${c.pagesOcr ? ` (${c.pagesOcr} read by OCR)` : ''}${c.pagesWithoutText ? ` (${c.pagesWithoutText} without usable text)` : ''}, ${c.seconds.total.toFixed(2)} s` +
    `, ${r.document.quality?.status ?? 'ok'}`;
  const degraded = (r.document.quality?.reasons ?? []).map(q => `  DEGRADED [${q.code}] ${q.message}`);
  if (quiet) return [head, ...degraded].join('\n');
  const lines = [head, ...degraded, ...tableLines(r.document)];
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

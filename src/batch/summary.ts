/** The run's totals, from its per-document events: DIR/summary.json and the table printed at the end. */
import type { DocumentStats, Failure } from './records.js';

/** One document's result in this run (also the JSON line printed when stdout is not a terminal). */
export interface DocumentEvent extends DocumentStats {
  event: 'document';
  input: string;
  name: string;
  /** skipped: unchanged since the journal's record, whose status is in `previous`. */
  status: 'ok' | 'failed' | 'skipped';
  previous: 'ok' | 'failed' | null;
  seconds: number;
  failure: Failure | null;
}

const STAT_KEYS = ['pages', 'pages_without_text', 'tables', 'rows', 'cells', 'failed_checks', 'warnings'] as const;
export const ZERO_STATS: DocumentStats = { pages: 0, pages_without_text: 0, tables: 0, rows: 0, cells: 0, failed_checks: 0, warnings: 0 };

export interface BatchSummary {
  pipeline: string;
  started_at: string;
  seconds: number;
  concurrency: number;
  documents: { total: number; ok: number; failed: number; skipped: number; skipped_failed: number };
  /** Pages extracted in this run, and per second of wall time. */
  pages: number;
  pages_per_second: number;
  /** The counters of the documents extracted in this run, added up. */
  totals: DocumentStats;
  /** Documents whose current state is failed (this run, or unchanged and failed before), by failure code. */
  failures_by_reason: Record<string, number>;
  failures: Failure[];
  stale_temp_files_removed: number;
}

export function summarize(events: readonly DocumentEvent[], run: Pick<BatchSummary, 'pipeline' | 'started_at' | 'seconds' | 'concurrency' | 'stale_temp_files_removed'>): BatchSummary {
  const count = (f: (e: DocumentEvent) => boolean): number => events.filter(f).length;
  const processed = events.filter(e => e.status !== 'skipped');
  const totals = { ...ZERO_STATS };
  for (const e of processed) for (const k of STAT_KEYS) totals[k] += e[k];
  const failures = events.flatMap(e => (e.failure ? [e.failure] : []));
  const byReason: Record<string, number> = {};
  for (const f of failures) byReason[f.code] = (byReason[f.code] ?? 0) + 1;
  const pages = totals.pages;
  return {
    ...run,
    documents: {
      total: events.length, ok: count(e => e.status === 'ok'), failed: count(e => e.status === 'failed'),
      skipped: count(e => e.status === 'skipped'), skipped_failed: count(e => e.status === 'skipped' && e.previous === 'failed'),
    },
    pages, pages_per_second: run.seconds > 0 ? Math.round((pages / run.seconds) * 10) / 10 : 0, totals,
    failures_by_reason: byReason, failures: failures.sort((a, b) => (a.file < b.file ? -1 : 1)),
  };
}

const MAX_LISTED_FAILURES = 30;

/** The summary as a short table for people. */
export function formatSummaryTable(s: BatchSummary): string {
  const d = s.documents;
  const lines = [
    `documents  ${d.total} total: ${d.ok} ok, ${d.failed} failed, ${d.skipped} skipped (unchanged${d.skipped_failed ? `, ${d.skipped_failed} of them failed before` : ''})`,
    `pages      ${s.pages} in ${s.seconds.toFixed(1)} s = ${s.pages_per_second} pages/s (concurrency ${s.concurrency}); ${s.totals.tables} tables, ${s.totals.rows} rows, ${s.totals.failed_checks} failed checks`,
  ];
  const reasons = Object.entries(s.failures_by_reason).sort((a, b) => b[1] - a[1]);
  if (reasons.length) {
    lines.push('failures by reason');
    const width = Math.max(...reasons.map(([r]) => r.length));
    for (const [reason, n] of reasons) lines.push(`  ${reason.padEnd(width)}  ${n}`);
    lines.push('failed documents');
    for (const f of s.failures.slice(0, MAX_LISTED_FAILURES)) lines.push(`  ${f.file}${f.page ? ` p.${f.page}` : ''}  [${f.code}] ${f.message}`);
    if (s.failures.length > MAX_LISTED_FAILURES) lines.push(`  … ${s.failures.length - MAX_LISTED_FAILURES} more in summary.json`);
  }
  return lines.join('\n');
}

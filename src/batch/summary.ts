/** The run's totals, from its per-document events: DIR/summary.json and the table printed at the end. */
import type { Failure } from './records.js';

/** One document's result in this run (also the JSON line printed when stdout is not a terminal). */
export interface DocumentEvent {
  event: 'document';
  input: string;
  name: string;
  /** skipped: unchanged since the journal's record, whose status is in `previous`. */
  status: 'ok' | 'failed' | 'skipped';
  previous: 'ok' | 'failed' | null;
  seconds: number;
  pages: number;
  tables: number;
  failed_checks: number;
  warnings: number;
  failure: Failure | null;
}

export interface BatchSummary {
  pipeline: string;
  started_at: string;
  seconds: number;
  concurrency: number;
  documents: { total: number; ok: number; failed: number; skipped: number; skipped_failed: number };
  /** Pages and tables extracted in this run, and pages per second of wall time. */
  pages: number;
  pages_per_second: number;
  tables: number;
  failed_checks: number;
  /** Documents whose current state is failed (this run, or unchanged and failed before), by failure code. */
  failures_by_reason: Record<string, number>;
  failures: Failure[];
  stale_temp_files_removed: number;
}

export function summarize(events: readonly DocumentEvent[], run: Pick<BatchSummary, 'pipeline' | 'started_at' | 'seconds' | 'concurrency' | 'stale_temp_files_removed'>): BatchSummary {
  const count = (f: (e: DocumentEvent) => boolean): number => events.filter(f).length;
  const sum = (f: (e: DocumentEvent) => number): number => events.reduce((n, e) => n + f(e), 0);
  const processed = events.filter(e => e.status !== 'skipped');
  const failures = events.flatMap(e => (e.failure ? [e.failure] : []));
  const byReason: Record<string, number> = {};
  for (const f of failures) byReason[f.code] = (byReason[f.code] ?? 0) + 1;
  const pages = processed.reduce((n, e) => n + e.pages, 0);
  return {
    ...run,
    documents: {
      total: events.length, ok: count(e => e.status === 'ok'), failed: count(e => e.status === 'failed'),
      skipped: count(e => e.status === 'skipped'), skipped_failed: count(e => e.status === 'skipped' && e.previous === 'failed'),
    },
    pages, pages_per_second: run.seconds > 0 ? Math.round((pages / run.seconds) * 10) / 10 : 0,
    tables: processed.reduce((n, e) => n + e.tables, 0), failed_checks: sum(e => (e.status === 'skipped' ? 0 : e.failed_checks)),
    failures_by_reason: byReason, failures: failures.sort((a, b) => (a.file < b.file ? -1 : 1)),
  };
}

const MAX_LISTED_FAILURES = 30;

/** The summary as a short table for people. */
export function formatSummaryTable(s: BatchSummary): string {
  const d = s.documents;
  const lines = [
    `documents  ${d.total} total: ${d.ok} ok, ${d.failed} failed, ${d.skipped} skipped (unchanged${d.skipped_failed ? `, ${d.skipped_failed} of them failed before` : ''})`,
    `pages      ${s.pages} in ${s.seconds.toFixed(1)} s = ${s.pages_per_second} pages/s (concurrency ${s.concurrency}); ${s.tables} tables, ${s.failed_checks} failed checks`,
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

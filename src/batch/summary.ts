/** The run's totals, from its per-document events: DIR/summary.json and the table printed at the end. */
import type { QualityReason } from '../model/document.js';
import type { DocumentStats, Failure, Verdict } from './records.js';

/**
 * What a run found that was not so before, for alerts: a document failed that had not failed (a new input,
 * changed content, or one that used to succeed), or is degraded that was ok or new.
 */
export type News = 'new_failure' | 'newly_degraded';

/** One document's result in this run (also the JSON line printed when stdout is not a terminal). */
export interface DocumentEvent extends DocumentStats {
  event: 'document';
  input: string;
  name: string;
  /** skipped: unchanged since the journal's record, whose status is in `previous`. */
  status: 'ok' | 'failed' | 'skipped';
  previous: 'ok' | 'failed' | null;
  /** The document's state now (a skipped document keeps its recorded one): ok, degraded or failed. */
  verdict: Verdict;
  /** Why it is degraded (empty when ok or failed). */
  reasons: QualityReason[];
  /** The journal's verdict for this input before this run (null: not seen before). */
  previous_verdict: Verdict | null;
  news: News | null;
  seconds: number;
  failure: Failure | null;
}

/** news of a document whose verdict went from `before` (null: new) to `now`. */
export function newsOf(before: Verdict | null, now: Verdict): News | null {
  if (now === 'failed' && before !== 'failed') return 'new_failure';
  if (now === 'degraded' && before !== 'degraded' && before !== 'failed') return 'newly_degraded';
  return null;
}

/**
 * The batch's exit status: 0 nothing new went wrong (documents still failing or degraded as the journal
 * already had them do not count), 1 a new failure, 3 a newly degraded document and no new failure.
 * (2 is bad usage, set by the command.)
 */
export const EXIT_NEW_FAILURE = 1;
export const EXIT_NEWLY_DEGRADED = 3;
export function exitStatus(s: Pick<BatchSummary, 'news'>): number {
  return s.news.new_failures.length ? EXIT_NEW_FAILURE : s.news.newly_degraded.length ? EXIT_NEWLY_DEGRADED : 0;
}

const STAT_KEYS = ['pages', 'pages_without_text', 'tables', 'rows', 'cells', 'failed_checks', 'warnings'] as const;
export const ZERO_STATS: DocumentStats = { pages: 0, pages_without_text: 0, tables: 0, rows: 0, cells: 0, failed_checks: 0, warnings: 0 };

export interface BatchSummary {
  pipeline: string;
  started_at: string;
  seconds: number;
  concurrency: number;
  /** Documents extracted in this run by verdict (ok, degraded, failed), and skipped (unchanged). */
  documents: { total: number; ok: number; degraded: number; failed: number; skipped: number; skipped_failed: number; skipped_degraded: number };
  /** Every document's state now, processed or skipped. */
  verdicts: Record<Verdict, number>;
  /** Pages extracted in this run, and per second of wall time. */
  pages: number;
  pages_per_second: number;
  /** The counters of the documents extracted in this run, added up. */
  totals: DocumentStats;
  /** Documents whose current state is failed (this run, or unchanged and failed before), by failure code. */
  failures_by_reason: Record<string, number>;
  failures: Failure[];
  /** Documents whose state now is degraded (this run, or unchanged since), with the reasons. */
  degraded: { file: string; reasons: QualityReason[] }[];
  /** Inputs that failed or turned degraded in this run and were not so before (the exit status follows these). */
  news: { new_failures: string[]; newly_degraded: string[] };
  exit_status: number;
  stale_temp_files_removed: number;
}

export function summarize(events: readonly DocumentEvent[], run: Pick<BatchSummary, 'pipeline' | 'started_at' | 'seconds' | 'concurrency' | 'stale_temp_files_removed'>): BatchSummary {
  const inputsWith = (news: News): string[] => events.filter(e => e.news === news).map(e => e.input).sort();
  const news = { new_failures: inputsWith('new_failure'), newly_degraded: inputsWith('newly_degraded') };
  const count = (f: (e: DocumentEvent) => boolean): number => events.filter(f).length;
  const processed = events.filter(e => e.status !== 'skipped');
  const totals = { ...ZERO_STATS };
  for (const e of processed) for (const k of STAT_KEYS) totals[k] += e[k];
  const failures = events.flatMap(e => (e.failure ? [e.failure] : []));
  const byReason: Record<string, number> = {};
  for (const f of failures) byReason[f.code] = (byReason[f.code] ?? 0) + 1;
  const pages = totals.pages;
  const ran = (v: Verdict) => (e: DocumentEvent): boolean => e.status !== 'skipped' && e.verdict === v;
  const skipped = (v: Verdict) => (e: DocumentEvent): boolean => e.status === 'skipped' && e.verdict === v;
  return {
    ...run,
    documents: {
      total: events.length, ok: count(ran('ok')), degraded: count(ran('degraded')), failed: count(ran('failed')),
      skipped: count(e => e.status === 'skipped'), skipped_failed: count(skipped('failed')), skipped_degraded: count(skipped('degraded')),
    },
    verdicts: { ok: count(e => e.verdict === 'ok'), degraded: count(e => e.verdict === 'degraded'), failed: count(e => e.verdict === 'failed') },
    pages, pages_per_second: run.seconds > 0 ? Math.round((pages / run.seconds) * 10) / 10 : 0, totals,
    failures_by_reason: byReason, failures: failures.sort((a, b) => (a.file < b.file ? -1 : 1)),
    degraded: events.filter(e => e.verdict === 'degraded').map(e => ({ file: e.input, reasons: e.reasons })),
    news, exit_status: exitStatus({ news }),
  };
}

const MAX_LISTED_FAILURES = 30;

/** The summary as a short table for people. */
export function formatSummaryTable(s: BatchSummary): string {
  const d = s.documents;
  const before = [d.skipped_failed && `${d.skipped_failed} failed`, d.skipped_degraded && `${d.skipped_degraded} degraded`].filter(Boolean).join(', ');
  const lines = [
    `documents  ${d.total} total: ${d.ok} ok, ${d.degraded} degraded, ${d.failed} failed, ${d.skipped} skipped (unchanged${before ? `; ${before} before` : ''})`,
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
  if (s.degraded.length) {
    lines.push('degraded documents');
    for (const g of s.degraded.slice(0, MAX_LISTED_FAILURES)) lines.push(`  ${g.file}  ${g.reasons.map(r => `[${r.code}] ${r.message}`).join('; ')}`);
    if (s.degraded.length > MAX_LISTED_FAILURES) lines.push(`  … ${s.degraded.length - MAX_LISTED_FAILURES} more in summary.json`);
  }
  const n = s.news;
  lines.push(n.new_failures.length || n.newly_degraded.length
    ? `new since the last run: ${n.new_failures.length} failed, ${n.newly_degraded.length} degraded${[...n.new_failures, ...n.newly_degraded].length <= 5 ? ` (${[...n.new_failures, ...n.newly_degraded].join(', ')})` : ''}; exit status ${s.exit_status}`
    : 'nothing new went wrong since the last run; exit status 0');
  return lines.join('\n');
}

/** What a run shows while it works: a progress bar on a terminal, JSON lines otherwise. */
import type { BatchSummary, DocumentEvent } from './summary.js';
import { formatSummaryTable } from './summary.js';

export interface BatchReporter {
  start(totalDocuments: number): void;
  /** A page of a document in progress is done (page 0: the document was opened). */
  page?(input: string, page: number, pages: number): void;
  document(event: DocumentEvent): void;
  finish(summary: BatchSummary): void;
}

type Write = (text: string) => void;

/** One JSON object per line on `out` per document, then a summary event; the human table goes to `err`. */
export function jsonLinesReporter(out: Write, err: Write): BatchReporter {
  return {
    start() {},
    document(event) { out(JSON.stringify(event) + '\n'); },
    finish(summary) { out(JSON.stringify({ event: 'summary', ...summary }) + '\n'); err(formatSummaryTable(summary) + '\n'); },
  };
}

const BAR_CHARS = 24;
const REDRAW_EVERY_MS = 100;
const clock = (s: number): string => (Number.isFinite(s) ? `${Math.floor(s / 60)}:${String(Math.round(s % 60)).padStart(2, '0')}` : '?');

const MAX_LINE_CHARS = 150;

/**
 * A one-line bar redrawn on `err` (documents, pages, failures, degraded, ETA, and the page each document in
 * progress is on); the summary table goes to `out`.
 */
export function progressBarReporter(out: Write, err: Write, now: () => number = () => performance.now() / 1000): BatchReporter {
  let total = 0, done = 0, pages = 0, failed = 0, degraded = 0, started = 0, lastDraw = 0;
  const inProgress = new Map<string, string>();
  const draw = (force: boolean): void => {
    const t = now();
    if (!force && t - lastDraw < REDRAW_EVERY_MS / 1000) return;
    lastDraw = t;
    const filled = total ? Math.round((done / total) * BAR_CHARS) : 0;
    const eta = done ? ((t - started) / done) * (total - done) : Infinity;
    const working = [...inProgress].map(([input, at]) => `${input.split('/').at(-1)} ${at}`).join(', ');
    const line = `[${'#'.repeat(filled)}${'.'.repeat(BAR_CHARS - filled)}] ${done}/${total} documents, ${pages} pages` +
      `${failed ? `, ${failed} failed` : ''}${degraded ? `, ${degraded} degraded` : ''}, ETA ${clock(eta)}${working ? ` | ${working}` : ''}`;
    err(`\r${line.length > MAX_LINE_CHARS ? `${line.slice(0, MAX_LINE_CHARS - 1)}…` : line}\x1b[K`);
  };
  return {
    start(n) { total = n; started = now(); draw(true); },
    page(input, page, of) { inProgress.set(input, `p.${page}/${of}`); draw(false); },
    document(e) {
      done++;
      inProgress.delete(e.input);
      if (e.status !== 'skipped') pages += e.pages;
      if (e.verdict === 'failed') failed++;
      if (e.verdict === 'degraded') degraded++;
      draw(done === total);
    },
    finish(summary) { err('\n'); out(formatSummaryTable(summary) + '\n'); },
  };
}


/**
 * pdf.js's parser (its "worker" half: parsing, fonts, content streams) in a worker thread of its own,
 * instead of the in-thread stand-in pdf.js uses under Node. Two reasons:
 *  - memory: the parser's heap is capped and the thread is thrown away now and then, so what pdf.js
 *    caches over a long document or many documents is given back to the system (RSS stays bounded);
 *  - speed: the next page is parsed while this thread lays out the previous one.
 * One thread (per slot, see parserThreads) serves every document open in this thread; it is kept alive
 * (ref'd) only while a document is open, and replaced once it has parsed RECYCLE_AFTER_PAGES pages and no document is open. If it dies
 * (heap limit, crash), every open document's pending reads fail with PdfParserError.
 */
import { existsSync } from 'node:fs';
import { MessageChannel, Worker, type MessagePort } from 'node:worker_threads';
import { PARSER_WARNING, forwardWarning, type Collector } from './parseWarnings.js';
import { pdfjs } from './pdfjsLoaded.js';

/** The parser thread died while a document was open; its reads cannot finish. */
export class PdfParserError extends Error {}

export interface ParserThreadSettings {
  /** V8 old-space limit of the parser thread, MB. */
  heapMb: number;
  /** Replace the thread (when idle) after it has parsed this many pages. */
  recycleAfterPages: number;
}

/** BUDGET_TABLES_PARSER_HEAP_MB sets the cap (worker threads inherit it); a tighter cap costs CPU in garbage collection. */
const settings: ParserThreadSettings = {
  heapMb: Number(process.env.BUDGET_TABLES_PARSER_HEAP_MB) || 512,
  recycleAfterPages: 400,
};

/** Parser threads when BUDGET_TABLES_PARSER_THREAD is not set (see parserThreads). */
const DEFAULT_PARSER_THREADS = 0;

/** The built entry script, beside this file (dist/) or, when running from src/ (tests), in dist/. */
function entryScript(): URL | null {
  for (const candidate of ['./parserThreadMain.js', '../../dist/pdf/parserThreadMain.js']) {
    const url = new URL(candidate, import.meta.url);
    if (existsSync(url)) return url;
  }
  return null;
}

interface Thread {
  worker: Worker;
  port: MessagePort;
  pdfWorker: InstanceType<typeof pdfjs.PDFWorker>;
  /** Rejects when the thread dies. */
  died: Promise<never>;
  dead: boolean;
  openDocuments: number;
  pagesParsed: number;
  /** Collectors of the page this thread is reading (pdf.js's warnings). */
  warnings: Set<Collector>;
}

/** The parser threads, by slot (a document may be read by two at once, see parserThreads). */
const threads: (Thread | null)[] = [];

function start(script: URL, slot: number): Thread {
  const { port1, port2 } = new MessageChannel();
  const worker = new Worker(script, {
    workerData: { port: port2 }, transferList: [port2],
    resourceLimits: { maxOldGenerationSizeMb: settings.heapMb },
  });
  let fail!: (err: Error) => void;
  const died = new Promise<never>((_, reject) => { fail = reject; });
  died.catch(() => undefined); // observed through acquire()'s users only
  const thread: Thread = {
    worker, port: port1, pdfWorker: new pdfjs.PDFWorker({ port: port1 as unknown as null }), died, dead: false, openDocuments: 0, pagesParsed: 0,
    warnings: new Set(),
  };
  port1.on('message', (data: { targetName?: string; text?: string } | null) => {
    if (data?.targetName === PARSER_WARNING) forwardWarning(String(data.text), thread.warnings);
  });
  const onDeath = (err: Error): void => {
    if (thread.dead) return;
    thread.dead = true;
    if (threads[slot] === thread) threads[slot] = null;
    port1.close();
    fail(err);
  };
  worker.on('error', (err: Error & { code?: string }) => onDeath(new PdfParserError(err.code === 'ERR_WORKER_OUT_OF_MEMORY'
    ? `the PDF parser ran out of memory (heap limit ${settings.heapMb} MB)` : `the PDF parser crashed: ${err.message.split('\n')[0]}`)));
  worker.on('exit', code => onDeath(new PdfParserError(`the PDF parser stopped (exit code ${code})`)));
  return thread;
}

function setRef(thread: Thread, on: boolean): void {
  if (on) { thread.worker.ref(); thread.port.ref(); } else { thread.worker.unref(); thread.port.unref(); }
}

export interface ParserLease {
  /** The pdf.js worker to pass to getDocument. */
  pdfWorker: InstanceType<typeof pdfjs.PDFWorker>;
  /** Settles like `work`, or rejects with PdfParserError if the thread dies first. */
  guard<T>(work: Promise<T>): Promise<T>;
  /** Whether the thread has died. */
  readonly dead: boolean;
  /** The document is closed: `pages` were parsed for it. */
  release(pages: number): void;
  /** Where pdf.js's warnings go while this thread reads a page (see collectParseWarnings). */
  readonly warnings: Set<Collector>;
}

/**
 * How many parser threads read a document: 0 (parse in this thread), 1, or 2 (pages read two at a time,
 * from two copies of the document, so both cores are busy). BUDGET_TABLES_PARSER_THREAD=off, on (one) or 2;
 * 0 whatever is asked when the entry script is not built.
 */
export function parserThreads(): number {
  const asked = process.env.BUDGET_TABLES_PARSER_THREAD;
  const n = asked === 'off' ? 0 : asked === 'on' ? 1 : asked === '2' ? 2 : DEFAULT_PARSER_THREADS;
  return n > 0 && entryScript() ? n : 0;
}

/**
 * A lease on the shared parser thread of `slot` for one document; null (parse in this thread) when
 * parserThreads() is not above the slot. Off by default (queue workers turn one on): the capped thread
 * costs CPU in garbage collection and in copying what it sends, and a second one also parses every font
 * again and holds a second copy of the document.
 */
export function acquireParser(slot = 0): ParserLease | null {
  const script = slot < parserThreads() ? entryScript() : null;
  if (!script) return null;
  const thread = threads[slot] && !threads[slot].dead ? threads[slot] : (threads[slot] = start(script, slot));
  thread.openDocuments++;
  setRef(thread, true);
  let released = false;
  return {
    pdfWorker: thread.pdfWorker,
    guard: work => Promise.race([work, thread.died]),
    get dead() { return thread.dead; },
    warnings: thread.warnings,
    release(pages) {
      if (released) return;
      released = true;
      thread.openDocuments--;
      thread.pagesParsed += pages;
      if (thread.dead || thread.openDocuments > 0) return;
      if (thread.pagesParsed >= settings.recycleAfterPages) {
        if (threads[slot] === thread) threads[slot] = null;
        thread.dead = true;
        thread.pdfWorker.destroy();
        void thread.worker.terminate();
      } else setRef(thread, false);
    },
  };
}

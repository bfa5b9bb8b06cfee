/**
 * The pool's engines, shared by the pages being read. A page's work is many reads (the page, then
 * the cells and words cut from it); each read goes to the first free engine, earlier pages' reads first.
 * So an engine does not sit idle while another page still has reads waiting: at a document's end, or
 * for a single page, every engine works on the last page instead of one.
 *
 * An engine reads an image the same whatever it read before (test/ocr/deterministic.test.ts), so which
 * engine takes a read does not change what a page reads.
 */
import type { OcrEngine, OcrEngineFactory, ReadMode } from './engine.js';
import type { GrayImage } from './image.js';
import type { OcrLine } from './words.js';

/** A page whose reads are queued: earlier pages (lower `order`) are served first. */
export interface Reader {
  readonly order: number;
}

interface Slot {
  engine: Promise<OcrEngine> | null;
  /** The read it is doing, if any. */
  busy: Job | null;
}

interface Job {
  reader: Reader;
  image: GrayImage;
  mode: ReadMode;
  resolve(lines: OcrLine[]): void;
  reject(err: unknown): void;
}

export interface EngineShare {
  /** Read `image` for `reader`, on the first free engine (see pump for when one is started). */
  read(reader: Reader, image: GrayImage, mode: ReadMode): Promise<OcrLine[]>;
  /**
   * Start engines ahead of the reads to come, so that `wanted` engines (the pages known to hold
   * something to read) run or are starting, within the limit.
   */
  warm(wanted: number): void;
  /**
   * The reader's page failed or was abandoned: its reads are rejected with `why`. When `stuck` (the page
   * ran over its time limit) the engines busy with its reads are terminated and replaced when next
   * needed; otherwise they finish those reads, which nobody hears, and go on.
   */
  abandon(reader: Reader, why: Error, stuck: boolean): void;
  /** Reads done by the engines (images given to an engine). */
  readonly reads: number;
  /** Terminate every engine; waiting reads are rejected. */
  close(): Promise<void>;
}

/**
 * `count` engines made by `makeEngine` (each for images at `dpi`), started lazily; `onStarted` is told of
 * each engine that started.
 */
export function createEngineShare(count: number, makeEngine: OcrEngineFactory, dpi: number, onStarted: () => void): EngineShare {
  const slots: Slot[] = Array.from({ length: Math.max(1, count) }, () => ({ engine: null, busy: null }));
  const waiting: Job[] = [];
  const live = new Set<OcrEngine>();
  let closed = false, reads = 0;

  /** A new engine, tracked (close() ends it) once it has started; one that starts after close() is ended. */
  const start = (slot: Slot): Promise<OcrEngine> => {
    const starting = makeEngine(dpi).then(async engine => {
      if (closed) { await engine.terminate(); throw new Error('the OCR pool was closed'); }
      live.add(engine); onStarted();
      return engine;
    });
    starting.catch(() => undefined); // its failure is the read's, once awaited
    slot.engine = starting;
    return starting;
  };
  /** Reject the reader's reads still waiting for an engine. */
  const rejectWaiting = (reader: Reader, why: unknown): void => {
    for (let i = waiting.length - 1; i >= 0; i--) if (waiting[i]!.reader === reader) waiting.splice(i, 1)[0]!.reject(why);
  };
  const drop = (slot: Slot): void => {
    const engine = slot.engine;
    slot.engine = null;
    // Only engines still live: close() may have terminated this one already.
    engine?.then(e => { if (live.delete(e)) return e.terminate(); }).catch(() => undefined);
  };

  const run = async (slot: Slot, job: Job): Promise<void> => {
    slot.busy = job;
    try {
      const engine = await (slot.engine ?? start(slot));
      if (slot.busy !== job) return; // abandoned while the engine started
      reads++;
      const lines = await engine.recognize(job.image, job.mode);
      if (slot.busy === job) job.resolve(lines);
    } catch (err) {
      if (slot.busy !== job) return;
      // An engine that failed (or never started) is not trusted with the next read; a new one starts
      // lazily. The read's page fails with it: its other waiting reads are not started.
      drop(slot);
      job.reject(err);
      rejectWaiting(job.reader, err);
    }
    if (slot.busy === job) slot.busy = null;
    pump();
  };

  /**
   * Give waiting reads to free engines, in order. A free slot without an engine starts one only for a
   * page's own reading (another page is being read) or when no engine runs at all: the cells and words
   * cut from a page are read by the engines there are, and a document with one page to read starts one.
   */
  const pump = (): void => {
    for (let i = 0; i < waiting.length && !closed;) {
      const job = waiting[i]!;
      const mayStart = job.mode === 'page' || !slots.some(s => s.engine);
      const slot = slots.find(s => !s.busy && s.engine) ?? (mayStart ? slots.find(s => !s.busy) : undefined);
      // no engine free for this read: a later page's reading may still start one
      if (!slot) { i++; continue; }
      waiting.splice(i, 1);
      void run(slot, job);
    }
  };

  return {
    read(reader, image, mode) {
      if (closed) return Promise.reject(new Error('the OCR pool was closed'));
      return new Promise<OcrLine[]>((resolve, reject) => {
        const job: Job = { reader, image, mode, resolve, reject };
        // behind every read of this page and of earlier pages
        let at = waiting.length;
        while (at > 0 && waiting[at - 1]!.reader.order > reader.order) at--;
        waiting.splice(at, 0, job);
        pump();
      });
    },
    warm(wanted) {
      let running = slots.filter(s => s.engine).length;
      for (const slot of slots) {
        if (closed || running >= wanted) return;
        if (!slot.engine) { start(slot); running++; }
      }
    },
    abandon(reader, why, stuck) {
      rejectWaiting(reader, why);
      for (const slot of slots) {
        if (slot.busy?.reader !== reader) continue;
        const job = slot.busy;
        job.reject(why);
        if (!stuck) continue;
        slot.busy = null;
        drop(slot);
      }
      pump();
    },
    get reads() { return reads; },
    async close() {
      closed = true;
      const why = new Error('the OCR pool was closed');
      for (const job of waiting.splice(0)) job.reject(why);
      for (const slot of slots) {
        slot.busy?.reject(why);
        slot.busy = null;
        slot.engine = null;
      }
      const engines = [...live];
      live.clear();
      await Promise.allSettled(engines.map(e => e.terminate()));
    },
  };
}

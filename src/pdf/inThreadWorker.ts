/**
 * pdf.js's parser in this thread, on a port of our own. pdf.js's own in-thread "fake worker" passes
 * every message through structuredClone, so every operator-list and text-content chunk of every page is
 * deep-copied on its way from the parser to the API (each glyph of each text-showing operator, each text
 * item with its matrix). This port deep-copies every message too, except those chunks: they are handed
 * over with only the chunk object and its top-level arrays copied. That is safe for what the parser sends
 * after it is done with it, which for a document opened with images left out (maxImageSize 0) and never
 * drawn is what these chunks are (checked against pdf.js 5.6's worker code):
 *  - an operator-list chunk ({ fnArray, argsArray, length, lastChunk, separateAnnots }) is sent by
 *    OperatorList.flush, which then empties fnArray and argsArray in place (length = 0), hence the copy of
 *    those two arrays. Their entries are not touched again by the parser: the typed arrays it marks for
 *    transfer (path data and bounds, text and form matrices) are made new for each operator, the others
 *    are fresh per operator or cached objects the parser only reads (glyphs of a font, a graphics
 *    state's entries); only images transfer data the parser may keep, and they are left out;
 *  - a text-content chunk ({ items, styles, lang }) is sent by getTextContent's enqueueChunk, which then
 *    replaces items and styles with new ones; each item is made new for it (runBidiTransform, markers).
 * The API side only reads these objects (it appends their entries to the page's lists); so do the
 * readers of this project (textRuns, rules, textClip). A document that is drawn (canvas code rewrites
 * operator arguments in place) keeps pdf.js's own worker.
 */
import { loadInThreadParser, pdfjs } from './pdfjsLoaded.js';

/** pdf.js's StreamKind.ENQUEUE: a chunk of a stream, sent by a stream sink's enqueue(). */
const ENQUEUE = 4;

type Listener = (this: PortEnd, event: { data: unknown }) => void;

/** The chunk as it goes to the API: a copy of the object and of the arrays the parser empties or replaces after sending. */
function handOver(message: unknown): unknown {
  if (!message || typeof message !== 'object') return null;
  const m = message as { stream?: unknown; chunk?: unknown };
  if (m.stream !== ENQUEUE || !m.chunk || typeof m.chunk !== 'object' || Object.getPrototypeOf(m.chunk) !== Object.prototype) return null;
  const chunk = m.chunk as Record<string, unknown>;
  if (Array.isArray(chunk.fnArray) && Array.isArray(chunk.argsArray)) {
    return { ...m, chunk: { ...chunk, fnArray: chunk.fnArray.slice(), argsArray: chunk.argsArray.slice() } };
  }
  if (Array.isArray(chunk.items)) {
    return { ...m, chunk: { ...chunk, items: chunk.items.slice() } };
  }
  return null;
}

/** One end of the pair: what is posted on it is delivered to the other end's listeners a microtask later, as pdf.js's LoopbackPort does. */
class PortEnd {
  other: PortEnd | null = null;
  readonly #listeners = new Map<Listener, (() => void) | null>();
  readonly #deferred = Promise.resolve();

  constructor(private readonly shallowChunks: boolean) {}

  postMessage(message: unknown, transfer?: Transferable[] | null): void {
    const data = (this.shallowChunks ? handOver(message) : null)
      ?? structuredClone(message, transfer ? { transfer } : undefined);
    const to = this.other;
    if (!to) return;
    void this.#deferred.then(() => to.deliver(data));
  }

  deliver(data: unknown): void {
    for (const [listener] of this.#listeners) listener.call(this, { data });
  }

  addEventListener(_type: 'message', listener: Listener, options?: { signal?: AbortSignal } | null): void {
    let unhook: (() => void) | null = null;
    const signal = options?.signal;
    if (signal) {
      if (signal.aborted) return;
      const onAbort = (): void => this.removeEventListener('message', listener);
      signal.addEventListener('abort', onAbort);
      unhook = () => signal.removeEventListener('abort', onAbort);
    }
    this.#listeners.set(listener, unhook);
  }

  removeEventListener(_type: 'message', listener: Listener): void {
    this.#listeners.get(listener)?.();
    this.#listeners.delete(listener);
  }

  terminate(): void {
    for (const [, unhook] of this.#listeners) unhook?.();
    this.#listeners.clear();
  }
}

export interface InThreadWorker {
  /** The pdf.js worker to pass to getDocument (one document per worker). */
  pdfWorker: InstanceType<typeof pdfjs.PDFWorker>;
  /** Ends both halves; pdf.js does not destroy a worker it was given, so the document's owner must. */
  destroy(): void;
}

/**
 * A parser in this thread for one document that is read (text and operator lists) and never drawn.
 * `verbosity` is the document's (getDocument's option), which the parser also takes for its warnings.
 */
export async function inThreadWorker(verbosity: number): Promise<InThreadWorker> {
  await loadInThreadParser();
  const { WorkerMessageHandler } = (globalThis as unknown as { pdfjsWorker: { WorkerMessageHandler: { initializeFromPort(port: unknown): void } } }).pdfjsWorker;
  const api = new PortEnd(false), parser = new PortEnd(true);
  api.other = parser; parser.other = api;
  WorkerMessageHandler.initializeFromPort(parser);
  const pdfWorker = new pdfjs.PDFWorker({ port: api as unknown as null, verbosity });
  return {
    pdfWorker,
    destroy() {
      pdfWorker.destroy();
      api.terminate(); parser.terminate();
      api.other = parser.other = null;
    },
  };
}

/** The worker ends with `doc`: destroy() destroys the document, then its worker. */
export function destroyWithDocument(doc: { destroy(): Promise<void> }, worker: InThreadWorker): void {
  const destroy = doc.destroy.bind(doc);
  doc.destroy = async () => {
    try {
      await destroy();
    } finally {
      worker.destroy();
    }
  };
}

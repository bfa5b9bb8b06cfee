/**
 * pdf.js recovers what it can from damaged data — a content stream cut short, a broken font or CMap — and
 * says so only as a console warning ("Warning: FormatError: Bad encoding in flate stream", "getTextContent
 * - ignoring errors during …"). Those warnings are the one sign that a page lost part of its content, so
 * they are taken off the console and handed to whoever is reading a page at the time. When pdf.js's parser
 * runs in this thread, attribution is by time: one page of one document is read at a time. A parser thread
 * posts its warnings on its port (PARSER_WARNING), in order with its answers, to the collectors of the
 * page that thread is reading (see parserThread.ts).
 */

/** An image left out on purpose (OpenOptions.skipImages): no content lost, but the page does show an image. */
const IMAGE_LEFT_OUT = /^Image exceeded maximum allowed size and was removed/;
/** Other warnings that do not mean lost content: TrueType hinting. */
const BENIGN = [/^TT: /];

/** Marks a parser thread's message that carries a console warning (pdf.js's own messages have other targets). */
export const PARSER_WARNING = 'budget-tables:parser-warning';

export type Collector = (message: string) => void;
/** The collectors of pages read with the parser in this thread. */
const collectors = new Set<Collector>();
let installed = false;

/** Hand a console line to `to` if it is a pdf.js warning that means lost content; whether it was a pdf.js warning. */
function route(text: string, to: ReadonlySet<Collector>): boolean {
  const m = /^Warning: ([\s\S]*)$/.exec(text);
  if (!m) return false;
  for (const c of to) c(m[1]!);
  return true;
}

function install(): void {
  if (installed) return;
  installed = true;
  const original = console.warn.bind(console);
  console.warn = (...args: unknown[]): void => {
    if (!route(typeof args[0] === 'string' ? args[0] : '', collectors)) original(...args);
  };
}

/**
 * A console line of a parser thread: to the collectors of the page that thread is reading (`to`), or, when
 * it reads none (opening a document), to whoever collects in this thread.
 */
export function forwardWarning(text: string, to: ReadonlySet<Collector>): void {
  if (!route(text, to.size ? to : collectors)) console.warn(text);
}

/**
 * The pdf.js warnings (damage it recovered from) given while `work` runs, with its result and how many
 * images pdf.js left out on purpose meanwhile; `into` is where they arrive: this thread's collectors by
 * default, or a parser thread's.
 */
export async function collectParseWarnings<T>(work: () => Promise<T>, into: Set<Collector> = collectors): Promise<{ result: T; warnings: string[]; imagesLeftOut: number }> {
  install();
  const warnings: string[] = [];
  let imagesLeftOut = 0;
  const collect: Collector = m => {
    if (IMAGE_LEFT_OUT.test(m)) imagesLeftOut++;
    else if (!BENIGN.some(re => re.test(m)) && warnings.length < 50) warnings.push(m);
  };
  into.add(collect);
  try {
    const result = await work();
    return { result, warnings, imagesLeftOut };
  } finally {
    into.delete(collect);
  }
}

/** Route pdf.js warnings away from the console from now on (they are reported per page instead). */
export const silencePdfWarnings = install;

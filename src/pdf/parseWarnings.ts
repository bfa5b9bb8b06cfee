/**
 * pdf.js recovers what it can from damaged data — a content stream cut short, a broken font or CMap — and
 * says so only as a console warning ("Warning: FormatError: Bad encoding in flate stream", "getTextContent
 * - ignoring errors during …"). Those warnings are the one sign that a page lost part of its content, so
 * they are taken off the console (pdf.js runs in this thread under Node) and handed to whoever is reading
 * a page at the time. Attribution is by time: one document is read at a time per process (extract reads
 * documents one after another, batch runs each in its own process).
 */

/** Warnings that do not mean lost content: images left out on purpose (OpenOptions.skipImages), TrueType hinting. */
const BENIGN = [/^Image exceeded maximum allowed size and was removed/, /^TT: /];

type Collector = (message: string) => void;
const collectors = new Set<Collector>();
let installed = false;

function install(): void {
  if (installed) return;
  installed = true;
  const original = console.warn.bind(console);
  console.warn = (...args: unknown[]): void => {
    const text = typeof args[0] === 'string' ? args[0] : '';
    const m = /^Warning: ([\s\S]*)$/.exec(text);
    if (!m) { original(...args); return; }
    if (BENIGN.some(re => re.test(m[1]!))) return;
    for (const c of collectors) c(m[1]!);
  };
}

/** The pdf.js warnings (damage it recovered from) given while `work` runs, with its result. */
export async function collectParseWarnings<T>(work: () => Promise<T>): Promise<{ result: T; warnings: string[] }> {
  install();
  const warnings: string[] = [];
  const collect: Collector = m => { if (warnings.length < 50) warnings.push(m); };
  collectors.add(collect);
  try {
    return { result: await work(), warnings };
  } finally {
    collectors.delete(collect);
  }
}

/** Route pdf.js warnings away from the console from now on (they are reported per page instead). */
export const silencePdfWarnings = install;

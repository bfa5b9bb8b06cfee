/**
 * A text-only document has pdf.js read embedded font programs only as far as glyph widths and Unicode
 * need (fontProgramsForTextOnly, patched into pdf.js): its fonts arrive without the OpenType font drawing
 * would use, nor its own character codes (which glyph of the font program draws a code), and its text is the
 * same as a drawable copy's, item for item and glyph for glyph. The samples embed a CFF font
 * (Type1C), an OpenType font with a CFF table, TrueType and CID TrueType fonts. In this thread and in a
 * parser thread (that needs the built entry script, dist/, as the queue tests do).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { openDocument, type PdfDocument } from '../../src/pdf/openDocument.js';
import { parserThreads } from '../../src/pdf/parserThread.js';

const SAMPLES = [
  'jiangsu-provincial-high-court-2019-dept-budget.pdf', // Type1C, TrueType, CIDFontType2
  'shanghai-putuo-finance-bureau-2024-dept-final.pdf', // OpenType (CFF table), CIDFontType2
].map(f => path.join(import.meta.dirname, '../../samples/real', f));

const asked = process.env.BUDGET_TABLES_PARSER_THREAD;
afterEach(() => {
  if (asked === undefined) delete process.env.BUDGET_TABLES_PARSER_THREAD; else process.env.BUDGET_TABLES_PARSER_THREAD = asked;
});

interface Font { data?: Uint8Array; missingFile?: boolean; loadedName?: string }

interface Glyph { originalCharCode: number; unicode: string; width: number; vmetric?: unknown; isSpace: boolean }
const isGlyph = (g: unknown): g is Glyph => typeof g === 'object' && g !== null && 'unicode' in g;

/**
 * Every page's text items (pdf.js's font ids without the document number), the glyphs its text operators
 * show as the readers of operator lists use them (code, Unicode, widths, whether a space), and the fonts
 * pdf.js sent.
 */
async function read(data: Uint8Array, textOnly: boolean): Promise<{ items: unknown[][]; glyphs: unknown[][]; fonts: Font[] }> {
  const doc: PdfDocument = await openDocument(data.slice(), { textOnly });
  // the fonts as pdf.js hands them to its font loader (private API), before it drops their data
  const loader = (doc as unknown as { _transport: { fontLoader: { bind(font: Font): Promise<void> } } })._transport.fontLoader;
  const fonts: Font[] = [];
  const bind = loader.bind.bind(loader);
  loader.bind = (font: Font) => { fonts.push({ data: font.data, missingFile: font.missingFile, loadedName: font.loadedName?.replace(/^g_d\d+_/, '') }); return bind(font); };
  const items: unknown[][] = [], glyphs: unknown[][] = [];
  try {
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const text = await page.getTextContent({ disableNormalization: true });
      const ops = await page.getOperatorList(); // fonts reach the font loader with the operator list
      items.push(text.items.map(t => 'str' in t ? [t.str, t.transform, t.width, t.height, t.dir, t.fontName.replace(/^g_d\d+_/, ''), t.hasEOL] : t));
      glyphs.push(ops.argsArray.flatMap(args => Array.isArray(args?.[0]) ? (args[0] as unknown[]).filter(isGlyph)
        .map(g => [g.originalCharCode, g.unicode, g.width, g.vmetric, g.isSpace]) : []));
      page.cleanup();
    }
  } finally {
    await doc.destroy();
  }
  return { items, glyphs, fonts };
}

for (const mode of ['off', 'on'] as const) {
  it(`text-only fonts: no font built for drawing, the same text items and glyphs (parser thread ${mode})`, async () => {
    process.env.BUDGET_TABLES_PARSER_THREAD = mode;
    expect(parserThreads()).toBe(mode === 'on' ? 1 : 0);
    for (const file of SAMPLES) {
      const data = new Uint8Array(readFileSync(file));
      const textOnly = await read(data, true), drawable = await read(data, false);
      expect(textOnly.items.flat().length).toBeGreaterThan(500);
      expect(textOnly.items).toEqual(drawable.items);
      expect(textOnly.glyphs.flat().length).toBeGreaterThan(500);
      expect(textOnly.glyphs).toEqual(drawable.glyphs);
      const embedded = (r: { fonts: Font[] }) => r.fonts.filter(f => !f.missingFile);
      expect(embedded(drawable).length).toBeGreaterThan(1);
      expect(embedded(textOnly).map(f => f.loadedName)).toEqual(embedded(drawable).map(f => f.loadedName));
      for (const f of embedded(drawable)) expect(f.data?.length, `${path.basename(file)} ${f.loadedName}`).toBeGreaterThan(0);
      for (const f of embedded(textOnly)) expect(f.data, `${path.basename(file)} ${f.loadedName}`).toBeUndefined();
    }
  }, 120_000);
}

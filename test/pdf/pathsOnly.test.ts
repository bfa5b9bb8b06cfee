/**
 * A page that draws nothing but paths is marked so (OCR then draws it from the text-only document
 * itself, without opening its drawable copy); a page showing text, or an image that a text-only
 * document leaves out, never is.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { drawablePage, openDocument } from '../../src/pdf/openDocument.js';
import { readPages } from '../../src/pdf/readPages.js';

async function pathsOnlyPages(file: string): Promise<{ pages: number; pathsOnly: number[] }> {
  const doc = await openDocument(new Uint8Array(readFileSync(file)), { textOnly: true });
  try {
    const marked: number[] = [];
    for await (const page of readPages(doc, e => { throw e; })) if (page.pathsOnly) marked.push(page.number);
    return { pages: doc.numPages, pathsOnly: marked };
  } finally {
    await doc.destroy();
  }
}

describe('pages that draw only paths', () => {
  it('marks the rules-only pages of two real documents, and no page with text', async () => {
    expect((await pathsOnlyPages('samples/real/shanghai-putuo-justice-bureau-2026-dept-budget.pdf')).pathsOnly).toEqual([3]);
    expect((await pathsOnlyPages('samples/real/shanghai-putuo-finance-bureau-2024-dept-final.pdf')).pathsOnly).toEqual([14]);
  });

  it('does not mark scanned pages (their images are left out of a text-only reading) nor a broken text layer', async () => {
    const scan = await pathsOnlyPages('samples/atushi-2024-scan.pdf');
    expect(scan.pages).toBeGreaterThan(0);
    expect(scan.pathsOnly).toEqual([]);
    expect((await pathsOnlyPages('samples/atushi-2024-garbled.pdf')).pathsOnly).toEqual([]);
  });

  it('draws a paths-only page from the text-only document itself, other pages from its drawable copy', async () => {
    const doc = await openDocument(new Uint8Array(readFileSync('samples/real/shanghai-putuo-justice-bureau-2026-dept-budget.pdf')), { textOnly: true });
    try {
      const own = await doc.getPage(3);
      expect(await drawablePage(doc, 3, true)).toBe(own); // pdf.js hands out one page object per document and page
      expect(await drawablePage(doc, 3)).not.toBe(own);
    } finally {
      await doc.destroy();
    }
  });
});

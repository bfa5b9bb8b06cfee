/**
 * The review page's HTML: document text is untrusted, so it must reach the page escaped — as element text,
 * attribute values and the embedded JSON alike — and the page must name nothing outside itself.
 */
import { describe, expect, it } from 'vitest';
import type { OutputDocument } from '../../src/model/document.js';
import type { DebugDocument } from '../../src/model/debug.js';
import type { PageImage } from '../../src/review/pageImages.js';
import { reviewHtml } from '../../src/review/reviewHtml.js';

const HOSTILE = `</script><script>alert(1)</script><img src=x onerror="alert(2)">'&`;

function hostileDocument(): OutputDocument {
  return {
    schema_version: 2,
    source: { file: `${HOSTILE}.pdf`, sha256: '0'.repeat(64), pages: 1, bytes: 1 },
    document: { unit: HOSTILE, year: 2024, kind: 'budget', scope: 'unit', currency_unit: '万元' },
    pages: [{ number: 1, text_source: 'ocr', note: HOSTILE, width: 595, height: 842 }],
    tables: [{
      number: '表1', title: HOSTILE, org: null, type: null, unit: '万元', pages: [1], note: null,
      columns: [{ index: 0, path: [HOSTILE], role: 'name' }, { index: 1, path: ['合计'], role: 'amount' }],
      rows: [{ index: 0, page: 1, cells: [HOSTILE, '12.50'], boxes: [[50, 100, 200, 112], [300, 100, 340, 112]],
        ocr: [{ confidence: 91, original: null }, { confidence: 55, original: '12.80' }], records: [] }],
      regions: [{ page: 1, bbox: [40, 80, 560, 130] }],
    }],
    forms: [],
    checks: [{ rule: 'row_sum', status: 'fail', table: '表1', page: 1, row: 0, column: '合计', message: HOSTILE, expected: 12.5, actual: 12.8,
      cells: [{ table: 0, row: 0, column: 1, page: 1, bbox: [300, 100, 340, 112], role: 'total' }], bbox: [300, 100, 340, 112] }],
    warnings: [],
  };
}

const DEBUG: DebugDocument = {
  schema_version: 1,
  source: { file: 'x.pdf', sha256: '0'.repeat(64) },
  pages: [{ number: 1, width: 595, height: 842, rules: [{ x0: 40, top: 80, x1: 560, bottom: 80 }],
    titleBlocks: [{ bbox: [40, 40, 300, 60], text: HOSTILE, accepted: false, reason: HOSTILE }],
    fragments: [{ bbox: [40, 80, 560, 130], columns: [40, 200, 300, 560], columnAxis: 'x', ruled: true, table: 0,
      headerCells: [{ bbox: [40, 80, 200, 95], text: HOSTILE, columns: [0, 0] }] }] }],
  continuations: [{ from: null, to: { page: 1, table: 0 }, decision: 'new', reason: HOSTILE }],
};

async function* onePage(): AsyncGenerator<PageImage> {
  yield { number: 1, widthPt: 595, heightPt: 842, jpeg: Buffer.from([0xff, 0xd8, 0xff, 0xd9]), error: null };
}

async function html(debug: DebugDocument | null): Promise<string> {
  let out = '';
  for await (const chunk of reviewHtml(hostileDocument(), onePage(), debug)) out += chunk;
  return out;
}

describe('review page HTML', () => {
  it('escapes document text everywhere it goes and gives it back whole from the embedded data', async () => {
    const page = await html(DEBUG);
    expect(page).not.toContain('<script>alert');
    expect(page).not.toContain('<img src=x');
    expect(page).not.toContain('onerror="alert');
    expect(page).toContain('&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=&quot;alert(2)&quot;&gt;&#39;&amp;');
    // Exactly the page's own two script elements open, and the data element parses back to the text.
    expect(page.match(/<script\b/g)).toHaveLength(2);
    const json = /<script type="application\/json" id="review-data">([^<]*)<\/script>/.exec(page)![1]!;
    const data = JSON.parse(json) as { checks: { message: string; rule: string }[] };
    expect(data.checks[0]!.message).toBe(HOSTILE);
    expect(data.checks[0]!.rule).toBe('row_sum');
  });

  it('names nothing outside itself: images are data: URLs, no link, and a policy that forbids loads', async () => {
    const page = await html(DEBUG);
    const urls = [...page.matchAll(/\b(?:src|href|action|poster)\s*=\s*"([^"]*)"/g)].map(m => m[1]!);
    expect(urls.length).toBeGreaterThan(0);
    expect(urls.filter(u => !u.startsWith('data:'))).toEqual([]);
    expect(page).toMatch(/http-equiv="Content-Security-Policy" content="default-src 'none'/);
    expect(page).not.toMatch(/url\(|@import|<link\b/);
  });

  it('marks OCR pages, repaired and doubtful cells, failed cells, and draws the debug layer only when given', async () => {
    const page = await html(DEBUG);
    expect(page).toContain('class="badge ocr"');
    expect(page).toMatch(/<td id="g-0-0-1" class="fail repaired" title="OCR read &quot;12.80&quot;/);
    expect(page).toMatch(/class="cell fail repaired" id="b-0-0-1"/);
    expect(page).toContain('<g class="debug">');
    expect(page).toContain('class="dbg-title rejected"');
    expect(page.match(/class="dbg-column"/g)).toHaveLength(4);
    expect(page).toMatch(/<li class="new">.*: a new table \(none open before\) — &lt;\/script&gt;/);
    expect(page).toContain('id="debug-toggle"');
    const plain = await html(null);
    expect(plain).not.toContain('<g class="debug">');
    expect(plain).not.toContain('id="debug-toggle"');
  });
});

/**
 * The quality verdict of one extraction: `ok`, or `degraded` with the reasons — pages that could not be
 * read, pages read by OCR (and why), pages left without text, tables the document's own numbering or
 * contents page promises but that were not found, and a high share of failing printed sums. It is
 * assembled from what the stages report; it never re-reads the PDF.
 */
import type { Check, OutputDocument, Quality, QualityReason } from './model/document.js';
import type { ProseLine } from './model/rawTable.js';
import { SUM_RULES } from './model/rules.js';

/** Kept here too for callers that imported it from the quality verdict. */
export { SUM_RULES };

/**
 * Above this share of failing printed sums a document is degraded. Real disclosures misprint a sum now
 * and then; a share this high means cells were lost or misread.
 */
export const MAX_FAILING_SUM_SHARE = 0.1;
/** Fewer sums than this say too little about a document to judge it by them. */
const MIN_SUMS_FOR_SHARE = 10;

/** What the reading stage reported about pages that did not give their text the normal way. */
export interface PageProblems {
  /** Pages pdf.js could not read at all, with the error. */
  unreadable: { page: number; message: string }[];
  /** Pages whose data pdf.js could only partly parse (a damaged stream, font or CMap), with what it said. */
  damaged: { page: number; message: string }[];
  /** Pages OCR should have read but could not (render or engine error, time limit), with the error. */
  ocrFailed: { page: number; message: string }[];
}

const pageList = (pages: readonly number[]): string => {
  const runs: string[] = [];
  const sorted = [...new Set(pages)].sort((a, b) => a - b);
  for (let i = 0; i < sorted.length; i++) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    runs.push(j > i ? `${sorted[i]}-${sorted[j]}` : String(sorted[i]));
    i = j;
  }
  return runs.join(', ');
};
const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

const CHINESE_DIGITS = '〇一二三四五六七八九';

/** 1–99 written in digits or in Chinese numerals (三, 十一, 二十三); null otherwise. */
export function smallNumber(text: string): number | null {
  if (/^\d{1,2}$/.test(text)) return Number(text);
  const m = /^([一二三四五六七八九]?)(十?)([一二三四五六七八九]?)$/.exec(text);
  if (!m || !text) return null;
  const [, tens, ten, ones] = m;
  if (!ten) return tens && !ones ? CHINESE_DIGITS.indexOf(tens) : null;
  return (tens ? CHINESE_DIGITS.indexOf(tens) : 1) * 10 + (ones ? CHINESE_DIGITS.indexOf(ones) : 0);
}

const ORDINAL = '(\\d{1,2}|[一二三四五六七八九十]{1,3})';

/** The ordinal of a printed table number: 表3, 表三 → 3, 表3-1 → 3, 公开05表 → 5; null for other labels. */
export function tableOrdinal(number: string | null): number | null {
  if (!number) return null;
  const m = new RegExp(`^(?:附?表|公开)${ORDINAL}(?:[-－—.．]\\d+)?表?$`).exec(number.replace(/\s+/g, ''));
  return m ? smallNumber(m[1]!) : null;
}

const TOC_HEADING = /^目\s*录$/;
// An entry starts a line or follows a space ("表3 一般公共预算支出表", "公开03表 …"); "…决算表一、收入…" is a
// title followed by the next item's enumerator, not an entry.
const TOC_ENTRY = new RegExp(`(?:^|\\s)(?:附?表\\s*${ORDINAL}(?![\\d一二三四五六七八九十、，,\\-－])|公开\\s*${ORDINAL}\\s*表)`, 'g');

/** Table ordinals a contents page (a page with a 目录 heading) lists. */
export function contentsOrdinals(prose: readonly ProseLine[]): number[] {
  const tocPages = new Set(prose.filter(l => TOC_HEADING.test(l.text.replace(/\s+/g, ''))).map(l => l.page));
  const found = new Set<number>();
  for (const line of prose) {
    if (!tocPages.has(line.page)) continue;
    for (const m of line.text.matchAll(TOC_ENTRY)) {
      const n = smallNumber(m[1] ?? m[2] ?? '');
      if (n) found.add(n);
    }
  }
  return [...found].sort((a, b) => a - b);
}

/**
 * Ordinals the document promises but that no extracted table carries: gaps in its own numbering
 * (表1…表9 without 表6), and numbers up to the highest its contents page lists.
 */
export function missingTables(doc: OutputDocument, prose: readonly ProseLine[]): { missing: number[]; basis: string; shortBy: number } {
  const found = new Set(doc.tables.map(t => tableOrdinal(t.number)).filter((n): n is number => n !== null));
  // A document without tables (the text part of a disclosure) lists tables published in another file.
  const listed = doc.tables.length ? contentsOrdinals(prose) : [];
  // Tables printed without numbers cannot be matched to the entries: only their count can be compared.
  if (!found.size) return { missing: [], basis: 'its contents page', shortBy: Math.max(0, Math.max(0, ...listed) - doc.tables.length) };
  // Tables are numbered from 1 without gaps: the highest number printed or listed implies all below it.
  const expected = new Set<number>();
  if (found.size >= 2 || listed.length) for (let n = 1; n <= Math.max(...found, ...listed); n++) expected.add(n);
  const missing = [...expected].filter(n => !found.has(n)).sort((a, b) => a - b);
  const basis = listed.length ? (found.size >= 2 ? 'its contents page and its table numbering' : 'its contents page') : 'its table numbering';
  return { missing, basis, shortBy: missing.length };
}

function sumShare(checks: readonly Check[]): Quality['sum_checks'] {
  const sums = checks.filter(c => SUM_RULES.has(c.rule) && c.status !== 'skip');
  const failed = sums.filter(c => c.status === 'fail').length;
  return { checked: sums.length, failed, failing_share: sums.length ? Math.round((failed / sums.length) * 1000) / 1000 : 0 };
}

/** The verdict for an extracted document (checks already run). */
export function assessQuality(doc: OutputDocument, prose: readonly ProseLine[], problems: PageProblems): Quality {
  const reasons: QualityReason[] = [];
  const add = (code: QualityReason['code'], pages: number[], message: string): void => { reasons.push({ code, pages: [...new Set(pages)].sort((a, b) => a - b), message }); };

  for (const p of problems.unreadable) add('page_unreadable', [p.page], `page ${p.page} could not be read: ${p.message.replace(/^page \d+: /, '')}`);
  for (const p of problems.damaged) add('page_damaged', [p.page], `page ${p.page} is damaged; part of its content may be lost (${p.message})`);
  for (const p of problems.ocrFailed) add('ocr_failed', [p.page], `page ${p.page} could not be read by OCR: ${p.message.replace(/^page \d+: /, '')}`);

  const failedPages = new Set([...problems.unreadable, ...problems.ocrFailed].map(p => p.page));
  const silent = doc.pages.filter(p => p.text_source === 'none' && !failedPages.has(p.number));
  if (silent.length) {
    const why = [...new Set(silent.map(p => p.note ?? 'no usable text'))].slice(0, 3).join('; ');
    add('pages_without_text', silent.map(p => p.number), `${plural(silent.length, 'page')} without usable text (${pageList(silent.map(p => p.number))}): ${why}; their tables are not extracted`);
  }

  const ocr = doc.pages.filter(p => p.text_source === 'ocr');
  if (ocr.length) {
    const byWhy = new Map<string, number[]>();
    for (const p of ocr) {
      const why = (p.note ?? 'no usable text').replace(/; read by OCR$/, '');
      (byWhy.get(why) ?? byWhy.set(why, []).get(why)!).push(p.number);
    }
    const whys = [...byWhy].map(([why, pages]) => `${why}: ${pageList(pages)}`).join('; ');
    add('ocr_pages', ocr.map(p => p.number), `${plural(ocr.length, 'page')} of ${doc.pages.length} read by OCR (${whys}); OCR readings can be wrong`);
  }

  const { missing, basis, shortBy } = missingTables(doc, prose);
  if (missing.length) {
    const labels = missing.map(n => `表${n}`).join(', ');
    add('missing_tables', [], `${plural(missing.length, 'table')} expected from ${basis} not found: ${labels}`);
  } else if (shortBy) {
    add('missing_tables', [], `its contents page lists ${doc.tables.length + shortBy} tables, ${doc.tables.length} found`);
  }

  const sum_checks = sumShare(doc.checks);
  if (sum_checks.checked >= MIN_SUMS_FOR_SHARE && sum_checks.failing_share > MAX_FAILING_SUM_SHARE) {
    const pages = doc.checks.filter(c => SUM_RULES.has(c.rule) && c.status === 'fail' && c.page !== null).map(c => c.page!);
    add('sum_checks_failing', pages, `${sum_checks.failed} of ${sum_checks.checked} printed sums do not add up (${(sum_checks.failing_share * 100).toFixed(1)} %, more than ${MAX_FAILING_SUM_SHARE * 100} %)`);
  }

  return { status: reasons.length ? 'degraded' : 'ok', reasons, sum_checks };
}

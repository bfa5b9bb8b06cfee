/**
 * Ordinals before row names read by OCR ("一、财政拨款", "三、卫生健康支出", "1.一般公共预算"). Their glyphs
 * are the ones OCR misreads most: 一 is a dash ("-、财政拨款"), 三 is three of them ("一一一卫生健康支出"),
 * a thin 一 or 、 is lost ("、基本支出", "三单位预留机动经费"), a numeral becomes a look-alike ("万、其他收入"
 * for 九、), "1." becomes "1，". The numerals of one column of names count up (一、二、三、…), so a
 * damaged ordinal is settled by its neighbours in that column: the numeral the sequence expects there
 * (the one before plus one, or the one after minus one, when both are known they must agree).
 * Arabic ordinals ("1.一般公共预算") are printed with a point or 、, never a comma: a comma read there is the
 * column's separator, else the point.
 */

const NUMERALS = '一二三四五六七八九';

/** 1–99 in Chinese numerals (一, 十, 十一, 二十, 二十一 …), else null. */
export function chineseValue(s: string): number | null {
  const m = /^([一二三四五六七八九])?(十)?([一二三四五六七八九])?$/u.exec(s);
  if (!m || !s) return null;
  const [, a, ten, b] = m;
  if (!ten) return a && !b ? NUMERALS.indexOf(a) + 1 : null;
  return (a ? NUMERALS.indexOf(a) + 1 : 1) * 10 + (b ? NUMERALS.indexOf(b) + 1 : 0);
}

export function chineseNumeral(n: number): string {
  const tens = Math.floor(n / 10), ones = n % 10;
  return `${tens > 1 ? NUMERALS[tens - 1] : ''}${tens > 0 ? '十' : ''}${ones ? NUMERALS[ones - 1] : ''}`;
}

const GOOD_CHINESE = /^([一二三四五六七八九十]{1,3})、/u;
const GOOD_ARABIC = /^(\d{1,2})([.、．])(?=\p{Script=Han})/u;
/** Dash-like glyphs OCR reads for the strokes of 一 (and 二, 三). */
const DASHES = '-—–_~一';

export interface OrdinalEdit { from: string; to: string }

/**
 * The names of one column of OCR'd rows (null where a row has none) with damaged ordinals settled;
 * one edit per changed name.
 */
export function settleOrdinals(names: readonly (string | null)[]): { names: (string | null)[]; edits: OrdinalEdit[] } {
  const out = [...names];
  const value = (name: string | null): number | null => {
    const m = name ? GOOD_CHINESE.exec(name) : null;
    return m ? chineseValue(m[1]!) : null;
  };
  const known = doubtOutOfOrder(out.map(value));
  const expected = (i: number): number | null => {
    const { before, after } = knownAround(known, i);
    if (before !== null && after !== null) return before + 1 === after - 1 ? before + 1 : null;
    return before !== null ? before + 1 : after !== null ? after - 1 : null;
  };
  const edits: OrdinalEdit[] = [];
  const arabicSeps = out.map(n => (n ? GOOD_ARABIC.exec(n)?.[2] : undefined)).filter((s): s is string => !!s);
  const arabicSep = arabicSeps.length && arabicSeps.every(s => s === arabicSeps[0]) ? arabicSeps[0]! : null;
  for (let i = 0; i < out.length; i++) {
    const name = out[i];
    if (!name || known[i] !== null) continue;
    const arabicNeighbour = [out[i - 1], out[i + 1]].some(n => !!n && ARABIC_ITEM.test(n));
    const fixed = settleOne(name, expected(i), arabicSep, arabicNeighbour) ?? badNumeral(name, known, i) ?? lostOrdinal(out, known, i) ?? exactSlot(out, known, i);
    if (fixed === null || fixed === name) continue;
    edits.push({ from: name, to: fixed });
    out[i] = fixed;
    known[i] = value(fixed);
  }
  return { names: out, edits };
}

/**
 * The known values with those that break the column's order taken as unknown: a numeral read for another
 * ("二、、粮油物资储备支出" for 十九、 between 十五 and 二十) that is not above the nearest known value before
 * it, while that value and the nearest after it are in order. A 一 starts a new sequence and is kept.
 */
function doubtOutOfOrder(known: readonly (number | null)[]): (number | null)[] {
  return known.map((v, i) => {
    if (v === null || v === 1) return v;
    const { before, after } = knownAround(known, i);
    return before !== null && v <= before && (after === null || after > before) ? null : v;
  });
}

/** The values of the nearest rows before and after row `i` whose ordinal is known (null where none is). */
function knownAround(known: readonly (number | null)[], i: number): { before: number | null; after: number | null } {
  let before: number | null = null, after: number | null = null;
  for (let k = i - 1; k >= 0 && before === null; k--) before = known[k]!;
  for (let k = i + 1; k < known.length && after === null; k++) after = known[k]!;
  return { before, after };
}

/**
 * A numeral that is no number ("二九、" for 十九、) between numbered rows that are not consecutive (rows left
 * out of the table): the one value between its neighbours whose numeral is one glyph from the one read.
 */
function badNumeral(name: string, known: readonly (number | null)[], i: number): string | null {
  const m = GOOD_CHINESE.exec(name);
  if (!m || chineseValue(m[1]!) !== null) return null;
  const { before, after } = knownAround(known, i);
  if (before === null || after === null) return null;
  const read = [...m[1]!];
  const fits: number[] = [];
  for (let n = before + 1; n < after; n++) {
    const glyphs = [...chineseNumeral(n)];
    if (glyphs.length === read.length && glyphs.filter((g, k) => g !== read[k]).length === 1) fits.push(n);
  }
  return fits.length === 1 ? `${chineseNumeral(fits[0]!)}、${name.slice(m[0].length)}` : null;
}

/** Sub-items numbered 1. 2. … under a numbered row: not neighbours in the column's 一、二、三 sequence. */
const ARABIC_ITEM = /^\d{1,2}\s*[.、．,，]/u;

/**
 * A name printed without any ordinal where the numbering has a gap of exactly one at its place: the
 * ordinal was lost whole ("基本支出" before "二、项目支出", or between 一、… and 三、…). The neighbours are the
 * nearest named rows of the column other than sub-items numbered 1. 2. … ("财政拨款", "1.一般公共预算",
 * "二、…"), so a row of its own between numbered rows (合计, 其中 lines) leaves no gap and keeps its name.
 */
function lostOrdinal(names: readonly (string | null)[], known: readonly (number | null)[], i: number): string | null {
  const name = names[i]!;
  if (!/^\p{Script=Han}/u.test(name) || /^(?:其中|\p{Script=Han}{1,3}[、,，.．])/u.test(name) || /^[合总小]计$/u.test(name)) return null;
  const skipped = (k: number): boolean => !names[k] || ARABIC_ITEM.test(names[k]!) || /^\d{1,2}\p{Script=Han}/u.test(names[k]!);
  let before = i - 1, after = i + 1;
  while (before >= 0 && skipped(before)) before--;
  while (after < names.length && skipped(after)) after++;
  if (after >= names.length || known[after] === null) return null;
  const next = known[after]!;
  const fits = before < 0 ? next === 2 : known[before] !== null && known[before]! + 2 === next;
  return fits ? `${chineseNumeral(next - 1)}、${name}` : null;
}

/** An ordinal's place read as up to three glyphs (numerals, look-alikes, dashes) and its separator, maybe doubled. */
const DAMAGED_ORDINAL = /^[\p{Script=Han}\-—–_~]{1,3}\s*[、,，.．]{1,2}\s*(?=\p{Script=Han})/u;

/**
 * A damaged ordinal in a stretch of rows whose numbering has exactly as many missing values as the stretch
 * has rows ("上上六、金融支出", "上、、住房保障支出" between 十五、 and 二十、 on four rows): each row of the
 * stretch holds the next value, so the glyphs before the separator are that numeral whatever was read.
 * Rows of their own (合计, 其中) and sub-items numbered 1. 2. … are not in the stretch.
 */
function exactSlot(names: readonly (string | null)[], known: readonly (number | null)[], i: number): string | null {
  const name = names[i]!;
  const m = DAMAGED_ORDINAL.exec(name);
  if (!m || ARABIC_ITEM.test(name)) return null;
  const inSequence = (k: number): boolean => !!names[k] && !ARABIC_ITEM.test(names[k]!) && !/^(?:其中|[合总小]计)/u.test(names[k]!);
  let before = i - 1, after = i + 1, slots = 1;
  for (; before >= 0 && known[before] === null; before--) if (inSequence(before)) slots++;
  for (; after < names.length && known[after] === null; after++) if (inSequence(after)) slots++;
  if (before < 0 || after >= names.length || known[after]! - known[before]! - 1 !== slots) return null;
  let place = 1;
  for (let k = before + 1; k < i; k++) if (inSequence(k)) place++;
  return `${chineseNumeral(known[before]! + place)}、${name.slice(m[0].length)}`;
}

function settleOne(name: string, want: number | null, arabicSep: string | null, arabicNeighbour: boolean): string | null {
  const han = '(?=\\p{Script=Han})';
  // Strokes read as dashes, with a separator: "-、" "一一、" → the numeral with that many strokes.
  let m = new RegExp(`^([${DASHES}]{1,3})\\s*[、,，.．]\\s*${han}`, 'u').exec(name);
  if (m && m[1]!.length <= 3 && (want === null || want === m[1]!.length)) return `${chineseNumeral(m[1]!.length)}、${name.slice(m[0].length)}`;
  // Without the separator: "一一一卫生健康支出"; a lone 一 is left alone (一般…).
  m = new RegExp(`^([${DASHES}]{2,3})${han}`, 'u').exec(name);
  if (m && (want === null || want === m[1]!.length)) return `${chineseNumeral(m[1]!.length)}、${name.slice(m[0].length)}`;
  // "1，一般公共预算": printed ordinals are "1." or "1、", never a comma; the separator the column's other
  // arabic ordinals show, else the point (OCR reads a printed 、 as 、, a small point as a comma).
  m = new RegExp(`^(\\d{1,2})[,，]${han}`, 'u').exec(name);
  if (m) return `${m[1]}${arabicSep ?? '.'}${name.slice(m[0].length)}`;
  // The separator lost ("2政府性基金") where the rows next to it are numbered 1. 2. … too.
  m = new RegExp(`^(\\d{1,2})${han}`, 'u').exec(name);
  if (m && arabicNeighbour) return `${m[1]}${arabicSep ?? '.'}${name.slice(m[0].length)}`;
  if (want === null) return null;
  const numeral = chineseNumeral(want);
  // The numeral lost: "、基本支出".
  m = new RegExp(`^[、,，]\\s*${han}`, 'u').exec(name);
  if (m) return `${numeral}、${name.slice(m[0].length)}`;
  // The separator lost: "三单位预留机动经费" (not 一: "一般…" is a name).
  m = new RegExp(`^([一二三四五六七八九十]{1,3})[,，.．]?\\s*${han}`, 'u').exec(name);
  if (m && want > 1 && chineseValue(m[1]!) === want) return `${numeral}、${name.slice(m[0].length)}`;
  // One glyph in the numeral's place, before the separator: "万、其他收入".
  m = new RegExp(`^(\\p{Script=Han}{1,3})\\s*、\\s*${han}`, 'u').exec(name);
  if (m && [...m[1]!].length === [...numeral].length) return `${numeral}、${name.slice(m[0].length)}`;
  return null;
}

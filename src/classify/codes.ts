import type { Classification } from '../model/codes.js';

/** Which classification a table's codes follow, from its header words. */
export function codeSystem(headerText: string, title: string): Classification {
  if (/经济分类/.test(headerText) || /经济分类|基本支出/.test(title) && !/功能分类/.test(headerText)) return 'economic';
  return 'functional';
}

// A code is followed by its name, not by a measure word ("100人", "2022年", "300万元", "50%").
const LEADING_CODE = /^\s*(\d{3}(?:\s?\d{2}){0,2})(?=\s*[^\d\s.,，、%％年月日人个次份辆台套家万元项条批天小时户名本册场期篇件])\s*(.*)$/s;

/** "201 一般公共服务支出" → code and name; a label without a leading code is all name. */
export function splitCodeName(text: string): { code: string | null; name: string } {
  const m = text.match(LEADING_CODE);
  if (!m) return { code: null, name: text };
  return { code: m[1].replace(/\s/g, ''), name: m[2] };
}

/**
 * Full code of a row from its code cells (类 | 款 | 项, or one merged cell), filling blank leading
 * parts from the previous row's code ("", "03", "01" under 201 → 2010301). `itemsPrintedWhole`: the
 * column prints 7-digit 项 codes in full, so its bare tails are 款.
 */
export function joinCodeParts(parts: readonly string[], previous: string | null, itemsPrintedWhole = false): string | null {
  // Spreadsheet exports print 款/项 "02" as the number 2: the part is two digits wide. "00" is never a
  // 款 or 项 (a misread blank), so it counts as blank.
  const digits = parts.map((p, i) => {
    const d = p.replace(/\s/g, '');
    const padded = i > 0 && /^\d$/.test(d) ? `0${d}` : d;
    return i > 0 && padded === '00' ? '' : padded;
  });
  if (digits.some(d => d && !/^\d+$/.test(d))) return null;
  const present = digits.filter(Boolean);
  if (!present.length) return null;
  if (parts.length === 1) {
    const d = present[0];
    if ([3, 5, 7].includes(d.length)) return d;
    // A merged column that prints only the tail ("03", "0301") under a parent code. Where the column
    // prints its 项 codes whole, a two-digit tail is always a 款 ("99" after 2080506 is 20899).
    if (previous && (d.length === 2 || d.length === 4)) {
      const underKuan = d.length === 2 && previous.length >= 5 && !itemsPrintedWhole;
      return previous.slice(0, 3 + (underKuan ? 2 : 0)) + d;
    }
    return null;
  }
  // 类/款/项 parts are 3, 2, 2 digits wide. A blank part before the last printed one is the same as in
  // the row above ("", "03", "01" under 201 → 2010301; "210", "", "01" under 21011 → 2101101).
  const WIDTH = [3, 2, 2], OFFSET = [0, 3, 5];
  const last = digits.reduce((l, d, i) => (d ? i : l), -1);
  let code = '';
  for (let i = 0; i <= last; i++) {
    const part = digits[i] || (previous && previous.length >= OFFSET[i] + WIDTH[i] && previous.startsWith(code) ? previous.slice(OFFSET[i], OFFSET[i] + WIDTH[i]) : '');
    if (part.length !== (WIDTH[i] ?? 2)) return null;
    code += part;
  }
  return code;
}

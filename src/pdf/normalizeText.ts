/**
 * Text normalisation applied once, where PDF text enters the pipeline.
 *
 * NFKC folds full-width digits and letters and the Kangxi radicals (U+2F00–2FD5) that some fonts map
 * glyphs to. It must not touch CJK punctuation: the output contract keeps full-width brackets as
 * printed, so those code points are passed through untouched.
 */

// CJK Radicals Supplement code points NFKC leaves alone, mapped to the ideograph they stand for.
const RADICALS: Record<string, string> = {
  '\u2E81': '厂', '\u2E8B': '㔾', '\u2E8C': '小', '\u2E8D': '小', '\u2E8E': '兀', '\u2E95': '彐', '\u2E97': '心',
  '\u2E99': '攵', '\u2E9B': '旡', '\u2EA0': '民', '\u2EA4': '爫', '\u2EA6': '丬', '\u2EA7': '牛', '\u2EAE': '竹',
  '\u2EB2': '罒', '\u2EB7': '羊', '\u2EBB': '聿', '\u2EC4': '西', '\u2EC5': '见', '\u2EC6': '角', '\u2EC8': '讠',
  '\u2EC9': '贝', '\u2ECB': '车', '\u2ECD': '辶', '\u2ED0': '钅', '\u2ED1': '長', '\u2ED3': '长', '\u2ED4': '门',
  '\u2ED6': '阝', '\u2ED7': '雨', '\u2ED8': '青', '\u2ED9': '韦', '\u2EDA': '页', '\u2EDB': '风', '\u2EDC': '飞',
  '\u2EDD': '食', '\u2EDF': '食', '\u2EE0': '饣', '\u2EE2': '马', '\u2EE3': '骨', '\u2EE4': '鬼', '\u2EE5': '鱼',
  '\u2EE6': '鸟', '\u2EE7': '卤', '\u2EE8': '麦', '\u2EE9': '黄', '\u2EEA': '黾', '\u2EEB': '斉', '\u2EEC': '齐',
  '\u2EEE': '齿', '\u2EF0': '龙', '\u2EF2': '亀',
};

// Full-width and CJK punctuation, general punctuation: kept as printed.
const KEEP = /[\uFF01-\uFF0F\uFF1A-\uFF20\uFF3B-\uFF40\uFF5B-\uFF65\u2010-\u2027\u2030-\u205E\u3001-\u303F]/;
const NEEDS_WORK = /[^\u0020-\u007E\u4E00-\u9FFF]/;

export function normalizeText(raw: string): string {
  if (!NEEDS_WORK.test(raw)) return raw;
  let out = '';
  for (const ch of raw) {
    if (RADICALS[ch]) out += RADICALS[ch];
    else if (ch === '\u3000' || ch === '\u00A0') out += ' ';
    else if (KEEP.test(ch)) out += ch;
    else out += ch.normalize('NFKC');
  }
  // Between digits a full-width comma or point is a thousands separator or a decimal point.
  return out.replace(/(\d)[，．](?=\d)/g, (_, d: string, i: number, s: string) => d + (s[i + 1] === '，' ? ',' : '.'));
}

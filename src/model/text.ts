/** Text helpers shared by the stages. */

/** Every whitespace character removed ("收 入 总 计" → "收入总计"). */
export const squash = (s: string): string => s.replace(/\s+/g, '');

/** For comparing names loosely: width folded, spaces, punctuation and symbols removed. */
export const looseText = (s: string): string => s.normalize('NFKC').replace(/[\s\p{P}\p{S}]/gu, '');

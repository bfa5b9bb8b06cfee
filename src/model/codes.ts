import { z } from 'zod';
import type { Level } from './document.js';

/**
 * The classifications budget codes follow. functional: 支出功能分类 (2xx, 类/款/项); economic: 部门预算支出经济分类
 * (3xx, 类/款); government_economic: 政府预算支出经济分类 (5xx, 类/款).
 */
export const ClassificationSchema = z.enum(['functional', 'economic', 'government_economic']);
export type Classification = z.infer<typeof ClassificationSchema>;

/** 类/款/项 from the code's length: functional codes are 3/5/7 digits, economic ones 3/5. */
export function levelOf(code: string, classification: Classification): Level | null {
  if (code.length === 3) return '类';
  if (code.length === 5) return '款';
  if (code.length === 7 && classification === 'functional') return '项';
  return null;
}

/** The parent code (类 of a 款, 款 of a 项), or null for a 类. */
export const parentOf = (code: string): string | null => (code.length > 3 ? code.slice(0, code.length - 2) : null);

import { z } from 'zod';

/** The currency units tables print (单位：万元). Its own module so that document.ts and forms.ts can share it. */
export const CurrencyUnitSchema = z.enum(['元', '千元', '万元', '亿元']);
export type CurrencyUnit = z.infer<typeof CurrencyUnitSchema>;

/** How many 元 one printed unit is: the one table of unit ratios. */
export const YUAN_PER_UNIT: Readonly<Record<CurrencyUnit, number>> = { 元: 1, 千元: 1_000, 万元: 10_000, 亿元: 100_000_000 };

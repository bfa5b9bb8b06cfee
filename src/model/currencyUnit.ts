import { z } from 'zod';

/** The currency units tables print (单位：万元). Its own module so that document.ts and forms.ts can share it. */
export const CurrencyUnitSchema = z.enum(['元', '千元', '万元', '亿元']);
export type CurrencyUnit = z.infer<typeof CurrencyUnitSchema>;

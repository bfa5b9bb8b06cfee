/** See hugePagePdf.mjs. */
export function hugePagePdf(size?: number, gridEvery?: number): Uint8Array;

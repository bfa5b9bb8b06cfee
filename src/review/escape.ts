/** Document text is untrusted input: it reaches the review page only through these. */

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text for HTML element content or a double-quoted attribute value. */
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, ch => ENTITIES[ch]!);

/**
 * JSON for a `<script type="application/json">` element: no "<" (so no "</script>" or "<!--" can end
 * it early) and no U+2028/U+2029; JSON.parse of the element's text gives back the value.
 */
export const jsonForScript = (value: unknown): string =>
  JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');

/** A number as an SVG coordinate: 0.1 pt is finer than any box. */
export const coord = (n: number): string => (Math.round(n * 10) / 10).toString();

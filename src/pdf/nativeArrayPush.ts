/**
 * pdf.js's legacy build bundles core-js, which on Node 20's V8 replaces Array.prototype.push with a
 * JavaScript version (it only fixes which error a push onto a frozen-length array throws). That version
 * is several times slower and pdf.js pushes once per operator and glyph: about a tenth of the reading
 * time. This module is imported before pdf.js, keeps the engine's own push, and puts it back once
 * pdf.js and its worker code are loaded.
 */
const enginePush = Array.prototype.push;

export function restoreNativeArrayPush(): void {
  if (Array.prototype.push === enginePush) return;
  Object.defineProperty(Array.prototype, 'push', { value: enginePush, writable: true, configurable: true, enumerable: false });
}

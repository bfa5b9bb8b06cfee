/**
 * pdf.js's legacy build bundles core-js, which on Node 20's V8 replaces built-ins with JavaScript versions:
 * Array.prototype.push (it only fixes which error a push onto a frozen-length array throws) and
 * JSON.parse / JSON.stringify (for JSON.rawJSON and the reviver's source text, which nothing here uses).
 * Those versions are several times slower. pdf.js pushes once per operator and glyph (about a tenth of
 * the reading time), and the JSON output of a large document is one long stringify. This module is
 * imported before pdf.js, keeps the engine's own functions, and puts them back once pdf.js and its
 * worker code are loaded.
 */
const enginePush = Array.prototype.push;
const engineParse = JSON.parse;
const engineStringify = JSON.stringify;

function restore(owner: object, key: string, engine: unknown): void {
  if ((owner as Record<string, unknown>)[key] === engine) return;
  Object.defineProperty(owner, key, { value: engine, writable: true, configurable: true, enumerable: false });
}

export function restoreNativeBuiltins(): void {
  restore(Array.prototype, 'push', enginePush);
  restore(JSON, 'parse', engineParse);
  restore(JSON, 'stringify', engineStringify);
}

/**
 * JSON laid out one record per line: a list of records (tables, rows, checks, cells, indicators) is written
 * one item per line, indented, and a record holding no such list is written compactly on its line. Full
 * indentation spent most of a large document's write time on whitespace around cell boxes and check cells,
 * while a record per line still reads and diffs well. Same values as JSON.stringify: undefined fields are
 * left out, undefined array items become null.
 */
export function recordJson(value: unknown): string {
  return [...recordJsonPieces(value)].join('');
}

/**
 * The same text as recordJson, in pieces (a record or less each), so a large document's JSON can be
 * written out as it is laid out instead of being held whole in memory.
 */
export function recordJsonPieces(value: unknown): Generator<string> {
  return layout(value, 0);
}

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const fieldsOf = (v: Record<string, unknown>): [string, unknown][] =>
  Object.entries(v).filter(([, field]) => field !== undefined && typeof field !== 'function');

/** A list of records, or a record holding one somewhere inside: laid out over several lines. */
function spreads(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(isRecord);
  return isRecord(value) && Object.values(value).some(spreads);
}

/** Text gathered in one piece before it is handed on (see layout). */
const PIECE_CHARS = 1 << 14;

/**
 * The pieces of `value` laid out at `level` (`spreading`: whether it spreads, when known). A record that
 * does not spread (most of them: cells, checks) is added to the piece being made rather than handed on as
 * a piece of its own: each piece passes up through every enclosing level.
 */
function* layout(value: unknown, level: number, spreading = spreads(value)): Generator<string> {
  if (!spreading) { yield JSON.stringify(value) ?? 'null'; return; }
  const pad = ' '.repeat(level + 1), close = ' '.repeat(level);
  let piece: string;
  if (Array.isArray(value)) {
    piece = '[\n';
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      piece += i ? `,\n${pad}` : pad;
      if (!spreads(item)) piece += JSON.stringify(item) ?? 'null';
      else { yield piece; piece = ''; yield* layout(item, level + 1, true); }
      if (piece.length >= PIECE_CHARS) { yield piece; piece = ''; }
    }
    yield `${piece}\n${close}]`;
    return;
  }
  piece = '{\n';
  for (const [i, [k, v]] of fieldsOf(value as Record<string, unknown>).entries()) {
    piece += `${i ? ',\n' : ''}${pad}${JSON.stringify(k)}: `;
    if (!spreads(v)) piece += JSON.stringify(v) ?? 'null';
    else { yield piece; piece = ''; yield* layout(v, level + 1, true); }
    if (piece.length >= PIECE_CHARS) { yield piece; piece = ''; }
  }
  yield `${piece}\n${close}}`;
}

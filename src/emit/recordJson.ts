/**
 * JSON laid out one record per line: a list of records (tables, rows, checks, cells, indicators) is written
 * one item per line, indented, and a record holding no such list is written compactly on its line. Full
 * indentation spent most of a large document's write time on whitespace around cell boxes and check cells,
 * while a record per line still reads and diffs well. Same values as JSON.stringify: undefined fields are
 * left out, undefined array items become null.
 */
export function recordJson(value: unknown): string {
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

function layout(value: unknown, level: number): string {
  if (!spreads(value)) return JSON.stringify(value) ?? 'null';
  const pad = ' '.repeat(level + 1), close = ' '.repeat(level);
  if (Array.isArray(value)) return `[\n${value.map(item => pad + layout(item, level + 1)).join(',\n')}\n${close}]`;
  const fields = fieldsOf(value as Record<string, unknown>);
  return `{\n${fields.map(([k, v]) => `${pad}${JSON.stringify(k)}: ${layout(v, level + 1)}`).join(',\n')}\n${close}}`;
}

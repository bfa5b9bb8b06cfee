import { promises as fs } from 'node:fs';
import path from 'node:path';
import { findFiles } from '../findFiles.js';
import { type OutputDocument, OutputDocumentSchema } from '../model/document.js';

export interface InputProblem { file: string; message: string }

/** JSON files an output folder holds that are never output documents: a batch's summary, a dataset's descriptor. */
const NOT_DOCUMENTS = new Set(['summary.json', 'datapackage.json']);

/**
 * The NAME.json files named, or found (recursively, links followed) in the folders named. `named` tells a
 * file given by name (which must be an output document) from one found in a folder (skipped when it is
 * some other JSON).
 */
export async function collectJsonFiles(inputs: readonly string[]): Promise<{ files: { file: string; named: boolean }[]; problems: InputProblem[] }> {
  const files: { file: string; named: boolean }[] = [], problems: InputProblem[] = [];
  for (const input of inputs) {
    const stat = await fs.stat(input).catch(() => null);
    if (!stat) { problems.push({ file: input, message: 'not found' }); continue; }
    if (!stat.isDirectory()) { files.push({ file: input, named: true }); continue; }
    const found = await findFiles(input, name => /\.json$/i.test(name) && !NOT_DOCUMENTS.has(name.toLowerCase()));
    files.push(...found.map(file => ({ file, named: false })));
  }
  return { files, problems };
}

export type ReadResult = { doc: OutputDocument } | { problem: InputProblem } | { other: string };

/**
 * Read and check one output file against the output contract. A file that is not one is a problem when it
 * was named, or claims to be one (has schema_version); other JSON found in a folder is `other`.
 */
export async function readOutputDocument(file: string, named = true): Promise<ReadResult> {
  let data: unknown;
  try { data = JSON.parse(await fs.readFile(file, 'utf8')); } catch (err) {
    return named ? { problem: { file, message: `cannot read: ${(err as Error).message}` } } : { other: file };
  }
  const parsed = OutputDocumentSchema.safeParse(data);
  if (!parsed.success) {
    const claims = typeof data === 'object' && data !== null && 'schema_version' in data;
    if (!named && !claims) return { other: path.basename(file) };
    const first = parsed.error.issues[0]!;
    return { problem: { file, message: `not an output document: ${first.path.join('.')}: ${first.message}` } };
  }
  return { doc: parsed.data };
}

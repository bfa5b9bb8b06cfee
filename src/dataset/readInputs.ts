import { promises as fs } from 'node:fs';
import path from 'node:path';
import { type OutputDocument, OutputDocumentSchema } from '../model/document.js';

export interface InputProblem { file: string; message: string }

/** The NAME.json files named, or found (recursively) in the folders named. */
export async function collectJsonFiles(inputs: readonly string[]): Promise<{ files: string[]; problems: InputProblem[] }> {
  const files: string[] = [], problems: InputProblem[] = [];
  for (const input of inputs) {
    const stat = await fs.stat(input).catch(() => null);
    if (!stat) { problems.push({ file: input, message: 'not found' }); continue; }
    if (!stat.isDirectory()) { files.push(input); continue; }
    const entries = await fs.readdir(input, { recursive: true, withFileTypes: true });
    files.push(...entries.filter(e => e.isFile() && /\.json$/i.test(e.name) && !/^datapackage\.json$/i.test(e.name))
      .map(e => path.join(e.parentPath ?? input, e.name)).sort());
  }
  return { files, problems };
}

/** Read and check one output file against the output contract; a file that is not one is a problem, not an error. */
export async function readOutputDocument(file: string): Promise<{ doc: OutputDocument } | { problem: InputProblem }> {
  let data: unknown;
  try { data = JSON.parse(await fs.readFile(file, 'utf8')); } catch (err) {
    return { problem: { file, message: `cannot read: ${(err as Error).message}` } };
  }
  const parsed = OutputDocumentSchema.safeParse(data);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    return { problem: { file, message: `not an output document: ${first.path.join('.')}: ${first.message}` } };
  }
  return { doc: parsed.data };
}

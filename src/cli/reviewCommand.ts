/** `budget-tables review NAME.json… [--pdf FILE] [--out DIR]`: the review page of documents already extracted. */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { outDirProblem, parseCommandArgs, usageLine } from './cliArgs.js';
import { OutputDocumentSchema, type OutputDocument } from '../model/document.js';
import { writeReview } from '../review/writeReview.js';

const USAGE = `usage: budget-tables review <DIR/NAME.json…> [--pdf FILE] [--out DIR]
  writes DIR/NAME.review.html: each page of the PDF with its tables and cells drawn, the rebuilt tables
  beside it, and the failed checks first (click one to see its cells on the page). One self-contained
  file that loads nothing from the network.
  --pdf FILE  the PDF the JSON was extracted from (default: the JSON's source file, looked up from the
              current folder and then beside the JSON); only with one JSON
  --out DIR   where to write (default: the JSON's folder). DIR/NAME.debug.json (extract --debug), or the
              one beside the JSON, is drawn as a layer that can be switched on`;

async function readOutput(file: string): Promise<OutputDocument> {
  let json: unknown;
  try { json = JSON.parse(await fs.readFile(file, 'utf8')); } catch (err) { throw new Error(`${file}: cannot read JSON: ${(err as Error).message}`); }
  const parsed = OutputDocumentSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`${file}: not an output file of budget-tables: ${issue.path.join('.')}: ${issue.message}`);
  }
  return parsed.data;
}

/** The PDF named by --pdf, else the document's source file found from the current folder or beside the JSON. */
async function findPdf(jsonFile: string, doc: OutputDocument, given: string | undefined): Promise<{ file: string; data: Uint8Array }> {
  const candidates = given ? [given] : [...new Set([path.resolve(doc.source.file), path.resolve(path.dirname(jsonFile), doc.source.file)])];
  for (const file of candidates) {
    const data = await fs.readFile(file).catch((err: NodeJS.ErrnoException) => {
      if (given || err.code !== 'ENOENT') throw new Error(`${file}: cannot read the PDF: ${err.message}`);
      return null;
    });
    if (data) return { file, data: new Uint8Array(data) };
  }
  throw new Error(`${jsonFile}: the PDF it was extracted from (${doc.source.file}) is not in the current folder or beside it; give it with --pdf FILE`);
}

export async function reviewCommand(args: string[]): Promise<number> {
  const parsed = parseCommandArgs(args, { pdf: { type: 'string' }, out: { type: 'string' }, help: { type: 'boolean', short: 'h' } });
  if ('problem' in parsed) { console.error(usageLine('review', parsed.problem)); return 2; }
  const v = parsed.values;
  if (v.help) { console.log(USAGE); return 0; }
  if (!parsed.positionals.length) { console.error(usageLine('review', 'give the NAME.json of an extracted document')); return 2; }
  if (v.pdf && parsed.positionals.length > 1) { console.error(usageLine('review', '--pdf goes with one JSON file only')); return 2; }
  if (v.out) {
    const problem = await outDirProblem(v.out);
    if (problem) { console.error(usageLine('review', problem)); return 2; }
  }
  let status = 0;
  for (const jsonFile of parsed.positionals) {
    try {
      const doc = await readOutput(jsonFile);
      const pdf = await findPdf(jsonFile, doc, v.pdf);
      const base = path.basename(jsonFile).replace(/\.json$/i, '');
      const outDir = v.out ?? path.dirname(jsonFile);
      const besideJson = path.join(path.dirname(jsonFile), `${base}.debug.json`);
      const inOut = path.join(outDir, `${base}.debug.json`);
      const debugFile = await fs.access(inOut).then(() => inOut, () => besideJson);
      const { file, notes } = await writeReview(doc, pdf.data, pdf.file, outDir, base, { debugFile });
      for (const note of notes) console.error(`${jsonFile}: ${note}`);
      console.log(`${jsonFile}: → ${file}`);
    } catch (err) {
      console.error((err as Error).message);
      status = 1;
    }
  }
  return status;
}

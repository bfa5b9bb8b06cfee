/** The documents of a batch: every *.pdf under a folder, or the paths listed in a text file. */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { findFiles } from '../findFiles.js';

export interface BatchInput {
  /** The path relative to the batch root (the folder, or the list file's folder), "/"-separated: the journal key. */
  id: string;
  /** Where to read it. */
  path: string;
  /** Its own file name (what single-document extraction records as source.file). */
  fileName: string;
}

export type InputsOrProblem = { root: string; inputs: BatchInput[] } | { problem: string };

const toInput = (root: string, file: string): BatchInput => ({
  id: path.relative(root, file).split(path.sep).join('/'), path: file, fileName: path.basename(file),
});

async function folderInputs(root: string): Promise<BatchInput[]> {
  return (await findFiles(root, name => /\.pdf$/i.test(name))).map(file => toInput(root, file));
}

/** A list file: one path a line, relative to the list file's folder; blank lines and "#" comments ignored. */
async function listedInputs(listFile: string): Promise<BatchInput[] | string> {
  const head = await fs.readFile(listFile);
  if (head.subarray(0, 1024).toString('latin1').includes('%PDF-')) return `${listFile} is a PDF; give a folder of PDFs or a text file listing them`;
  const root = path.dirname(listFile);
  const lines = head.toString('utf8').split(/\r?\n/).map(l => l.trim()).filter(l => l && !l.startsWith('#'));
  return lines.map(l => toInput(root, path.resolve(root, l)));
}

export async function collectInputs(source: string): Promise<InputsOrProblem> {
  const abs = path.resolve(source);
  const stat = await fs.stat(abs).catch(() => null);
  if (!stat) return { problem: `${source}: no such folder or list file` };
  const found = stat.isDirectory() ? await folderInputs(abs) : await listedInputs(abs);
  if (typeof found === 'string') return { problem: found };
  const unique = [...new Map(found.map(i => [i.id, i])).values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  if (!unique.length) return { problem: `${source}: no PDF files` };
  return { root: stat.isDirectory() ? abs : path.dirname(abs), inputs: unique };
}

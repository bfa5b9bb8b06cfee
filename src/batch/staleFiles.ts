import { promises as fs } from 'node:fs';
import path from 'node:path';
import { isAtomicTempName } from '../emit/atomicWrite.js';

/**
 * Remove the temporary files and folders that atomic writes leave when a run is killed (NAME.<pid>.<hex>.tmp
 * and ….tmp.old, at the top of DIR where writeOutputs makes them). Call only while no write is running.
 */
export async function removeStaleTempFiles(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir).catch(() => [] as string[]);
  const stale = entries.filter(isAtomicTempName);
  for (const name of stale) await fs.rm(path.join(dir, name), { recursive: true, force: true });
  return stale;
}

/** The outputs writeOutputs makes for base name `name`, JSON first (its presence marks a complete set). */
export const outputPaths = (dir: string, name: string, xlsx = true): string[] =>
  [path.join(dir, `${name}.json`), path.join(dir, `${name}.csv`), path.join(dir, `${name}.indicators.csv`), path.join(dir, name),
    ...(xlsx ? [path.join(dir, `${name}.xlsx`)] : [])];

/** Whether a document's outputs are all there (the workbook only when one is wanted). */
export async function outputsExist(dir: string, name: string, xlsx: boolean): Promise<boolean> {
  const found = await Promise.all(outputPaths(dir, name, xlsx).map(p => fs.stat(p).then(() => true, () => false)));
  return found.every(Boolean);
}

/** Remove a document's outputs (its input changed and now fails): the JSON marker first. */
export async function removeOutputs(dir: string, name: string): Promise<void> {
  for (const p of outputPaths(dir, name)) await fs.rm(p, { recursive: true, force: true });
}

import { spawn } from 'node:child_process';
import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { BUILT_CLI, ROOT } from './build.js';

/** The files of one document's outputs (NAME.json, NAME.csv, NAME.indicators.csv, NAME/*), keyed without the name. */
export async function outputFiles(dir: string, name: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const ext of ['.json', '.csv', '.indicators.csv']) {
    const p = path.join(dir, name + ext);
    if (existsSync(p)) files.set(ext, await fs.readFile(p, 'utf8'));
  }
  const sub = path.join(dir, name);
  if (existsSync(sub)) for (const f of (await fs.readdir(sub)).sort()) files.set(`/${f}`, await fs.readFile(path.join(sub, f), 'utf8'));
  return files;
}

/**
 * What single-document extraction writes for `file`: extractDocument + writeOutputs from the same build
 * the batch workers run (dist/), into `refDir`. Returns the output base name.
 */
export async function referenceOutputs(file: string, refDir: string): Promise<Map<string, string>> {
  const { extractDocument } = await import(path.join(ROOT, 'dist/pipeline.js')) as typeof import('../../../src/pipeline.js');
  const { writeOutputs, outputBaseName } = await import(path.join(ROOT, 'dist/emit/writeOutputs.js')) as typeof import('../../../src/emit/writeOutputs.js');
  const r = await extractDocument(new Uint8Array(await fs.readFile(file)), path.basename(file));
  await writeOutputs(r.document, refDir);
  return outputFiles(refDir, outputBaseName(path.basename(file)));
}

/** Every entry under dir (relative paths), for checking that nothing torn or temporary is left. */
export async function listTree(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { recursive: true, withFileTypes: true });
  return entries.map(e => path.relative(dir, path.join(e.parentPath, e.name))).sort();
}

export interface CliRun { code: number | null; signal: NodeJS.Signals | null; lines: Record<string, unknown>[]; stderr: string }

/** Run `node dist/cli.js batch args…` (stdout is a pipe, so it prints JSON lines). */
export function runCli(args: string[], onStart?: (child: ReturnType<typeof spawn>) => void): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BUILT_CLI, 'batch', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '', err = '';
    child.stdout.on('data', d => { out += d; });
    child.stderr.on('data', d => { err += d; });
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({
      code, signal, stderr: err,
      lines: out.split('\n').filter(l => l.startsWith('{')).map(l => JSON.parse(l) as Record<string, unknown>),
    }));
    onStart?.(child);
  });
}

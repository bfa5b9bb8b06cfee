/** Argument parsing shared by the commands: node:util parseArgs with its errors said in the tool's words. */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';

type Options = NonNullable<ParseArgsConfig['options']>;
export type Parsed<O extends Options> = ReturnType<typeof parseArgs<{ options: O; allowPositionals: true }>>;

/** parseArgs's error as one short sentence naming the flag. */
function problemOf(err: unknown): string {
  const e = err as { code?: string; message?: string };
  const flag = /'(-{1,2}[^' <]+)/.exec(e.message ?? '')?.[1] ?? '';
  switch (e.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION': return `unknown option ${flag}`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return /argument missing/.test(e.message ?? '') ? `${flag} needs a value` : /does not take an argument/.test(e.message ?? '') ? `${flag} takes no value` : `bad value for ${flag}`;
    default: return (e.message ?? String(err)).split('\n')[0]!;
  }
}

/** Parse a command's arguments (positionals allowed); a problem is returned as a sentence, never thrown. */
export function parseCommandArgs<O extends Options>(args: string[], options: O): Parsed<O> | { problem: string } {
  try { return parseArgs({ args, options, allowPositionals: true, strict: true }); } catch (err) { return { problem: problemOf(err) }; }
}

/** The one line a command prints for bad usage (exit status 2). */
export const usageLine = (command: string, problem: string): string => `budget-tables ${command}: ${problem} (see budget-tables ${command} --help)`;

/**
 * Why `dir` cannot be an output folder, or null when it can: it must be a folder or not exist yet, and
 * the nearest part of it that exists must be a folder.
 */
export async function outDirProblem(dir: string): Promise<string | null> {
  let at = path.resolve(dir);
  for (;;) {
    const stat = await fs.stat(at).catch((err: NodeJS.ErrnoException) => (err.code === 'ENOENT' ? null : err));
    if (stat instanceof Error) return `--out ${dir}: ${stat.code === 'ENOTDIR' ? 'a part of the path is a file' : stat.message}`;
    if (stat) {
      if (stat.isDirectory()) return null;
      return at === path.resolve(dir) ? `--out ${dir} is a file, not a folder` : `--out ${dir}: ${at} is a file, not a folder`;
    }
    const up = path.dirname(at);
    if (up === at) return null;
    at = up;
  }
}

/**
 * Files under a folder whose names match, for the commands that take folders (extract, batch, merge).
 * Symbolic links are followed, to files and to folders; a link back into a folder already being walked
 * (a loop) is not entered again, and a file reached by two paths is listed once, under the first path.
 * A dangling link whose name matches is listed, so that reading it reports the problem with its name.
 */
import { promises as fs, type Dirent } from 'node:fs';
import path from 'node:path';

export async function findFiles(root: string, matches: (name: string) => boolean): Promise<string[]> {
  const seenDirs = new Set<string>(), seenFiles = new Set<string>();
  const found: string[] = [];
  async function walk(dir: string): Promise<void> {
    const real = await fs.realpath(dir).catch(() => dir);
    if (seenDirs.has(real)) return;
    seenDirs.add(real);
    const entries: Dirent[] = await fs.readdir(dir, { withFileTypes: true }).catch(() => []);
    for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const full = path.join(dir, e.name);
      let kind: 'file' | 'dir' | 'dangling' | 'other' = e.isFile() ? 'file' : e.isDirectory() ? 'dir' : 'other';
      if (e.isSymbolicLink()) {
        const target = await fs.stat(full).catch(() => null);
        kind = !target ? 'dangling' : target.isFile() ? 'file' : target.isDirectory() ? 'dir' : 'other';
      }
      if (kind === 'dir') await walk(full);
      else if ((kind === 'file' || kind === 'dangling') && matches(e.name)) {
        const id = kind === 'file' ? await fs.realpath(full).catch(() => full) : full;
        if (!seenFiles.has(id)) { seenFiles.add(id); found.push(full); }
      }
    }
  }
  await walk(root);
  return found.sort();
}

import { promises as fs } from 'node:fs';
import { SCHEMA_VERSION } from '../model/document.js';

/** "0.1.0+schema2": outputs made by another version are not reused (package version + output schema version). */
export async function pipelineVersion(): Promise<string> {
  const pkg = JSON.parse(await fs.readFile(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return `${pkg.version}+schema${SCHEMA_VERSION}`;
}

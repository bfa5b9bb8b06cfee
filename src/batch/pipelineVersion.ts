import { promises as fs } from 'node:fs';
import { OutputDocumentSchema } from '../model/document.js';

/** "0.1.0+schema1": outputs made by another version are not reused (package version + output schema version). */
export async function pipelineVersion(): Promise<string> {
  const pkg = JSON.parse(await fs.readFile(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return `${pkg.version}+schema${OutputDocumentSchema.shape.schema_version.value}`;
}

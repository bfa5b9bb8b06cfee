import { promises as fs } from 'node:fs';
import { parseCommandArgs, usageLine } from './cliArgs.js';
import { checkOutputJson } from '../validate/index.js';

/** `budget-tables check FILE.json…`: schema validation plus the rules re-run on the stored tables. */
export async function checkCommand(args: string[]): Promise<number> {
  const parsed = parseCommandArgs(args, { help: { type: 'boolean', short: 'h' } });
  if ('problem' in parsed) { console.error(usageLine('check', parsed.problem)); return 2; }
  if (parsed.values.help || !parsed.positionals.length) {
    const usage = 'usage: budget-tables check <DIR/NAME.json…>\n  validates each file against the output schema and re-runs the validation rules (prose rules need the PDF and are skipped)';
    if (parsed.values.help) { console.log(usage); return 0; }
    console.error(usage); return 2;
  }
  let worst = 0;
  for (const file of parsed.positionals) {
    let json: unknown;
    try { json = JSON.parse(await fs.readFile(file, 'utf8')); } catch (err) {
      console.error(`${file}: cannot read JSON: ${(err as Error).message}`); worst = Math.max(worst, 1); continue;
    }
    const r = checkOutputJson(json);
    const failed = r.checks.filter(c => c.status === 'fail');
    const passed = r.checks.filter(c => c.status === 'pass').length;
    console.log(`${file}: schema ${r.schemaIssues.length ? `INVALID (${r.schemaIssues.length} issues)` : 'ok'}, checks ${passed} pass / ${failed.length} fail`);
    for (const issue of r.schemaIssues.slice(0, 20)) console.log(`  schema: ${issue}`);
    for (const c of failed) console.log(`  FAILED [${c.rule}] ${c.table ?? ''}${c.page ? ` p.${c.page}` : ''}${c.row !== null ? ` row ${c.row}` : ''}: ${c.message}`);
    if (!r.ok || failed.length) worst = Math.max(worst, 1);
  }
  return worst;
}

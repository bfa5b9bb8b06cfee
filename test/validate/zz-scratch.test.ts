import { it } from 'vitest';
import { loadTruth, truthToDocument } from './truthToDocument.js';
import { validateDocument } from '../../src/validate/index.js';
it('scratch', () => {
  const f = process.env.TRUTH!;
  const { doc, prose } = truthToDocument(loadTruth(f));
  if (process.env.COLS) for (const t of doc.tables) console.log(t.number, t.title, t.type, JSON.stringify(t.columns.filter(c=>c.role==='amount').map(c=>c.path.join('/'))));
  const checks = validateDocument(doc, prose);
  const by: Record<string, Record<string, number>> = {};
  for (const c of checks) { by[c.rule] ??= {}; by[c.rule]![c.status] = (by[c.rule]![c.status] ?? 0) + 1; }
  console.log(JSON.stringify(by));
  for (const c of checks) if (c.status !== 'pass' || process.env.ALL) console.log(c.status, c.rule, c.table, c.row, c.column, c.message);
});

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import AjvDraft04 from 'ajv-draft-04';
import { parseFile } from 'fast-csv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Dataset, buildDataset } from '../../src/dataset/buildDataset.js';
import { CELL_FIELDS, CODE_FIELDS, DOCUMENT_FIELDS, type Field } from '../../src/dataset/fields.js';
import { INDICATOR_FIELDS } from '../../src/dataset/indicators.js';
import { writeDataset } from '../../src/dataset/writeDataset.js';
import { extractDocument } from '../../src/pipeline.js';

const samples = path.join(import.meta.dirname, '..', '..', 'samples');
const extract = async (file: string) =>
  (await extractDocument(new Uint8Array(readFileSync(path.join(samples, file))), file)).document;

/** The JSON Schema profiles published with the Frictionless `datapackage` package (no network needed). */
const profile = (name: string) => {
  const require = createRequire(import.meta.url);
  return JSON.parse(readFileSync(require.resolve(`datapackage/lib/profiles/${name}.json`), 'utf8'));
};

// ajv-draft-04 is CommonJS: under NodeNext typing its default import is the module, whose `default` is the class.
const Ajv = AjvDraft04.default;

interface DpResource {
  name: string; descriptor: { path: string }; schema: { fieldNames: string[] };
  read(o: { keyed: true; cast?: boolean }): Promise<Record<string, unknown>[]>; checkRelations(): Promise<boolean>;
}
interface DpPackage { valid: boolean; errors: unknown[]; resources: DpResource[]; getResource(name: string): DpResource | null }

const readCsv = (file: string): Promise<Record<string, string>[]> => new Promise((resolve, reject) => {
  const rows: Record<string, string>[] = [];
  parseFile(file, { headers: true }).on('data', r => rows.push(r)).on('end', () => resolve(rows)).on('error', reject);
});

// The same 2024 disclosure published twice: amounts in 万元 (grid) and in 元 (yuan). Merged together they
// are one disclosure (a re-export); merged apart, their cells can be compared.
let data: Dataset, both: Dataset;
let out: string;
beforeAll(async () => {
  const grid = await extract('atushi-2024-grid.pdf'), yuan = await extract('atushi-2024-yuan.pdf');
  both = buildDataset([grid, yuan, grid]);
  const apart = [buildDataset([grid]), buildDataset([yuan])];
  data = { cells: apart.flatMap(d => d.cells), documents: apart.flatMap(d => d.documents), codes: apart[0]!.codes, indicators: apart.flatMap(d => d.indicators), counters: apart[0]!.counters };
  out = mkdtempSync(path.join(tmpdir(), 'dataset-'));
  await writeDataset(out, both);
}, 600_000); // a guard against a hang only
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('merging documents printed in 万元 and in 元', () => {
  const bySource = (file: string) => {
    const id = data.documents.find(d => d.source_file === file)!.document_id;
    return data.cells.filter(c => c.document_id === id && c.table_type !== 'performance_target');
  };
  const key = (c: Dataset['cells'][number]) => [c.table_type, c.code, c.printed_name, c.project, c.column_path].join('|');

  it('takes a document given twice once, and one of two files of the same disclosure by the documented rule', () => {
    expect(both.counters.documents).toBe(1);
    expect(both.counters.duplicates).toEqual(['atushi-2024-grid.pdf']);
    // both extract ok with the same cells: the first file name is kept
    expect(both.counters.reuploads).toEqual([{ unit: '阿图什市人民政府办公室', year: 2024, kind: 'budget', scope: 'unit', kept: 'atushi-2024-grid.pdf', dropped: ['atushi-2024-yuan.pdf'] }]);
    expect(both.documents.map(d => d.source_file)).toEqual(['atushi-2024-grid.pdf']);
  });

  it('gives the same exact 元 amounts for the same cells', () => {
    const grid = new Map(bySource('atushi-2024-grid.pdf').map(c => [key(c), c]));
    const yuan = bySource('atushi-2024-yuan.pdf').filter(c => grid.has(key(c)));
    expect(yuan.length).toBeGreaterThan(300);
    for (const c of yuan) expect([key(c), grid.get(key(c))!.amount_yuan]).toEqual([key(c), c.amount_yuan]);
  });

  it('keeps the printed value and unit beside the amount in 元', () => {
    const line = (file: string) => bySource(file).find(c => c.code === '2010301' && c.table_type === 'expenditure' && c.column_key === 'total')!;
    expect(line('atushi-2024-grid.pdf')).toMatchObject({ printed_value: '809.21', printed_unit: '万元', amount_yuan: '8092100.00',
      proposed_yuan: '8092100.00', executed_yuan: '', official_name: '行政运行', classification: 'functional', level: '项',
      functional_class: '201', functional_section: '20103', functional_item: '2010301', region: '阿图什市', phase: 'proposed' });
    expect(line('atushi-2024-yuan.pdf')).toMatchObject({ printed_value: '8092100.00', printed_unit: '元', amount_yuan: '8092100.00' });
  });

  it('lists every code once with its official name and the documents printing it', () => {
    const codes = both.codes.map(c => c.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(both.codes.find(c => c.code === '2010301')).toMatchObject({ official_name: '行政运行', parent: '20103', documents: 1, in_registry: true,
      registry_source: 'official', verified: true, name_status: 'official' });
    expect(both.codes.find(c => c.code === '2010301')!.registry_cities).toBeGreaterThanOrEqual(2);
  });
});

describe('the written dataset', () => {
  const header = (file: string) => readFileSync(path.join(out, file), 'utf8').split('\n')[0].split(',');
  const names = (fields: Field[]) => fields.map(f => f.name);

  it('is written as declared: UTF-8 without a byte-order mark', () => {
    const descriptor = JSON.parse(readFileSync(path.join(out, 'datapackage.json'), 'utf8'));
    for (const r of descriptor.resources) {
      expect(r.encoding).toBe('utf-8');
      expect(readFileSync(path.join(out, r.path)).subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf])), r.path).toBe(false);
    }
  });

  it('reads back, every resource and every row, with the Frictionless datapackage library', async () => {
    const { Package } = await import('datapackage') as { Package: { load(d: string, base?: string): Promise<DpPackage> } };
    const pkg = await Package.load(path.join(out, 'datapackage.json'));
    expect(pkg.valid, JSON.stringify(pkg.errors)).toBe(true);
    expect(pkg.resources.map(r => r.name)).toEqual(['cells', 'documents', 'codes', 'indicators']);
    const lines = (file: string) => readFileSync(path.join(out, file), 'utf8').trimEnd().split('\n').length - 1;
    for (const resource of pkg.resources) {
      const rows = await resource.read({ keyed: true, cast: true }); // casts every value to its declared type
      expect(rows.length, resource.name).toBe(lines(resource.descriptor.path));
      expect(Object.keys(rows[0]!), resource.name).toEqual(resource.schema.fieldNames);
    }
    const cells = await pkg.getResource('cells')!.read({ keyed: true });
    const line = cells.find(c => c.code === '2010301' && c.table_type === 'expenditure' && c.column_key === 'total' && c.phase === 'proposed')!;
    expect(Number(line.amount_yuan)).toBe(8092100);
    // the relations it declares hold
    expect(await pkg.getResource('cells')!.checkRelations()).toBe(true);
  }, 120_000);

  it('has the header its datapackage.json describes', () => {
    expect(header('cells.csv')).toEqual(names(CELL_FIELDS));
    expect(header('documents.csv')).toEqual(names(DOCUMENT_FIELDS));
    expect(header('codes.csv')).toEqual(names(CODE_FIELDS));
    expect(header('indicators.csv')).toEqual(names(INDICATOR_FIELDS));
  });

  it('lists every indicator of the performance-target forms once, keyed to its document', async () => {
    const indicators = await readCsv(path.join(out, 'indicators.csv'));
    const ids = new Set((await readCsv(path.join(out, 'documents.csv'))).map(d => d.document_id));
    const pk = indicators.map(i => [i.document_id, i.form_index, i.indicator_index].join('|'));
    expect(new Set(pk).size).toBe(pk.length);
    expect(indicators.filter(i => !ids.has(i.document_id))).toEqual([]);
    expect(data.counters.indicators).toBe(indicators.length);
    // The two editions are one disclosure (a re-export): its forms are listed once, with their 元 totals.
    const bus = indicators.filter(i => i.project === '全市公务用车租赁项目' && i.indicator === '公务用车租赁平均成本');
    expect(bus.map(i => [i.funds_total_yuan, i.comparator, i.value, i.value_unit])).toEqual([['1000000.00', '≤', '0.98', '万元/辆']]);
  });

  it('datapackage.json validates against the Tabular Data Package profile and the Fiscal Data Package model', () => {
    const descriptor = JSON.parse(readFileSync(path.join(out, 'datapackage.json'), 'utf8'));
    const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
    const tabular = ajv.compile(profile('tabular-data-package'));
    expect(tabular(descriptor), JSON.stringify(tabular.errors)).toBe(true);
    const { $schema: _, ...model } = profile('fiscal-data-package').allOf[1].properties.model;
    const fiscal = ajv.compile(model);
    expect(fiscal(descriptor.model), JSON.stringify(fiscal.errors)).toBe(true);
    expect(descriptor.model.measures.proposed).toMatchObject({ currency: 'CNY', factor: 1, phase: 'proposed' });
    // The validator does reject a broken descriptor.
    descriptor.resources[0].schema.fields[0].type = 'float';
    expect(tabular(descriptor)).toBe(false);
  });

  it('keeps its keys: unique primary keys, foreign keys that resolve, typed values', async () => {
    const cells = await readCsv(path.join(out, 'cells.csv'));
    const ids = new Set((await readCsv(path.join(out, 'documents.csv'))).map(d => d.document_id));
    const codes = new Set((await readCsv(path.join(out, 'codes.csv'))).map(c => c.code));
    const pk = cells.map(c => [c.document_id, c.table_index, c.row_index, c.record_index, c.column_path].join('|'));
    expect(new Set(pk).size).toBe(pk.length);
    expect(cells.filter(c => !ids.has(c.document_id) || (c.code && !codes.has(c.code)))).toEqual([]);
    expect(cells.filter(c => c.amount_yuan && !/^-?\d+\.\d{2,}$/.test(c.amount_yuan))).toEqual([]);
  });
});

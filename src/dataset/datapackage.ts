import { CELL_FIELDS, CODE_FIELDS, DOCUMENT_FIELDS, type Field } from './fields.js';
import { INDICATOR_FIELDS } from './indicators.js';

const resource = (name: string, description: string, fields: Field[], schema: Record<string, unknown>) => ({
  profile: 'tabular-data-resource', name, path: `${name}.csv`, format: 'csv', mediatype: 'text/csv', encoding: 'utf-8',
  description, dialect: { delimiter: ',', header: true, doubleQuote: true },
  schema: { fields, missingValues: [''], ...schema },
});

/**
 * datapackage.json: a Frictionless Tabular Data Package describing cells.csv, documents.csv, codes.csv and indicators.csv,
 * with a Fiscal Data Package `model` (measures in CNY, functional and economic classification dimensions).
 */
export function dataPackage(): Record<string, unknown> {
  return {
    profile: 'tabular-data-package',
    name: 'budget-tables-dataset',
    title: 'Chinese government budget disclosures (预算/决算公开) as tidy tables',
    description: 'Every amount printed in the tables of the merged disclosures, in 元, with its classification code, canonical table type and column key. Made by `budget-tables merge`.',
    resources: [
      resource('cells', 'One line per printed amount', CELL_FIELDS, {
        primaryKey: ['document_id', 'table_index', 'row_index', 'record_index', 'column_path'],
        foreignKeys: [
          { fields: 'document_id', reference: { resource: 'documents', fields: 'document_id' } },
          { fields: 'code', reference: { resource: 'codes', fields: 'code' } },
        ],
      }),
      resource('documents', 'One line per source document', DOCUMENT_FIELDS, { primaryKey: ['document_id'] }),
      resource('codes', 'Every classification code seen, with its official name and the names printed for it', CODE_FIELDS, { primaryKey: ['code'] }),
      resource('indicators', 'One line per indicator of every performance-target form (绩效目标表), with its project and parsed target', INDICATOR_FIELDS, {
        primaryKey: ['document_id', 'form_index', 'indicator_index'],
        foreignKeys: [{ fields: 'document_id', reference: { resource: 'documents', fields: 'document_id' } }],
      }),
    ],
    model: {
      measures: {
        proposed: { source: 'proposed_yuan', resource: 'cells', currency: 'CNY', factor: 1, phase: 'proposed' },
        executed: { source: 'executed_yuan', resource: 'cells', currency: 'CNY', factor: 1, phase: 'executed' },
      },
      dimensions: {
        document: {
          dimensionType: 'entity', primaryKey: ['document_id'],
          attributes: { document_id: { source: 'document_id' }, unit: { source: 'unit', labelfor: 'document_id' }, region: { source: 'region' } },
        },
        date: { dimensionType: 'datetime', primaryKey: ['year'], attributes: { year: { source: 'year' } } },
        functional_classification: {
          dimensionType: 'classification', classificationType: 'functional', primaryKey: ['class', 'section', 'item'],
          attributes: {
            class: { source: 'functional_class' }, section: { source: 'functional_section', parent: 'class' },
            item: { source: 'functional_item', parent: 'section' },
          },
        },
        economic_classification: {
          dimensionType: 'classification', classificationType: 'economic', primaryKey: ['class', 'section'],
          attributes: { class: { source: 'economic_class' }, section: { source: 'economic_section', parent: 'class' } },
        },
        classification_code: {
          dimensionType: 'classification', primaryKey: ['code'],
          attributes: { code: { source: 'code' }, name: { source: 'official_name', labelfor: 'code' } },
        },
        column: {
          dimensionType: 'other', primaryKey: ['table_type', 'column_key'],
          attributes: { table_type: { source: 'table_type' }, column_key: { source: 'column_key' } },
        },
      },
    },
  };
}

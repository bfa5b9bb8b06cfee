/** One column of a dataset file: its name, Frictionless type and meaning. The CSV header and datapackage.json both come from here. */
export interface Field {
  name: string;
  type: 'string' | 'integer' | 'number' | 'boolean';
  description: string;
  constraints?: { required?: boolean; enum?: string[]; minimum?: number; maximum?: number };
}

const s = (name: string, description: string, constraints?: Field['constraints']): Field => ({ name, type: 'string', description, ...(constraints ? { constraints } : {}) });
const i = (name: string, description: string): Field => ({ name, type: 'integer', description });
const n = (name: string, description: string, constraints?: Field['constraints']): Field => ({ name, type: 'number', description, ...(constraints ? { constraints } : {}) });
const b = (name: string, description: string): Field => ({ name, type: 'boolean', description });
const REQUIRED = { required: true };

export const CELL_FIELDS: Field[] = [
  s('document_id', 'First 16 hex digits of the source PDF\'s sha256; documents.csv has one row per id', REQUIRED),
  s('unit', 'Publishing organisation (编制单位) as printed'),
  s('region', 'Region read from the start of the organisation\'s name (上海市普陀区), empty when it does not start with one'),
  i('year', 'Budget or final-accounts year'),
  s('kind', 'budget (预算) or final (决算)', { enum: ['budget', 'final'] }),
  s('scope', 'unit (单位) or department (部门)', { enum: ['unit', 'department'] }),
  i('table_index', 'Position of the table in the document, from 0'),
  s('table_number', 'Table number as printed (表3, 公开03表)'),
  s('table_title', 'Table title as printed'),
  s('table_type', 'Canonical table type (income_expenditure_summary, expenditure, general_budget_basic, …)'),
  s('column_key', 'Canonical column key (total, basic, project, personnel, general_budget, expenditure.total, …); empty when the printed header is not recognised'),
  s('column_path', 'Header texts over the column, top to bottom, joined with "/", as printed', REQUIRED),
  s('phase', 'proposed (预算数) or executed (决算数): from the column header, else from the document kind', { enum: ['proposed', 'executed'] }),
  i('page', 'Page (from 1) the row is printed on'),
  i('row_index', 'Row position in the table, from 0'),
  i('record_index', 'Record within the row: 0, or 1 for the right-hand side of a side-by-side table'),
  s('code', 'Classification code (类/款/项 joined: 2010301); empty when the row has none'),
  s('level', '类, 款 or 项', { enum: ['类', '款', '项'] }),
  s('classification', 'functional (支出功能分类, 2xx), economic (部门预算支出经济分类, 3xx) or government_economic (政府预算支出经济分类, 5xx)', { enum: ['functional', 'economic', 'government_economic'] }),
  s('parent_code', 'Code one level up (20103 for 2010301)'),
  s('functional_class', 'Functional 类 (3 digits) of the code'),
  s('functional_section', 'Functional 款 (5 digits) of the code'),
  s('functional_item', 'Functional 项 (7 digits) of the code'),
  s('economic_class', 'Economic 类 (3 digits) of the code, department (3xx) or government (5xx) classification'),
  s('economic_section', 'Economic 款 (5 digits) of the code, department (3xx) or government (5xx) classification'),
  s('official_name', 'Official name of the code (registry edition; codes.csv says whether it is verified); empty when the code is not in the registry'),
  s('printed_name', 'Row label as printed, whitespace removed'),
  s('project', '项目名称 in project tables'),
  s('printed_value', 'The figure as printed, commas removed', REQUIRED),
  s('printed_unit', 'Unit the table prints in (元, 千元, 万元, 亿元)', { enum: ['元', '千元', '万元', '亿元'] }),
  n('amount_yuan', 'The amount in 元, exact (converted in integer 分); empty when the table\'s unit is unknown'),
  n('proposed_yuan', 'amount_yuan when phase is proposed, else empty'),
  n('executed_yuan', 'amount_yuan when phase is executed, else empty'),
];

export const DOCUMENT_FIELDS: Field[] = [
  s('document_id', 'First 16 hex digits of the source PDF\'s sha256', REQUIRED),
  s('source_file', 'File name of the source PDF'),
  s('sha256', 'sha256 of the source PDF', REQUIRED),
  i('bytes', 'Size of the source PDF'),
  i('pages', 'Pages in the PDF'),
  s('unit', 'Publishing organisation as printed'),
  s('region', 'Region read from the organisation\'s name'),
  i('year', 'Budget or final-accounts year'),
  s('kind', 'budget or final', { enum: ['budget', 'final'] }),
  s('scope', 'unit or department', { enum: ['unit', 'department'] }),
  s('currency_unit', 'The unit most tables print in', { enum: ['元', '千元', '万元', '亿元'] }),
  i('tables', 'Tables found'),
  i('typed_tables', 'Tables whose type was recognised'),
  i('rows', 'Table rows'),
  i('cells', 'Amount cells (lines in cells.csv)'),
  i('checks_passed', 'Validation checks that passed (from the extraction)'),
  i('checks_failed', 'Validation checks that failed'),
  i('checks_skipped', 'Validation checks that were skipped'),
  i('registry_failed', 'Code-registry checks that failed (code_registry, code_registry_name) at merge time'),
  i('registry_unknown', 'Well-formed codes the registry does not list (code_registry unknown) at merge time'),
  i('pages_pdf', 'Pages read from the PDF text layer'),
  i('pages_ocr', 'Pages read by OCR'),
  i('pages_without_text', 'Pages with no usable text'),
  n('ocr_share', 'Share of pages read by OCR (0–1)', { minimum: 0, maximum: 1 }),
  s('text_source', 'pdf, ocr, mixed or none', { enum: ['pdf', 'ocr', 'mixed', 'none'] }),
  i('warnings', 'Extraction warnings'),
];

export const CODE_FIELDS: Field[] = [
  s('code', 'Classification code seen in any document', REQUIRED),
  s('classification', 'functional, economic (department, 3xx) or government_economic (5xx); empty for other codes', { enum: ['functional', 'economic', 'government_economic'] }),
  s('level', '类, 款 or 项', { enum: ['类', '款', '项'] }),
  s('parent', 'Code one level up'),
  s('official_name', 'Official name (registry edition); empty when not in the registry'),
  b('in_registry', 'The registry holds the code'),
  b('verified', 'The registry\'s name is confirmed by a printed document (registry_documents > 0)'),
  s('registry_source', 'Evidence for the registry entry: official (in the published 科目 list) or observed (not in the list, printed alike by two or more cities); empty when not in the registry', { enum: ['official', 'observed'] }),
  i('registry_documents', 'Real documents the registry saw printing the code under its name (its evidence; not this dataset)'),
  i('registry_cities', 'Cities among them'),
  i('valid_from', 'First year the code is valid; empty when valid since before 2019 or unknown'),
  i('valid_until', 'Last year the code is valid; empty when still valid'),
  s('former_names', 'Known former official names, "name (until YEAR)", joined with "; "'),
  i('documents', 'Documents the code is printed in'),
  s('printed_names', 'Names printed for the code, each with the number of documents: "行政运行 (12); …"'),
  s('name_status', 'official: every printed name is the official one; renamed: some are known former names; differs: some differ; not_in_registry', { enum: ['official', 'renamed', 'differs', 'not_in_registry'] }),
];

export type Row = Record<string, string | number | boolean | null>;

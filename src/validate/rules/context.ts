import type { Check, OutputDocument } from '../../model/document.js';
import type { ValidationSettings } from '../settings.js';
import type { TableView } from '../tables.js';

/** What every table rule receives: the document, its table views and the tolerances. */
export interface RuleContext {
  doc: OutputDocument;
  views: TableView[];
  settings: ValidationSettings;
}

export type TableRule = (ctx: RuleContext) => Check[];

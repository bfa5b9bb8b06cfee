/**
 * Links to a cell of the same workbook, written the way the file format defines them. exceljs 4.4 writes
 * such a link with its `location` and also with an external relationship whose target is the same text,
 * which Excel, LibreOffice and WPS follow instead, looking for a file named like the cell reference
 * (exceljs issue #3027). Dropping that relationship leaves the location alone, and the link jumps to the
 * cell. Only writing is changed; reading files is not.
 */
import { createRequire } from 'node:module';

interface HyperlinkModel { address: string; target: string; rId?: string }
interface SheetModel { hyperlinks?: HyperlinkModel[]; rels?: { Id: string }[] }
interface XformClass { prototype: { prepare(model: SheetModel, options: unknown): void } }

const require = createRequire(import.meta.url);
const WorksheetXform = require('exceljs/lib/xlsx/xform/sheet/worksheet-xform.js') as XformClass;
const HyperlinkXform = require('exceljs/lib/xlsx/xform/sheet/hyperlink-xform.js') as { prototype: { isInternalLink(m: HyperlinkModel): boolean } };

let installed = false;

/** Make every workbook written from now on carry its internal links as locations only (idempotent). */
export function writeInternalLinksAsLocations(): void {
  if (installed) return;
  installed = true;
  const prepare = WorksheetXform.prototype.prepare;
  const isInternal = HyperlinkXform.prototype.isInternalLink;
  WorksheetXform.prototype.prepare = function prepareWithLocalLinks(model: SheetModel, options: unknown): void {
    prepare.call(this, model, options);
    const internal = new Set<string>();
    for (const link of model.hyperlinks ?? []) {
      if (link.rId && isInternal(link)) { internal.add(link.rId); delete link.rId; }
    }
    if (internal.size) model.rels = (model.rels ?? []).filter(r => !internal.has(r.Id));
  };
}

import path from 'node:path';
import type { DebugDocument } from '../model/debug.js';
import type { OutputDocument } from '../model/document.js';
import { gathered, replaceDirAtomic, writeChunksAtomic, writeFileAtomic } from './atomicWrite.js';
import { safeName, tidyCsvPieces, wideCsv, wideCsvName } from './csv.js';
import { indicatorsCsv } from './indicatorsCsv.js';
import { recordJsonPieces } from './recordJson.js';

function* withNewline(pieces: Iterable<string>): Generator<string> {
  yield* pieces;
  yield '\n';
}

/** Base name of a document's outputs, from its file name, that stays inside the output folder. */
export const outputBaseName = (sourceFile: string): string => safeName(path.basename(sourceFile).replace(/\.pdf$/i, ''));

export interface OutputOptions {
  /** Also write DIR/NAME.xlsx, the workbook for spreadsheet users. */
  xlsx?: boolean;
  /** The layout stage's intermediates, written to DIR/NAME.debug.json (extract --debug). */
  debug?: DebugDocument;
}

/**
 * DIR/NAME.json, DIR/NAME.csv, DIR/NAME.indicators.csv and DIR/NAME/<n>-<title>.csv (and DIR/NAME.xlsx when
 * asked), each written whole or not at all. The JSON is written last: its presence means the other files are
 * complete. `base` (default: from the source file name) lets a batch give two inputs with the same file name
 * distinct outputs.
 */
export async function writeOutputs(doc: OutputDocument, outDir: string, base = outputBaseName(doc.source.file), options: OutputOptions = {}): Promise<string[]> {
  const wide = new Map<string, string>();
  for (const [i, table] of doc.tables.entries()) {
    let name = wideCsvName(table, i);
    while (wide.has(name)) name = name.replace(/\.csv$/, `_${i + 1}.csv`);
    wide.set(name, await wideCsv(table));
  }
  const jsonFile = path.join(outDir, `${base}.json`), csvFile = path.join(outDir, `${base}.csv`);
  await replaceDirAtomic(path.join(outDir, base), wide);
  const indicatorsFile = path.join(outDir, `${base}.indicators.csv`);
  await writeChunksAtomic(csvFile, gathered(tidyCsvPieces(doc)));
  await writeFileAtomic(indicatorsFile, await indicatorsCsv(doc));
  const written = [jsonFile, csvFile, indicatorsFile, path.join(outDir, base)];
  if (options.xlsx) {
    // Loaded only when asked for: exceljs is large, and most runs do not want a workbook.
    const { xlsxBytes } = await import('./xlsx/workbook.js');
    const xlsxFile = path.join(outDir, `${base}.xlsx`);
    await writeFileAtomic(xlsxFile, await xlsxBytes(doc));
    written.push(xlsxFile);
  }
  if (options.debug) {
    const debugFile = path.join(outDir, `${base}.debug.json`);
    await writeFileAtomic(debugFile, JSON.stringify(options.debug) + '\n');
    written.push(debugFile);
  }
  // Written as it is laid out: a thousand-page document's JSON, held whole, would be the largest thing in memory.
  await writeChunksAtomic(jsonFile, gathered(withNewline(recordJsonPieces(doc))));
  return written;
}

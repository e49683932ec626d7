/**
 * exceljs' streaming workbook writer, with the four adjustments a bilan
 * needs. Each sheet is written out (rows as they are done, the rest on
 * commit) before the next is built, so a 400-sheet workbook is never whole
 * in memory: exceljs' in-memory writer builds the model of every sheet at
 * once, 2 GB for the ×100 schéma of the benchmark.
 *
 * The adjustments reach into the writer's internals (exceljs 4.4); they are
 * all here:
 * - internal links are written as Excel writes them, a `location` and no
 *   relationship (the writer makes `#'Sheet'!A1` an external relationship);
 * - the cells of a merged area keep each their own style (its `mergeCells`
 *   gives them the first cell's);
 * - a row holding only styled blank cells is written (the writer skips rows
 *   without values: input cells would lose their borders and unlocking);
 * - `fullCalcOnLoad` is set (the writer writes an empty `calcPr`), so that
 *   formulas without a cached result are computed on opening.
 */
import { PassThrough } from "node:stream";
import ExcelJS from "exceljs";

interface WriterInternals {
  _merges: string[];
  _sheetRelsWriter: { _hyperlinks: { address: string; target: string }[] };
}

interface WorkbookInternals {
  _worksheets: unknown[];
  _definedNames: { model: unknown };
  views: unknown;
  zip: { append(data: string, options: { name: string }): void };
}

/** What exceljs writes as a `location` (its own test, hyperlink-xform.js). */
const LOCATION = /^[^!]+![a-zA-Z]+[\d]+$/;

export interface StreamingWorkbook {
  workbook: ExcelJS.stream.xlsx.WorkbookWriter;
  /** The file, once every sheet is committed. */
  finish(): Promise<Buffer>;
}

export function streamingWorkbook(meta: { creator: string; created: Date }): StreamingWorkbook {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on("data", (chunk: Buffer) => chunks.push(chunk));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: true,
    ...meta,
    ...{ modified: meta.created, lastModifiedBy: meta.creator },
  } as Partial<ExcelJS.stream.xlsx.WorkbookStreamWriterOptions>);
  fullCalcOnLoad(workbook);
  return {
    workbook,
    finish: async () => {
      await workbook.commit();
      return Buffer.concat(chunks);
    },
  };
}

/** Writes `text` in `address` with a link to `target` (`#'Sheet'!A1` inside the workbook, or a URL). */
export function writeLink(ws: ExcelJS.Worksheet, address: string, text: string, target: string): void {
  const location = target.startsWith("#") ? target.slice(1) : undefined;
  if (location && LOCATION.test(location)) {
    ws.getCell(address).value = text;
    (ws as unknown as WriterInternals)._sheetRelsWriter._hyperlinks.push({ address, target: location });
  } else ws.getCell(address).value = { text, hyperlink: target };
}

/** Merges `range` (A1:B2) leaving every cell its own style. */
export function mergeKeepingStyles(ws: ExcelJS.Worksheet, range: string): void {
  (ws as unknown as WriterInternals)._merges.push(range);
}

/** Commits `row`, written even when its cells are all blank (their style is what matters). */
export function commitRow(row: ExcelJS.Row): void {
  if (!row.hasValues && row.cellCount > 0) Object.defineProperty(row, "hasValues", { value: true });
  row.commit();
}

/** The writer's own `addWorkbook`, with `fullCalcOnLoad`. */
function fullCalcOnLoad(workbook: ExcelJS.stream.xlsx.WorkbookWriter): void {
  const WorkbookXform = require("exceljs/lib/xlsx/xform/book/workbook-xform") as new () => {
    prepare(model: unknown): void;
    toXml(model: unknown): string;
  };
  const wb = workbook as unknown as WorkbookInternals;
  workbook.addWorkbook = async () => {
    const model = {
      worksheets: wb._worksheets.filter(Boolean),
      definedNames: wb._definedNames.model,
      views: wb.views,
      properties: {},
      calcProperties: { fullCalcOnLoad: true },
    };
    const xform = new WorkbookXform();
    xform.prepare(model);
    wb.zip.append(xform.toXml(model), { name: "/xl/workbook.xml" });
  };
}

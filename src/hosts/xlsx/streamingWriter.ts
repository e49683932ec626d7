/**
 * exceljs' streaming workbook writer, with the adjustments a bilan needs.
 * Each sheet is written out (rows as they are done, the rest on commit)
 * before the next is built, so a 400-sheet workbook is never whole in
 * memory: exceljs' in-memory writer builds the model of every sheet at
 * once, 2 GB for the ×100 schéma of the benchmark.
 *
 * The adjustments reach into the writer's internals (exceljs 4.4); they are
 * all here:
 * - a sheet's parts after its rows are written in the order of the OOXML
 *   schema (CT_Worksheet), which Excel requires and the writer does not
 *   follow (protection after the filter, links before the conditional
 *   formats: Excel then "repairs" the file), and the data bars get their
 *   Excel 2010 extension (the writer leaves its reference empty);
 * - internal links are written as Excel writes them, a `location` and no
 *   relationship (the writer makes `#'Sheet'!A1` an external relationship);
 * - the cells of a merged area keep each their own style (its `mergeCells`
 *   gives them the first cell's);
 * - a row holding only styled blank cells is written (the writer skips rows
 *   without values: input cells would lose their borders and unlocking);
 * - `fullCalcOnLoad` is set (the writer writes an empty `calcPr`), so that
 *   formulas without a cached result are computed on opening;
 * - notes (comments carried from an earlier workbook) get their
 *   `legacyDrawing` and their parts closed, and an empty author instead of
 *   the writer's invented « Author »: who wrote a note is in its text;
 * - quotes and apostrophes in element text are written as they are (the
 *   writer makes them `&quot;` and `&apos;`, which XML requires only inside
 *   attributes): the metadata sheet's JSON held 1.6 million of them in a
 *   ×10 workbook, and a reader spends most of its time on entities.
 */
import { PassThrough } from "node:stream";
import ExcelJS from "exceljs";

/** The last column and row, zero-based: how far a page break runs. */
const MAX_COLUMN_INDEX = 16383;
const MAX_ROW_INDEX = 1048575;

interface WriterInternals {
  _merges: string[];
  _sheetRelsWriter: { commit(): void };
  _rows: unknown[] | null;
  _workbook: { styles: unknown };
  startedData: boolean;
  committed: boolean;
  conditionalFormatting: unknown[];
  stream: { write(text: string): void; end(): void };
  _writeRow(row: unknown): void;
  _writeColumns(): void;
  _writeOpenSheetData(): void;
  _writeCloseSheetData(): void;
  _writeSheetProtection(): void;
  _writeAutoFilter(): void;
  _writeMergeCells(): void;
  _writeDataValidations(): void;
  _writeHyperlinks(): void;
  _writePageMargins(): void;
  _writePageSetup(): void;
  _writeHeaderFooter(): void;
  _writeRowBreaks(): void;
  rowBreaks: { id: number; max: number; man: number }[];
  _writeLegacyData(): void;
  _writeCloseWorksheet(): void;
  _sheetCommentsWriter: SheetCommentsWriter;
}

interface SheetCommentsWriter {
  commentsStream: { write(text: string): unknown };
  _writeOpen(): void;
  commit(): void;
}

interface Xform {
  prepare(model: unknown, options: unknown): void;
  toXml(model: unknown): string;
}

interface WorkbookInternals {
  _worksheets: unknown[];
  _definedNames: { model: unknown };
  views: unknown;
  zip: { append(data: string, options: { name: string }): void };
}

// exceljs' own parts, from the very modules its writer uses (its "main" is lib/, not a bundle).
const ConditionalFormattings =
  require("exceljs/lib/xlsx/xform/sheet/cf/conditional-formattings-xform") as new () => Xform;
const ExtLst = require("exceljs/lib/xlsx/xform/sheet/ext-lst-xform") as new () => Xform;
const WorkbookXform = require("exceljs/lib/xlsx/xform/book/workbook-xform") as new () => Xform;
interface XmlStreamInternals {
  _xml: string[];
  open: boolean;
  leaf: boolean;
}
const XmlStream = require("exceljs/lib/utils/xml-stream") as {
  prototype: { writeText(this: XmlStreamInternals, text: unknown): void; __bilanText?: true };
};

export interface StreamingWorkbook {
  workbook: ExcelJS.stream.xlsx.WorkbookWriter;
  /** The file, once every sheet is committed. */
  finish(): Promise<Buffer>;
}

export function streamingWorkbook(meta: { creator: string; created: Date }): StreamingWorkbook {
  quotesAsTheyAreInText();
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
  const addWorksheet = workbook.addWorksheet.bind(workbook);
  workbook.addWorksheet = (name, options) => {
    const ws = addWorksheet(name, options);
    withoutNoteAuthor((ws as unknown as WriterInternals)._sheetCommentsWriter);
    return ws;
  };
  return {
    workbook,
    finish: async () => {
      await workbook.commit();
      return Buffer.concat(chunks);
    },
  };
}

/** What element text must escape: `&`, `<`, `>`; the control characters XML 1.0 cannot hold are left out, as the writer does. */
// eslint-disable-next-line no-control-regex -- the control characters are what it looks for.
const TEXT_ESCAPED = /[&<>\x00-\x08\x0B\x0C\x0E-\x1F\x7F]/g;
const ENTITY: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;" };

function quotesAsTheyAreInText(): void {
  const proto = XmlStream.prototype;
  if (proto.__bilanText) return;
  // exceljs's writeText, with the escaping above instead of its own.
  proto.writeText = function (this: XmlStreamInternals, text) {
    if (this.open) {
      this._xml.push(">");
      this.open = false;
    }
    this.leaf = false;
    this._xml.push(String(text).replace(TEXT_ESCAPED, (c) => ENTITY[c] ?? ""));
  };
  proto.__bilanText = true;
}

/**
 * Writes what follows the rows of `ws` and closes it, in CT_Worksheet's
 * order: sheetData, sheetProtection, autoFilter, mergeCells,
 * conditionalFormatting, dataValidations, hyperlinks, pageMargins,
 * pageSetup, headerFooter, rowBreaks, colBreaks, legacyDrawing (notes), extLst. (No
 * images in a bilan: their parts are not written.) A page starts at each of `breaks`' rows and columns
 * (the writer has row breaks, written from the last row out, but no column breaks).
 */
export function commitSheet(ws: ExcelJS.Worksheet, breaks: { rows: number[]; columns: number[] }): void {
  const w = ws as unknown as WriterInternals;
  // A break's id is the row or column it follows.
  for (const row of breaks.rows) w.rowBreaks.push({ id: row - 1, max: MAX_COLUMN_INDEX, man: 1 });
  for (const row of w._rows ?? []) if (row) w._writeRow(row);
  w._rows = null;
  if (!w.startedData) {
    // A sheet without rows still has its column widths.
    w._writeColumns();
    w._writeOpenSheetData();
  }
  w._writeCloseSheetData();
  w._writeSheetProtection();
  w._writeAutoFilter();
  w._writeMergeCells();
  // The extension is prepared first: it gives each data bar the id its rule refers to.
  const formats = new ConditionalFormattings();
  const extension = new ExtLst();
  const options = { styles: w._workbook.styles };
  formats.prepare(w.conditionalFormatting, options);
  extension.prepare({ conditionalFormattings: w.conditionalFormatting }, options);
  w.stream.write(formats.toXml(w.conditionalFormatting));
  w._writeDataValidations();
  w._writeHyperlinks();
  w._writePageMargins();
  w._writePageSetup();
  w._writeHeaderFooter();
  w._writeRowBreaks();
  if (breaks.columns.length) {
    const brk = breaks.columns.map((c) => `<brk id="${c - 1}" max="${MAX_ROW_INDEX}" man="1"/>`).join("");
    w.stream.write(
      `<colBreaks count="${breaks.columns.length}" manualBreakCount="${breaks.columns.length}">${brk}</colBreaks>`,
    );
  }
  w._writeLegacyData();
  w.stream.write(extension.toXml({ conditionalFormattings: w.conditionalFormatting }));
  w._writeCloseWorksheet();
  w.stream.end();
  w._sheetCommentsWriter.commit();
  w._sheetRelsWriter.commit();
  w.committed = true;
}

/**
 * A string written in its cell, spaces kept (`inlineStr`). Without shared
 * strings the writer's own form is `t="str"`, which the schema means for a
 * formula's result and which does not say that spaces matter.
 */
export const inlineString = (text: string): ExcelJS.CellRichTextValue => ({ richText: [{ text }] });

/** Merges `range` (A1:B2) leaving every cell its own style. */
export function mergeKeepingStyles(ws: ExcelJS.Worksheet, range: string): void {
  (ws as unknown as WriterInternals)._merges.push(range);
}

/** Commits `row`, written even when its cells are all blank (their style is what matters). */
export function commitRow(row: ExcelJS.Row): void {
  if (!row.hasValues && row.cellCount > 0) Object.defineProperty(row, "hasValues", { value: true });
  row.commit();
}

/** The notes part of a sheet, its one author written empty (the writer's is « Author »). */
function withoutNoteAuthor(writer: SheetCommentsWriter): void {
  const open = writer._writeOpen;
  writer._writeOpen = function (this: SheetCommentsWriter) {
    const stream = this.commentsStream;
    const write = stream.write;
    // The header is the stream's first write.
    stream.write = (text: string) => {
      stream.write = write;
      return write.call(stream, text.replace("<author>Author</author>", "<author></author>"));
    };
    open.call(this);
  };
}

/** The writer's own `addWorkbook`, with `fullCalcOnLoad`. */
function fullCalcOnLoad(workbook: ExcelJS.stream.xlsx.WorkbookWriter): void {
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
    xform.prepare(model, {});
    wb.zip.append(xform.toXml(model), { name: "/xl/workbook.xml" });
  };
}

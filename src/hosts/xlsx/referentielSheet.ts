/** The référentiel table in an .xlsx workbook (read one sheet, or write a new workbook). */
import ExcelJS from "exceljs";
import type { Cell, Table } from "../../model/referentiel/cells";
import { META_SHEET } from "../../engine/layout/metaSheet";
import { checkXlsx, type Refusal } from "./guard";
import { REGLES_SHEET } from "../../model/referentiel/regles";

export const REFERENTIEL_SHEET = "Référentiel";

/** Plain value of an exceljs cell: rich text flattened, formula results, dates as ISO days. */
export function plainValue(v: ExcelJS.CellValue): Cell {
  if (v === null || v === undefined) return undefined;
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === "object") {
    if ("richText" in v) return v.richText.map((r) => r.text).join("");
    if ("result" in v) return plainValue(v.result as ExcelJS.CellValue);
    if ("text" in v) return String(v.text);
    if ("error" in v) return String(v.error);
  }
  return String(v);
}

export class SheetNotFound extends Error {
  constructor(
    readonly sheet: string,
    readonly known: string[],
  ) {
    super(`sheet not found: ${sheet}`);
  }
}

/** A bilan workbook, not a référentiel table: its model is read from its metadata instead. */
export class BilanWorkbook extends Error {
  constructor() {
    super("bilan workbook");
  }
}

/** A file the guard refused before parsing (encrypted, not a workbook, a zip bomb…), with its reason. */
export class RefusedWorkbook extends Error {
  constructor(readonly refusal: Refusal) {
    super(refusal.key);
  }
}

/**
 * Reads the sheet named `sheet`, else the one called Référentiel, else the first — unless the workbook is a bilan
 * (it has the metadata sheet and no Référentiel): `BilanWorkbook` is thrown, for its caller to read it as one.
 * The header is the first non-empty row.
 */
export async function readReferentielXlsx(data: ArrayBuffer | Buffer, source: string, sheet?: string): Promise<Table> {
  const checked = await checkXlsx(data instanceof ArrayBuffer ? new Uint8Array(data) : data);
  if ("key" in checked) throw new RefusedWorkbook(checked);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as ArrayBuffer);
  const names = wb.worksheets.map((w) => w.name);
  if (!sheet && !wb.getWorksheet(REFERENTIEL_SHEET) && wb.getWorksheet(META_SHEET)) throw new BilanWorkbook();
  const ws = sheet ? wb.getWorksheet(sheet) : (wb.getWorksheet(REFERENTIEL_SHEET) ?? wb.worksheets[0]);
  if (!ws) throw new SheetNotFound(sheet ?? REFERENTIEL_SHEET, names);
  const fileName = source.replace(/^.*[\\/]/, "");
  const table = tableOf(ws, fileName);
  // The rules sheet goes with the table it belongs to: never when it is the sheet asked for itself.
  const regles = wb.getWorksheet(REGLES_SHEET);
  if (regles && regles !== ws) table.regles = tableOf(regles, fileName);
  return table;
}

/** A sheet's rows from its first non-empty one (the header), values made plain. */
function tableOf(ws: ExcelJS.Worksheet, fileName: string): Table {
  const rows: Cell[][] = [];
  let firstRow = 0;
  ws.eachRow({ includeEmpty: true }, (row, n) => {
    const values = (row.values as ExcelJS.CellValue[]).slice(1).map(plainValue);
    if (!firstRow) {
      if (values.every((v) => v === undefined || v === "")) return;
      firstRow = n;
    }
    rows[n - firstRow] = values;
  });
  for (let i = 0; i < rows.length; i++) rows[i] ??= [];
  // Excel's own notation for a cell of another workbook: [file.xlsx]Sheet!E12
  return { source: `[${fileName}]${ws.name}`, fileName, firstRow: firstRow || 1, rows };
}

/**
 * A workbook holding the table on a sheet Référentiel, and the model's rules on a sheet Règles when it has some:
 * bold frozen headers, filters, wrapped text.
 */
export async function writeReferentielXlsx(rows: Cell[][], regles: Cell[][] = []): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  addTable(wb, REFERENTIEL_SHEET, rows);
  if (regles.length) addTable(wb, REGLES_SHEET, regles);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function addTable(wb: ExcelJS.Workbook, name: string, rows: Cell[][]): void {
  const ws = wb.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });
  for (const r of rows) ws.addRow(r.map((c) => (c === "" ? null : c)));
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: "middle", wrapText: true };
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: rows[0]?.length ?? 1 } };
  ws.columns.forEach((col) => {
    col.width = 24;
    col.alignment = { vertical: "top", wrapText: true };
  });
}

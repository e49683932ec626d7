/**
 * Reads back what a bilan workbook holds, with exceljs, as plain data: for
 * tests of the .xlsx host (locking, number formats, validations, conditional
 * formats, merges, names) and as the reference the product's own reader,
 * src/hosts/xlsx/valueReader.ts, is compared with.
 */
import ExcelJS from "exceljs";
import { installExceljsQuirks } from "./exceljsQuirks";
import { plainDefinedNames } from "../../src/hosts/xlsx/definedNames";

export type ReadScalar = string | number | boolean;

export interface ReadCell {
  /** The constant, or for a formula its cached result; dates as `YYYY-MM-DD`, errors as `#DIV/0!`. Absent on merged cells other than the first. */
  value?: ReadScalar;
  /** With a leading `=`. */
  formula?: string;
  /** Cached result of a formula (absent when the file has none). */
  result?: ReadScalar;
  /** Internal (`#'Sheet'!A1`) or external link. */
  link?: string;
  locked: boolean;
  numFmt?: string;
}

export interface ReadValidation {
  type: string;
  operator?: string;
  /** As in the file: numbers, a quoted list (`"Oui,Non"`), dates as `YYYY-MM-DD`. */
  formulae: ReadScalar[];
  allowBlank: boolean;
  showInputMessage: boolean;
  promptTitle?: string;
  prompt?: string;
  showErrorMessage: boolean;
  errorStyle?: string;
  errorTitle?: string;
  error?: string;
}

export interface ReadConditionalFormat {
  /** The ranges of the rule (`sqref`). */
  ranges: string[];
  type: string;
  priority: number;
  /** Without the leading `=`, as in the file. */
  formula?: string;
  style?: { fill?: string; color?: string; bold?: boolean };
}

export interface ReadSheet {
  name: string;
  state: "visible" | "hidden" | "veryHidden";
  /** By address (`B7`): cells with a value, a formula or a style. */
  cells: Record<string, ReadCell>;
  /** By single-cell address: the validation that applies there. */
  validations: Record<string, ReadValidation>;
  conditionalFormats: ReadConditionalFormat[];
  merges: string[];
  protected: boolean;
}

export interface ReadWorkbook {
  sheets: ReadSheet[];
  /** Workbook-scoped defined names (sheet-scoped built-ins such as print titles are left out). */
  names: Record<string, { sheet: string; ref: string }>;
}

export async function readXlsx(data: Buffer | ArrayBuffer | Uint8Array): Promise<ReadWorkbook> {
  installExceljsQuirks();
  const wb = new ExcelJS.Workbook();
  const rawNames = plainDefinedNames(wb);
  await wb.xlsx.load(data as ArrayBuffer);

  const names: ReadWorkbook["names"] = {};
  for (const n of rawNames) {
    if (n.localSheetId !== undefined || n.ranges.length !== 1) continue;
    const parsed = splitSheetRef(n.ranges[0]!);
    if (parsed) names[n.name] = parsed;
  }
  return { sheets: wb.worksheets.map(readSheet), names };
}

function readSheet(ws: ExcelJS.Worksheet): ReadSheet {
  const cells: Record<string, ReadCell> = {};
  // Rows of empty input cells have no values: exceljs skips them unless asked.
  ws.eachRow({ includeEmpty: true }, (row) => {
    row.eachCell({ includeEmpty: true }, (cell) => {
      const c = readCell(cell);
      if (c) cells[cell.address] = c;
    });
  });

  const validations: Record<string, ReadValidation> = {};
  const byObject = new Map<object, ReadValidation>();
  const dvModel = (ws as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation | undefined> } })
    .dataValidations.model;
  for (const [address, dv] of Object.entries(dvModel)) {
    if (!dv) continue;
    // exceljs gives every cell of a range the same object: converted once.
    let v = byObject.get(dv);
    if (!v) byObject.set(dv, (v = readValidation(dv)));
    validations[address] = v;
  }

  const model = ws.model as unknown as {
    conditionalFormattings?: { ref: string; rules: (ExcelJS.ConditionalFormattingRule & { formulae?: string[] })[] }[];
    merges?: string[];
  };
  const conditionalFormats: ReadConditionalFormat[] = [];
  for (const cf of model.conditionalFormattings ?? [])
    for (const r of cf.rules) {
      const style = r.style ? dxf(r.style) : undefined;
      conditionalFormats.push({
        ranges: cf.ref.split(/\s+/).filter(Boolean),
        type: r.type,
        priority: r.priority,
        ...(r.formulae?.[0] !== undefined ? { formula: String(r.formulae[0]) } : {}),
        ...(style ? { style } : {}),
      });
    }

  const protection = (ws as unknown as { sheetProtection?: { sheet?: boolean } | null }).sheetProtection;
  return {
    name: ws.name,
    state: ws.state ?? "visible",
    cells,
    validations,
    conditionalFormats,
    merges: model.merges ?? [],
    protected: Boolean(protection?.sheet),
  };
}

function readCell(cell: ExcelJS.Cell): ReadCell | undefined {
  const style = cell.style ?? {};
  const hasStyle = Object.keys(style).length > 0;
  const locked = style.protection?.locked !== false;
  const numFmt = style.numFmt;
  const out: ReadCell = { locked, ...(numFmt ? { numFmt } : {}) };
  // The other cells of a merged area answer with the first cell's value: they have none of their own.
  if (cell.type === ExcelJS.ValueType.Merge) return hasStyle ? out : undefined;
  const v = cell.value;
  if (v === null || v === undefined) return hasStyle ? out : undefined;
  if (typeof v === "object" && ("formula" in v || "sharedFormula" in v)) {
    const formula = cell.formula;
    if (formula) out.formula = `=${formula}`;
    const result = scalar(cell.result as ExcelJS.CellValue);
    if (result !== undefined) {
      out.result = result;
      out.value = result;
    }
    return out;
  }
  if (typeof v === "object" && "hyperlink" in v) {
    out.value = v.text === undefined ? "" : (scalar(v.text as ExcelJS.CellValue) ?? "");
    out.link = v.hyperlink;
    return out;
  }
  const value = scalar(v);
  if (value !== undefined) out.value = value;
  return out;
}

function scalar(v: ExcelJS.CellValue | undefined): ReadScalar | undefined {
  if (v === null || v === undefined) return undefined;
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v;
  if (v instanceof Date) return isoDay(v);
  if (typeof v === "object") {
    if ("error" in v) return String(v.error);
    if ("richText" in v) return v.richText.map((r) => r.text).join("");
    if ("text" in v) return scalar(v.text as ExcelJS.CellValue);
    if ("result" in v) return scalar(v.result as ExcelJS.CellValue);
  }
  return String(v);
}

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

function readValidation(dv: ExcelJS.DataValidation): ReadValidation {
  return {
    type: dv.type,
    ...(dv.operator ? { operator: dv.operator } : {}),
    formulae: (dv.formulae ?? []).map((f: unknown) => (f instanceof Date ? isoDay(f) : (f as ReadScalar))),
    allowBlank: Boolean(dv.allowBlank),
    showInputMessage: Boolean(dv.showInputMessage),
    ...(dv.promptTitle !== undefined ? { promptTitle: dv.promptTitle } : {}),
    ...(dv.prompt !== undefined ? { prompt: dv.prompt } : {}),
    showErrorMessage: Boolean(dv.showErrorMessage),
    ...(dv.errorStyle !== undefined ? { errorStyle: dv.errorStyle } : {}),
    ...(dv.errorTitle !== undefined ? { errorTitle: dv.errorTitle } : {}),
    ...(dv.error !== undefined ? { error: dv.error } : {}),
  };
}

function color(c: Partial<ExcelJS.Color> | undefined): string | undefined {
  return c?.argb ? `#${c.argb.slice(-6).toUpperCase()}` : undefined;
}

function dxf(style: Partial<ExcelJS.Style>): ReadConditionalFormat["style"] {
  const out: NonNullable<ReadConditionalFormat["style"]> = {};
  const fill = style.fill as ExcelJS.FillPattern | undefined;
  const fillColor = fill?.type === "pattern" ? (color(fill.bgColor) ?? color(fill.fgColor)) : undefined;
  if (fillColor) out.fill = fillColor;
  const fontColor = color(style.font?.color);
  if (fontColor) out.color = fontColor;
  if (style.font?.bold) out.bold = true;
  return Object.keys(out).length ? out : undefined;
}

/** `'Axe 1 - L''enfance'!$A$4:$K$20` → sheet `Axe 1 - L'enfance`, ref `$A$4:$K$20`. */
export function splitSheetRef(text: string): { sheet: string; ref: string } | undefined {
  const quoted = /^'((?:[^']|'')+)'!(.+)$/.exec(text);
  if (quoted) return { sheet: quoted[1]!.replace(/''/g, "'"), ref: quoted[2]! };
  const plain = /^([^'!]+)!(.+)$/.exec(text);
  return plain ? { sheet: plain[1]!, ref: plain[2]! } : undefined;
}

/**
 * The .xlsx host: writes a WorkbookPlan as an Excel workbook with exceljs'
 * streaming writer, sheet after sheet and row after row (streamingWriter.ts),
 * so that memory grows with the largest sheet, not with the workbook.
 * Everything in the plan is rendered; nothing is added that the plan does
 * not say, except what Excel needs to show it (recalculation on load).
 *
 * Style objects are made once per plan style and shared by every cell using
 * them (exceljs then also shares the style record), so that 600,000 cells
 * cost no more than the cells themselves.
 */
import ExcelJS from "exceljs";
import { a1, parseA1, sheetRef } from "../../util/a1";
import { cellsOf, rectangles } from "../../util/rectangles";
import type {
  CellPlan,
  CellStyle,
  ConditionalFormatPlan,
  SheetPlan,
  ValidationPlan,
  ValidationRule,
  WorkbookPlan,
} from "../../engine/plan";
import { commitRow, commitSheet, inlineString, mergeKeepingStyles, streamingWorkbook } from "./streamingWriter";
import { plainDefinedNames, type RawDefinedName } from "./definedNames";
import { ratioPartFormulaAt } from "../../engine/layout/inputs";

/** Excel's paper size codes. */
const PAPER_SIZE = { A4: 9 } as const;
/** The largest number Excel takes, for a decimal validation without bounds. */
const ANY_NUMBER = "9.99999999999999E+307";
/** Excel refuses an inline list longer than this (the quotes excluded). */
const LIST_MAX = 255;

export async function renderPlanToXlsx(plan: WorkbookPlan): Promise<Buffer> {
  const file = streamingWorkbook({ creator: "bilan-schema", created: new Date(plan.meta.generatedAt) });
  const wb = file.workbook;

  const styles = new Map<string, Partial<ExcelJS.Style>>();
  for (const [key, style] of Object.entries(plan.styles)) styles.set(key, excelStyle(style));
  const protections = new Map<string, Partial<ExcelJS.WorksheetProtection>>();

  const names: RawDefinedName[] = plan.names.map((n) => ({ name: n.name, ranges: [sheetRef(n.sheet, n.ref)] }));
  for (const [index, sheet] of plan.sheets.entries()) {
    // The metadata's long unique strings are written in their cells: shared, they would all be built into
    // one string at the end (0.8 GB more for the ×100 schéma).
    const sharedStrings = sheet.kind !== "meta";
    const options = { ...sheetOptions(sheet), useSharedStrings: sharedStrings };
    const ws = wb.addWorksheet(sheet.name, options as Partial<ExcelJS.AddWorksheetOptions>);
    renderSheet(ws, sheet, styles, sharedStrings);
    if (sheet.protection) await protect(ws, sheet.protection, protections);
    commitSheet(ws, { rows: sheet.print?.rowBreaks ?? [], columns: sheet.print?.columnBreaks ?? [] });
    const titles = printTitles(sheet);
    if (titles.length)
      // Written here rather than by exceljs, which does not double the apostrophes of a sheet name.
      names.push({ name: "_xlnm.Print_Titles", localSheetId: index, ranges: titles });
  }
  plainDefinedNames(wb, names);
  const firstVisible = Math.max(
    0,
    plan.sheets.findIndex((s) => s.visibility === "visible"),
  );
  wb.views = [
    {
      x: 0,
      y: 0,
      width: 28800,
      height: 17000,
      firstSheet: firstVisible,
      activeTab: firstVisible,
      visibility: "visible",
    },
  ];
  return file.finish();
}

/** What the streaming writer writes when the sheet is opened: visibility, tab colour, views, page setup. */
function sheetOptions(sheet: SheetPlan): Partial<ExcelJS.AddWorksheetOptions> {
  const options: Partial<ExcelJS.AddWorksheetOptions> = { state: sheet.visibility };
  if (sheet.tabColor) options.properties = { tabColor: { argb: argb(sheet.tabColor) } };
  if (sheet.freeze && (sheet.freeze.rows > 0 || sheet.freeze.columns > 0)) {
    const { rows, columns } = sheet.freeze;
    options.views = [
      {
        state: "frozen",
        xSplit: columns,
        ySplit: rows,
        topLeftCell: a1(rows + 1, columns + 1),
        activeCell: a1(rows + 1, columns + 1),
      },
    ];
  }
  const print = sheet.print;
  if (print) {
    options.pageSetup = {
      orientation: print.orientation,
      paperSize: PAPER_SIZE[print.paperSize],
      // A fixed scale (print.ts chose it) or, for a sheet it did not lay out, one page wide and as many down as needed.
      ...(print.scale !== undefined
        ? { fitToPage: false, scale: print.scale }
        : { fitToPage: true, fitToWidth: 1, fitToHeight: 0 }),
      // The strips of a band of rows one after the other: a fiche's halves are facing pages.
      pageOrder: "overThenDown",
      ...(print.margins
        ? {
            margins: {
              left: print.margins.side,
              right: print.margins.side,
              top: print.margins.top,
              bottom: print.margins.bottom,
              header: print.margins.footer,
              footer: print.margins.footer,
            },
          }
        : {}),
    };
    if (print.footer) options.headerFooter = { oddFooter: `&L${print.footer.left}&R${print.footer.right}` };
  }
  return options;
}

/** The rows and columns repeated on every printed page, as `_xlnm.Print_Titles` ranges (columns first, as Excel writes them). */
function printTitles(sheet: SheetPlan): string[] {
  const span = (text: string | undefined, mark: (a: string) => string) => {
    if (!text) return [];
    const [first, last = first] = text.split(":");
    return [sheetRef(sheet.name, `${mark(first!)}:${mark(last!)}`)];
  };
  return [...span(sheet.print?.titleColumns, (c) => `$${c}`), ...span(sheet.print?.titleRows, (r) => `$${r}`)];
}

function renderSheet(
  ws: ExcelJS.Worksheet,
  sheet: SheetPlan,
  styles: Map<string, Partial<ExcelJS.Style>>,
  sharedStrings: boolean,
): void {
  // Columns first: the writer puts them out with the first row.
  for (const [col, width] of Object.entries(sheet.columnWidths)) ws.getColumn(Number(col)).width = width;
  for (const col of sheet.hiddenColumns) ws.getColumn(col).hidden = true;

  // Rows in order, each written out as soon as it is done.
  const rows = new Map<number, CellPlan[]>();
  for (const cell of sheet.cells) {
    const row = rows.get(cell.row);
    if (row) row.push(cell);
    else rows.set(cell.row, [cell]);
  }
  const heights = new Map(Object.entries(sheet.rowHeights).map(([row, height]) => [Number(row), height]));
  const numbers = [...new Set([...rows.keys(), ...heights.keys()])].sort((a, b) => a - b);
  for (const number of numbers) {
    const row = ws.getRow(number);
    const height = heights.get(number);
    if (height !== undefined) row.height = height;
    for (const cell of rows.get(number) ?? []) {
      const address = a1(cell.row, cell.col);
      const style = styles.get(cell.style);
      if (!style) throw new Error(`renderPlanToXlsx: ${sheet.name}!${address} has an unknown style "${cell.style}"`);
      const value = cellValue(cell);
      if (value !== undefined)
        row.getCell(cell.col).value = !sharedStrings && typeof value === "string" ? inlineString(value) : value;
      row.getCell(cell.col).style = style;
      if (cell.note !== undefined) row.getCell(cell.col).note = cell.note;
    }
    commitRow(row);
  }
  for (const range of sheet.merges) mergeKeepingStyles(ws, range);

  if (sheet.autoFilter) ws.autoFilter = sheet.autoFilter;
  renderValidations(ws, sheet);
  renderConditionalFormats(ws, sheet.conditionalFormats);
}

function cellValue(cell: CellPlan): ExcelJS.CellValue | undefined {
  if (cell.formula !== undefined) {
    const formula = cell.formula.startsWith("=") ? cell.formula.slice(1) : cell.formula;
    // The plan's value of a formula cell is its expected result: written as the cached result.
    return cell.value === undefined ? { formula } : { formula, result: cell.value };
  }
  return cell.value;
}

const argb = (hex: string) => `FF${hex.replace(/^#/, "").toUpperCase()}`;

export function excelStyle(s: CellStyle): Partial<ExcelJS.Style> {
  const style: Partial<ExcelJS.Style> = {
    // A complete font: a partial one leaves the face to each application.
    font: {
      name: "Calibri",
      family: 2,
      size: s.size ?? 11,
      ...(s.bold ? { bold: true } : {}),
      ...(s.italic ? { italic: true } : {}),
      ...(s.color ? { color: { argb: argb(s.color) } } : {}),
    },
  };
  if (s.fill) style.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(s.fill) } };
  const alignment: Partial<ExcelJS.Alignment> = {};
  if (s.horizontal) alignment.horizontal = s.horizontal;
  if (s.vertical) alignment.vertical = s.vertical;
  if (s.wrap) alignment.wrapText = true;
  if (s.indent) alignment.indent = s.indent;
  if (Object.keys(alignment).length) style.alignment = alignment;
  if (s.border) {
    const side: Partial<ExcelJS.Border> = { style: "thin", color: { argb: argb(s.border) } };
    style.border = { top: side, left: side, bottom: side, right: side };
  }
  if (s.numberFormat) style.numFmt = s.numberFormat;
  // Locked is Excel's default: only unlocked cells say so.
  if (!s.locked) style.protection = { locked: false };
  return style;
}

async function protect(
  ws: ExcelJS.Worksheet,
  p: NonNullable<SheetPlan["protection"]>,
  done: Map<string, Partial<ExcelJS.WorksheetProtection>>,
): Promise<void> {
  const options: Partial<ExcelJS.WorksheetProtection> = {
    formatRows: p.allowFormatRows,
    formatColumns: p.allowFormatColumns,
    autoFilter: p.allowAutoFilter,
    selectLockedCells: true,
    selectUnlockedCells: true,
  };
  const key = JSON.stringify([p.password ?? "", options]);
  const known = done.get(key);
  if (known) {
    // The password hash (100,000 rounds of SHA-512) is computed once and shared: a salt per sheet adds nothing.
    (ws as unknown as { sheetProtection: unknown }).sheetProtection = { ...known };
    return;
  }
  await ws.protect(p.password ?? "", options);
  done.set(key, { ...(ws as unknown as { sheetProtection: Partial<ExcelJS.WorksheetProtection> }).sheetProtection });
}

// ---------------------------------------------------------------------------
// Data validations

/** The validation's type and formulae; `at` is the top-left cell of the range it is written on. */
function rule(
  r: ValidationRule,
  at: { row: number; col: number },
): Pick<ExcelJS.DataValidation, "type" | "operator" | "formulae"> {
  switch (r.type) {
    case "whole":
    case "decimal": {
      const { min, max } = r;
      if (min !== undefined && max !== undefined)
        return { type: r.type, operator: "between", formulae: [num(min), num(max)] };
      if (min !== undefined) return { type: r.type, operator: "greaterThanOrEqual", formulae: [num(min)] };
      if (max !== undefined) return { type: r.type, operator: "lessThanOrEqual", formulae: [num(max)] };
      return { type: r.type, operator: "between", formulae: [`-${ANY_NUMBER}`, ANY_NUMBER] };
    }
    case "date":
      // exceljs turns dates into serial numbers (UTC, so no time part).
      return { type: "date", operator: "between", formulae: [isoDay(r.min), isoDay(r.max)] };
    case "list": {
      for (const v of r.values)
        if (v.includes(",")) throw new Error(`renderPlanToXlsx: a list value holds a comma: ${v}`);
      const list = r.values.join(",");
      if (list.length > LIST_MAX) throw new Error(`renderPlanToXlsx: list longer than ${LIST_MAX} characters: ${list}`);
      return { type: "list", formulae: [`"${list.replace(/"/g, '""')}"`] };
    }
    case "textLength":
      return { type: "textLength", operator: "lessThanOrEqual", formulae: [num(r.max)] };
    case "ratioPart":
      // The formula's relative references are read from the range's top-left cell (its first in sqref).
      return { type: "custom", formulae: [ratioPartFormulaAt(r, at.row, at.col).slice(1)] };
  }
}

const num = (n: number) => String(n);

function isoDay(day: string): Date {
  const d = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) throw new Error(`renderPlanToXlsx: not a date: ${day}`);
  return d;
}

function dataValidation(v: ValidationPlan, at: { row: number; col: number }): ExcelJS.DataValidation {
  return {
    ...rule(v.rule, at),
    allowBlank: v.allowBlank,
    showInputMessage: true,
    promptTitle: v.prompt.title,
    prompt: v.prompt.message,
    showErrorMessage: true,
    errorStyle: v.error.style,
    errorTitle: v.error.title,
    error: v.error.message,
  };
}

/**
 * exceljs keeps validations by address and, on writing, merges neighbouring
 * single cells with equal validations, sometimes into overlapping ranges. So
 * equal validations are gathered, their cells grouped into rectangles here,
 * and each rectangle given as one range (which exceljs writes as is).
 */
function renderValidations(ws: ExcelJS.Worksheet, sheet: SheetPlan): void {
  const groups = new Map<string, { v: ValidationPlan; ranges: string[] }>();
  for (const v of sheet.validations) {
    const key = JSON.stringify({ ...v, ranges: [] });
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { v, ranges: [] }));
    group.ranges.push(...v.ranges);
  }
  // Not in exceljs' typings, but its documented API.
  const store = (ws as unknown as { dataValidations: { add(range: string, dv: ExcelJS.DataValidation): void } })
    .dataValidations;
  for (const { v, ranges } of groups.values())
    for (const range of rectangles(cellsOf(ranges))) store.add(range, dataValidation(v, parseA1(range.split(":")[0]!)));
}

// ---------------------------------------------------------------------------
// Conditional formats

/**
 * Priorities are made unique (1, 2, …) in the plan's order, ties kept in
 * plan order: Excel expects one rule per priority on a sheet.
 */
function renderConditionalFormats(ws: ExcelJS.Worksheet, formats: ConditionalFormatPlan[]): void {
  const ordered = formats.map((f, i) => ({ f, i })).sort((a, b) => a.f.priority - b.f.priority || a.i - b.i);
  ordered.forEach(({ f }, rank) => {
    const ref = f.ranges.join(" ");
    if (f.kind === "expression") {
      const style: Partial<ExcelJS.Style> = {};
      // In a conditional format Excel reads the colour of a solid fill from bgColor; LibreOffice from fgColor.
      if (f.style.fill)
        style.fill = {
          type: "pattern",
          pattern: "solid",
          fgColor: { argb: argb(f.style.fill) },
          bgColor: { argb: argb(f.style.fill) },
        };
      if (f.style.color || f.style.bold)
        style.font = {
          ...(f.style.color ? { color: { argb: argb(f.style.color) } } : {}),
          ...(f.style.bold ? { bold: true } : {}),
        };
      const formula = f.formula.startsWith("=") ? f.formula.slice(1) : f.formula;
      ws.addConditionalFormatting({
        ref,
        rules: [{ type: "expression", formulae: [formula], style, priority: rank + 1 }],
      });
    } else {
      const dataBar = {
        type: "dataBar",
        priority: rank + 1,
        cfvo: [
          { type: "num", value: f.min },
          { type: "num", value: f.max },
        ],
        color: { argb: argb(f.color) },
        gradient: false,
      } as ExcelJS.DataBarRuleType;
      ws.addConditionalFormatting({ ref, rules: [dataBar] });
    }
  });
}

/**
 * The in-memory workbook as a WorkbookPlan, so that the .xlsx host can write
 * it out and LibreOffice can check what the Office.js host made, exactly as
 * it checks the .xlsx host's own files. Only what the workbook state holds is
 * carried over: nothing is taken from the plan the Office.js host was given,
 * except the metadata object, which is not workbook content (its sheet is).
 */
import type {
  CellPlan,
  CellStyle,
  ConditionalFormatPlan,
  PrintPlan,
  SheetPlan,
  ValidationPlan,
  ValidationRule,
  WorkbookPlan,
} from "../../../src/engine/plan";
import { formatRect, rectsOf } from "./address";
import { a1, parseA1 } from "../../../src/util/a1";
import type { CellFormat, FakeSheet, FakeValidation, FakeWorkbookState } from "./state";

const HORIZONTAL: Record<string, CellStyle["horizontal"]> = { Left: "left", Center: "center", Right: "right" };
const VERTICAL: Record<string, CellStyle["vertical"]> = { Top: "top", Center: "middle", Bottom: "bottom" };

function style(f: CellFormat): CellStyle {
  return {
    ...(f.bold ? { bold: true } : {}),
    ...(f.italic ? { italic: true } : {}),
    ...(f.size !== 11 ? { size: f.size } : {}),
    ...(f.color !== "#000000" ? { color: f.color } : {}),
    ...(f.fill ? { fill: f.fill } : {}),
    ...(HORIZONTAL[f.horizontal] ? { horizontal: HORIZONTAL[f.horizontal] } : {}),
    ...(VERTICAL[f.vertical] && f.vertical !== "Bottom" ? { vertical: VERTICAL[f.vertical] } : {}),
    ...(f.wrap ? { wrap: true } : {}),
    ...(f.indent ? { indent: f.indent } : {}),
    ...(f.borders.top ? { border: f.borders.top.color } : {}),
    ...(f.numberFormat !== "General" ? { numberFormat: f.numberFormat } : {}),
    locked: f.locked,
  };
}

const number = (x: unknown) => (typeof x === "string" ? Number(x.replace(/^=/, "")) : Number(x));

function dateOf(formula: unknown): string {
  const m = /^=DATE\((\d+),(\d+),(\d+)\)$/.exec(String(formula));
  if (!m) throw new Error(`toPlan: date bound not understood: ${String(formula)}`);
  return `${m[1]}-${m[2]!.padStart(2, "0")}-${m[3]!.padStart(2, "0")}`;
}

/** A ratio part's custom formula (ratioPartFormula) back to its rule, for the cell at `row`, `col`. */
function ratioPart(formula: string, row: number, col: number): ValidationRule {
  const m =
    /^=AND\(ISNUMBER\(([A-Z]+\d+)\),\1>=0,OR\(NOT\(ISNUMBER\(([A-Z]+\d+)\)\),([A-Z]+\d+)<=([A-Z]+\d+)\)\)$/.exec(
      formula,
    );
  if (!m) throw new Error(`toPlan: custom validation not understood: ${formula}`);
  const [self, other] = [parseA1(m[1]!), parseA1(m[2]!)];
  if (self.row !== row || self.col !== col) throw new Error(`toPlan: ${formula} is not written for ${a1(row, col)}`);
  return {
    type: "ratioPart",
    part: m[3] === m[1] ? "numerateur" : "denominateur",
    other: { rows: other.row - row, cols: other.col - col },
  };
}

/** The plan's rule of a validation set on a range whose top-left cell is at `row`, `col`. */
function rule(v: FakeValidation, row: number, col: number): ValidationRule {
  const [kind, r] = Object.entries(v.rule)[0] as [string, Record<string, unknown>];
  if (kind === "custom") return ratioPart(String(r.formula), row, col);
  if (kind === "list") return { type: "list", values: String(r.source).split(",") };
  if (kind === "date") return { type: "date", min: dateOf(r.formula1), max: dateOf(r.formula2) };
  if (kind === "textLength") return { type: "textLength", max: number(r.formula1) };
  const type = kind === "wholeNumber" ? "whole" : "decimal";
  if (r.operator === "GreaterThanOrEqualTo") return { type, min: number(r.formula1) };
  if (r.operator === "LessThanOrEqualTo") return { type, max: number(r.formula1) };
  const [min, max] = [number(r.formula1), number(r.formula2)];
  return Math.abs(min) > 1e300 ? { type } : { type, min, max };
}

export function stateToPlan(state: FakeWorkbookState, meta: WorkbookPlan["meta"]): WorkbookPlan {
  const styles: Record<string, CellStyle> = {};
  const styleKey = (f: CellFormat) => {
    const s = style(f);
    const key = JSON.stringify(s);
    styles[key] = s;
    return key;
  };

  const sheets: SheetPlan[] = state.sheets.map((sheet) => {
    const cells: CellPlan[] = [];
    const validations = new Map<string, { v: FakeValidation; cells: [number, number][] }>();
    for (const [row, col, cell] of sheet.sortedCells()) {
      const c: CellPlan = { row, col, style: styleKey(cell.format) };
      if (cell.formula) c.formula = cell.formula;
      else if (cell.value !== null) c.value = cell.value;
      cells.push(c);
      if (cell.validation) {
        const key = JSON.stringify(cell.validation);
        const group = validations.get(key) ?? { v: cell.validation, cells: [] };
        group.cells.push([row, col]);
        validations.set(key, group);
      }
    }
    const validationPlans: ValidationPlan[] = [...validations.values()].map(({ v, cells: where }) => ({
      ranges: rectsOf(where).map((r) => formatRect(r)),
      rule: rule(v, rectsOf(where)[0]!.r1, rectsOf(where)[0]!.c1),
      allowBlank: true,
      prompt: { title: v.prompt.title, message: v.prompt.message },
      error: {
        style: v.errorAlert.style === "Stop" ? "stop" : "warning",
        title: v.errorAlert.title,
        message: v.errorAlert.message,
      },
    }));
    const conditionalFormats: ConditionalFormatPlan[] = sheet.conditionalFormats.map((f, priority) => {
      const ranges = f.areas.map((a) => formatRect(a));
      if (f.custom)
        return {
          ranges,
          kind: "expression",
          formula: f.custom.formula ?? "",
          style: {
            ...(f.custom.fill ? { fill: f.custom.fill } : {}),
            ...(f.custom.fontColor ? { color: f.custom.fontColor } : {}),
            ...(f.custom.bold ? { bold: true } : {}),
          },
          priority,
        };
      const bar = f.dataBar!;
      return {
        ranges,
        kind: "dataBar",
        color: bar.fillColor ?? "#638EC6",
        min: Number(bar.lowerBoundRule?.formula ?? 0),
        max: Number(bar.upperBoundRule?.formula ?? 1),
        priority,
      };
    });
    const p = sheet.protection;
    for (const option of ["allowFormatRows", "allowFormatColumns", "allowAutoFilter"])
      if (p.protected && p.options[option] !== true)
        throw new Error(`toPlan: ${sheet.name} protected without ${option}`);
    return {
      name: sheet.name,
      kind: "axe",
      visibility: sheet.visibility === "Visible" ? "visible" : "veryHidden",
      ...(sheet.tabColor ? { tabColor: sheet.tabColor } : {}),
      // Points back to characters (the inverse of the Office.js host's conversion).
      columnWidths: Object.fromEntries(
        [...sheet.columnWidths].map(([c, pt]) => [c, Math.round(((pt / 0.75 - 5) / 7) * 100) / 100]),
      ),
      hiddenColumns: [...sheet.hiddenColumns],
      rowHeights: Object.fromEntries(sheet.rowHeights),
      cells,
      merges: sheet.merges.map((m) => formatRect(m)),
      ...(sheet.freeze ? { freeze: sheet.freeze } : {}),
      ...(sheet.autoFilter ? { autoFilter: formatRect(sheet.autoFilter) } : {}),
      validations: validationPlans,
      conditionalFormats,
      ...(p.protected
        ? {
            protection: {
              ...(p.password ? { password: p.password } : {}),
              allowFormatRows: true,
              allowFormatColumns: true,
              allowAutoFilter: true,
            },
          }
        : {}),
      ...(sheet.pageLayout.paperSize === "A4" ? { print: printOf(sheet.pageLayout) } : {}),
    } satisfies SheetPlan;
  });

  const names = [...state.names.values()].map((n) => {
    const m = /^=(?:'((?:[^']|'')+)'|([^'!]+))!(.+)$/.exec(n.formula);
    if (!m) throw new Error(`toPlan: name ${n.name} has an unexpected formula ${n.formula}`);
    return { name: n.name, sheet: m[1]?.replace(/''/g, "'") ?? m[2]!, ref: m[3]! };
  });
  return { meta, modelJson: "", styles, sheets, names };
}

/** The page setup back as a plan's (margins from points to inches). */
function printOf(layout: FakeSheet["pageLayout"]): PrintPlan {
  const plain = (text: string | null) => text?.replace(/\$/g, "");
  const rows = plain(layout.printTitleRows);
  const columns = plain(layout.printTitleColumns);
  const m = layout.margins;
  const { left, right } = layout.footer;
  return {
    orientation: layout.orientation === "Landscape" ? "landscape" : "portrait",
    paperSize: "A4",
    ...(rows ? { titleRows: rows } : {}),
    ...(columns ? { titleColumns: columns } : {}),
    ...(layout.rowBreaks.length ? { rowBreaks: [...layout.rowBreaks] } : {}),
    ...(layout.zoom.scale !== undefined ? { scale: layout.zoom.scale } : {}),
    ...(layout.columnBreaks.length ? { columnBreaks: [...layout.columnBreaks] } : {}),
    ...(left || right ? { footer: { left, right } } : {}),
    margins: { side: m.left / 72, top: m.top / 72, bottom: m.bottom / 72, footer: m.footer / 72 },
  };
}

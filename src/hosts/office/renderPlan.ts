/**
 * The Office.js host: writes a WorkbookPlan into the open workbook.
 *
 * Round trips are what make an add-in slow (Excel on the web above all), so
 * each sheet is queued whole and sent in one `sync()` (more only when its
 * request would pass the payload budget), after two syncs that look at the
 * sheets already there and before one that finishes: 1 sync per sheet + 3.
 *
 * Sheets made by the add-in carry a custom property (`bilan`); only those are
 * ever replaced or removed. The metadata lives in the very hidden sheet only:
 * a custom XML part would be a second copy that the .xlsx host, LibreOffice
 * and many partner tools drop on save.
 */
import type { CellPlan, ConditionalFormatPlan, PrintPlan, SheetPlan, WorkbookPlan } from "../../engine/plan";
import { both, type Bilingual } from "../../i18n";
import { colLetter, parseA1, sheetRef } from "../../util/a1";
import { addCell, bounds, cellsOf, rectangles, type CellSet } from "../../util/rectangles";
import {
  constantInput,
  officeFormat,
  isRelative,
  officeValidation,
  orderedFormats,
  widthInPoints,
  type OfficeFormat,
} from "./officeShapes";

/** Property that marks a sheet as made by the add-in (its value: the model id). */
export const SHEET_TAG = "bilan";
/** Excel on the web refuses requests above 5 MB; below 4 MB with room for our estimates and the request envelope. */
export const PAYLOAD_BUDGET = 3_500_000;
/** Longest address list given to one `getRanges` call. */
const ADDRESS_BUDGET = 2_000;

export interface RenderProgress {
  /** Sheets written so far. */
  done: number;
  total: number;
  /** The sheet being written. */
  sheet: string;
}

export interface RenderOptions {
  /** Replace sheets of a previous bilan made by the add-in (never any other sheet). */
  replace?: boolean;
  onProgress?: (p: RenderProgress) => void;
  /** Checked between sheets: the sheets written so far are removed. */
  signal?: AbortSignal;
}

/** A failure meant for the user: a sentence in French and in English. */
export class RenderError extends Error {
  constructor(readonly text: Bilingual) {
    super(text.message);
  }
}

export async function renderPlanInExcel(
  context: Excel.RequestContext,
  plan: WorkbookPlan,
  options: RenderOptions = {},
): Promise<{ syncs: number }> {
  let syncs = 0;
  const sync = async () => {
    syncs++;
    await context.sync();
  };
  const worksheets = context.workbook.worksheets;

  // 1. What is already there.
  worksheets.load("items/name");
  await sync();
  const planned = new Set(plan.sheets.map((s) => s.name.toLowerCase()));
  const clashes = worksheets.items.filter((w) => planned.has(w.name.toLowerCase()));
  const ownTags = worksheets.items.map((w) => ({ w, tag: w.customProperties.getItemOrNullObject(SHEET_TAG) }));
  for (const { tag } of ownTags) tag.load("value");
  const names = context.workbook.names;
  names.load("items/name,items/formula");
  await sync();
  const ours = ownTags.filter(({ tag }) => !tag.isNullObject).map(({ w }) => w);
  const foreign = clashes.filter((w) => !ours.includes(w));
  if (foreign.length)
    throw new RenderError(both("office.render.foreignSheet", { sheets: foreign.map((w) => w.name).join(", ") }));
  if (ours.length && !options.replace)
    throw new RenderError(both("office.render.existing", { sheets: ours.map((w) => w.name).join(", ") }));

  // 2. The previous bilan steps aside (its names removed, its sheets renamed), then one batch per sheet.
  const taken = new Set(worksheets.items.map((w) => w.name.toLowerCase()));
  const asides = ours.map((w, i) => {
    let aside = `~bilan remplacé ${i + 1}`;
    for (let k = 2; taken.has(aside.toLowerCase()); k++) aside = `~bilan remplacé ${i + 1}.${k}`;
    return { sheet: w, name: w.name, aside };
  });
  const oldPrefixes = asides.map((a) => sheetRef(a.name, "").toLowerCase());
  const oldNames = names.items.filter((n) => oldPrefixes.some((p) => n.formula.toLowerCase().includes(p)));
  const oldNameData = oldNames.map((n) => ({ name: n.name, formula: n.formula }));
  const created: string[] = [];
  const added: string[] = [];
  try {
    for (const n of oldNames) n.delete();
    for (const a of asides) a.sheet.name = a.aside;
    // Every sheet exists before any formula is written: the Sommaire's read the axe sheets after it, a fiche's
    // recall of last year's perspectives reads *Bilans précédents*. Queued with the first sheet's request.
    const sheets = plan.sheets.map((sheet) => {
      const ws = worksheets.add(sheet.name);
      created.push(sheet.name);
      ws.customProperties.add(SHEET_TAG, plan.meta.modelId);
      return ws;
    });
    for (const [index, sheet] of plan.sheets.entries()) {
      if (options.signal?.aborted) throw new RenderError(both("office.render.cancelled"));
      options.onProgress?.({ done: index, total: plan.sheets.length, sheet: sheet.name });
      const ws = sheets[index]!;
      const sheetNames = plan.names.filter((n) => n.sheet === sheet.name);
      const steps: Step[] = [
        ...contentSteps(ws, sheet),
        { bytes: layoutBytes(sheet), run: () => writeLayout(ws, sheet, plan) },
        // Names and protection close the sheet's own requests, so that no request grows with the workbook.
        ...sheetNames.map((n) => ({
          bytes: 120 + n.name.length + n.ref.length + n.sheet.length,
          run: () => {
            names.add(n.name, `=${sheetRef(n.sheet, n.ref)}`);
            added.push(n.name);
          },
        })),
        { bytes: 200, run: () => sheet.protection && protect(ws, sheet) },
      ];
      for (const batch of packed(steps)) {
        // Nothing to calculate or repaint until the sheet is whole: both are suspended for this request only.
        context.application.suspendApiCalculationUntilNextSync();
        context.application.suspendScreenUpdatingUntilNextSync();
        for (const step of batch) step.run();
        await sync();
      }
    }
    options.onProgress?.({ done: plan.sheets.length, total: plan.sheets.length, sheet: "" });

    // 3. The old bilan goes; the Sommaire comes to the front.
    for (const a of asides) a.sheet.delete();
    worksheets.getItem(plan.sheets[0]!.name).activate();
    await sync();
  } catch (e) {
    // Leave the workbook as it was: remove what this run added and put the old bilan back.
    for (const name of added) names.getItemOrNullObject(name).delete();
    for (const name of created) worksheets.getItemOrNullObject(name).delete();
    for (const a of asides) worksheets.getItemOrNullObject(a.aside).name = a.name;
    for (const n of oldNameData) names.add(n.name, n.formula);
    await context.sync().catch(() => undefined);
    throw e;
  }
  return { syncs };
}

/**
 * One sheet of a plan written in place of the sheet of that name (the other sheets untouched), after
 * `queued` requests that go with it in the first batch: one sync to look, then one per batch under the
 * payload budget.
 */
export async function replaceSheetInExcel(
  context: Excel.RequestContext,
  sheet: SheetPlan,
  plan: WorkbookPlan,
  queued: Step[] = [],
): Promise<void> {
  const worksheets = context.workbook.worksheets;
  const old = worksheets.getItemOrNullObject(sheet.name).load("visibility");
  await context.sync();
  if (!old.isNullObject) {
    // Excel refuses to delete a very hidden sheet.
    if (old.visibility === "VeryHidden") old.visibility = "Hidden";
    old.delete();
  }
  const ws = worksheets.add(sheet.name);
  ws.customProperties.add(SHEET_TAG, plan.meta.modelId);
  const steps: Step[] = [
    ...queued,
    ...contentSteps(ws, sheet),
    { bytes: layoutBytes(sheet), run: () => writeLayout(ws, sheet, plan) },
    { bytes: 200, run: () => sheet.protection && protect(ws, sheet) },
  ];
  for (const batch of packed(steps)) {
    context.application.suspendApiCalculationUntilNextSync();
    for (const step of batch) step.run();
    // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per batch, each under the payload budget
    await context.sync();
  }
}

/** Runs `work` on a sheet its plan protects: unprotected for the time of the request, then protected as the plan says. */
export function whileUnprotected(
  ws: Excel.Worksheet,
  sheet: SheetPlan | undefined,
  password: string | undefined,
  work: () => void,
): void {
  if (sheet?.protection) ws.protection.unprotect(password ?? sheet.protection.password);
  work();
  if (sheet?.protection) protect(ws, sheet);
}

/** Protects a sheet as its plan says (also after the add-in itself had to unprotect it). */
export function protect(ws: Excel.Worksheet, sheet: SheetPlan): void {
  const p = sheet.protection!;
  ws.protection.protect(
    {
      allowFormatRows: p.allowFormatRows,
      allowFormatColumns: p.allowFormatColumns,
      allowAutoFilter: p.allowAutoFilter,
      selectionMode: "Normal",
    },
    p.password,
  );
}

/** Operations queued together; `bytes` estimates their share of the request. */
export interface Step {
  bytes: number;
  run: () => void;
}

/** Steps in order, grouped into requests under the payload budget. */
export function packed(steps: Step[]): Step[][] {
  const batches: Step[][] = [];
  let bytes = Infinity;
  for (const step of steps) {
    if (bytes + step.bytes > PAYLOAD_BUDGET) {
      batches.push([]);
      bytes = 0;
    }
    batches[batches.length - 1]!.push(step);
    bytes += step.bytes;
  }
  return batches;
}

/** A generous estimate of what writeLayout sends: its ranges and messages, and a few hundred bytes an operation. */
function layoutBytes(sheet: SheetPlan): number {
  const described = JSON.stringify([sheet.validations, sheet.conditionalFormats, sheet.merges]).length;
  return (
    3 * described + 400 * (Object.keys(sheet.columnWidths).length + Object.keys(sheet.rowHeights).length) + 200_000
  );
}

/** Everything but the cell contents: widths, styles, merges, links, validations, formats, panes, print. */
function writeLayout(ws: Excel.Worksheet, sheet: SheetPlan, plan: WorkbookPlan): void {
  if (sheet.tabColor) ws.tabColor = sheet.tabColor;
  for (const [col, width] of Object.entries(sheet.columnWidths)) {
    const letter = colLetter(Number(col));
    ws.getRange(`${letter}:${letter}`).format.columnWidth = widthInPoints(width);
  }
  for (const col of sheet.hiddenColumns) ws.getRange(`${colLetter(col)}:${colLetter(col)}`).columnHidden = true;
  for (const [row, height] of Object.entries(sheet.rowHeights)) ws.getRange(`${row}:${row}`).format.rowHeight = height;
  writeStyles(ws, sheet, plan);
  for (const range of sheet.merges) ws.getRange(range).merge(false);
  writeValidations(ws, sheet);
  writeConditionalFormats(ws, sheet.conditionalFormats);
  freeze(ws, sheet);
  if (sheet.autoFilter) ws.autoFilter.apply(ws.getRange(sheet.autoFilter));
  if (sheet.print) pageSetup(ws, sheet.print);
  if (sheet.visibility === "veryHidden") ws.visibility = "VeryHidden";
}

/** The same page setup as the .xlsx host's: scale, strips, title rows and columns, a page per fiche, the footer. */
function pageSetup(ws: Excel.Worksheet, print: PrintPlan): void {
  const layout = ws.pageLayout;
  layout.orientation = print.orientation === "landscape" ? "Landscape" : "Portrait";
  layout.paperSize = "A4";
  layout.zoom = print.scale !== undefined ? { scale: print.scale } : { horizontalFitToPages: 1, verticalFitToPages: 0 };
  layout.printOrder = "OverThenDown";
  if (print.margins) {
    // Office.js takes margins in points.
    const pt = (inches: number) => inches * 72;
    layout.leftMargin = pt(print.margins.side);
    layout.rightMargin = pt(print.margins.side);
    layout.topMargin = pt(print.margins.top);
    layout.bottomMargin = pt(print.margins.bottom);
    layout.headerMargin = pt(print.margins.footer);
    layout.footerMargin = pt(print.margins.footer);
  }
  const span = (text: string) => {
    const [first, last = first] = text.split(":");
    return `$${first}:$${last}`;
  };
  if (print.titleRows) layout.setPrintTitleRows(span(print.titleRows));
  if (print.titleColumns) layout.setPrintTitleColumns(span(print.titleColumns));
  if (print.footer) {
    const footer = layout.headersFooters.defaultForAllPages;
    footer.leftFooter = print.footer.left;
    footer.rightFooter = print.footer.right;
  }
  // A break goes before the range's top-left cell.
  for (const row of print.rowBreaks ?? []) ws.horizontalPageBreaks.add(`A${row}`);
  for (const col of print.columnBreaks ?? []) ws.verticalPageBreaks.add(`${colLetter(col)}1`);
}

/** Cell contents as 2-D `formulas` arrays over row bands (null leaves a cell alone), each band under the budget. */
function contentSteps(ws: Excel.Worksheet, sheet: SheetPlan): Step[] {
  const byRow = new Map<number, CellPlan[]>();
  let left = Infinity;
  let right = 0;
  for (const c of sheet.cells) {
    if (c.value === undefined && c.formula === undefined) continue;
    byRow.set(c.row, [...(byRow.get(c.row) ?? []), c]);
    left = Math.min(left, c.col);
    right = Math.max(right, c.col);
  }
  // A null is 5 bytes in the request; a row costs its nulls and its contents.
  const rowBytes = (row: number) =>
    (right - left + 1) * 5 + JSON.stringify(byRow.get(row)?.map((c) => c.formula ?? c.value) ?? []).length;
  const bands: { top: number; bottom: number; bytes: number }[] = [];
  for (const row of [...byRow.keys()].sort((a, b) => a - b)) {
    const band = bands[bands.length - 1];
    const gap = band ? (row - band.bottom - 1) * (right - left + 1) * 5 : 0;
    if (band && band.bytes + gap + rowBytes(row) <= PAYLOAD_BUDGET / 2) {
      band.bytes += gap + rowBytes(row);
      band.bottom = row;
    } else bands.push({ top: row, bottom: row, bytes: rowBytes(row) });
  }
  return bands.map(({ top, bottom, bytes }) => ({
    bytes,
    run: () => {
      const formulas: (string | number | boolean | null)[][] = [];
      for (let r = top; r <= bottom; r++) {
        const line: (string | number | boolean | null)[] = new Array(right - left + 1).fill(null);
        for (const c of byRow.get(r) ?? []) line[c.col - left] = c.formula ?? constantInput(c.value!);
        formulas.push(line);
      }
      ws.getRange(`${colLetter(left)}${top}:${colLetter(right)}${bottom}`).formulas = formulas;
    },
  }));
}

function freeze(ws: Excel.Worksheet, sheet: SheetPlan): void {
  const { rows = 0, columns = 0 } = sheet.freeze ?? {};
  if (rows && columns) ws.freezePanes.freezeAt(ws.getRange(`A1:${colLetter(columns)}${rows}`));
  else if (rows) ws.freezePanes.freezeRows(rows);
  else if (columns) ws.freezePanes.freezeColumns(columns);
}

/** Address lists for `getRanges`, each under the length Excel takes. */
function addressGroups(cells: CellSet): string[] {
  const groups: string[] = [];
  let current: string[] = [];
  let length = 0;
  for (const r of rectangles(cells)) {
    if (length + r.length + 1 > ADDRESS_BUDGET && current.length) {
      groups.push(current.join(","));
      current = [];
      length = 0;
    }
    current.push(r);
    length += r.length + 1;
  }
  if (current.length) groups.push(current.join(","));
  return groups;
}

/** Cells are grouped by style, each style applied once per group of rectangles. */
function writeStyles(ws: Excel.Worksheet, sheet: SheetPlan, plan: WorkbookPlan): void {
  const byStyle = new Map<string, CellSet>();
  const numberFormats = new Map<string, CellSet>();
  for (const c of sheet.cells) {
    let set = byStyle.get(c.style);
    if (!set) byStyle.set(c.style, (set = new Map()));
    addCell(set, c.row, c.col);
  }
  for (const [key, cells] of byStyle) {
    const style = plan.styles[key];
    if (!style) throw new Error(`renderPlanInExcel: unknown style "${key}" on ${sheet.name}`);
    const format = officeFormat(style);
    for (const addresses of addressGroups(cells)) applyFormat(ws.getRanges(addresses).format, format);
    if (style.numberFormat) {
      const same = numberFormats.get(style.numberFormat);
      if (same) for (const [row, cols] of cells) for (const col of cols) addCell(same, row, col);
      else numberFormats.set(style.numberFormat, new Map([...cells].map(([r, cols]) => [r, new Set(cols)])));
    }
  }
  // RangeAreas has no numberFormat: written rectangle by rectangle.
  for (const [numberFormat, cells] of numberFormats)
    for (const r of rectangles(cells)) {
      const { top, left, bottom, right } = bounds(r);
      const line = () => new Array<string>(right - left + 1).fill(numberFormat);
      ws.getRange(r).numberFormat = Array.from({ length: bottom - top + 1 }, line);
    }
}

const EDGES = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideVertical", "InsideHorizontal"] as const;

function applyFormat(f: Excel.RangeFormat, s: OfficeFormat): void {
  f.font.name = s.font.name;
  f.font.size = s.font.size;
  f.font.bold = s.font.bold;
  f.font.italic = s.font.italic;
  f.font.color = s.font.color;
  if (s.fill) f.fill.color = s.fill;
  if (s.horizontalAlignment) f.horizontalAlignment = s.horizontalAlignment;
  if (s.verticalAlignment) f.verticalAlignment = s.verticalAlignment;
  f.wrapText = s.wrapText;
  if (s.indentLevel) f.indentLevel = s.indentLevel;
  if (s.border)
    for (const edge of EDGES) {
      const b = f.borders.getItem(edge);
      b.style = "Continuous";
      b.weight = "Thin";
      b.color = s.border;
    }
  // Locked is Excel's default: only input cells change it.
  if (!s.locked) f.protection.locked = false;
}

function writeValidations(ws: Excel.Worksheet, sheet: SheetPlan): void {
  for (const v of sheet.validations) {
    // A formula with relative references is read from the top-left cell of the range it is set on: such a
    // rule is set rectangle by rectangle, each with its own formula.
    const groups = isRelative(v.rule) ? rectangles(cellsOf(v.ranges)) : addressGroups(cellsOf(v.ranges));
    for (const addresses of groups) {
      const shape = officeValidation(v, parseA1(addresses.split(/[:,]/)[0]!));
      const dv = ws.getRanges(addresses).dataValidation;
      dv.rule = shape.rule as Excel.DataValidationRule;
      dv.prompt = shape.prompt;
      dv.errorAlert = shape.errorAlert;
      dv.ignoreBlanks = shape.ignoreBlanks;
    }
  }
}

function writeConditionalFormats(ws: Excel.Worksheet, formats: ConditionalFormatPlan[]): void {
  orderedFormats(formats).forEach((f, priority) => {
    const target = ws.getRanges(f.ranges.join(","));
    if (f.kind === "expression") {
      const cf = target.conditionalFormats.add("Custom");
      cf.custom.rule.formula = f.formula.startsWith("=") ? f.formula : `=${f.formula}`;
      if (f.style.fill) cf.custom.format.fill.color = f.style.fill;
      if (f.style.color) cf.custom.format.font.color = f.style.color;
      if (f.style.bold) cf.custom.format.font.bold = true;
      cf.priority = priority;
    } else {
      const cf = target.conditionalFormats.add("DataBar");
      cf.dataBar.lowerBoundRule = { type: "Number", formula: String(f.min) };
      cf.dataBar.upperBoundRule = { type: "Number", formula: String(f.max) };
      cf.dataBar.positiveFormat.fillColor = f.color;
      cf.dataBar.positiveFormat.gradientFill = false;
      cf.priority = priority;
    }
  });
}

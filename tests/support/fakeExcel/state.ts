/**
 * The workbook the fake Excel holds: plain data that the proxies change when a
 * request is synced, and that tests read directly (never through the API).
 */
import { cellCount, type Rect, formatRect, intersects, isWholeColumns, isWholeRows, sheetPrefix } from "./address";
import { FakeOfficeError } from "./errors";

export type CellValue = string | number | boolean;

export interface Border {
  style: string;
  color: string;
}

export interface CellFormat {
  bold: boolean;
  italic: boolean;
  size: number;
  /** `#RRGGBB`, upper case, as Excel returns colours. */
  color: string;
  fontName: string;
  /** null: no fill. */
  fill: string | null;
  horizontal: string;
  vertical: string;
  wrap: boolean;
  indent: number;
  borders: { top?: Border; bottom?: Border; left?: Border; right?: Border };
  locked: boolean;
  numberFormat: string;
  /** A constant entered with a leading apostrophe: always text. */
  quotePrefix: boolean;
}

export const DEFAULT_FORMAT: Readonly<CellFormat> = Object.freeze({
  bold: false,
  italic: false,
  size: 11,
  color: "#000000",
  fontName: "Calibri",
  fill: null,
  horizontal: "General",
  vertical: "Bottom",
  wrap: false,
  indent: 0,
  borders: Object.freeze({}),
  locked: true,
  numberFormat: "General",
  quotePrefix: false,
}) as CellFormat;

export interface FakeValidation {
  /** Office.js shape: `{ wholeNumber: {...} }`, `{ list: {...} }`… */
  rule: Record<string, Record<string, unknown>>;
  prompt: { showPrompt: boolean; title: string; message: string };
  errorAlert: { showAlert: boolean; style: string; title: string; message: string };
  ignoreBlanks: boolean;
}

export interface FakeHyperlink {
  address?: string;
  documentReference?: string;
  screenTip?: string;
  textToDisplay?: string;
}

export interface FakeCell {
  /** null: empty (or a formula: the fake does not calculate). */
  value: CellValue | null;
  formula: string | null;
  format: CellFormat;
  hyperlink?: FakeHyperlink;
  validation?: FakeValidation;
}

export interface FakeConditionalFormat {
  id: number;
  type: "Custom" | "DataBar";
  areas: Rect[];
  stopIfTrue: boolean;
  custom?: { formula: string | null; fill: string | null; fontColor: string | null; bold: boolean | null };
  dataBar?: {
    fillColor: string | null;
    lowerBoundRule: { type: string; formula?: string } | null;
    upperBoundRule: { type: string; formula?: string } | null;
  };
}

export interface FakeChart {
  name: string;
  type: string;
  source: string;
  seriesBy: string;
  title?: string;
  legend?: boolean;
  xValues?: string;
  position?: [string, string];
}

export interface FakeName {
  name: string;
  /** `='Sheet'!$A$1:$B$2` */
  formula: string;
  comment: string;
  visible: boolean;
}

export interface FakeCustomXmlPart {
  id: string;
  namespaceUri: string;
  xml: string;
}

const KEY_BASE = 20000;
const key = (r: number, c: number) => r * KEY_BASE + c;

let sheetIds = 0;

export class FakeSheet {
  readonly id = `{00000000-0001-0000-0000-${String(++sheetIds).padStart(12, "0")}}`;
  visibility: "Visible" | "Hidden" | "VeryHidden" = "Visible";
  /** "" when none. */
  tabColor = "";
  readonly cells = new Map<number, FakeCell>();
  /** Points, by column. */
  readonly columnWidths = new Map<number, number>();
  readonly hiddenColumns = new Set<number>();
  /** Points, by row. */
  readonly rowHeights = new Map<number, number>();
  merges: Rect[] = [];
  freeze: { rows: number; columns: number } | null = null;
  protection: { protected: boolean; options: Record<string, unknown>; password?: string } = {
    protected: false,
    options: {},
  };
  pageLayout: {
    orientation: string;
    paperSize: string;
    zoom: { scale?: number; horizontalFitToPages?: number; verticalFitToPages?: number };
    printTitleRows: string | null;
    printTitleColumns: string | null;
    printOrder: string;
    /** In points, as Office.js sets them. */
    margins: Record<"left" | "right" | "top" | "bottom" | "header" | "footer", number>;
    /** The footer of every page (`headersFooters.defaultForAllPages`). */
    footer: { left: string; center: string; right: string };
    /** Manual breaks: the rows and columns a page starts at. */
    rowBreaks: number[];
    columnBreaks: number[];
  } = {
    orientation: "Portrait",
    paperSize: "Letter",
    zoom: { scale: 100 },
    printTitleRows: null,
    printTitleColumns: null,
    printOrder: "DownThenOver",
    // Excel's « Normal » margins: 0.7 in at the sides, 0.75 in top and bottom, 0.3 in for header and footer.
    margins: { left: 50.4, right: 50.4, top: 54, bottom: 54, header: 21.6, footer: 21.6 },
    footer: { left: "", center: "", right: "" },
    rowBreaks: [],
    columnBreaks: [],
  };
  autoFilter: Rect | null = null;
  /** In priority order: index 0 is evaluated first. */
  conditionalFormats: FakeConditionalFormat[] = [];
  readonly names = new Map<string, FakeName>();
  /** Charts: what they plot (A1 ranges), no picture. */
  readonly charts: FakeChart[] = [];
  /** Worksheet.customProperties. */
  readonly customProperties = new Map<string, string>();

  constructor(public name: string) {}

  peek(r: number, c: number): FakeCell | undefined {
    return this.cells.get(key(r, c));
  }

  cell(r: number, c: number): FakeCell {
    let cell = this.cells.get(key(r, c));
    if (!cell)
      this.cells.set(key(r, c), (cell = { value: null, formula: null, format: { ...DEFAULT_FORMAT, borders: {} } }));
    return cell;
  }

  /** Every cell of the areas; refuses whole columns or rows, which the fake does not enumerate. */
  *eachCell(areas: Rect[], what: string): Generator<[number, number]> {
    for (const a of areas) {
      if (isWholeColumns(a) || isWholeRows(a) || cellCount(a) > 2_000_000)
        throw new FakeOfficeError("NotImplemented", `fake Excel: ${what} on whole columns or rows (${formatRect(a)})`);
      for (let r = a.r1; r <= a.r2; r++) for (let c = a.c1; c <= a.c2; c++) yield [r, c];
    }
  }

  /** [row, col, cell] of every stored cell, in row then column order. */
  sortedCells(): [number, number, FakeCell][] {
    return [...this.cells.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([k, cell]) => [Math.floor(k / KEY_BASE), k % KEY_BASE, cell]);
  }

  mergeAt(r: number, c: number): Rect | undefined {
    return this.merges.find((m) => r >= m.r1 && r <= m.r2 && c >= m.c1 && c <= m.c2);
  }

  overlapsMerge(area: Rect): boolean {
    return this.merges.some((m) => intersects(m, area));
  }

  /** Smallest range holding every value (valuesOnly) or every value or format. */
  usedRect(valuesOnly: boolean): Rect | null {
    let r1 = Infinity;
    let c1 = Infinity;
    let r2 = 0;
    let c2 = 0;
    for (const [r, c, cell] of this.sortedCells()) {
      const used =
        cell.value !== null || cell.formula !== null || (!valuesOnly && !sameFormat(cell.format, DEFAULT_FORMAT));
      if (!used) continue;
      r1 = Math.min(r1, r);
      c1 = Math.min(c1, c);
      r2 = Math.max(r2, r);
      c2 = Math.max(c2, c);
    }
    return r2 === 0 ? null : { r1, c1, r2, c2 };
  }
}

export function sameFormat(a: CellFormat, b: CellFormat): boolean {
  return JSON.stringify(normalizeFormat(a)) === JSON.stringify(normalizeFormat(b));
}

function normalizeFormat(f: CellFormat): unknown {
  const { borders, ...rest } = f;
  return { ...rest, borders: { top: borders.top, bottom: borders.bottom, left: borders.left, right: borders.right } };
}

/** What Excel hands an onChanged handler (WorksheetChangedEventArgs). */
export interface WorksheetChangedEvent {
  type: "WorksheetChanged";
  worksheetId: string;
  /** A1 address without the sheet. */
  address: string;
  changeType: string;
  source: "Local" | "Remote";
  /** From ExcelApi 1.14 only: "ThisLocalAddin" for the add-in's own writes, "Unknown" otherwise. */
  triggerSource?: "Unknown" | "ThisLocalAddin";
}

export class FakeWorkbookState {
  readonly sheets: FakeSheet[] = [];
  /** Workbook-scoped names, by lower-case name. */
  readonly names = new Map<string, FakeName>();
  readonly customXmlParts: FakeCustomXmlPart[] = [];
  protection = { protected: false };
  activeSheet: FakeSheet | null = null;
  /** The selected cell or range, on the active sheet (Range.select()). */
  selection: { sheet: string; address: string } | null = null;
  /** Handlers registered with worksheets.onChanged: called for the add-in's writes (after sync) and for typing. */
  readonly changeHandlers = new Set<(event: WorksheetChangedEvent) => unknown>();
  /** Data changes made by the request being synced, raised as onChanged events once it has run. */
  pendingChanges: { sheet: FakeSheet; rect: Rect }[] = [];
  /** Application.calculate() requests, by type. */
  readonly calculations: string[] = [];
  /** How many requests asked for calculation to be suspended. */
  calculationSuspensions = 0;
  /** How many requests asked for screen updating to be suspended. */
  screenUpdatingSuspensions = 0;
  private xmlIds = 0;

  constructor(sheetNames: string[] = ["Feuil1"]) {
    for (const n of sheetNames) this.sheets.push(new FakeSheet(n));
    this.activeSheet = this.sheets[0] ?? null;
  }

  sheet(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  sheetById(id: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.id === id);
  }

  /** The sheet, or an error naming it: for tests. */
  mustSheet(name: string): FakeSheet {
    const s = this.sheet(name);
    if (!s) throw new Error(`fake Excel: no sheet "${name}" (sheets: ${this.sheets.map((x) => x.name).join(", ")})`);
    return s;
  }

  /** A request changed data in these cells: an onChanged event once the request has run. */
  dataChanged(sheet: FakeSheet, rect: Rect): void {
    this.pendingChanges.push({ sheet, rect });
  }

  nextXmlId(): string {
    return `{0000C0DE-0000-0000-0000-${String(++this.xmlIds).padStart(12, "0")}}`;
  }

  /** A sheet was renamed: defined names follow it, as in Excel (hyperlink texts do not). */
  renamed(from: string, to: string): void {
    const oldRef = sheetPrefix(from);
    for (const n of this.names.values())
      if (n.formula.includes(oldRef)) n.formula = n.formula.split(oldRef).join(sheetPrefix(to));
  }

  /** A sheet was deleted: names that referred to it now say #REF!. */
  deleted(name: string): void {
    const oldRef = sheetPrefix(name);
    for (const n of this.names.values()) if (n.formula.includes(oldRef)) n.formula = "=#REF!";
  }
}

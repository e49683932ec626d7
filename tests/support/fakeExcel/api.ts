/**
 * The part of the Excel JavaScript API the add-in uses, over the in-memory
 * workbook of state.ts. Every property set and method call is queued and
 * applied at `sync()`, with Excel's own refusals: invalid or duplicate sheet
 * and defined names, a second validation on a cell, overlapping merges,
 * writes into locked cells of a protected sheet, a formulas array of the
 * wrong size, hiding or deleting the last visible sheet.
 */
import {
  cellCount,
  formatRect,
  intersects,
  MAX_COLS,
  MAX_ROWS,
  parseArea,
  parseAreas,
  sheetPrefix,
  type Rect,
} from "./address";
import { FakeOfficeError } from "./errors";
import { defineProps, FakeCollection, FakeObject, type FakeRequestContext, type PropSpec } from "./proxy";
import {
  DEFAULT_FORMAT,
  type FakeChart as FakeChartState,
  type CellFormat,
  type CellValue,
  type FakeConditionalFormat,
  type FakeName,
  FakeSheet,
  type FakeWorkbookState,
  type WorksheetChangedEvent,
} from "./state";
import { FakeTableCollection, tableNamed, tableOverlapping } from "./tables";

const invalid = (message: string) => new FakeOfficeError("InvalidArgument", message);
type Ctx = FakeRequestContext;
const spec = <S>(read?: (s: S) => unknown, write?: (s: S, v: unknown) => void): PropSpec<S> => ({ read, write });

// ---------------------------------------------------------------------------
// Workbook, worksheets, names

export class FakeWorkbook extends FakeObject {
  readonly _type = "Workbook";
  constructor(ctx: Ctx) {
    super(ctx, () => ctx.host.state);
  }
  get worksheets(): FakeWorksheetCollection {
    return this._nav("worksheets", () => new FakeWorksheetCollection(this.context, () => this._state));
  }
  get names(): FakeNamedItemCollection {
    return this._nav("names", () => new FakeNamedItemCollection(this.context, () => this._state));
  }
  get application(): FakeApplication {
    return this._nav("application", () => new FakeApplication(this.context, () => this._state));
  }
  get tables(): FakeTableCollection {
    return this._nav(
      "tables",
      () => new FakeTableCollection(this.context, () => ({ state: this._state, sheet: null })),
    );
  }
  get comments(): FakeCommentCollection {
    return this._nav("comments", () => new FakeCommentCollection(this.context, () => this._state));
  }
  get notes(): FakeNoteCollection {
    return this._nav("notes", () => new FakeNoteCollection(this.context, () => this._state));
  }
  getSelectedRange(): FakeRange {
    return this._create(new FakeRange(this.context), "getSelectedRange", [], () => {
      const state = this._state;
      const sel = state.selection ?? { sheet: state.activeSheet!.name, address: "A1" };
      return { sheet: state.sheet(sel.sheet)!, areas: [parseArea(sel.address)] };
    });
  }
}

export class FakeApplication extends FakeObject {
  readonly _type = "Application";
  suspendApiCalculationUntilNextSync(): void {
    this._call("suspendApiCalculationUntilNextSync", [], () => this._state.calculationSuspensions++);
  }
  suspendScreenUpdatingUntilNextSync(): void {
    this._call("suspendScreenUpdatingUntilNextSync", [], () => this._state.screenUpdatingSuspensions++);
  }
  /** The fake does not calculate: it counts the requests. */
  calculate(type: string): void {
    this._call("calculate", [type], () => this._state.calculations.push(type));
  }
}

const SHEET_NAME_BAD = /[[\]:*?/\\]/;

function checkSheetName(state: FakeWorkbookState, name: string, self?: FakeSheet): void {
  if (!name || name.length > 31 || SHEET_NAME_BAD.test(name) || name.startsWith("'") || name.endsWith("'"))
    throw invalid(`The sheet name "${name}" is invalid.`);
  const other = state.sheet(name);
  if (other && other !== self)
    throw new FakeOfficeError("ItemAlreadyExists", `A sheet named "${name}" already exists.`);
}

const visibleSheets = (state: FakeWorkbookState) => state.sheets.filter((s) => s.visibility === "Visible");

export class FakeWorksheetCollection extends FakeCollection<FakeWorksheet> {
  readonly _type = "WorksheetCollection";
  _items(): FakeSheet[] {
    return this._state.sheets;
  }
  _wrap(): FakeWorksheet {
    return new FakeWorksheet(this.context);
  }
  add(name: string): FakeWorksheet {
    return this._create(new FakeWorksheet(this.context), "add", [name], () => {
      checkSheetName(this._state, name);
      const sheet = new FakeSheet(name);
      this._state.sheets.push(sheet);
      return sheet;
    });
  }
  getItem(name: string): FakeWorksheet {
    return this._create(new FakeWorksheet(this.context), "getItem", [name], () => this._state.sheet(name));
  }
  getItemOrNullObject(name: string): FakeWorksheet {
    return this._create(
      new FakeWorksheet(this.context),
      "getItemOrNullObject",
      [name],
      () => this._state.sheet(name),
      true,
    );
  }
  getActiveWorksheet(): FakeWorksheet {
    return this._create(new FakeWorksheet(this.context), "getActiveWorksheet", [], () => this._state.activeSheet);
  }
  /** Registered at sync, like Excel's; the result's `remove()` is queued on its own context. */
  get onChanged() {
    return {
      add: (handler: (event: WorksheetChangedEvent) => unknown) => {
        const context = this.context;
        this._call("onChanged.add", [], () => this._state.changeHandlers.add(handler));
        return {
          context,
          remove: () => this._call("onChanged.remove", [], () => this._state.changeHandlers.delete(handler)),
        };
      },
    };
  }
}

export class FakeWorksheet extends FakeObject {
  readonly _type = "Worksheet";
  declare name: string;
  declare visibility: string;
  declare tabColor: string;
  get sheet(): FakeSheet {
    return this._t<FakeSheet>();
  }
  /** Without an address: the whole sheet. */
  getRange(address?: string): FakeRange {
    return this._create(new FakeRange(this.context), "getRange", [address ?? null], () => ({
      sheet: this.sheet,
      areas: [address ? parseArea(address) : { r1: 1, c1: 1, r2: MAX_ROWS, c2: MAX_COLS }],
    }));
  }
  getUsedRange(valuesOnly = false): FakeRange {
    return this._create(new FakeRange(this.context), "getUsedRange", [valuesOnly], () => {
      const rect = this.sheet.usedRect(valuesOnly);
      return { sheet: this.sheet, areas: [rect ?? { r1: 1, c1: 1, r2: 1, c2: 1 }] };
    });
  }
  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    return this._create(
      new FakeRange(this.context),
      "getUsedRangeOrNullObject",
      [valuesOnly],
      () => {
        const rect = this.sheet.usedRect(valuesOnly);
        return rect ? { sheet: this.sheet, areas: [rect] } : null;
      },
      true,
    );
  }
  getRanges(address: string): FakeRange {
    return this._create(new FakeRange(this.context, "RangeAreas"), "getRanges", [address], () => ({
      sheet: this.sheet,
      areas: parseAreas(address),
    }));
  }
  get customProperties(): FakeCustomPropertyCollection {
    // Under a null worksheet, as in Excel, the *OrNullObject lookups give null objects too.
    return this._nav(
      "customProperties",
      () => new FakeCustomPropertyCollection(this.context, () => (this._status === "null" ? null : this.sheet)),
    );
  }
  get tables(): FakeTableCollection {
    return this._nav(
      "tables",
      () => new FakeTableCollection(this.context, () => ({ state: this._state, sheet: this.sheet })),
    );
  }
  get charts(): FakeChartCollection {
    return this._nav("charts", () => new FakeChartCollection(this.context, () => this.sheet));
  }
  get freezePanes(): FakeFreezePanes {
    return this._nav("freezePanes", () => new FakeFreezePanes(this.context, () => this.sheet));
  }
  get autoFilter(): FakeAutoFilter {
    return this._nav("autoFilter", () => new FakeAutoFilter(this.context, () => this.sheet));
  }
  get horizontalPageBreaks(): FakePageBreakCollection {
    return this._nav("horizontalPageBreaks", () => new FakePageBreakCollection(this.context, () => this.sheet, "rows"));
  }
  get verticalPageBreaks(): FakePageBreakCollection {
    return this._nav(
      "verticalPageBreaks",
      () => new FakePageBreakCollection(this.context, () => this.sheet, "columns"),
    );
  }
  get pageLayout(): FakePageLayout {
    return this._nav("pageLayout", () => new FakePageLayout(this.context, () => this.sheet));
  }
  get protection(): FakeWorksheetProtection {
    return this._nav("protection", () => new FakeWorksheetProtection(this.context, () => this.sheet));
  }
  activate(): void {
    this._call("activate", [], () => {
      if (this.sheet.visibility !== "Visible")
        throw new FakeOfficeError("InvalidOperation", "A hidden sheet cannot be activated.");
      this._state.activeSheet = this.sheet;
    });
  }
  delete(): void {
    this._call("delete", [], () => {
      if (this._status === "null") return;
      const sheet = this.sheet;
      if (sheet.visibility === "Visible" && visibleSheets(this._state).length === 1)
        throw new FakeOfficeError("InvalidOperation", "A workbook must contain at least one visible worksheet.");
      this._state.sheets.splice(this._state.sheets.indexOf(sheet), 1);
      if (this._state.activeSheet === sheet) this._state.activeSheet = visibleSheets(this._state)[0] ?? null;
      this._state.deleted(sheet.name);
    });
  }
}
defineProps(FakeWorksheet, {
  name: spec(
    (s) => s.sheet.name,
    (s, v) => {
      const sheet = s.sheet;
      checkSheetName(s._state, String(v), sheet);
      const from = sheet.name;
      sheet.name = String(v);
      s._state.renamed(from, sheet.name);
    },
  ),
  visibility: spec(
    (s) => s.sheet.visibility,
    (s, v) => {
      const sheet = s.sheet;
      if (v !== "Visible" && sheet.visibility === "Visible" && visibleSheets(s._state).length === 1)
        throw new FakeOfficeError("InvalidOperation", "A workbook must contain at least one visible worksheet.");
      sheet.visibility = v as FakeSheet["visibility"];
    },
  ),
  tabColor: spec(
    (s) => s.sheet.tabColor,
    (s, v) => (s.sheet.tabColor = String(v).toUpperCase()),
  ),
  id: spec((s) => s.sheet.id),
  position: spec((s) => s._state.sheets.indexOf(s.sheet)),
  protection: { nav: (s) => s.protection },
});

export class FakeCustomPropertyCollection extends FakeCollection<FakeCustomProperty> {
  readonly _type = "WorksheetCustomPropertyCollection";
  _items(): [string, string][] {
    return [...this._t<FakeSheet>().customProperties.entries()];
  }
  _wrap(): FakeCustomProperty {
    return new FakeCustomProperty(this.context);
  }
  add(key: string, value: string): FakeCustomProperty {
    return this._create(new FakeCustomProperty(this.context), "add", [key, value], () => {
      const sheet = this._t<FakeSheet>();
      sheet.customProperties.set(key, String(value));
      return [key, String(value)];
    });
  }
  getItemOrNullObject(key: string): FakeCustomProperty {
    return this._create(
      new FakeCustomProperty(this.context),
      "getItemOrNullObject",
      [key],
      () => {
        const value = this._t<FakeSheet | null>()?.customProperties.get(key);
        return value === undefined ? null : [key, value];
      },
      true,
    );
  }
}

export class FakeCustomProperty extends FakeObject {
  readonly _type = "WorksheetCustomProperty";
}
defineProps(FakeCustomProperty, {
  key: spec((s) => s._t<[string, string]>()[0]),
  value: spec((s) => s._t<[string, string]>()[1]),
});

export class FakeNamedItemCollection extends FakeCollection<FakeNamedItem> {
  readonly _type = "NamedItemCollection";
  _items(): FakeName[] {
    return [...this._state.names.values()];
  }
  _wrap(): FakeNamedItem {
    return new FakeNamedItem(this.context);
  }
  add(name: string, reference: string, comment = ""): FakeNamedItem {
    return this._create(new FakeNamedItem(this.context), "add", [name, reference, comment], () => {
      if (!/^[A-Za-z_\\][A-Za-z0-9_.\\]{0,254}$/.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name) || /^[rc]$/i.test(name))
        throw invalid(`The name "${name}" is not a valid defined name.`);
      if (this._state.names.has(name.toLowerCase()) || tableNamed(this._state, name))
        throw new FakeOfficeError("ItemAlreadyExists", `The name "${name}" already exists.`);
      const formula = reference.startsWith("=") ? reference : `=${reference}`;
      const target = /^=(?:'((?:[^']|'')+)'|([^'!]+))!/.exec(formula);
      const sheetName = target?.[1]?.replace(/''/g, "'") ?? target?.[2];
      if (!sheetName || !this._state.sheet(sheetName)) throw invalid(`The reference "${reference}" is not valid.`);
      const item: FakeName = { name, formula, comment, visible: true };
      this._state.names.set(name.toLowerCase(), item);
      return item;
    });
  }
  getItemOrNullObject(name: string): FakeNamedItem {
    const found = () => this._state.names.get(name.toLowerCase()) ?? null;
    return this._create(new FakeNamedItem(this.context), "getItemOrNullObject", [name], found, true);
  }
}

export class FakeNamedItem extends FakeObject {
  readonly _type = "NamedItem";
  declare name: string;
  declare formula: string;
  delete(): void {
    this._call("delete", [], () => this._state.names.delete(this._t<FakeName>().name.toLowerCase()));
  }
}
defineProps(FakeNamedItem, {
  name: spec((s) => s._t<FakeName>().name),
  formula: spec((s) => s._t<FakeName>().formula),
  comment: spec((s) => s._t<FakeName>().comment),
  visible: spec((s) => s._t<FakeName>().visible),
});

// ---------------------------------------------------------------------------
// Threaded comments (ExcelApi 1.10), kept beside the workbook state; the author is the fake's one user.

interface FakeCommentState {
  sheet: FakeSheet;
  area: Rect;
  content: string;
  authorName: string;
  replies: { content: string; authorName: string }[];
}

const FAKE_USER = "Utilisateur test";
const commentsByWorkbook = new WeakMap<FakeWorkbookState, FakeCommentState[]>();
function commentsOf(state: FakeWorkbookState): FakeCommentState[] {
  let list = commentsByWorkbook.get(state);
  if (!list) commentsByWorkbook.set(state, (list = []));
  return list;
}

export class FakeCommentCollection extends FakeCollection<FakeComment> {
  readonly _type = "CommentCollection";
  _items(): FakeCommentState[] {
    return commentsOf(this._state);
  }
  _wrap(): FakeComment {
    return new FakeComment(this.context);
  }
  /** `cellAddress`: `Sheet!A1` (quoted sheet names allowed); one thread per cell, as in Excel. */
  add(cellAddress: string, content: string): FakeComment {
    return this._create(new FakeComment(this.context), "add", [cellAddress, content], () => {
      const at = /^(?:'((?:[^']|'')+)'|([^'!]+))!(\$?[A-Z]+\$?\d+)$/.exec(cellAddress);
      const sheet = at && this._state.sheet(at[1]?.replace(/''/g, "'") ?? at[2]!);
      if (!sheet) throw invalid(`The cell address "${cellAddress}" is not valid.`);
      const area = parseArea(at![3]!.replace(/\$/g, ""));
      const list = commentsOf(this._state);
      if (list.some((c) => c.sheet === sheet && c.area.r1 === area.r1 && c.area.c1 === area.c1))
        throw invalid(`The cell ${cellAddress} already has a comment.`);
      const item: FakeCommentState = { sheet, area, content, authorName: FAKE_USER, replies: [] };
      list.push(item);
      return item;
    });
  }
}

export class FakeComment extends FakeObject {
  readonly _type = "Comment";
  declare content: string;
  declare authorName: string;
  get replies(): FakeCommentReplyCollection {
    return this._nav("replies", () => new FakeCommentReplyCollection(this.context, () => this._t()));
  }
  getLocation(): FakeRange {
    return this._create(new FakeRange(this.context), "getLocation", [], () => {
      const c = this._t<FakeCommentState>();
      return { sheet: c.sheet, areas: [c.area] };
    });
  }
}
defineProps(FakeComment, {
  content: spec((s) => s._t<FakeCommentState>().content),
  authorName: spec((s) => s._t<FakeCommentState>().authorName),
  replies: { nav: (s) => s.replies },
});

export class FakeCommentReplyCollection extends FakeCollection<FakeCommentReply> {
  readonly _type = "CommentReplyCollection";
  _items(): FakeCommentState["replies"] {
    return this._t<FakeCommentState>().replies;
  }
  _wrap(): FakeCommentReply {
    return new FakeCommentReply(this.context);
  }
  add(content: string): FakeCommentReply {
    return this._create(new FakeCommentReply(this.context), "add", [content], () => {
      const reply = { content, authorName: FAKE_USER };
      this._t<FakeCommentState>().replies.push(reply);
      return reply;
    });
  }
}

export class FakeCommentReply extends FakeObject {
  readonly _type = "CommentReply";
  declare content: string;
  declare authorName: string;
}
defineProps(FakeCommentReply, {
  content: spec((s) => s._t<{ content: string }>().content),
  authorName: spec((s) => s._t<{ authorName: string }>().authorName),
});

// ---------------------------------------------------------------------------
// Notes (ExcelApi 1.18: the legacy comments), kept beside the workbook state like threads (PARITY 17).

interface FakeNoteState {
  sheet: FakeSheet;
  area: Rect;
  content: string;
  authorName: string;
}

const notesByWorkbook = new WeakMap<FakeWorkbookState, FakeNoteState[]>();
/** The notes of a workbook, for tests to read. */
export function notesOf(state: FakeWorkbookState): FakeNoteState[] {
  let list = notesByWorkbook.get(state);
  if (!list) notesByWorkbook.set(state, (list = []));
  return list;
}

/** Notes are objects of the sheet: a protected sheet refuses them unless it allows editing objects. */
function noteAllowed(sheet: FakeSheet): void {
  if (sheet.protection.protected && !sheet.protection.options.allowEditObjects)
    throw new FakeOfficeError("AccessDenied", "The sheet is protected.");
}

export class FakeNoteCollection extends FakeCollection<FakeNote> {
  readonly _type = "NoteCollection";
  _items(): FakeNoteState[] {
    return notesOf(this._state);
  }
  _wrap(): FakeNote {
    return new FakeNote(this.context);
  }
  /** The note of a cell (`Sheet!A1`, quoted sheet names allowed), or a null object. */
  getItemOrNullObject(key: string): FakeNote {
    return this._create(
      new FakeNote(this.context),
      "getItemOrNullObject",
      [key],
      () => {
        const at = /^(?:'((?:[^']|'')+)'|([^'!]+))!(\$?[A-Z]+\$?\d+)$/.exec(key);
        const sheet = at && this._state.sheet(at[1]?.replace(/''/g, "'") ?? at[2]!);
        if (!sheet) return null;
        const area = parseArea(at![3]!.replace(/\$/g, ""));
        return (
          notesOf(this._state).find((n) => n.sheet === sheet && n.area.r1 === area.r1 && n.area.c1 === area.c1) ?? null
        );
      },
      true,
    );
  }
  /** `cellAddress`: one cell, a Range or `Sheet!A1`; one note per cell. */
  add(cellAddress: string | FakeRange, content: string): FakeNote {
    return this._create(new FakeNote(this.context), "add", [cellAddress, content], () => {
      let sheet: FakeSheet | undefined;
      let area: Rect | undefined;
      if (typeof cellAddress === "string") {
        const at = /^(?:'((?:[^']|'')+)'|([^'!]+))!(\$?[A-Z]+\$?\d+)$/.exec(cellAddress);
        sheet = (at && this._state.sheet(at[1]?.replace(/''/g, "'") ?? at[2]!)) || undefined;
        area = at ? parseArea(at[3]!.replace(/\$/g, "")) : undefined;
      } else {
        const t = cellAddress._t<RangeTarget>();
        sheet = t.sheet;
        area = t.areas.length === 1 ? t.areas[0] : undefined;
      }
      if (!sheet || !area || area.r1 !== area.r2 || area.c1 !== area.c2)
        throw invalid(`A note goes on one cell: ${String(typeof cellAddress === "string" ? cellAddress : "range")}.`);
      noteAllowed(sheet);
      const list = notesOf(this._state);
      if (list.some((n) => n.sheet === sheet && n.area.r1 === area!.r1 && n.area.c1 === area!.c1))
        throw invalid(`The cell ${formatRect(area)} already has a note.`);
      const item: FakeNoteState = { sheet, area, content: String(content), authorName: FAKE_USER };
      list.push(item);
      return item;
    });
  }
}

export class FakeNote extends FakeObject {
  readonly _type = "Note";
  declare content: string;
  declare authorName: string;
  getLocation(): FakeRange {
    return this._create(new FakeRange(this.context), "getLocation", [], () => {
      const n = this._t<FakeNoteState>();
      return { sheet: n.sheet, areas: [n.area] };
    });
  }
  delete(): void {
    this._call("delete", [], () => {
      const n = this._t<FakeNoteState>();
      noteAllowed(n.sheet);
      const list = notesOf(this._state);
      list.splice(list.indexOf(n), 1);
    });
  }
}
defineProps(FakeNote, {
  content: spec(
    (s) => s._t<FakeNoteState>().content,
    (s, v) => {
      const n = s._t<FakeNoteState>();
      noteAllowed(n.sheet);
      n.content = String(v);
    },
  ),
  authorName: spec((s) => s._t<FakeNoteState>().authorName),
});

// ---------------------------------------------------------------------------
// Sheet-level objects

export class FakeFreezePanes extends FakeObject {
  readonly _type = "WorksheetFreezePanes";
  freezeAt(range: FakeRange): void {
    this._call("freezeAt", [range], () => {
      const [area] = range._t<RangeTarget>().areas;
      this._t<FakeSheet>().freeze = { rows: area!.r2, columns: area!.c2 };
    });
  }
  freezeRows(count: number): void {
    this._call("freezeRows", [count], () => (this._t<FakeSheet>().freeze = { rows: count, columns: 0 }));
  }
  freezeColumns(count: number): void {
    this._call("freezeColumns", [count], () => (this._t<FakeSheet>().freeze = { rows: 0, columns: count }));
  }
}

export class FakeAutoFilter extends FakeObject {
  readonly _type = "AutoFilter";
  apply(range: FakeRange): void {
    this._call("apply", [range], () => (this._t<FakeSheet>().autoFilter = range._t<RangeTarget>().areas[0]!));
  }
}

export class FakePageLayout extends FakeObject {
  readonly _type = "PageLayout";
  declare orientation: string;
  declare paperSize: string;
  declare zoom: unknown;
  declare printOrder: string;
  declare leftMargin: number;
  declare rightMargin: number;
  declare topMargin: number;
  declare bottomMargin: number;
  declare headerMargin: number;
  declare footerMargin: number;
  setPrintTitleRows(rows: string): void {
    this._call("setPrintTitleRows", [rows], () => {
      if (!/^\$?\d+:\$?\d+$/.test(rows)) throw invalid(`not whole rows: ${rows}`);
      parseArea(rows);
      this._t<FakeSheet>().pageLayout.printTitleRows = rows;
    });
  }
  setPrintTitleColumns(columns: string): void {
    this._call("setPrintTitleColumns", [columns], () => {
      if (!/^\$?[A-Z]+:\$?[A-Z]+$/i.test(columns)) throw invalid(`not whole columns: ${columns}`);
      parseArea(columns);
      this._t<FakeSheet>().pageLayout.printTitleColumns = columns;
    });
  }
  get headersFooters(): FakeHeaderFooterGroup {
    return this._nav("headersFooters", () => new FakeHeaderFooterGroup(this.context, () => this._t<FakeSheet>()));
  }
}

/** `pageLayout.headersFooters`: only the footer used on every page is modelled. */
export class FakeHeaderFooterGroup extends FakeObject {
  readonly _type = "HeaderFooterGroup";
  get defaultForAllPages(): FakeHeaderFooter {
    return this._nav("defaultForAllPages", () => new FakeHeaderFooter(this.context, () => this._t<FakeSheet>()));
  }
}

export class FakeHeaderFooter extends FakeObject {
  readonly _type = "HeaderFooter";
  declare leftFooter: string;
  declare centerFooter: string;
  declare rightFooter: string;
}
defineProps(FakeHeaderFooter, {
  leftFooter: footerSpec("left"),
  centerFooter: footerSpec("center"),
  rightFooter: footerSpec("right"),
});
function footerSpec(side: "left" | "center" | "right"): PropSpec<FakeHeaderFooter> {
  return spec(
    (s) => s._t<FakeSheet>().pageLayout.footer[side],
    (s, v) => {
      // Excel keeps one footer string of at most 255 characters, its section codes (&L, &C, &R) included.
      const footer = { ...s._t<FakeSheet>().pageLayout.footer, [side]: String(v) };
      const whole = (["left", "center", "right"] as const)
        .filter((k) => footer[k])
        .map((k) => `&${k[0]!.toUpperCase()}${footer[k]}`)
        .join("");
      if (whole.length > 255) throw invalid(`a footer of ${whole.length} characters (255 at most)`);
      s._t<FakeSheet>().pageLayout.footer = footer;
    },
  );
}

/** `worksheet.horizontalPageBreaks` / `verticalPageBreaks`: `add` puts a break before the range's top-left cell. */
export class FakePageBreakCollection extends FakeObject {
  readonly _type = "PageBreakCollection";
  constructor(
    ctx: Ctx,
    target: () => unknown,
    private readonly direction: "rows" | "columns",
  ) {
    super(ctx, target);
  }
  add(range: string | FakeRange): void {
    this._call("add", [range], () => {
      const area = typeof range === "string" ? parseArea(range) : range._t<RangeTarget>().areas[0]!;
      const layout = this._t<FakeSheet>().pageLayout;
      const breaks = this.direction === "rows" ? layout.rowBreaks : layout.columnBreaks;
      const at = this.direction === "rows" ? area.r1 : area.c1;
      if (!breaks.includes(at)) breaks.push(at);
    });
  }
}
defineProps(FakePageLayout, {
  orientation: spec(
    (s) => s._t<FakeSheet>().pageLayout.orientation,
    (s, v) => (s._t<FakeSheet>().pageLayout.orientation = String(v)),
  ),
  paperSize: spec(
    (s) => s._t<FakeSheet>().pageLayout.paperSize,
    (s, v) => (s._t<FakeSheet>().pageLayout.paperSize = String(v)),
  ),
  zoom: spec(
    (s) => s._t<FakeSheet>().pageLayout.zoom,
    (s, v) => {
      const zoom = v as FakeSheet["pageLayout"]["zoom"];
      // Excel prints at 10 % to 400 %.
      if (zoom.scale !== undefined && (zoom.scale < 10 || zoom.scale > 400)) throw invalid(`zoom scale ${zoom.scale}`);
      s._t<FakeSheet>().pageLayout.zoom = zoom;
    },
  ),
  printOrder: spec(
    (s) => s._t<FakeSheet>().pageLayout.printOrder,
    (s, v) => (s._t<FakeSheet>().pageLayout.printOrder = String(v)),
  ),
  leftMargin: marginSpec("left"),
  rightMargin: marginSpec("right"),
  topMargin: marginSpec("top"),
  bottomMargin: marginSpec("bottom"),
  headerMargin: marginSpec("header"),
  footerMargin: marginSpec("footer"),
});
function marginSpec(side: keyof FakeSheet["pageLayout"]["margins"]): PropSpec<FakePageLayout> {
  return spec(
    (s) => s._t<FakeSheet>().pageLayout.margins[side],
    (s, v) => (s._t<FakeSheet>().pageLayout.margins[side] = Number(v)),
  );
}

export class FakeWorksheetProtection extends FakeObject {
  readonly _type = "WorksheetProtection";
  protect(options: Record<string, unknown> = {}, password?: string): void {
    this._call("protect", [options, password ?? null], () => {
      const sheet = this._t<FakeSheet>();
      if (sheet.protection.protected) throw new FakeOfficeError("InvalidOperation", "The sheet is already protected.");
      sheet.protection = { protected: true, options, ...(password ? { password } : {}) };
    });
  }
  unprotect(password?: string): void {
    this._call("unprotect", [password ?? null], () => {
      const sheet = this._t<FakeSheet>();
      if (sheet.protection.password && sheet.protection.password !== password)
        throw new FakeOfficeError("InvalidArgument", "The password is incorrect.");
      sheet.protection = { protected: false, options: {} };
    });
  }
}
defineProps(FakeWorksheetProtection, {
  protected: spec((s) => s._t<FakeSheet>().protection.protected),
  options: spec((s) => s._t<FakeSheet>().protection.options),
});

// ---------------------------------------------------------------------------
// Ranges

export interface RangeTarget {
  sheet: FakeSheet;
  areas: Rect[];
}

function cellsOfTarget(t: RangeTarget, what: string): [number, number][] {
  return [...t.sheet.eachCell(t.areas, what)];
}

/** Excel refuses to change locked cells of a protected sheet. */
function checkWritable(t: RangeTarget, cells: [number, number][]): void {
  if (!t.sheet.protection.protected) return;
  for (const [r, c] of cells)
    if (t.sheet.peek(r, c)?.format.locked ?? true)
      throw new FakeOfficeError("AccessDenied", `The cell ${formatRect({ r1: r, c1: c, r2: r, c2: c })} is locked.`);
}

/** What typing `input` into a cell gives: formula, quoted text, number, boolean or text. */
function enter(t: RangeTarget, r: number, c: number, input: unknown): void {
  if (input === null || input === undefined) return;
  const cell = t.sheet.cell(r, c);
  cell.format.quotePrefix = false;
  if (typeof input === "string" && input.startsWith("=") && input.length > 1) {
    cell.formula = input;
    cell.value = null;
    return;
  }
  cell.formula = null;
  if (typeof input === "string" && input.startsWith("'")) {
    cell.value = input.slice(1);
    cell.format.quotePrefix = true;
  } else if (typeof input === "string" && input.trim() !== "" && !Number.isNaN(Number(input)))
    cell.value = Number(input);
  else if (input === "") cell.value = null;
  else cell.value = input as CellValue;
}

function grid(t: RangeTarget, v: unknown, what: string): unknown[][] {
  const area = t.areas[0]!;
  const rows = area.r2 - area.r1 + 1;
  const cols = area.c2 - area.c1 + 1;
  if (!Array.isArray(v) || v.length !== rows || v.some((line) => !Array.isArray(line) || line.length !== cols))
    throw invalid(`${what}: the array must be ${rows}×${cols} for ${formatRect(area)}.`);
  return v as unknown[][];
}

export class FakeRange extends FakeObject {
  readonly _type: string;
  declare formulas: unknown[][];
  declare values: unknown[][];
  declare numberFormat: unknown[][];
  declare columnHidden: boolean;
  declare hyperlink: unknown;
  constructor(ctx: Ctx, type = "Range") {
    super(ctx);
    this._type = type;
  }
  get target(): RangeTarget {
    return this._t<RangeTarget>();
  }
  get format(): FakeRangeFormat {
    return this._nav("format", () => new FakeRangeFormat(this.context, () => this.target));
  }
  get dataValidation(): FakeDataValidation {
    return this._nav("dataValidation", () => new FakeDataValidation(this.context, () => this.target));
  }
  get conditionalFormats(): FakeConditionalFormatCollection {
    return this._nav("conditionalFormats", () => new FakeConditionalFormatCollection(this.context, () => this.target));
  }
  merge(across = false): void {
    this._call("merge", [across], () => {
      const t = this.target;
      for (const area of t.areas) {
        if (across) throw new FakeOfficeError("NotImplemented", "fake Excel: merge(true)");
        if (t.sheet.overlapsMerge(area))
          throw new FakeOfficeError("InvalidOperation", `Merge over a merged area: ${formatRect(area)}`);
        if (tableOverlapping(this._state, t.sheet, area))
          throw new FakeOfficeError("InvalidOperation", `Merge inside a table: ${formatRect(area)}`);
        t.sheet.merges.push(area);
      }
    });
  }
  select(): void {
    this._call("select", [], () => {
      const t = this.target;
      if (this._state.activeSheet !== t.sheet)
        throw new FakeOfficeError("InvalidSelection", "The range is not on the active sheet.");
      this._state.selection = { sheet: t.sheet.name, address: t.areas.map((a) => formatRect(a)).join(",") };
    });
  }
  clear(applyTo: "All" | "Contents" | "Formats" | "Hyperlinks" = "All"): void {
    this._call("clear", [applyTo], () => {
      const t = this.target;
      const cells = cellsOfTarget(t, "clear").filter(([r, c]) => t.sheet.peek(r, c));
      checkWritable(t, cells);
      for (const [r, c] of cells) {
        const cell = t.sheet.cell(r, c);
        if (applyTo === "All" || applyTo === "Contents") {
          cell.value = null;
          cell.formula = null;
        }
        if (applyTo === "All" || applyTo === "Formats") cell.format = { ...DEFAULT_FORMAT, borders: {} };
        if (applyTo === "All" || applyTo === "Hyperlinks") delete cell.hyperlink;
      }
      if (applyTo === "All" || applyTo === "Contents")
        for (const area of t.areas) this._state.dataChanged(t.sheet, area);
    });
  }
  /** Single area only, as in Excel. */
  _single(what: string): RangeTarget {
    const t = this.target;
    if (t.areas.length !== 1) throw invalid(`${what} needs a single area.`);
    return t;
  }
}
defineProps(FakeRange, {
  address: spec((s) => {
    const t = s.target;
    return t.areas.map((a) => sheetPrefix(t.sheet.name) + formatRect(a, true)).join(",");
  }),
  formulas: spec(
    (s) => readGrid(s._single("formulas"), (cell) => cell?.formula ?? cell?.value ?? ""),
    (s, v) => writeGrid(s._state, s._single("formulas"), v, "formulas", enter),
  ),
  values: spec(
    (s) => readGrid(s._single("values"), (cell) => cell?.value ?? ""),
    (s, v) =>
      // As in Excel, a value starting with "=" is taken for a formula (Range.values remarks): constants are
      // written with a leading apostrophe by the add-in (constantInput).
      writeGrid(s._state, s._single("values"), v, "values", enter),
  ),
  numberFormat: spec(
    (s) => readGrid(s._single("numberFormat"), (cell) => cell?.format.numberFormat ?? "General"),
    (s, v) => {
      const t = s._single("numberFormat");
      const g = grid(t, v, "numberFormat");
      const a = t.areas[0]!;
      for (let r = a.r1; r <= a.r2; r++)
        for (let c = a.c1; c <= a.c2; c++) {
          const f = g[r - a.r1]![c - a.c1];
          if (f !== null && f !== undefined) t.sheet.cell(r, c).format.numberFormat = String(f);
        }
    },
  ),
  columnHidden: spec(undefined, (s, v) => {
    for (const a of s.target.areas)
      for (let c = a.c1; c <= a.c2; c++)
        v ? s.target.sheet.hiddenColumns.add(c) : s.target.sheet.hiddenColumns.delete(c);
  }),
  hyperlink: spec(undefined, (s, v) => {
    const t = s._single("hyperlink");
    const link = v as { textToDisplay?: string; documentReference?: string; address?: string };
    for (const [r, c] of cellsOfTarget(t, "hyperlink")) {
      checkWritable(t, [[r, c]]);
      const cell = t.sheet.cell(r, c);
      cell.hyperlink = { ...link };
      if (link.textToDisplay !== undefined) enter(t, r, c, link.textToDisplay);
    }
    if (link.textToDisplay !== undefined) s._state.dataChanged(t.sheet, t.areas[0]!);
  }),
  cellCount: spec((s) => s.target.areas.reduce((n, a) => n + cellCount(a), 0)),
  rowIndex: spec((s) => s.target.areas[0]!.r1 - 1),
  columnIndex: spec((s) => s.target.areas[0]!.c1 - 1),
});

/** "A range is limited to five million cells for get operations" (resource limits of Excel add-ins). */
export const READ_CELL_LIMIT = 5_000_000;

function readGrid(t: RangeTarget, read: (cell: ReturnType<FakeSheet["peek"]>) => unknown): unknown[][] {
  const a = t.areas[0]!;
  if (cellCount(a) > READ_CELL_LIMIT)
    throw new FakeOfficeError(
      "ResponsePayloadSizeLimitExceeded",
      `Reading ${formatRect(a)}: more than 5,000,000 cells.`,
    );
  const out: unknown[][] = [];
  for (let r = a.r1; r <= a.r2; r++) {
    const line: unknown[] = [];
    for (let c = a.c1; c <= a.c2; c++) line.push(read(t.sheet.peek(r, c)));
    out.push(line);
  }
  return out;
}

function writeGrid(
  state: FakeWorkbookState,
  t: RangeTarget,
  v: unknown,
  what: string,
  put: (t: RangeTarget, r: number, c: number, x: unknown) => void,
): void {
  const g = grid(t, v, what);
  const a = t.areas[0]!;
  const cells: [number, number][] = [];
  for (let r = a.r1; r <= a.r2; r++)
    for (let c = a.c1; c <= a.c2; c++) if (g[r - a.r1]![c - a.c1] !== null) cells.push([r, c]);
  checkWritable(t, cells);
  for (const [r, c] of cells) put(t, r, c, g[r - a.r1]![c - a.c1]);
  if (cells.length) state.dataChanged(t.sheet, a);
}

/** Sets one format field on every cell of the target (whole rows/columns: column widths and row heights only). */
function setFormat<K extends keyof CellFormat>(t: RangeTarget, key: K, value: CellFormat[K]): void {
  for (const [r, c] of cellsOfTarget(t, `format.${String(key)}`)) t.sheet.cell(r, c).format[key] = value;
}

export class FakeRangeFormat extends FakeObject {
  readonly _type = "RangeFormat";
  get font(): FakeFont {
    return this._nav("font", () => new FakeFont(this.context, () => this._t()));
  }
  get fill(): FakeFill {
    return this._nav("fill", () => new FakeFill(this.context, () => this._t()));
  }
  get protection(): FakeFormatProtection {
    return this._nav("protection", () => new FakeFormatProtection(this.context, () => this._t()));
  }
  get borders(): FakeBorders {
    return this._nav("borders", () => new FakeBorders(this.context, () => this._t()));
  }
}
const formatSpec = <K extends keyof CellFormat>(
  key: K,
  map: (v: unknown) => CellFormat[K] = (v) => v as CellFormat[K],
) => spec<FakeObject>(undefined, (s, v) => setFormat(s._t<RangeTarget>(), key, map(v)));
defineProps(FakeRangeFormat, {
  wrapText: formatSpec("wrap", Boolean),
  horizontalAlignment: formatSpec("horizontal", String),
  verticalAlignment: formatSpec("vertical", String),
  indentLevel: formatSpec("indent", Number),
  columnWidth: spec(undefined, (s, v) => {
    for (const a of s._t<RangeTarget>().areas)
      for (let c = a.c1; c <= a.c2; c++) s._t<RangeTarget>().sheet.columnWidths.set(c, Number(v));
  }),
  rowHeight: spec(undefined, (s, v) => {
    for (const a of s._t<RangeTarget>().areas)
      for (let r = a.r1; r <= a.r2; r++) s._t<RangeTarget>().sheet.rowHeights.set(r, Number(v));
  }),
});

export class FakeFont extends FakeObject {
  readonly _type = "RangeFont";
}
defineProps(FakeFont, {
  name: formatSpec("fontName", String),
  size: formatSpec("size", Number),
  bold: formatSpec("bold", Boolean),
  italic: formatSpec("italic", Boolean),
  color: formatSpec("color", (v) => String(v).toUpperCase()),
});

export class FakeFill extends FakeObject {
  readonly _type = "RangeFill";
}
defineProps(FakeFill, { color: formatSpec("fill", (v) => String(v).toUpperCase()) });

export class FakeFormatProtection extends FakeObject {
  readonly _type = "FormatProtection";
}
defineProps(FakeFormatProtection, {
  locked: spec(undefined, (s, v) => {
    const t = s._t<RangeTarget>();
    if (t.sheet.protection.protected) throw new FakeOfficeError("AccessDenied", "The sheet is protected.");
    setFormat(t, "locked", Boolean(v));
  }),
});

const EDGE_KEY = { EdgeTop: "top", EdgeBottom: "bottom", EdgeLeft: "left", EdgeRight: "right" } as const;

export class FakeBorders extends FakeObject {
  readonly _type = "RangeBorderCollection";
  getItem(edge: string): FakeBorder {
    return this._create(new FakeBorder(this.context), "getItem", [edge], () => ({
      range: this._t<RangeTarget>(),
      edge,
    }));
  }
}

/** Borders are kept per cell edge; inside borders land on the cells' inner edges. */
export class FakeBorder extends FakeObject {
  readonly _type = "RangeBorder";
}
function setBorder(s: FakeObject, field: "style" | "color", value: string): void {
  const { range, edge } = s._t<{ range: RangeTarget; edge: string }>();
  for (const a of range.areas)
    for (const [r, c] of range.sheet.eachCell([a], "borders")) {
      const sides: (keyof typeof EDGE_KEY)[] = [];
      if (edge in EDGE_KEY) {
        const e = edge as keyof typeof EDGE_KEY;
        if (
          (e === "EdgeTop" && r === a.r1) ||
          (e === "EdgeBottom" && r === a.r2) ||
          (e === "EdgeLeft" && c === a.c1) ||
          (e === "EdgeRight" && c === a.c2)
        )
          sides.push(e);
      } else if (edge === "InsideHorizontal") {
        if (r > a.r1) sides.push("EdgeTop");
        if (r < a.r2) sides.push("EdgeBottom");
      } else if (edge === "InsideVertical") {
        if (c > a.c1) sides.push("EdgeLeft");
        if (c < a.c2) sides.push("EdgeRight");
      } else throw invalid(`Unknown border ${edge}`);
      const borders = range.sheet.cell(r, c).format.borders;
      for (const side of sides) {
        const key = EDGE_KEY[side];
        borders[key] = { style: "Continuous", color: "#000000", ...borders[key], [field]: value };
      }
    }
}
defineProps(FakeBorder, {
  style: spec(undefined, (s, v) => setBorder(s, "style", String(v))),
  color: spec(undefined, (s, v) => setBorder(s, "color", String(v).toUpperCase())),
  weight: spec(undefined, () => undefined),
});

// ---------------------------------------------------------------------------
// Data validation and conditional formats

export class FakeDataValidation extends FakeObject {
  readonly _type = "DataValidation";
}
function validationOf(
  s: FakeObject,
  apply: (v: NonNullable<ReturnType<FakeSheet["cell"]>["validation"]>, fresh: boolean) => void,
): void {
  const t = s._t<RangeTarget>();
  for (const [r, c] of cellsOfTarget(t, "dataValidation")) {
    const cell = t.sheet.cell(r, c);
    const fresh = !cell.validation;
    cell.validation ??= {
      rule: {},
      prompt: { showPrompt: false, title: "", message: "" },
      errorAlert: { showAlert: true, style: "Stop", title: "", message: "" },
      ignoreBlanks: true,
    };
    apply(cell.validation, fresh);
  }
}
const RULE_KINDS = ["wholeNumber", "decimal", "date", "time", "textLength", "list", "custom"];
/** One kind of rule at a time (PARITY 16); a custom rule is a formula. The error code is the fake's choice. */
function checkRule(v: unknown): void {
  const kinds = Object.keys((v ?? {}) as object);
  if (kinds.length !== 1 || !RULE_KINDS.includes(kinds[0]!))
    throw new FakeOfficeError("InvalidArgument", `A data validation rule has one kind of ${RULE_KINDS.join(", ")}.`);
  const custom = (v as { custom?: { formula?: unknown } }).custom;
  if (custom && (typeof custom.formula !== "string" || !custom.formula.startsWith("=")))
    throw new FakeOfficeError("InvalidArgument", "A custom data validation rule is a formula starting with =.");
}
defineProps(FakeDataValidation, {
  rule: spec(undefined, (s, v) =>
    validationOf(s, (dv) => {
      if (Object.keys(dv.rule).length)
        throw new FakeOfficeError("InvalidOperation", "The range already has a validation rule: clear it first.");
      checkRule(v);
      dv.rule = JSON.parse(JSON.stringify(v)) as typeof dv.rule;
    }),
  ),
  prompt: spec(undefined, (s, v) => validationOf(s, (dv) => (dv.prompt = { ...(v as typeof dv.prompt) }))),
  errorAlert: spec(undefined, (s, v) => validationOf(s, (dv) => (dv.errorAlert = { ...(v as typeof dv.errorAlert) }))),
  ignoreBlanks: spec(undefined, (s, v) => validationOf(s, (dv) => (dv.ignoreBlanks = Boolean(v)))),
});

let cfIds = 0;

export class FakeConditionalFormatCollection extends FakeCollection<FakeConditionalFormat_> {
  readonly _type = "ConditionalFormatCollection";
  _items(): CfTarget[] {
    const t = this._t<RangeTarget>();
    return t.sheet.conditionalFormats
      .filter((f) => f.areas.some((a) => t.areas.some((b) => intersects(a, b))))
      .map((cf) => ({ sheet: t.sheet, cf }));
  }
  _wrap(): FakeConditionalFormat_ {
    return new FakeConditionalFormat_(this.context);
  }
  add(type: string): FakeConditionalFormat_ {
    return this._create(new FakeConditionalFormat_(this.context), "add", [type], () => {
      const t = this._t<RangeTarget>();
      if (type !== "Custom" && type !== "DataBar")
        throw new FakeOfficeError("NotImplemented", `fake Excel: conditional format ${type}`);
      const cf: FakeConditionalFormat = {
        id: ++cfIds,
        type,
        areas: t.areas.map((a) => ({ ...a })),
        stopIfTrue: false,
        ...(type === "Custom"
          ? { custom: { formula: null, fill: null, fontColor: null, bold: null } }
          : { dataBar: { fillColor: null, lowerBoundRule: null, upperBoundRule: null } }),
      };
      // A new format comes first (priority 0), as in Excel.
      t.sheet.conditionalFormats.unshift(cf);
      return { sheet: t.sheet, cf };
    });
  }
}

interface CfTarget {
  sheet: FakeSheet;
  cf: FakeConditionalFormat;
}

export class FakeConditionalFormat_ extends FakeObject {
  readonly _type = "ConditionalFormat";
  declare priority: number;
  delete(): void {
    this._call("delete", [], () => {
      const { sheet, cf } = this._t<CfTarget>();
      sheet.conditionalFormats.splice(sheet.conditionalFormats.indexOf(cf), 1);
    });
  }
  get custom(): FakeCfPart {
    return this._nav("custom", () => new FakeCfPart(this.context, () => this._t()));
  }
  get dataBar(): FakeCfPart {
    return this._nav("dataBar", () => new FakeCfPart(this.context, () => this._t()));
  }
}
defineProps(FakeConditionalFormat_, {
  type: spec((s) => s._t<CfTarget>().cf.type),
  custom: { nav: (s) => s.custom },
  priority: spec(
    (s) => s._t<CfTarget>().sheet.conditionalFormats.indexOf(s._t<CfTarget>().cf),
    (s, v) => {
      const { sheet, cf } = s._t<CfTarget>();
      const list = sheet.conditionalFormats;
      list.splice(list.indexOf(cf), 1);
      list.splice(Math.min(Number(v), list.length), 0, cf);
    },
  ),
});

/**
 * `custom`, `custom.rule`, `custom.format(.fill|.font)`, `dataBar` and
 * `dataBar.positiveFormat` in one class: each is a view of the same format.
 */
export class FakeCfPart extends FakeObject {
  readonly _type = "ConditionalFormatPart";
  constructor(
    ctx: Ctx,
    resolver: () => unknown,
    readonly _path = "",
  ) {
    super(ctx, resolver);
  }
  private part(name: string): FakeCfPart {
    return this._nav(name, () => new FakeCfPart(this.context, () => this._t(), name));
  }
  get rule(): FakeCfPart {
    return this.part("rule");
  }
  get format(): FakeCfPart {
    return this.part("format");
  }
  get fill(): FakeCfPart {
    return this.part("fill");
  }
  get font(): FakeCfPart {
    return this.part("font");
  }
  get positiveFormat(): FakeCfPart {
    return this.part("positiveFormat");
  }
}
const custom = (s: FakeObject) => {
  const c = s._t<CfTarget>().cf.custom;
  if (!c) throw new FakeOfficeError("InvalidOperation", "Not a custom conditional format.");
  return c;
};
const bar = (s: FakeObject) => {
  const b = s._t<CfTarget>().cf.dataBar;
  if (!b) throw new FakeOfficeError("InvalidOperation", "Not a data bar.");
  return b;
};
// `color` is the fill's colour on `format.fill` and the font's on `format.font`: told apart by the proxy's path.
defineProps(FakeCfPart, {
  formula: spec(
    (s) => custom(s).formula,
    (s, v) => (custom(s).formula = String(v)),
  ),
  rule: { nav: (s) => (s as FakeCfPart).rule },
  format: { nav: (s) => (s as FakeCfPart).format },
  fill: { nav: (s) => (s as FakeCfPart).fill },
  color: spec(
    (s) => ((s as FakeCfPart)._path === "font" ? custom(s).fontColor : custom(s).fill),
    (s, v) => {
      if ((s as FakeCfPart)._path === "font") custom(s).fontColor = String(v).toUpperCase();
      else custom(s).fill = String(v).toUpperCase();
    },
  ),
  bold: spec(undefined, (s, v) => (custom(s).bold = Boolean(v))),
  lowerBoundRule: spec(undefined, (s, v) => (bar(s).lowerBoundRule = v as { type: string })),
  upperBoundRule: spec(undefined, (s, v) => (bar(s).upperBoundRule = v as { type: string })),
  fillColor: spec(undefined, (s, v) => (bar(s).fillColor = String(v).toUpperCase())),
  gradientFill: spec(undefined, () => undefined),
});

// ---------------------------------------------------------------------------
// Charts (what they plot; no drawing)

let chartIds = 0;
const rangeText = (r: FakeRange) =>
  r
    ._t<RangeTarget>()
    .areas.map((a) => formatRect(a))
    .join(",");

export class FakeChartCollection extends FakeObject {
  readonly _type = "ChartCollection";
  add(type: string, source: FakeRange, seriesBy = "Auto"): FakeChart {
    return this._create(new FakeChart(this.context), "add", [type, source, seriesBy], () => {
      const chart: FakeChartState = { name: `Graphique ${++chartIds}`, type, source: rangeText(source), seriesBy };
      this._t<FakeSheet>().charts.push(chart);
      return chart;
    });
  }
  getItemOrNullObject(name: string): FakeChart {
    return this._create(
      new FakeChart(this.context),
      "getItemOrNullObject",
      [name],
      () => this._t<FakeSheet>().charts.find((c) => c.name === name) ?? null,
      true,
    );
  }
}

export class FakeChart extends FakeObject {
  readonly _type = "Chart";
  declare name: string;
  get title() {
    return this._part("title", (c, v) => (c.title = String(v)));
  }
  get legend() {
    return this._part("legend", (c, v) => (c.legend = Boolean(v)), "visible");
  }
  get series() {
    return {
      getItemAt: (_i: number) => ({
        setXAxisValues: (r: FakeRange) =>
          this._call("setXAxisValues", [r], () => (this._t<FakeChartState>().xValues = rangeText(r))),
      }),
    };
  }
  setPosition(start: string, end?: string): void {
    this._call("setPosition", [start, end ?? null], () => (this._t<FakeChartState>().position = [start, end ?? start]));
  }
  delete(): void {
    this._call("delete", [], () => {
      if (this._status === "null") return;
      const chart = this._t<FakeChartState>();
      for (const sheet of this._state.sheets) {
        const i = sheet.charts.indexOf(chart);
        if (i >= 0) sheet.charts.splice(i, 1);
      }
    });
  }
  /** `chart.title.text = …`, `chart.legend.visible = …`: a setter queued on the chart. */
  _part(name: string, apply: (c: FakeChartState, v: unknown) => void, property = "text") {
    const self = this;
    return Object.defineProperty({}, property, {
      set(v: unknown) {
        self._call(`${name}.${property}`, [v], () => apply(self._t<FakeChartState>(), v));
      },
    });
  }
}
defineProps(FakeChart, {
  name: spec(
    (s) => s._t<FakeChartState>().name,
    (s, v) => (s._t<FakeChartState>().name = String(v)),
  ),
});

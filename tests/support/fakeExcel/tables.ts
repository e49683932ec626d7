/**
 * Excel tables (ListObjects) in the fake Excel: `workbook.tables` and
 * `worksheet.tables` (add, getItem, getItemOrNullObject, items), and a table's
 * name, style, ranges, worksheet and deletion, with the rules of Excel that
 * the add-in relies on (sources in PARITY-tables.md): a table name is valid
 * (letter, `_` or `\` first, no space, ≤ 255 characters, not a cell
 * reference, not TRUE/FALSE) and unique in the workbook among tables and
 * defined names, ignoring case; a table overlaps no other table and no merged
 * area; its header cells become unique text; a header-only range gets an
 * empty data row.
 *
 * Tables are kept beside the workbook state (not in it), by workbook; a table
 * whose sheet was deleted is gone with it.
 */
import { formatRect, intersects, MAX_COLS, MAX_ROWS, parseArea, lettersToCol, type Rect } from "./address";
import { FakeOfficeError } from "./errors";
import { defineProps, FakeCollection, FakeObject, type PropSpec } from "./proxy";
import type { FakeSheet, FakeWorkbookState } from "./state";
import { FakeRange, FakeWorksheet, type RangeTarget } from "./api";

export interface FakeTableState {
  id: string;
  name: string;
  sheet: FakeSheet;
  /** Header row included. */
  rect: Rect;
  style: string;
}

const byWorkbook = new WeakMap<FakeWorkbookState, FakeTableState[]>();
let tableIds = 0;

/** The workbook's tables, in creation order (those of deleted sheets dropped). */
export function tablesOf(state: FakeWorkbookState): FakeTableState[] {
  const live = (byWorkbook.get(state) ?? []).filter((t) => state.sheets.includes(t.sheet));
  byWorkbook.set(state, live);
  return live;
}

export function tableNamed(state: FakeWorkbookState, name: string): FakeTableState | undefined {
  return tablesOf(state).find((t) => t.name.toLowerCase() === name.toLowerCase());
}

/** The table a range of a sheet touches, if any (merging cells inside a table is refused, as in Excel). */
export function tableOverlapping(state: FakeWorkbookState, sheet: FakeSheet, area: Rect): FakeTableState | undefined {
  return tablesOf(state).find((t) => t.sheet === sheet && intersects(t.rect, area));
}

const invalid = (message: string) => new FakeOfficeError("InvalidArgument", message);

/** A1 reference within the grid: `AB12`. */
function isA1(name: string): boolean {
  const m = /^([A-Za-z]{1,3})(\d+)$/.exec(name);
  return Boolean(m && lettersToCol(m[1]!) <= MAX_COLS && Number(m[2]) >= 1 && Number(m[2]) <= MAX_ROWS);
}

/** Excel's rules for a table name (those of defined names, MS-XLSB 2.5.166). */
export function checkTableName(state: FakeWorkbookState, name: string, self?: FakeTableState): void {
  const bad = () => invalid(`The table name "${name}" is not valid.`);
  if (name.length === 0 || name.length > 255) throw bad();
  if (!/^[A-Za-z_\\\u0080-\uFFFF][A-Za-z0-9_.?\\\u0080-\uFFFF]*$/.test(name)) throw bad();
  if (/^(true|false)$/i.test(name) || /^[rc]$/i.test(name) || isA1(name) || /^(r\d+|c\d+)/i.test(name)) throw bad();
  const table = tableNamed(state, name);
  if ((table && table !== self) || state.names.has(name.toLowerCase()))
    throw new FakeOfficeError("ItemAlreadyExists", `A table or a name "${name}" already exists.`);
}

/** Built-in styles: TableStyleLight1–21, Medium1–28, Dark1–11. */
const STYLE = /^TableStyle(Light([1-9]|1\d|2[01])|Medium([1-9]|1\d|2[0-8])|Dark([1-9]|1[01]))$/;

/** Header cells as Excel leaves them: text, `ColumnN` for an empty one, a number appended to a repeated one. */
function makeHeadersUnique(sheet: FakeSheet, rect: Rect): void {
  const taken = new Set<string>();
  for (let c = rect.c1; c <= rect.c2; c++) {
    const cell = sheet.cell(rect.r1, c);
    if (cell.formula !== null) throw new FakeOfficeError("NotImplemented", "fake Excel: a formula in a table header");
    const text = cell.value === null || cell.value === "" ? `Column${c - rect.c1 + 1}` : String(cell.value);
    let unique = text;
    for (let n = 2; taken.has(unique.toLowerCase()); n++) unique = `${text}${n}`;
    taken.add(unique.toLowerCase());
    cell.value = unique;
  }
}

interface Scope {
  state: FakeWorkbookState;
  /** null: the workbook's collection. */
  sheet: FakeSheet | null;
}

export class FakeTableCollection extends FakeCollection<FakeTable> {
  readonly _type = "TableCollection";
  _items(): FakeTableState[] {
    const { state, sheet } = this._t<Scope>();
    return tablesOf(state).filter((t) => sheet === null || t.sheet === sheet);
  }
  _wrap(): FakeTable {
    return new FakeTable(this.context);
  }
  /** `address`: a Range, or an address (`Sheet!A1:D9` from the workbook's collection). */
  add(address: string | FakeRange, hasHeaders: boolean): FakeTable {
    return this._create(new FakeTable(this.context), "add", [address, hasHeaders], () => {
      const { state, sheet: own } = this._t<Scope>();
      const { sheet, area } = this.where(state, own, address);
      if (!hasHeaders) throw new FakeOfficeError("NotImplemented", "fake Excel: tables.add(…, false)");
      // A header-only range: Excel adds one empty data row below it.
      const rect = area.r1 === area.r2 ? { ...area, r2: area.r1 + 1 } : area;
      const other = tableOverlapping(state, sheet, rect);
      if (other) throw invalid(`A table cannot overlap another table (${other.name}).`);
      if (sheet.overlapsMerge(rect)) throw invalid(`A table cannot overlap a merged area (${formatRect(rect)}).`);
      makeHeadersUnique(sheet, rect);
      let n = 1;
      while (tableNamed(state, `Table${n}`) || state.names.has(`table${n}`)) n++;
      const table: FakeTableState = {
        id: String(++tableIds),
        name: `Table${n}`,
        sheet,
        rect,
        style: "TableStyleMedium2",
      };
      tablesOf(state).push(table);
      return table;
    });
  }
  getItem(key: string): FakeTable {
    return this._create(new FakeTable(this.context), "getItem", [key], () => this.find(key));
  }
  getItemOrNullObject(key: string): FakeTable {
    return this._create(new FakeTable(this.context), "getItemOrNullObject", [key], () => this.find(key), true);
  }
  private find(key: string): FakeTableState | null {
    return (
      (this._items() as FakeTableState[]).find((t) => t.id === key || t.name.toLowerCase() === key.toLowerCase()) ??
      null
    );
  }
  private where(state: FakeWorkbookState, own: FakeSheet | null, address: string | FakeRange) {
    if (address instanceof FakeRange) {
      const t = address._t<RangeTarget>();
      if (t.areas.length !== 1) throw invalid("A table needs a single area.");
      if (own && t.sheet !== own) throw invalid("The range is not on this worksheet.");
      return { sheet: t.sheet, area: t.areas[0]! };
    }
    const m = /^(?:'((?:[^']|'')+)'|([^'!]+))!(.+)$/.exec(address);
    const name = m ? (m[1]?.replace(/''/g, "'") ?? m[2]!) : undefined;
    const sheet = name !== undefined ? state.sheet(name) : own;
    if (!sheet || (own && sheet !== own)) throw invalid(`The address "${address}" is not valid here.`);
    return { sheet, area: parseArea(m ? m[3]! : address) };
  }
}

export class FakeTable extends FakeObject {
  readonly _type = "Table";
  declare name: string;
  declare style: string;
  get worksheet(): FakeWorksheet {
    return this._nav("worksheet", () => new FakeWorksheet(this.context, () => this._t<FakeTableState>().sheet));
  }
  getRange(): FakeRange {
    return this.range("getRange", (r) => r);
  }
  getHeaderRowRange(): FakeRange {
    return this.range("getHeaderRowRange", (r) => ({ ...r, r2: r.r1 }));
  }
  getDataBodyRange(): FakeRange {
    return this.range("getDataBodyRange", (r) => ({ ...r, r1: r.r1 + 1 }));
  }
  delete(): void {
    this._call("delete", [], () => {
      if (this._status === "null") return;
      const list = tablesOf(this._state);
      list.splice(list.indexOf(this._t<FakeTableState>()), 1);
    });
  }
  private range(name: string, part: (r: Rect) => Rect): FakeRange {
    return this._create(new FakeRange(this.context), name, [], () => {
      const t = this._t<FakeTableState>();
      return { sheet: t.sheet, areas: [part(t.rect)] };
    });
  }
}
const spec = (read?: (s: FakeTable) => unknown, write?: (s: FakeTable, v: unknown) => void): PropSpec<FakeTable> => ({
  read,
  write,
});
const table = (s: FakeTable) => s._t<FakeTableState>();
defineProps(FakeTable, {
  id: spec((s) => table(s).id),
  name: spec(
    (s) => table(s).name,
    (s, v) => {
      checkTableName(s._state, String(v), table(s));
      table(s).name = String(v);
    },
  ),
  style: spec(
    (s) => table(s).style,
    (s, v) => {
      if (!STYLE.test(String(v))) throw invalid(`Unknown table style "${String(v)}".`);
      table(s).style = String(v);
    },
  ),
  showHeaders: spec(() => true),
  worksheet: { nav: (s) => s.worksheet },
});

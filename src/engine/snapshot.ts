/**
 * What validation, rollups and consolidation read from a filled-in workbook,
 * whatever host read it: the sheets present and, per sheet, the cells the
 * metadata points at (values, formulas), plus column A where each row says
 * which node it holds, and the comments and notes people left on cells. The hosts fill it (the .xlsx reader, or Office.js in
 * one request per sheet); the engine never sees a file or an Excel object.
 */
import { a1, parseA1 } from "../util/a1";

export type SnapValue = string | number | boolean;

export interface SnapCell {
  /** The constant, or a formula's result; absent when the cell is empty. Dates: `YYYY-MM-DD` or an Excel serial number. */
  value?: SnapValue;
  /** With a leading `=`. */
  formula?: string;
}

/** What someone wrote on a cell: a note, or a threaded comment (`fil`) with its replies. */
export interface SnapComment {
  kind: "note" | "fil";
  author?: string;
  text: string;
  replies?: { author?: string; text: string }[];
}

export interface SheetSnapshot {
  name: string;
  visible: boolean;
  protected: boolean;
  /** By A1 address; only non-empty cells need be there. */
  cells: Map<string, SnapCell>;
  /** By A1 address; absent when the host does not read comments. */
  comments?: Map<string, SnapComment>;
}

export interface Snapshot {
  /** File name, or the open workbook's. */
  source: string;
  sheets: SheetSnapshot[];
}

export function sheetOf(snapshot: Snapshot, name: string): SheetSnapshot | undefined {
  return snapshot.sheets.find((s) => s.name === name);
}

export function cellOf(sheet: SheetSnapshot | undefined, address: string): SnapCell | undefined {
  return sheet?.cells.get(address);
}

/** Column A of a sheet: node id → rows where it appears. */
export function rowIds(sheet: SheetSnapshot): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const [address, cell] of sheet.cells) {
    if (!address.startsWith("A") || !/^A\d+$/.test(address) || typeof cell.value !== "string") continue;
    const { row } = parseA1(address);
    out.set(cell.value, [...(out.get(cell.value) ?? []), row]);
  }
  return out;
}

/** The address of the same column on another row. */
export function onRow(address: string, row: number): string {
  return a1(row, parseA1(address).col);
}

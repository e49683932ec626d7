/**
 * A plain table sheet (title, note, header, rows), for what a workbook keeps
 * beside the bilan: the *Non repris* values of a carry-over or an upgrade,
 * the values per source of a consolidation. Locked, filterable, printable.
 */
import type { Lang } from "../../i18n";
import type { Scalar } from "../plan";
import { colLetter } from "../../util/a1";
import { SheetBuilder } from "./sheetBuilder";
import { COLORS } from "./styles";

export interface TableSheet {
  name: string;
  title: string;
  note: string;
  columns: [header: string, width: number][];
  rows: Scalar[][];
  /** The workbook's language (its typography); French by default. */
  lang?: Lang;
}

export const TABLE_HEADER_ROW = 3;

export function buildTableSheet(t: TableSheet): SheetBuilder {
  const sheet = new SheetBuilder(t.name, "annexe", t.lang);
  const s = sheet.plan;
  s.tabColor = COLORS.muted;
  sheet.set(1, 1, "title", t.title);
  sheet.set(2, 1, "note", t.note);
  sheet.merge(2, 1, 2, t.columns.length);
  t.columns.forEach(([header, width], i) => {
    sheet.set(TABLE_HEADER_ROW, i + 1, "tableHeader", header);
    s.columnWidths[i + 1] = width;
  });
  // The rows hold values people typed: never retouched.
  t.rows.forEach((row, r) => row.forEach((v, c) => sheet.setAsTyped(TABLE_HEADER_ROW + 1 + r, c + 1, "rowLabel", v)));
  s.freeze = { rows: TABLE_HEADER_ROW, columns: 0 };
  s.autoFilter = `A${TABLE_HEADER_ROW}:${colLetter(t.columns.length)}${TABLE_HEADER_ROW}`;
  s.protection = { allowFormatRows: true, allowFormatColumns: true, allowAutoFilter: true };
  s.print = {
    orientation: "landscape",
    paperSize: "A4",
    titleColumns: "A:A",
    titleRows: `${TABLE_HEADER_ROW}:${TABLE_HEADER_ROW}`,
  };
  return sheet;
}

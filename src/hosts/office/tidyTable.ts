/**
 * The tidy export written into the open workbook as an Excel table (a
 * ListObject, which Power Query reads as it is): for Excel on Mac, where a
 * task pane cannot download a file.
 *
 * The table lives on a sheet of its own that the add-in made (tagged like the
 * bilan's sheets) and replaces at each export; a user's sheet of the same name
 * is never touched. Rows go in bands under the payload budget: one request to
 * look, one per band group, one to make the table (3 for a usual bilan).
 * Text is written as text, so a comment starting with "=" stays a comment.
 */
import { TIDY_COLUMNS, type TidyRow } from "../../engine/tidy";
import { both } from "../../i18n";
import { colLetter } from "../../util/a1";
import { constantInput } from "./officeShapes";
import { packed, PAYLOAD_BUDGET, RenderError, SHEET_TAG, type Step } from "./renderPlan";

export const EXPORT_SHEET = "Export du bilan";
export const EXPORT_TABLE = "BilanExport";
export const EXPORT_STYLE = "TableStyleMedium2";

const LAST_COL = colLetter(TIDY_COLUMNS.length);
let encoder: TextEncoder | undefined;
/** UTF-8 bytes of a row sent to Excel (the encoder made on first use: module loading needs no TextEncoder). */
const utf8Bytes = (text: string) => (encoder ??= new TextEncoder()).encode(text).length;

export interface TidyTableResult {
  sheet: string;
  table: string;
  rows: number;
  syncs: number;
}

type Cell = string | number | boolean;

function line(row: TidyRow): Cell[] {
  return TIDY_COLUMNS.map((c) => {
    const v = row[c];
    return v === undefined ? "" : constantInput(v);
  });
}

/** `BilanExport`, or `BilanExport_2`… when a table or a name elsewhere already has it (names are workbook-wide). */
function freeName(taken: Set<string>): string {
  let name = EXPORT_TABLE;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${EXPORT_TABLE}_${n}`;
  return name;
}

/** Header and rows in bands of whole rows, each well under the budget (a request can hold two). */
function bandSteps(ws: Excel.Worksheet, lines: Cell[][]): Step[] {
  const steps: Step[] = [];
  let top = 0;
  while (top < lines.length) {
    let bytes = 0;
    let bottom = top;
    // `,` and the brackets of each row: 2 + the JSON of the row.
    while (bottom < lines.length) {
      const size = utf8Bytes(JSON.stringify(lines[bottom])) + 2;
      if (bottom > top && bytes + size > PAYLOAD_BUDGET / 2) break;
      bytes += size;
      bottom++;
    }
    const band = lines.slice(top, bottom);
    const first = top + 1;
    steps.push({
      bytes,
      run: () => {
        ws.getRange(`A${first}:${LAST_COL}${first + band.length - 1}`).values = band;
      },
    });
    top = bottom;
  }
  return steps;
}

export async function writeTidyTable(
  context: Excel.RequestContext,
  rows: TidyRow[],
  modelId: string,
): Promise<TidyTableResult> {
  let syncs = 0;
  const sync = async () => {
    syncs++;
    await context.sync();
  };
  const worksheets = context.workbook.worksheets;

  // 1. The previous export (ours or not), and the table names in use.
  const old = worksheets.getItemOrNullObject(EXPORT_SHEET);
  const tag = old.customProperties.getItemOrNullObject(SHEET_TAG);
  const tables = context.workbook.tables.load("items/name,items/worksheet/name");
  const names = context.workbook.names.load("items/name");
  syncs++;
  await context.sync();
  if (!old.isNullObject && tag.isNullObject)
    throw new RenderError(both("office.export.foreignSheet", { sheet: EXPORT_SHEET }));
  const taken = new Set([
    ...tables.items.filter((t) => t.worksheet.name !== EXPORT_SHEET).map((t) => t.name.toLowerCase()),
    ...names.items.map((n) => n.name.toLowerCase()),
  ]);
  const tableName = freeName(taken);

  // 2. The old export steps aside until the new one is complete.
  let aside: string | undefined;
  if (!old.isNullObject) {
    aside = `~export remplacé`;
    old.name = aside;
  }
  try {
    const ws = worksheets.add(EXPORT_SHEET);
    ws.customProperties.add(SHEET_TAG, modelId);
    // A table has at least one data row: an empty export gets an empty one, as Excel would make.
    const lines = [[...TIDY_COLUMNS] as Cell[], ...(rows.length ? rows.map(line) : [TIDY_COLUMNS.map(() => "")])];
    for (const batch of packed(bandSteps(ws, lines))) {
      for (const step of batch) step.run();
      await sync();
    }

    // 3. The table, named once the old export (and its table) is gone; its style, frozen header, to the front.
    const table = ws.tables.add(`A1:${LAST_COL}${lines.length}`, true);
    if (aside) worksheets.getItem(aside).delete();
    table.name = tableName;
    table.style = EXPORT_STYLE;
    ws.freezePanes.freezeRows(1);
    ws.activate();
    await sync();
  } catch (e) {
    worksheets.getItemOrNullObject(EXPORT_SHEET).delete();
    if (aside) worksheets.getItemOrNullObject(aside).name = EXPORT_SHEET;
    await context.sync().catch(() => undefined);
    throw e;
  }
  return { sheet: EXPORT_SHEET, table: tableName, rows: rows.length, syncs };
}

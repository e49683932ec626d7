/**
 * A snapshot of the open workbook, in few round trips: the sheets (one
 * request), their used ranges' sizes (one request), then their values and
 * formulas, several sheets per request as long as the answer stays small.
 * At most 1 sync per sheet + 2, and 3 for a workbook of ordinary size.
 */
import type { SheetSnapshot, SnapCell, Snapshot } from "../../engine/snapshot";
import { a1 } from "../../util/a1";
import { bounds } from "../../util/rectangles";

/** Cells read per request: about 40 bytes each in the answer, well below Excel on the web's 5 MB. */
const CELLS_PER_SYNC = 60_000;

export async function readSnapshot(
  context: Excel.RequestContext,
  source: string,
): Promise<{ snapshot: Snapshot; syncs: number }> {
  let syncs = 0;
  const sheets = context.workbook.worksheets;
  sheets.load("items/name,items/visibility,items/protection/protected");
  await context.sync();
  syncs++;
  const used = sheets.items.map((ws) => ({ ws, range: ws.getUsedRangeOrNullObject(true).load("address,cellCount") }));
  await context.sync();
  syncs++;

  const batches: (typeof used)[] = [];
  let count = Infinity;
  for (const u of used) {
    if (u.range.isNullObject) continue;
    if (count + u.range.cellCount > CELLS_PER_SYNC) {
      batches.push([]);
      count = 0;
    }
    batches[batches.length - 1]!.push(u);
    count += u.range.cellCount;
  }
  for (const batch of batches) {
    for (const u of batch) u.range.load("values,formulas");
    // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one request per batch of sheets, sized above
    await context.sync();
    syncs++;
  }

  const snapshot: Snapshot = {
    source,
    sheets: used.map(({ ws, range }) => {
      const cells = new Map<string, SnapCell>();
      if (!range.isNullObject) snapCells(range, cells);
      const sheet: SheetSnapshot = {
        name: ws.name,
        visible: ws.visibility === "Visible",
        protected: ws.protection.protected,
        cells,
      };
      return sheet;
    }),
  };
  return { snapshot, syncs };
}

/** A loaded range's non-empty cells (values and formulas) into a snapshot sheet's cells, by A1 address. */
export function snapCells(range: Excel.Range, into: Map<string, SnapCell>): void {
  const { top, left } = bounds(range.address.slice(range.address.lastIndexOf("!") + 1).split(":")[0]!);
  range.values.forEach((line, i) =>
    line.forEach((value: unknown, j) => {
      const formula = range.formulas[i]![j];
      const cell: SnapCell = {};
      if (value !== "" && value !== null) cell.value = value as SnapCell["value"];
      if (typeof formula === "string" && formula.startsWith("=")) cell.formula = formula;
      if (cell.value !== undefined || cell.formula) into.set(a1(top + i, left + j), cell);
    }),
  );
}

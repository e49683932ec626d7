/**
 * A snapshot of the open workbook, in few round trips: the sheets (one
 * request), their used ranges' sizes (one request), then their values and
 * formulas, several sheets per request as long as the answer stays small.
 * At most 1 sync per sheet + 2, and 3 for a workbook of ordinary size.
 * Threaded comments (ExcelApi 1.10) ride along in the first two requests;
 * notes need ExcelApi 1.18 and are not read here (the .xlsx host reads both).
 */
import type { SheetSnapshot, SnapCell, SnapComment, Snapshot } from "../../engine/snapshot";
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
  const comments = canReadComments()
    ? context.workbook.comments.load(
        "items/content,items/authorName,items/replies/items/content,items/replies/items/authorName",
      )
    : undefined;
  await context.sync();
  syncs++;
  const used = sheets.items.map((ws) => ({ ws, range: ws.getUsedRangeOrNullObject(true).load("address,cellCount") }));
  const located = (comments?.items ?? []).map((c) => ({ c, at: c.getLocation().load("address") }));
  await context.sync();
  syncs++;
  const commentsBySheet = new Map<string, Map<string, SnapComment>>();
  for (const { c, at } of located) {
    const bang = at.address.lastIndexOf("!");
    const sheet = at.address
      .slice(0, bang)
      .replace(/^'(.*)'$/, "$1")
      .replace(/''/g, "'");
    const cell = at.address
      .slice(bang + 1)
      .split(":")[0]!
      .replace(/\$/g, "");
    const replies = c.replies.items.map((r) => ({
      ...(r.authorName ? { author: r.authorName } : {}),
      text: r.content,
    }));
    if (!commentsBySheet.has(sheet)) commentsBySheet.set(sheet, new Map());
    commentsBySheet.get(sheet)!.set(cell, {
      kind: "fil",
      ...(c.authorName ? { author: c.authorName } : {}),
      text: c.content,
      ...(replies.length ? { replies } : {}),
    });
  }

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
        ...(comments ? { comments: commentsBySheet.get(ws.name) ?? new Map() } : {}),
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

/** Threaded comments need ExcelApi 1.10 (Office 2019 and later); older hosts simply do not list them. */
function canReadComments(): boolean {
  return typeof Office !== "undefined" && Office.context?.requirements?.isSetSupported("ExcelApi", "1.10") === true;
}

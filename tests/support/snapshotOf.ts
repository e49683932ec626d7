/**
 * A snapshot made from exceljs's full read of a workbook (readWorkbook.ts): what tests that already hold a
 * ReadWorkbook validate, and the reference the product's own reader (valueReader.ts) is compared with.
 */
import type { SheetSnapshot, SnapCell, Snapshot } from "../../src/engine/snapshot";
import type { CommentsBySheet } from "../../src/hosts/xlsx/comments";
import type { ReadWorkbook } from "./readWorkbook";

export function snapshotOf(workbook: ReadWorkbook, source: string, comments?: CommentsBySheet): Snapshot {
  const sheets: SheetSnapshot[] = workbook.sheets.map((s) => {
    const cells = new Map<string, SnapCell>();
    for (const [address, c] of Object.entries(s.cells)) {
      if (c.value === undefined && c.formula === undefined) continue;
      cells.set(address, {
        ...(c.value !== undefined ? { value: c.value } : {}),
        ...(c.formula ? { formula: c.formula } : {}),
      });
    }
    return {
      name: s.name,
      visible: s.state === "visible",
      protected: s.protected,
      cells,
      ...(comments ? { comments: comments.get(s.name) ?? new Map() } : {}),
    };
  });
  return { source, sheets };
}

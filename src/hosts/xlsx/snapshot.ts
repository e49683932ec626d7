/** A snapshot of an .xlsx file for validation, rollups and consolidation; refused files say why. */
import type { SheetSnapshot, SnapCell, Snapshot } from "../../engine/snapshot";
import { readComments, type CommentsBySheet } from "./comments";
import { checkXlsx, type Refusal } from "./guard";
import { readXlsx, type ReadWorkbook } from "./readWorkbook";

/** The snapshot alone: what exceljs and the read workbook held is let go before validation starts. */
export type SnapshotResult = { ok: true; snapshot: Snapshot } | { ok: false; refusal: Refusal };

export async function snapshotXlsx(data: Uint8Array, source: string): Promise<SnapshotResult> {
  const checked = await checkXlsx(data);
  if ("key" in checked) return { ok: false, refusal: checked };
  let workbook: ReadWorkbook;
  let comments: CommentsBySheet;
  try {
    workbook = await readXlsx(data);
    comments = await readComments(checked.zip);
  } catch (e) {
    return {
      ok: false,
      refusal: { key: "validate.file.unparsable", params: { detail: e instanceof Error ? e.message : String(e) } },
    };
  }
  return { ok: true, snapshot: snapshotOf(workbook, source, comments) };
}

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
    const notes = comments?.get(s.name);
    return {
      name: s.name,
      visible: s.state === "visible",
      protected: s.protected,
      cells,
      ...(comments ? { comments: notes ?? new Map() } : {}),
    };
  });
  return { source, sheets };
}

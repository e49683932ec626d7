/** A snapshot of an .xlsx file for validation, rollups and consolidation; refused files say why. */
import type { Snapshot } from "../../engine/snapshot";
import { readComments } from "./comments";
import { checkXlsx, type InflateRaw, type Refusal } from "./guard";
import { workbookSheets } from "./parts";
import { readSheets } from "./valueReader";

export type SnapshotResult = { ok: true; snapshot: Snapshot } | { ok: false; refusal: Refusal };

/** The parts the guard inflated are parsed once, values and comments; nothing of them is kept but the snapshot. */
export async function snapshotXlsx(data: Uint8Array, source: string, inflateRaw?: InflateRaw): Promise<SnapshotResult> {
  const checked = await checkXlsx(data, { keepParts: true, ...(inflateRaw ? { inflateRaw } : {}) });
  if ("key" in checked) return { ok: false, refusal: checked };
  try {
    const workbook = workbookSheets(checked.parts);
    const sheets = readSheets(checked.parts, workbook);
    const comments = readComments(checked.parts, workbook.sheets);
    for (const s of sheets) s.comments = comments.get(s.name) ?? new Map();
    return { ok: true, snapshot: { source, sheets } };
  } catch (e) {
    return {
      ok: false,
      refusal: { key: "validate.file.unparsable", params: { detail: e instanceof Error ? e.message : String(e) } },
    };
  }
}

/**
 * The very hidden metadata sheet: model JSON, version, structure hash and the
 * map stable id → sheet/cell of every input and rollup cell. Long JSON is cut
 * into chunks below Excel's 32,767-character cell limit.
 */
import type { PlanMeta, SheetPlan } from "../plan";
import { SheetBuilder } from "./sheetBuilder";

export const META_SHEET = "_bilan_meta";
export const META_MARKER = "bilan-schema/meta";
const CHUNK = 30000;

export function chunks(text: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += CHUNK) out.push(text.slice(i, i + CHUNK));
  return out.length ? out : [""];
}

export function buildMetaSheet(meta: PlanMeta, modelJson: string): SheetBuilder {
  const sheet = new SheetBuilder(META_SHEET, "meta");
  let row = 1;
  const put = (key: string, value: string | number) => {
    sheet.set(row, 1, "meta", key);
    sheet.set(row, 2, "meta", value);
    row++;
  };
  put(META_MARKER, meta.metaVersion);
  put("modelId", meta.modelId);
  put("modelVersion", meta.modelVersion);
  put("structureHash", meta.structureHash);
  put("campaignYear", meta.campaignYear);
  put("granularite", meta.granularite);
  put("generatedAt", meta.generatedAt);
  put("cut", meta.cut ? `${meta.cut.kind}:${meta.cut.id}` : "");
  for (const c of chunks(JSON.stringify(meta))) put("meta", c);
  for (const c of chunks(modelJson)) put("model", c);
  sheet.plan.columnWidths = { 1: 16, 2: 80 };
  sheet.plan.protection = { allowFormatRows: true, allowFormatColumns: true, allowAutoFilter: true };
  return sheet;
}

/** The chunks written under `key` (column A) in a metadata sheet of the plan, in order. */
export function writtenChunks(sheet: SheetPlan, key: string): string[] {
  const keyRows = new Set<number>();
  const out: string[] = [];
  for (const c of sheet.cells) {
    if (c.col === 1 && c.value === key) keyRows.add(c.row);
    // Cells are written row by row, key first: the row's key is known when its value comes.
    else if (c.col === 2 && keyRows.has(c.row)) out.push(String(c.value ?? ""));
  }
  return out;
}

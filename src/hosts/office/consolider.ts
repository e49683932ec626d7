/**
 * Consolider in the open workbook: the merged values go into its input cells
 * (by the bindings of its own, validated plan), and every source's values
 * into a « Valeurs par source » sheet, replaced on each run.
 */
import type { Consolidation } from "../../engine/consolidate";
import type { WorkbookPlan } from "../../engine/plan";
import { colLetter } from "../../util/a1";
import { constantInput } from "./officeShapes";
import { SHEET_TAG } from "./renderPlan";

export const PAR_SOURCE = "Valeurs par source";
const HEADER = ["Source", "Clé", "Élément", "Valeur"];

/** Returns how many values were written and how many had no input cell (locked cells of other years). */
export async function mergeIntoWorkbook(
  context: Excel.RequestContext,
  c: Consolidation,
  plan: WorkbookPlan,
): Promise<{ written: number; skipped: string[] }> {
  const inputs = new Map(plan.meta.bindings.filter((b) => b.input).map((b) => [b.key, b]));
  let written = 0;
  const skipped: string[] = [];
  for (const [key, value] of c.values) {
    const b = inputs.get(key);
    if (!b) {
      skipped.push(key);
      continue;
    }
    context.workbook.worksheets.getItem(b.sheet).getRange(b.address).values = [[constantInput(value)]];
    written++;
  }
  const old = context.workbook.worksheets.getItemOrNullObject(PAR_SOURCE);
  old.delete();
  const ws = context.workbook.worksheets.add(PAR_SOURCE);
  ws.customProperties.add(SHEET_TAG, plan.meta.modelId);
  const rows = [HEADER, ...c.detail.map((r) => r.map(constantInput))];
  ws.getRange(`A1:${colLetter(HEADER.length)}${rows.length}`).values = rows;
  ws.getRange(`A1:${colLetter(HEADER.length)}1`).format.font.bold = true;
  await context.sync();
  return { written, skipped };
}

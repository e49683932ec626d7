/**
 * Consolider in the open workbook: renders what the engine decided. The
 * merged values go into its input cells (by the bindings of its own,
 * validated plan), the engine's « Valeurs par source » sheet replaces the
 * previous one, and its metadata sheet is made again with the sources it now
 * holds (so that a later consolidation never counts them twice) and its
 * register of returns, whose sheets are made again too.
 */
import type { Consolidation } from "../../engine/consolidate";
import { mergedSheets } from "../../engine/consolidateMaster";
import type { WorkbookPlan } from "../../engine/plan";
import type { Schema } from "../../model/schema";
import { constantInput } from "./officeShapes";
import { replaceSheetInExcel } from "./renderPlan";

/** Returns how many values were written and the keys that had no input cell (locked cells of other years). */
export async function mergeIntoWorkbook(
  context: Excel.RequestContext,
  c: Consolidation,
  plan: WorkbookPlan,
  schema: Schema,
): Promise<{ written: number; skipped: string[] }> {
  const recorded = mergedSheets(c, schema, plan.meta);
  if (!c.parSource || !recorded) return { written: 0, skipped: [] };
  const inputs = new Map(plan.meta.bindings.filter((b) => b.input).map((b) => [b.key, b]));
  const writes = [...c.values].filter(([key]) => inputs.has(key));
  const skipped = [...c.values.keys()].filter((key) => !inputs.has(key));
  const values = {
    bytes: 200 * writes.length,
    run: () => {
      for (const [key, value] of writes) {
        const b = inputs.get(key)!;
        context.workbook.worksheets.getItem(b.sheet).getRange(b.address).values = [[constantInput(value)]];
      }
    },
  };
  await replaceSheetInExcel(context, c.parSource, plan, [values]);
  // The register's sheets, then the metadata sheet that records them.
  for (const sheet of recorded) await replaceSheetInExcel(context, sheet, plan);
  return { written: writes.length, skipped };
}

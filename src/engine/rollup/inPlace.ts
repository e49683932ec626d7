/**
 * A plan made again from a workbook's model, filled with what the workbook
 * holds: every entered value put back in its cell (by binding key, so rows
 * that moved are back in place), every formula cell given the engine's result
 * as its cached value, and the Sommaire's error counts written.
 */
import { familleOf } from "../../model/valueTypes";
import type { Schema } from "../../model/schema";
import { cellNumber, parseA1 } from "../../util/a1";
import { excelSerial } from "../../util/excelDate";
import type { WorkbookPlan } from "../plan";
import { nodeIndex } from "../../model/nodes";
import type { ResultOf } from "./cells";
import type { Rollups } from "./compute";
import type { CellValue } from "./excel";

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

export function fillPlan(
  plan: WorkbookPlan,
  schema: Schema,
  values: Map<string, CellValue>,
  resultOf: ResultOf,
  rollups: Rollups,
): WorkbookPlan {
  const at = cellNumber;
  const sheets = new Map(plan.sheets.map((s) => [s.name, new Map(s.cells.map((c) => [at(c.row, c.col), c]))]));
  const nodes = nodeIndex(schema);
  const errors = new Map(rollups.axes.map((a) => [a.id, a.controles]));
  errors.set(plan.meta.modelId, rollups.controles);
  for (const b of plan.meta.bindings) {
    const { row, col } = parseA1(b.address);
    const cell = sheets.get(b.sheet)?.get(at(row, col));
    if (!cell) continue;
    const value = b.formula ? resultOf(b) : b.kind === "rollup" ? errors.get(b.node) : values.get(b.key);
    if (value === undefined) continue;
    // Dates are read back as days (`2024-06-30`): written again as the serial numbers Excel keeps.
    const ind = nodes.get(b.node)?.indicateur;
    const isDate = ind !== undefined && familleOf(ind.type) === "date" && b.kind === "valeur";
    cell.value = isDate && typeof value === "string" && ISO_DAY.test(value) ? excelSerial(value) : value;
  }
  return plan;
}

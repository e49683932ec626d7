/**
 * Statuses typed where the calendar takes none: in a grey cell of a period
 * the sous-action is not planned on, in a locked period after the campaign
 * (« prévu »), or in the « — » cells of a sous-action without a published
 * calendar (but for its earlier campaigns' cells, which hold carried statuses). Such a status is not counted by the rollups (they read the
 * status inputs only), so it is reported rather than silently dropped. The
 * cells are found from the plan (the sous-action's row, the period columns,
 * the input cells) and read where the row is now (by its id in column A).
 */
import type { Granularite, Schema } from "../../model/schema";
import { a1, cellNumber } from "../../util/a1";
import { axeColumns } from "../layout/axeSheet";
import { calendarGrid } from "../../model/calendarGrid";
import { isFilled } from "../rollup/excel";
import type { WorkbookPlan } from "../plan";
import { cellOf, sheetOf, type Snapshot } from "../snapshot";
import { phrase } from "../../i18n";
import { expecting, finding, type Finding } from "./findings";
import type { NodeInfo } from "../../model/nodes";
import type { Location } from "./locate";

export function statutsHorsPrevision(
  schema: Schema,
  plan: WorkbookPlan,
  snapshot: Snapshot,
  location: Location,
  nodes: Map<string, NodeInfo>,
): Finding[] {
  const out: Finding[] = [];
  const campaign = plan.meta.campaignYear;
  const { periods } = axeColumns(schema, calendarGrid(schema, plan.meta.granularite as Granularite));
  // Inputs, and the earlier campaigns' statuses a sous-action without a published calendar keeps in sight.
  const inputs = new Set(
    plan.meta.bindings
      .filter((b) => b.input || (b.kind === "statut" && Number(b.period!.slice(0, 4)) < campaign))
      .map((b) => `${b.sheet}!${b.address}`),
  );
  for (const sheetPlan of plan.sheets) {
    if (sheetPlan.kind !== "axe") continue;
    const sheet = sheetOf(snapshot, sheetPlan.name);
    if (!sheet) continue;
    /** What the layout wrote in each cell, by `cellNumber` (a mark such as « prévu » is no status typed). */
    const written = new Map<number, unknown>();
    for (const c of sheetPlan.cells) written.set(cellNumber(c.row, c.col), c.value);
    for (const c of sheetPlan.cells) {
      const info = c.col === 1 && typeof c.value === "string" ? nodes.get(c.value) : undefined;
      if (!info?.sousAction) continue;
      const row = location.rowOf.get(`${sheetPlan.name}\u0000${info.sousAction.id}`);
      if (row === undefined) continue;
      for (const [period, col] of periods) {
        if (inputs.has(`${sheetPlan.name}!${a1(c.row, col)}`)) continue;
        const address = a1(row, col);
        const value = cellOf(sheet, address)?.value;
        if (!isFilled(value) || value === written.get(cellNumber(c.row, col))) continue;
        out.push({
          ...finding(
            "calendrier.statut-hors-prevision",
            {
              sheet: sheetPlan.name,
              cell: address,
              axe: info.axe.id,
              fiche: info.fiche!.id,
              node: info.sousAction.id,
              value: value!,
            },
            { label: info.label, value: String(value), cell: address, period, year: campaign },
          ),
          ...expecting(phrase("validate.expected.plannedPeriod")),
        });
      }
    }
  }
  return out;
}

/**
 * The line chart of one indicator over the schéma's years: a small table of
 * targets (from the model) and values (formulas pointing at the indicator's
 * cells, so the chart follows what is typed), on a sheet of its own that the
 * add-in replaces at each drawing — never a sheet of the user's.
 */
import { familleOf } from "../../model/valueTypes";
import type { WorkbookPlan } from "../../engine/plan";
import { both } from "../../i18n";
import type { Indicateur, Schema } from "../../model/schema";
import { sheetRef } from "../../util/a1";
import { RenderError, SHEET_TAG } from "./renderPlan";

export const INDICATOR_SHEET = "Graphique indicateur";

export async function drawIndicatorChart(
  context: Excel.RequestContext,
  plan: WorkbookPlan,
  schema: Schema,
  ind: Indicateur,
): Promise<void> {
  const sheets = context.workbook.worksheets;
  const old = sheets.getItemOrNullObject(INDICATOR_SHEET);
  const tag = old.customProperties.getItemOrNullObject(SHEET_TAG);
  await context.sync();
  if (!old.isNullObject && tag.isNullObject)
    throw new RenderError(both("office.render.foreignSheet", { sheets: INDICATOR_SHEET }));
  if (!old.isNullObject) old.delete();
  const ws = sheets.add(INDICATOR_SHEET);
  ws.customProperties.add(SHEET_TAG, plan.meta.modelId);
  // A ratio is drawn by its rate; any other number by its value.
  const kind = familleOf(ind.type) === "ratio" ? "taux" : "valeur";
  const rows: (string | number)[][] = [["Année", "Cible", "Valeur"]];
  for (let year = schema.periode.debut; year <= schema.periode.fin; year++) {
    const b = plan.meta.bindings.find((x) => x.key === `${ind.id}@${kind}:${year}`);
    const target = ind.cibles[String(year)];
    rows.push([
      year,
      typeof target === "number" ? target : "",
      b ? `=IF(ISNUMBER(${sheetRef(b.sheet, b.address)}),${sheetRef(b.sheet, b.address)},NA())` : "",
    ]);
  }
  const table = ws.getRange(`A1:C${rows.length}`);
  table.formulas = rows;
  ws.getRange("A1:C1").format.font.bold = true;
  const chart = ws.charts.add("Line", ws.getRange(`B1:C${rows.length}`), "Columns");
  chart.title.text = ind.libelle;
  chart.series.getItemAt(0).setXAxisValues(ws.getRange(`A2:A${rows.length}`));
  chart.setPosition("E2", "M22");
  ws.activate();
  await context.sync();
}

/**
 * Calculer in the open workbook: a recalculation (the rollups are live
 * formulas), then the Sommaire's bar chart of calendar progress per axe,
 * drawn over the Sommaire's own rollup cells so that it follows them.
 */
import { sommaireOf } from "../../engine/layout/sommaire";
import { langOf } from "../../engine/plan";
import { t } from "../../i18n";
import type { WorkbookPlan } from "../../engine/plan";
import { parseA1 } from "../../util/a1";
import { whileUnprotected } from "./renderPlan";

export const PROGRESS_CHART = "bilan-avancement";

/**
 * "Recalculate" computes every formula Excel marked dirty, which covers all the rollups: they are plain
 * formulas over cells (no volatile function, no external link, no user-defined function whose result
 * Excel could not track). "Full" would recompute every formula of every open workbook, the user's too.
 */
export const RECALCULER = "Recalculate";

export async function refreshDashboard(
  context: Excel.RequestContext,
  plan: WorkbookPlan,
  password?: string,
): Promise<void> {
  context.workbook.application.calculate(RECALCULER);
  const sommaire = sommaireOf(plan.meta);
  const progress = plan.meta.bindings.filter((b) => b.sheet === sommaire && b.key.endsWith("@rollup:calendrier"));
  const sheet = plan.sheets.find((s) => s.name === sommaire);
  if (progress.length && sheet) {
    const ws = context.workbook.worksheets.getItem(sommaire);
    whileUnprotected(ws, sheet, password, () => {
      ws.charts.getItemOrNullObject(PROGRESS_CHART).delete();
      const rows = progress.map((b) => parseA1(b.address));
      const [first, last] = [rows[0]!, rows[rows.length - 1]!];
      const column = progress[0]!.address.replace(/\d+$/, "");
      const chart = ws.charts.add("BarClustered", ws.getRange(`${column}${first.row}:${column}${last.row}`), "Columns");
      chart.name = PROGRESS_CHART;
      chart.title.text = t(langOf(plan.meta), "workbook.chart.progress");
      chart.legend.visible = false;
      chart.series.getItemAt(0).setXAxisValues(ws.getRange(`B${first.row}:B${last.row}`));
      chart.setPosition(`B${last.row + 3}`, `H${last.row + 3 + Math.max(12, 3 * rows.length)}`);
    });
  }
  context.workbook.worksheets.getItem(sommaire).activate();
  await context.sync();
}

/** Calculer in the open workbook: a full recalculation and one progress chart over the Sommaire's rollup cells. */
import { refreshDashboard, PROGRESS_CHART } from "../../../src/hosts/office/dashboard";
import { renderPlanInExcel } from "../../../src/hosts/office/renderPlan";
import { FakeExcel } from "../../support/fakeExcel";
import { builtinPlan } from "../../support/plans";

test("the chart plots the Sommaire's progress column against the axe names, and is replaced, not duplicated", async () => {
  const plan = builtinPlan("essonne_2022_2026");
  const excel = new FakeExcel();
  await excel.run((ctx) => renderPlanInExcel(ctx, plan));
  await excel.run((ctx) => refreshDashboard(ctx, plan));
  await excel.run((ctx) => refreshDashboard(ctx, plan));
  const sommaire = excel.state.mustSheet("Sommaire");
  const cells = plan.meta.bindings.filter((b) => b.key.endsWith("@rollup:calendrier")).map((b) => b.address);
  expect(sommaire.charts).toEqual([
    expect.objectContaining({
      name: PROGRESS_CHART,
      type: "BarClustered",
      source: `${cells[0]}:${cells[cells.length - 1]}`,
      xValues: `B${cells[0]!.slice(1)}:B${cells[cells.length - 1]!.slice(1)}`,
    }),
  ]);
  expect(excel.state.calculations).toEqual(["Recalculate", "Recalculate"]);
  expect(sommaire.protection.protected).toBe(true);
  expect(excel.state.activeSheet?.name).toBe("Sommaire");
});

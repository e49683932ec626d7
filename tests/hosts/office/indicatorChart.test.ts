/** The indicator line chart: live formulas to the indicator's cells, on the add-in's own sheet, replaced on each drawing. */
import { loadBuiltin } from "../../../src/model/builtins";
import { drawIndicatorChart, INDICATOR_SHEET } from "../../../src/hosts/office/indicatorChart";
import { RenderError, renderPlanInExcel } from "../../../src/hosts/office/renderPlan";
import { FakeExcel, FakeWorkbookState } from "../../support/fakeExcel";
import { builtinPlan } from "../../support/plans";

const schema = loadBuiltin("fiche_action_5_2022_2026");
const plan = builtinPlan("fiche_action_5_2022_2026");
const rate = schema.axes[0]!.fiches[0]!.indicateurs.find((i) => i.type === "rate")!;

test("one row per year: target from the model, value as a formula on the indicator's cell; one chart", async () => {
  const excel = new FakeExcel();
  await excel.run((ctx) => renderPlanInExcel(ctx, plan));
  await excel.run((ctx) => drawIndicatorChart(ctx, plan, schema, rate));
  await excel.run((ctx) => drawIndicatorChart(ctx, plan, schema, rate));
  const sheet = excel.state.mustSheet(INDICATOR_SHEET);
  expect(excel.state.sheets.filter((s) => s.name === INDICATOR_SHEET)).toHaveLength(1);
  const b = plan.meta.bindings.find((x) => x.key === `${rate.id}@valeur:2024`)!;
  const row2024 = 2 + 2024 - schema.periode.debut;
  expect(sheet.peek(row2024, 1)?.value).toBe(2024);
  expect(sheet.peek(row2024, 3)?.formula).toContain(`'${b.sheet}'!${b.address}`);
  expect(sheet.charts).toEqual([
    expect.objectContaining({ type: "Line", title: rate.libelle, xValues: `A2:A${row2024 + 2}` }),
  ]);
  expect(excel.state.activeSheet?.name).toBe(INDICATOR_SHEET);
});

test("a user's sheet of that name is never replaced", async () => {
  const excel = new FakeExcel(new FakeWorkbookState([INDICATOR_SHEET]));
  await excel.run((ctx) => renderPlanInExcel(ctx, plan));
  await expect(excel.run((ctx) => drawIndicatorChart(ctx, plan, schema, rate))).rejects.toBeInstanceOf(RenderError);
  expect(excel.state.mustSheet(INDICATOR_SHEET).charts).toEqual([]);
});

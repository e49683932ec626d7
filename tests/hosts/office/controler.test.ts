/**
 * Contrôler in the open workbook (the in-memory Excel): the snapshot costs a
 * bounded number of round trips, findings land in the Contrôles sheet with
 * links, and highlights come and go without touching the layout's formats.
 */
import { loadBuiltin } from "../../../src/model/builtins";
import { CONTROLES, CONTROLES_HEADER_ROW } from "../../../src/engine/layout/controles";
import type { WorkbookPlan } from "../../../src/engine/plan";
import { renderPlanInExcel } from "../../../src/hosts/office/renderPlan";
import { controlerClasseur } from "../../../src/hosts/office/controler";
import { clearHighlights, HIGHLIGHT, highlightFindings } from "../../../src/hosts/office/controles";
import { parseA1 } from "../../../src/util/a1";
import { FakeExcel } from "../../support/fakeExcel";
import { fillValid } from "../../support/fill";
import { planOf } from "../../support/plans";

const schema = loadBuiltin("essonne_2022_2026");
let plan: WorkbookPlan;
let excel: FakeExcel;

/** The user types into a bound cell. */
function type(key: string, value: string | number | null) {
  const b = plan.meta.bindings.find((x) => x.key === key)!;
  const { row, col } = parseA1(b.address);
  excel.state.mustSheet(b.sheet).cell(row, col).value = value;
  return b;
}

const indicator = (type_: string) =>
  schema.axes
    .flatMap((a) => a.fiches)
    .flatMap((f) => f.indicateurs)
    .find((i) => i.type === type_)!;

beforeEach(async () => {
  plan = fillValid(planOf(schema), schema);
  excel = new FakeExcel();
  await excel.run((ctx) => renderPlanInExcel(ctx, plan));
});

test("a correctly filled workbook: no finding, an empty Contrôles table with its counts", async () => {
  const { report } = await excel.run((ctx) => controlerClasseur(ctx));
  expect(report.findings).toEqual([]);
  expect(excel.state.mustSheet(CONTROLES).peek(2, 1)?.value).toBe("0 erreur(s), 0 avertissement(s), 0 info(s)");
});

test("three faults typed in: three findings, in the Contrôles sheet with links to their cells, in few syncs", async () => {
  const year = plan.meta.campaignYear;
  const count = type(`${indicator("count").id}@valeur:${year}`, 12.5);
  const rate = type(`${indicator("rate").id}@valeur:${year}`, 180);
  const yesNo = type(`${indicator("boolean").id}@valeur:${year}`, "Peut-être");
  excel.syncs.length = 0;
  const { report, syncs } = await excel.run((ctx) => controlerClasseur(ctx));
  expect(report.findings.map((f) => [f.rule, f.sheet, f.cell])).toEqual(
    expect.arrayContaining([
      ["type.decimales", count.sheet, count.address],
      ["plage.taux-sup-100", rate.sheet, rate.address],
      ["type.hors-liste", yesNo.sheet, yesNo.address],
    ]),
  );
  expect(report.findings).toHaveLength(3);
  expect(syncs).toBe(excel.syncs.length);
  expect(syncs).toBeLessThanOrEqual(plan.sheets.length + 3);

  const sheet = excel.state.mustSheet(CONTROLES);
  const first = CONTROLES_HEADER_ROW + 1;
  expect(sheet.peek(2, 1)?.value).toMatch(/^3 erreur\(s\), 0 avertissement\(s\), 0 info\(s\) — par axe : /);
  const rows = report.findings.map((f, i) => [
    sheet.peek(first + i, 1)?.value,
    sheet.peek(first + i, 2)?.value,
    sheet.peek(first + i, 4)?.value,
  ]);
  expect(rows).toEqual(report.findings.map((f) => ["erreur", f.rule, f.cell]));
  expect(sheet.peek(first, 4)?.hyperlink?.documentReference).toMatch(/^'.+'!/);

  // One fixed: the next run leaves two rows, the third one cleared.
  type(`${indicator("count").id}@valeur:${year}`, 12);
  const again = await excel.run((ctx) => controlerClasseur(ctx));
  expect(again.report.findings).toHaveLength(2);
  expect(sheet.peek(first + 2, 1)?.value ?? null).toBeNull();
});

test("highlights are added and removed, the layout's conditional formats and protection stay", async () => {
  const year = plan.meta.campaignYear;
  const b = type(`${indicator("count").id}@valeur:${year}`, -4);
  const { report } = await excel.run((ctx) => controlerClasseur(ctx));
  const sheet = excel.state.mustSheet(b.sheet);
  const before = sheet.conditionalFormats.length;
  const n = await excel.run((ctx) => highlightFindings(ctx, report.findings, plan));
  expect(n).toBe(1);
  expect(sheet.conditionalFormats).toHaveLength(before + 1);
  expect(sheet.conditionalFormats[0]!.custom).toMatchObject({ formula: HIGHLIGHT.formula, fill: HIGHLIGHT.fill });
  expect(sheet.protection.protected).toBe(true);
  const removed = await excel.run((ctx) => clearHighlights(ctx, plan));
  expect(removed).toBe(1);
  expect(sheet.conditionalFormats).toHaveLength(before);
  expect(sheet.protection.protected).toBe(true);
});

/**
 * Threaded comments in the open workbook (the in-memory Excel): Contrôler
 * lists them like the .xlsx host does, in the same number of round trips;
 * an Excel without ExcelApi 1.10 is checked as before, without them.
 */
import { loadBuiltin } from "../../../src/model/builtins";
import type { WorkbookPlan } from "../../../src/engine/plan";
import { renderPlanInExcel } from "../../../src/hosts/office/renderPlan";
import { controlerClasseur } from "../../../src/hosts/office/controler";
import { FakeExcel } from "../../support/fakeExcel";
import { fillValid } from "../../support/fill";
import { planOf } from "../../support/plans";

const schema = loadBuiltin("fiche_action_5_2022_2026");
const ind = schema.axes[0]!.fiches[0]!.indicateurs[0]!;
let plan: WorkbookPlan;
let excel: FakeExcel;
const office = globalThis as { Office?: unknown };

function supports(yes: boolean) {
  office.Office = { context: { requirements: { isSetSupported: (set: string) => yes && set === "ExcelApi" } } };
}

beforeEach(async () => {
  plan = fillValid(planOf(schema), schema);
  excel = new FakeExcel();
  await excel.run((ctx) => renderPlanInExcel(ctx, plan));
});

afterEach(() => delete office.Office);

async function comment(): Promise<{ sheet: string; address: string }> {
  const b = plan.meta.bindings.find((x) => x.key === `${ind.id}@valeur:${plan.meta.campaignYear}`)!;
  await excel.run(async (ctx) => {
    const c = ctx.workbook.comments.add(`'${b.sheet.replace(/'/g, "''")}'!${b.address}`, "Chiffre\nprovisoire");
    c.replies.add("Confirmé");
    await ctx.sync();
  });
  return b;
}

test("Contrôler lists a threaded comment on an input cell, author and reply, without another round trip", async () => {
  supports(true);
  const before = await excel.run((ctx) => controlerClasseur(ctx));
  const b = await comment();
  const { report, syncs } = await excel.run((ctx) => controlerClasseur(ctx));
  expect(syncs).toBe(before.syncs);
  const found = report.findings.filter((f) => f.rule === "saisie.commentaire");
  expect(found.map((f) => [f.severity, f.sheet, f.cell, f.value])).toEqual([
    ["info", b.sheet, b.address, "Chiffre\nprovisoire"],
  ]);
  expect(found[0]!.message).toBe(
    `Commentaire de Utilisateur test en ${b.address} sur « ${ind.libelle} » : « Chiffre provisoire » ; réponse de Utilisateur test : « Confirmé ».`,
  );
});

test("an Excel without ExcelApi 1.10 is checked as before, its comments not read", async () => {
  supports(true);
  await comment();
  supports(false);
  const { report } = await excel.run((ctx) => controlerClasseur(ctx));
  expect(report.findings.filter((f) => f.rule.startsWith("saisie.commentaire"))).toEqual([]);
});

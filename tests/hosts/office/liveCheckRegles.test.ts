/**
 * The ODPE's rules in Excel: *Contrôler* (a full check) names a broken rule, and the live check after an edit
 * says what a full check says, a rule across two axes included; a justification typed in the comment of the
 * row turns its warning into an info.
 */
import { loadBuiltin } from "../../../src/model/builtins";
import { parseSchemaOrThrow } from "../../../src/model/parse";
import type { CellBinding, WorkbookPlan } from "../../../src/engine/plan";
import { trustedReport, type TrustedReport } from "../../../src/engine/validate";
import { renderPlanInExcel } from "../../../src/hosts/office/renderPlan";
import { controlerClasseur } from "../../../src/hosts/office/controler";
import { recontroler } from "../../../src/hosts/office/liveCheck";
import { FakeExcel } from "../../support/fakeExcel";
import { fillValid } from "../../support/fill";
import { planOf } from "../../support/plans";
import { parseA1 } from "../../../src/util/a1";

const essonne = loadBuiltin("essonne_2022_2026");
const counts = essonne.axes.map((a) => a.fiches.flatMap((f) => f.indicateurs).find((i) => i.type === "count")!);
const [A, B] = [counts[0]!.id, counts[1]!.id];
const schema = parseSchemaOrThrow(
  { ...essonne, regles: [{ id: "a_sous_b", gauche: A, operateur: "<=", droite: B }] },
  "essonne",
);
const year = schema.periode.debut + 2;
let plan: WorkbookPlan;
let excel: FakeExcel;
let previous: TrustedReport;

const binding = (key: string): CellBinding => plan.meta.bindings.find((b) => b.key === key)!;

function put(b: CellBinding, value: string | number | null) {
  const { row, col } = parseA1(b.address);
  excel.state.mustSheet(b.sheet).cell(row, col).value = value;
  return { sheet: b.sheet, address: b.address };
}

async function fullCheck(): Promise<TrustedReport> {
  const { report } = await excel.run((ctx) => controlerClasseur(ctx));
  const trusted = trustedReport(report);
  if (!trusted.ok) throw new Error(trusted.reason.message);
  return trusted.report;
}

async function edit(b: CellBinding, value: string | number | null) {
  const partial = await excel.run((ctx) => recontroler(ctx, previous, [put(b, value)]));
  const full = await fullCheck();
  expect(partial!.report.findings).toEqual(full.findings);
  previous = partial!.report;
  return full.findings.filter((f) => f.rule.startsWith("regle."));
}

beforeAll(async () => {
  plan = fillValid(planOf(schema), schema);
  excel = new FakeExcel();
  await excel.run((ctx) => renderPlanInExcel(ctx, plan));
  previous = await fullCheck();
});

test("the two values are in different axes", () => {
  expect(binding(`${A}@valeur:${year}`).sheet).not.toBe(binding(`${B}@valeur:${year}`).sheet);
});

test("an edit of one side breaks the rule, one of the other side mends it, a justification acknowledges it", async () => {
  const b = binding(`${B}@valeur:${year}`);
  await edit(b, 3);
  const a = binding(`${A}@valeur:${year}`);
  let found = await edit(a, 50);
  expect(found.map((f) => [f.severity, f.sheet, f.cell, f.message])).toEqual([
    ["avertissement", a.sheet, a.address, `Règle a_sous_b non respectée : ${A} = 50 > ${B} = 3.`],
  ]);
  found = await edit(binding(`${A}@commentaire:${year}`), "Justification : regroupement de deux services");
  expect(found.map((f) => f.severity)).toEqual(["info"]);
  expect(found[0]!.message).toContain("Justifié par le commentaire : « regroupement de deux services ».");
  // Mended from the other axe's sheet: the rule's finding goes although the edit touched no fiche of A.
  expect(await edit(b, 80)).toEqual([]);
});

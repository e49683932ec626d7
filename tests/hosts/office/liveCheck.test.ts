/**
 * A partial check after a user's edit (hosts/office/liveCheck.ts over
 * engine/validate/recheck.ts) says exactly what a full check of the whole
 * workbook says — findings, completion and values — while reading only the
 * fiches the edit touched; and an edit outside the input cells asks for none.
 */
import { loadBuiltin } from "../../../src/model/builtins";
import type { CellBinding, WorkbookPlan } from "../../../src/engine/plan";
import { trustedReport, type TrustedReport } from "../../../src/engine/validate";
import { renderPlanInExcel } from "../../../src/hosts/office/renderPlan";
import { controlerClasseur } from "../../../src/hosts/office/controler";
import { recontroler } from "../../../src/hosts/office/liveCheck";
import { FakeExcel } from "../../support/fakeExcel";
import { fillValid } from "../../support/fill";
import { planOf } from "../../support/plans";
import { a1, parseA1 } from "../../../src/util/a1";

const schema = loadBuiltin("essonne_2022_2026");
const year = schema.periode.debut + 2;
let plan: WorkbookPlan;
let excel: FakeExcel;
let previous: TrustedReport;

const indicators = schema.axes.flatMap((a) => a.fiches).flatMap((f) => f.indicateurs);
const binding = (key: string): CellBinding => plan.meta.bindings.find((b) => b.key === key)!;
const valueOf = (type: string, kind = "valeur") =>
  binding(`${indicators.find((i) => i.type === type)!.id}@${kind}:${year}`);

function put(b: CellBinding, value: string | number | null): void {
  const { row, col } = parseA1(b.address);
  const cell = excel.state.mustSheet(b.sheet).cell(row, col);
  cell.value = value;
}

async function fullCheck(): Promise<TrustedReport> {
  const { report } = await excel.run((ctx) => controlerClasseur(ctx));
  const trusted = trustedReport(report);
  if (!trusted.ok) throw new Error(trusted.reason.message);
  return trusted.report;
}

beforeAll(async () => {
  plan = fillValid(planOf(schema), schema);
  excel = new FakeExcel();
  await excel.run((ctx) => renderPlanInExcel(ctx, plan));
  // Last year's value, as carry-over writes it: the plausibility check compares the campaign's with it.
  put(binding(`${indicators.find((i) => i.type === "count")!.id}@valeur:${year - 1}`), 10);
  previous = await fullCheck();
});

const statut = () => plan.meta.bindings.find((b) => b.kind === "statut" && b.period?.startsWith(String(year)))!;
const comment = () => plan.meta.bindings.find((b) => b.kind === "commentaire")!;

test.each<[string, string | undefined, () => [CellBinding, string | number | null][]]>([
  ["a decimal count", "type.decimales", () => [[valueOf("count"), 12.5]]],
  ["a negative count", "plage.negatif", () => [[valueOf("count"), -4]]],
  ["a rate over 100", "plage.taux-sup-100", () => [[valueOf("rate"), 180]]],
  ["a yes/no answer outside the list", "type.hors-liste", () => [[valueOf("boolean"), "Peut-être"]]],
  [
    "a numerator above its denominator",
    "plage.numerateur-sup-denominateur",
    () => [[valueOf("ratio", "numerateur"), 1e6]],
  ],
  ["a status outside the list", "type.hors-liste", () => [[statut(), "Fait"]]],
  ["a required status emptied", "completude.statut-manquant", () => [[statut(), null]]],
  ["a value far from the previous year", "plausibilite.ecart-annee-precedente", () => [[valueOf("count"), 1e7]]],
  ["a comment too long", "type.texte-trop-long", () => [[comment(), "x".repeat(40_000)]]],
  ["the value corrected again", undefined, () => [[valueOf("count"), 12]]],
  [
    "a paste over inputs of two axes",
    "plage.negatif",
    () => {
      const two = plan.meta.bindings.filter((b) => b.input && b.kind === "valeur");
      const far = two.find((b) => b.sheet !== two[0]!.sheet)!;
      return [
        [two[0]!, -1],
        [far, "texte"],
      ];
    },
  ],
])("%s: the partial check equals a full one", async (_name, rule, edits) => {
  const changes = edits().map(([b, v]) => {
    put(b, v);
    return { sheet: b.sheet, address: b.address };
  });
  const from = excel.syncs.length;
  const partial = await excel.run((ctx) => recontroler(ctx, previous, changes));
  expect(partial).toBeDefined();
  expect(excel.syncs.length - from).toBe(2);
  const full = await fullCheck();
  expect(partial!.report.findings).toEqual(full.findings);
  // The edit's own finding is there (the sequence fixes nothing before the last value is corrected).
  if (rule) expect(full.findings.map((f) => f.rule)).toContain(rule);
  else expect(full.findings.map((f) => f.rule)).not.toContain("type.decimales");
  expect(partial!.report.completion).toEqual(full.completion);
  expect([...partial!.report.values].sort()).toEqual([...full.values].sort());
  previous = partial!.report;
});

test("an edit that touches no input cell asks for no check", async () => {
  const label = plan.meta.labels[0]!;
  const { row } = parseA1(label.address);
  const outside = await excel.run((ctx) =>
    recontroler(ctx, previous, [{ sheet: label.sheet, address: `${label.address}:${a1(row, 2)}` }]),
  );
  expect(outside).toBeUndefined();
});

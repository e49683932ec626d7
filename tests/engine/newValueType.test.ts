/**
 * A value type added by one entry of the table (tests/fixtures/valueTypeDuree.ts) works end to end, with no
 * other file touched: the model and its checks, the référentiel table, the generated workbook (its type label,
 * cell format, data validation, in French and in English), the checks of entered values read back from the .xlsx
 * file, the rollups.
 */
import "../fixtures/valueTypeDuree";
import { layoutWorkbook } from "../../src/engine/layout";
import { computeRollups } from "../../src/engine/rollup";
import { validateSnapshot } from "../../src/engine/validate";
import { snapshotOf } from "../support/snapshotOf";
import { formatIssue } from "../../src/model/issues";
import { parseSchema } from "../../src/model/parse";
import { readCsv, writeCsv } from "../../src/model/referentiel/csv";
import { fromTable } from "../../src/model/referentiel/fromTable";
import { toTable } from "../../src/model/referentiel/toTable";
import type { Schema } from "../../src/model/schema";
import { validModel } from "../model/fixtures";
import { readBack } from "../support/fill";
import { bindingCell, setInput } from "../support/plans";

jest.setTimeout(60_000);

const ID = "delai_traitement";

function model(cible: unknown = 30) {
  const m = validModel();
  m.axes[0].fiches[0].indicateurs.push({
    id: ID,
    libelle: "Délai moyen de traitement des informations préoccupantes",
    nature: "impact",
    type: "duree",
    unite: "jours",
    sens: "baisse",
    cibles: { "2024": cible },
  });
  return m;
}

function parsed(): Schema {
  const r = parseSchema(model());
  if (!r.ok) throw new Error(r.errors.map((e) => formatIssue(e)).join("\n"));
  return r.schema;
}

test("the model takes the new type, with its default aggregation and its rule for targets", () => {
  const ind = parsed().axes[0]!.fiches[0]!.indicateurs.find((i) => i.id === ID)!;
  expect([ind.type, ind.agregation]).toEqual(["duree", "mean"]);
  const r = parseSchema(model(-3));
  expect(!r.ok && r.errors.map((e) => formatIssue(e))).toEqual([
    `axes[0].fiches[0].indicateurs[5].cibles["2024"] : valeur -3 incompatible avec le type duree (nombre ≥ 0)`,
  ]);
  const sum = model();
  sum.axes[0].fiches[0].indicateurs[5].agregation = "sum";
  expect(parseSchema(sum).ok).toBe(false);
});

test("the référentiel table writes it and reads it back, and knows its French words", () => {
  const schema = parsed();
  const csv = writeCsv(toTable(schema), { delimiter: ";" });
  const back = fromTable(readCsv(csv, "ref.csv"));
  if (!back.ok) throw new Error(back.errors.map((e) => formatIssue(e)).join("\n"));
  expect(back.schema.axes[0]!.fiches[0]!.indicateurs[5]).toMatchObject({ type: "duree", cibles: { "2024": 30 } });
  expect(csv).toMatch(/;duree;/);
  const typed = fromTable(readCsv(csv.replace(/;duree;/, ";Durée en jours;"), "ref.csv"));
  expect(typed.ok && typed.schema.axes[0]!.fiches[0]!.indicateurs[5]!.type).toBe("duree");
});

test("generate, validate what was entered, roll up", async () => {
  const schema = parsed();
  const r = layoutWorkbook(schema, { campaignYear: 2024 });
  if (!r.ok) throw new Error(r.error.message);
  const plan = r.plan;
  const value = bindingCell(plan, `${ID}@valeur:2024`);
  expect(plan.styles[value.style]?.numberFormat).toBe("#,##0.##");
  const validation = plan.sheets
    .flatMap((s) => s.validations)
    .find((v) => v.prompt.title.startsWith("Délai moyen") && v.rule.type === "decimal")!;
  expect(validation.rule).toEqual({ type: "decimal", min: 0 });
  expect([validation.prompt.message, validation.error.message]).toEqual([
    "Saisir un nombre de jours supérieur ou égal à 0.",
    "Un nombre de jours supérieur ou égal à 0 est attendu.",
  ]);
  const sheet = plan.sheets.find((s) => s.cells.some((c) => c.value === "Durée (jours)"));
  expect(sheet).toBeDefined();

  const english = layoutWorkbook(schema, { campaignYear: 2024, lang: "en" });
  if (!english.ok) throw new Error(english.error.message);
  const enValidation = english.plan.sheets
    .flatMap((s) => s.validations)
    .find((v) => v.prompt.title.startsWith("Délai moyen") && v.rule.type === "decimal")!;
  expect([enValidation.prompt.message, enValidation.error.message]).toEqual([
    "Enter a number of days greater than or equal to 0.",
    "A number of days greater than or equal to 0 is expected.",
  ]);
  expect(english.plan.sheets.some((s) => s.cells.some((c) => c.value === "Duration (days)"))).toBe(true);

  setInput(plan, `${ID}@valeur:2022`, 40);
  setInput(plan, `${ID}@valeur:2023`, 35);
  setInput(plan, `${ID}@valeur:2024`, 25);
  const report = validateSnapshot(snapshotOf(await readBack(plan), "bilan.xlsx"));
  expect(report.findings.filter((f) => f.node === ID && f.severity !== "info")).toEqual([]);

  const ind = computeRollups(schema, report.meta!, report.values).axes[0]!.fiches[0]!.indicateurs.find(
    (i) => i.id === ID,
  )!;
  expect(ind).toMatchObject({ type: "duree", valeur: 25, cible: 30, atteinte: "atteinte" });
  expect(ind.periode.valeur).toBeCloseTo((40 + 35 + 25) / 3);

  setInput(plan, `${ID}@valeur:2024`, -2);
  const wrong = validateSnapshot(snapshotOf(await readBack(plan), "bilan.xlsx"));
  expect(wrong.findings.filter((f) => f.node === ID).map((f) => f.rule)).toEqual(["plage.negatif"]);
});

/**
 * Nested indicators: a published « dont : » line under its parent (`parent`), one level deep, after it, of its
 * type; the workbook shows it as « dont : … » indented under the parent. Its values are its own: a fiche's figures
 * count it as one indicator (its inputs, its target) and nothing adds its value to the parent's.
 */
import { formatIssue } from "../../src/model/issues";
import { parseSchema } from "../../src/model/parse";
import type { Schema } from "../../src/model/schema";
import { computeRollups } from "../../src/engine/rollup";
import { planOf } from "../support/plans";
import { validModel, type Mutable } from "./fixtures";

function withDont(): Mutable {
  const m = validModel();
  const inds = m.axes[0].fiches[0].indicateurs;
  inds.splice(1, 0, {
    libelle: "Réunions avec l'Éducation nationale",
    nature: "realisation",
    type: "count",
    parent: "Nombre de réunions",
    cibles: { "2024": 4 },
  });
  return m;
}

const errorsOf = (m: Mutable) => {
  const r = parseSchema(m);
  return r.ok ? [] : r.errors.map((e) => formatIssue(e));
};

test("a « dont » line names its parent by libellé; the model keeps the parent's id", () => {
  const r = parseSchema(withDont());
  if (!r.ok) throw new Error(r.errors.map((e) => formatIssue(e)).join("\n"));
  const [parent, dont] = r.schema.axes[0]!.fiches[0]!.indicateurs;
  expect(dont!.parent).toBe(parent!.id);
});

test("the parent exists in the fiche, comes first, is not itself a « dont », and has the same type", () => {
  const unknown = withDont();
  unknown.axes[0].fiches[0].indicateurs[1].parent = "Nombre de rencontres";
  expect(errorsOf(unknown)).toEqual([
    "axes[0].fiches[0].indicateurs[1].parent : indicateur parent « Nombre de rencontres » introuvable dans la fiche 1 (indicateurs : « Nombre de réunions », « Réunions avec l'Éducation nationale », « Bilans réalisés / enfants confiés », « Taux de dépistage », « Existence d'une convention », « Perception des acteurs »)",
  ]);
  const after = withDont();
  after.axes[0].fiches[0].indicateurs[0].parent = "Réunions avec l'Éducation nationale";
  delete after.axes[0].fiches[0].indicateurs[1].parent;
  expect(errorsOf(after)).toEqual([
    "axes[0].fiches[0].indicateurs[0].parent : l'indicateur parent « Réunions avec l'Éducation nationale » doit venir avant ses lignes « dont »",
  ]);
  const nested = withDont();
  nested.axes[0].fiches[0].indicateurs.splice(2, 0, {
    libelle: "dont en collège",
    type: "count",
    parent: "Réunions avec l'Éducation nationale",
  });
  expect(errorsOf(nested)).toEqual([
    "axes[0].fiches[0].indicateurs[2].parent : « Réunions avec l'Éducation nationale » est lui-même une ligne « dont » : un seul niveau sous un indicateur",
  ]);
  const type = withDont();
  type.axes[0].fiches[0].indicateurs[1].type = "rate";
  expect(errorsOf(type)).toEqual([
    "axes[0].fiches[0].indicateurs[1].parent : une ligne « dont » de type rate ne peut détailler « Nombre de réunions », de type count : même type attendu",
  ]);
});

describe("in the workbook", () => {
  const parsed = parseSchema(withDont());
  if (!parsed.ok) throw new Error("invalid");
  const schema: Schema = parsed.schema;
  const [parent, dont] = schema.axes[0]!.fiches[0]!.indicateurs;

  test("« dont : » and indented, on the row right under its parent", () => {
    const plan = planOf(schema);
    const cells = plan.sheets.find((s) => s.cells.some((c) => c.col === 1 && c.value === parent!.id))!.cells;
    const parentRow = cells.find((c) => c.col === 1 && c.value === parent!.id)!.row;
    const label = cells.find((c) => c.col === 1 && c.value === dont!.id)!;
    expect(label.row).toBe(parentRow + 1);
    const text = cells.find((c) => c.row === label.row && c.col === 2)!;
    expect(text.value).toBe("dont\u00a0: Réunions avec l'Éducation nationale");
    expect(plan.styles[text.style]!.indent).toBe(2);
  });

  test("the rollup keeps each value to its indicator and counts the « dont » once, as an indicator of its own", () => {
    const year = schema.periode.debut + 2;
    const plan = planOf(schema);
    const values = new Map([
      [`${parent!.id}@valeur:${year}`, 12],
      [`${dont!.id}@valeur:${year}`, 5],
    ]);
    const r = computeRollups(schema, plan.meta, values);
    const fiche = r.axes[0]!.fiches[0]!;
    const byId = new Map(fiche.indicateurs.map((i) => [i.id, i]));
    expect(byId.get(parent!.id)!.annees[String(year)]?.valeur).toBe(12);
    expect(byId.get(dont!.id)!.annees[String(year)]?.valeur).toBe(5);
    expect(fiche.indicateurs.length).toBe(schema.axes[0]!.fiches[0]!.indicateurs.length);
    // both targets of the year are set (10 and 4): both are judged, each on its own value
    expect(byId.get(parent!.id)!.atteinte).toBe("atteinte");
    expect(byId.get(dont!.id)!.atteinte).toBe("atteinte");
  });
});

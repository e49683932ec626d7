/**
 * Qualitative answers on an ordinal scale (type `echelle`, its levels in `echelle`): checked in the model, a
 * list of its levels in the workbook, validated against them, never judged against a target, and rolled up as
 * a count of answers per level.
 */
import { formatIssue } from "../../src/model/issues";
import { parseSchema } from "../../src/model/parse";
import { aggregate } from "../../src/engine/rollup";
import { checkValue } from "../../src/engine/validate/values";
import { planOf } from "../support/plans";
import { validModel, type Mutable } from "./fixtures";

const LEVELS = ["non engagé", "engagé", "réalisé"];

function withScale(echelle: unknown = LEVELS, type = "echelle"): Mutable {
  const m = validModel();
  m.axes[0].fiches[0].indicateurs.push({ libelle: "Avancement du protocole", type, echelle });
  return m;
}

const errorsOf = (m: Mutable) => {
  const r = parseSchema(m);
  return r.ok ? [] : r.errors.map((e) => formatIssue(e));
};

test("the model: two distinct levels at least, without a comma, and only on the echelle type", () => {
  expect(errorsOf(withScale())).toEqual([]);
  const where = "axes[0].fiches[0].indicateurs[5].echelle";
  const rule = "au moins deux niveaux distincts, dans l'ordre, sans virgule, sont attendus";
  expect(errorsOf(withScale(["engagé"]))).toEqual([`${where} : échelle « engagé » : ${rule}`]);
  expect(errorsOf(withScale(["engagé", "Engagé"]))).toEqual([`${where} : échelle « engagé / Engagé » : ${rule}`]);
  expect(errorsOf(withScale(["non, pas encore", "oui"]))).toEqual([
    `${where} : échelle « non, pas encore / oui » : ${rule}`,
  ]);
  const none = withScale();
  delete none.axes[0].fiches[0].indicateurs[5].echelle;
  expect(errorsOf(none)).toEqual([`${where} : échelle « — » : ${rule}`]);
  expect(errorsOf(withScale(LEVELS, "count"))).toEqual([
    `${where} : « echelle » ne sert qu'au type echelle (ici count)`,
  ]);
});

describe("in the workbook", () => {
  const r = parseSchema(withScale());
  if (!r.ok) throw new Error("invalid");
  const schema = r.schema;
  const ind = schema.axes[0]!.fiches[0]!.indicateurs[5]!;

  test("its value cells take a level from the list; it has no target cell", () => {
    const plan = planOf(schema);
    const year = plan.meta.campaignYear;
    const valeur = plan.meta.bindings.find((b) => b.key === `${ind.id}@valeur:${year}`)!;
    const rule = plan.sheets
      .find((s) => s.name === valeur.sheet)!
      .validations.find((v) => v.ranges.includes(valeur.address))!.rule;
    expect(rule).toEqual({ type: "list", values: LEVELS });
    expect(plan.meta.bindings.filter((b) => b.node === ind.id && b.kind === "cible")).toEqual([]);
  });

  test("validation: a level (case and spaces aside) passes, anything else is out of the list", () => {
    expect(checkValue(ind, "valeur", " Engagé ", schema)).toBeUndefined();
    expect(checkValue(ind, "valeur", "à moitié", schema)).toMatchObject({
      rule: "type.hors-liste",
      params: { value: "à moitié", list: "non engagé, engagé, réalisé" },
    });
  });

  test("rollup: the answers counted per level, in the scale's order", () => {
    const observations = ["engagé", "réalisé", " Engagé", "", "à moitié"].map((valeur, i) => ({
      periode: String(2022 + i),
      valeur,
    }));
    expect(aggregate(ind, observations)).toEqual({
      n: 3,
      valeur: 3,
      repartition: { "non engagé": 0, engagé: 2, réalisé: 1 },
    });
  });
});

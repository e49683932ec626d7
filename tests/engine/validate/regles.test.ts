/**
 * The ODPE's rules checked over a workbook's values: each missing-value strategy on the four combinations of
 * missing sides, the values named in the finding, sous-action counts, rules of the expected model, and a
 * warning acknowledged by a justification in the row's comment.
 */
import { parseSchemaOrThrow } from "../../../src/model/parse";
import type { Regle, Schema } from "../../../src/model/schema";
import { validateSnapshot } from "../../../src/engine/validate";
import { checkRegles } from "../../../src/engine/validate/regles";
import type { SnapValue } from "../../../src/engine/snapshot";
import { snapshotOf } from "../../support/snapshotOf";
import { fillValid, readBack } from "../../support/fill";
import { planOf, setInput } from "../../support/plans";
import { validModel } from "../../model/fixtures";

function model(regles: Partial<Regle>[]): Schema {
  const m = validModel();
  m.axes[0].fiches[0].indicateurs.push(
    { libelle: "Enfants suivis", type: "count" },
    { libelle: "Enfants accompagnés", type: "count" },
  );
  m.regles = regles;
  return parseSchemaOrThrow(m, "regles");
}

const SUIVIS = "fa_1.ind_6";
const ACCOMPAGNES = "fa_1.ind_7";

describe("missing values, as DHIS2 handles them", () => {
  // `gauche + 1 == droite` is broken by each of the four fillings, missing values counted as 0 included
  // (both missing: 1 ≠ 0): the rule fires exactly when its strategy lets it be checked.
  const regle = (manquants: Regle["manquants"]) => ({
    id: "r1",
    gauche: `${SUIVIS} + 1`,
    operateur: "==" as const,
    droite: ACCOMPAGNES,
    manquants,
  });
  const fillings: Record<string, Record<string, number>> = {
    neither: { [SUIVIS]: 12, [ACCOMPAGNES]: 10 },
    left: { [ACCOMPAGNES]: 10 },
    right: { [SUIVIS]: 12 },
    both: {},
  };
  const fired = (manquants: Regle["manquants"], filling: string) => {
    const schema = model([regle(manquants)]);
    const values = new Map<string, SnapValue>(
      Object.entries(fillings[filling]!).map(([id, v]) => [`${id}@valeur:2024`, v]),
    );
    return checkRegles({
      schema,
      campaign: 2024,
      bindings: [],
      values: (k) => values.get(k),
      place: () => undefined,
    }).map((f) => f.message);
  };

  test.each([
    ["ignorer-si-un-manque", { neither: true, left: false, right: false, both: false }],
    ["ignorer-si-tous-manquent", { neither: true, left: true, right: true, both: false }],
    ["jamais", { neither: true, left: true, right: true, both: true }],
  ] as const)("%s", (manquants, expected) => {
    for (const [filling, fires] of Object.entries(expected))
      expect([filling, fired(manquants, filling).length]).toEqual([filling, fires ? 1 : 0]);
  });

  test("the values are named, a missing one as empty counted as 0", () => {
    expect(fired("jamais", "neither")).toEqual([
      "Règle r1 non respectée : fa_1.ind_6 + 1 = 13 (fa_1.ind_6 = 12) ≠ fa_1.ind_7 = 10.",
    ]);
    expect(fired("jamais", "right")).toEqual([
      "Règle r1 non respectée : fa_1.ind_6 + 1 = 13 (fa_1.ind_6 = 12) ≠ fa_1.ind_7 = vide (0).",
    ]);
  });
});

describe("in a workbook", () => {
  const rules: Partial<Regle>[] = [
    {
      id: "suivis_accompagnes",
      gauche: ACCOMPAGNES,
      operateur: "<=",
      droite: SUIVIS,
      severite: "erreur",
      message: "Plus d'enfants accompagnés ({gauche}) que suivis ({fa_1.ind_6})",
    },
    {
      id: "hausse",
      gauche: `${SUIVIS}[Y]`,
      operateur: ">=",
      droite: `${SUIVIS}[Y-1]`,
      message: "Baisse des enfants suivis : {fa_1.ind_6} après {fa_1.ind_6[Y-1]}",
    },
    { id: "realisees", gauche: "realisees(fa_1)", operateur: ">=", droite: "2", severite: "info" },
  ];
  const schema = model(rules);

  async function findings(values: Record<string, string | number>, options: { expected?: Schema } = {}) {
    const plan = fillValid(planOf(options.expected ? model([]) : schema), schema);
    for (const [key, v] of Object.entries(values)) setInput(plan, key, v);
    const report = validateSnapshot(snapshotOf(await readBack(plan), "partenaire.xlsx"), options);
    return { plan, found: report.findings.filter((f) => f.rule.startsWith("regle.")) };
  }
  const cellOf = (plan: { meta: { bindings: { key: string; address: string }[] } }, key: string) =>
    plan.meta.bindings.find((b) => b.key === key)!.address;

  test("a broken rule is placed on its first value of the campaign, with its severity and its values", async () => {
    const { plan, found } = await findings({
      [`${SUIVIS}@valeur:2024`]: 10,
      [`${ACCOMPAGNES}@valeur:2024`]: 12,
      [`${SUIVIS}@valeur:2023`]: 11,
    });
    expect(found.map((f) => [f.rule, f.severity, f.cell])).toEqual([
      ["regle.suivis_accompagnes", "erreur", cellOf(plan, `${ACCOMPAGNES}@valeur:2024`)],
      ["regle.hausse", "avertissement", cellOf(plan, `${SUIVIS}@valeur:2024`)],
      // Over counts of sous-actions only: no cell to point at.
      ["regle.realisees", "info", undefined],
    ]);
    expect(found[0]).toMatchObject({
      node: ACCOMPAGNES,
      fiche: "fa_1",
      value: 12,
      expected: "fa_1.ind_7 ≤ fa_1.ind_6",
      message:
        "Plus d'enfants accompagnés (12) que suivis (10) (règle suivis_accompagnes : fa_1.ind_7 = 12 > fa_1.ind_6 = 10).",
    });
    // `{fa_1.ind_6}` names the value the rule writes `fa_1.ind_6[Y]`.
    expect(found[1]!.messageEn).toBe(
      "Baisse des enfants suivis : 10 après 11 (rule hausse: fa_1.ind_6[Y] = 10 < fa_1.ind_6[Y-1] = 11).",
    );
  });

  test("a count of sous-actions in a state", async () => {
    // fillValid enters « Réalisé » for past periods, « En cours » for the campaign's: the first sous-action,
    // planned until 2023, is done; the second, planned over the whole schéma, is not until its latest status says so.
    const { found } = await findings({ [`${SUIVIS}@valeur:2024`]: 10, [`${ACCOMPAGNES}@valeur:2024`]: 9 });
    expect(found.map((f) => [f.rule, f.severity, f.message])).toEqual([
      ["regle.realisees", "info", "Règle realisees non respectée : realisees(fa_1) = 1 < 2."],
    ]);
    const status = schema.axes[0]!.fiches[0]!.sousActions[1]!.id;
    const done = await findings({
      [`${SUIVIS}@valeur:2024`]: 10,
      [`${ACCOMPAGNES}@valeur:2024`]: 9,
      [`${status}@statut:2024-S2`]: "Réalisé",
    });
    expect(done.found).toEqual([]);
  });

  test("the rules of the expected model are checked, even when the workbook was made before them", async () => {
    const { found } = await findings(
      { [`${SUIVIS}@valeur:2024`]: 10, [`${ACCOMPAGNES}@valeur:2024`]: 12 },
      { expected: schema },
    );
    expect(found.map((f) => f.rule)).toEqual(["regle.suivis_accompagnes", "regle.realisees"]);
  });

  test("a justified warning becomes info and shows its justification; an error cannot be justified", async () => {
    const comment = "Justification : nouvelle équipe en 2024";
    const { found } = await findings({
      [`${SUIVIS}@valeur:2024`]: 10,
      [`${SUIVIS}@valeur:2023`]: 11,
      [`${SUIVIS}@commentaire:2024`]: comment,
      [`${ACCOMPAGNES}@valeur:2024`]: 12,
      [`${ACCOMPAGNES}@commentaire:2024`]: comment,
    });
    const hausse = found.find((f) => f.rule === "regle.hausse")!;
    expect(hausse.severity).toBe("info");
    expect(hausse.message).toBe(
      "Baisse des enfants suivis : 10 après 11 (règle hausse : fa_1.ind_6[Y] = 10 < fa_1.ind_6[Y-1] = 11). Justifié par le commentaire : « nouvelle équipe en 2024 ».",
    );
    expect(found.find((f) => f.rule === "regle.suivis_accompagnes")!.severity).toBe("erreur");
  });
});

test("a ratio's parts are reached on their own: its numerator named with its value", () => {
  const schema = model([{ id: "r1", gauche: "fa_1.ind_2.numerateur", operateur: "<=", droite: SUIVIS }]);
  const values = new Map<string, SnapValue>([
    ["fa_1.ind_2@numerateur:2024", 12],
    ["fa_1.ind_2@denominateur:2024", 40],
    [`${SUIVIS}@valeur:2024`, 10],
  ]);
  const check = () =>
    checkRegles({ schema, campaign: 2024, bindings: [], values: (k) => values.get(k), place: () => undefined });
  expect(check().map((f) => f.message)).toEqual([
    "Règle r1 non respectée : fa_1.ind_2.numerateur = 12 > fa_1.ind_6 = 10.",
  ]);
  values.set("fa_1.ind_2@numerateur:2024", 8);
  expect(check()).toEqual([]);
});

/**
 * Outliers over the years: the modified z-score on a hand-computed example, and which method the validation
 * uses (modified z-score with 4 earlier values, the model's bounds, else a factor of last year).
 */
import { parseSchemaOrThrow } from "../../../src/model/parse";
import { validateSnapshot } from "../../../src/engine/validate";
import { acceptedRange, median, modifiedZ } from "../../../src/engine/validate/outliers";
import { snapshotOf } from "../../support/snapshotOf";
import { fillValid, readBack } from "../../support/fill";
import { planOf, setInput } from "../../support/plans";
import { validModel } from "../../model/fixtures";

/*
 * By hand: earlier values 10, 12, 11, 13.
 *   sorted 10, 11, 12, 13 → median = (11 + 12) / 2 = 11.5
 *   absolute deviations 1.5, 0.5, 0.5, 1.5 → sorted 0.5, 0.5, 1.5, 1.5 → MAD = (0.5 + 1.5) / 2 = 1
 *   x = 30: M = 0.6745 × (30 − 11.5) / 1 = 0.6745 × 18.5 = 12.47825 → beyond 3.5
 *   x = 14: M = 0.6745 × 2.5 = 1.68625 → not an outlier
 *   accepted values: 11.5 ± 3.5 × 1 / 0.6745 = 11.5 ± 5.18903 → 6.31 to 16.69
 * 30 / 13 = 2.3 is within today's factor 3 of last year: only the z-score sees it.
 */
const HISTORY = [10, 12, 11, 13];

test("the modified z-score of the hand-computed example", () => {
  expect(median(HISTORY)).toBe(11.5);
  const m = modifiedZ(30, HISTORY)!;
  expect(m.median).toBe(11.5);
  expect(m.mad).toBe(1);
  expect(m.n).toBe(4);
  expect(m.z).toBeCloseTo(12.47825, 10);
  expect(modifiedZ(14, HISTORY)!.z).toBeCloseTo(1.68625, 10);
  const r = acceptedRange(m, 3.5);
  expect(r.min).toBeCloseTo(6.31097, 4);
  expect(r.max).toBeCloseTo(16.68903, 4);
});

test("no score with fewer than 4 values, or without spread", () => {
  expect(modifiedZ(30, [10, 12, 11])).toBeUndefined();
  expect(modifiedZ(30, [10, 10, 10, 12])).toBeUndefined();
});

describe("in a workbook of the last campaign", () => {
  const m = validModel();
  m.axes[0].fiches[0].indicateurs.push(
    { libelle: "Familles suivies", type: "count" },
    { libelle: "Places ouvertes", type: "count", bornes: { min: 0, max: 500 } },
  );
  const schema = parseSchemaOrThrow(m, "outliers");
  const FAMILLES = "fa_1.ind_6";
  const PLACES = "fa_1.ind_7";

  const EARLIER: Record<number, number> = Object.fromEntries(HISTORY.map((v, i) => [2022 + i, v]));

  /** The plausibility findings of a workbook whose two indicators have `history` as earlier values. */
  async function plausibility(values: Record<string, number>, history = EARLIER, options = {}) {
    const plan = fillValid(planOf(schema, { campaignYear: 2026 }), schema);
    for (const node of [FAMILLES, PLACES])
      for (const [year, v] of Object.entries(history)) setInput(plan, `${node}@valeur:${year}`, v);
    for (const [node, v] of Object.entries(values)) setInput(plan, `${node}@valeur:2026`, v);
    const report = validateSnapshot(snapshotOf(await readBack(plan), "p.xlsx"), options);
    return report.findings.filter((f) => f.rule.startsWith("plausibilite."));
  }

  test("4 earlier values: the modified z-score, its figures and its threshold", async () => {
    const found = await plausibility({ [FAMILLES]: 30, [PLACES]: 14 });
    expect(found.map((f) => [f.rule, f.node, f.value, f.expected])).toEqual([
      ["plausibilite.score-z-modifie", FAMILLES, 30, "6,31 à 16,69"],
    ]);
    expect(found[0]!.message).toBe(
      "Valeur 2026 (30) éloignée des valeurs de l'indicateur de 2022 à 2025 : score z modifié 12,48 (médiane 11,5, écart absolu médian 1, sur 4 valeurs), au-delà du seuil 3,5, à vérifier.",
    );
    expect(found[0]!.messageEn).toContain(
      "modified z-score 12.48 (median 11.5, median absolute deviation 1, over 4 values), beyond the threshold 3.5",
    );
  });

  test("a value near its history is no outlier; a higher threshold lets the far one pass", async () => {
    expect(await plausibility({ [FAMILLES]: 14 })).toEqual([]);
    expect(await plausibility({ [FAMILLES]: 30 }, EARLIER, { outlierThreshold: 13 })).toEqual([]);
  });

  test("fewer earlier values: the model's bounds if it has some, else the factor of last year", async () => {
    // Two earlier values only; 40 is 4 × last year's 10. The bounded indicator is judged by its bounds alone.
    const found = await plausibility({ [FAMILLES]: 40, [PLACES]: 40 }, { 2024: 10, 2025: 10 });
    expect(found.map((f) => [f.rule, f.node, f.expected])).toEqual([
      ["plausibilite.ecart-annee-precedente", FAMILLES, "3,33 à 30"],
    ]);
    // Four earlier values without spread (MAD 0): the factor of last year again.
    const flat = await plausibility({ [FAMILLES]: 40 }, { 2022: 10, 2023: 10, 2024: 10, 2025: 10 });
    expect(flat.map((f) => f.rule)).toEqual(["plausibilite.ecart-annee-precedente"]);
  });
});

describe("a plausibility warning justified in the row's comment", () => {
  test("becomes an info that shows the justification", async () => {
    const schema = parseSchemaOrThrow(validModel(), "justified");
    const plan = fillValid(planOf(schema), schema);
    setInput(plan, "fa_1.ind_1@valeur:2023", 10);
    setInput(plan, "fa_1.ind_1@valeur:2024", 100);
    const check = async () =>
      validateSnapshot(snapshotOf(await readBack(plan), "p.xlsx")).findings.filter((f) =>
        f.rule.startsWith("plausibilite."),
      );
    expect((await check()).map((f) => f.severity)).toEqual(["avertissement"]);
    setInput(plan, "fa_1.ind_1@commentaire:2024", "Hausse attendue. justification: nouvelle équipe en 2024");
    const [f] = await check();
    expect(f!.severity).toBe("info");
    expect(f!.message).toMatch(/à vérifier\. Justifié par le commentaire : « nouvelle équipe en 2024 »\.$/);
    expect(f!.messageEn).toMatch(/Justified by the comment: “nouvelle équipe en 2024”\.$/);
  });

  test("a comment that is no justification changes nothing", async () => {
    const schema = parseSchemaOrThrow(validModel(), "justified");
    const plan = fillValid(planOf(schema), schema);
    setInput(plan, "fa_1.ind_1@valeur:2023", 10);
    setInput(plan, "fa_1.ind_1@valeur:2024", 100);
    setInput(plan, "fa_1.ind_1@commentaire:2024", "Chiffre du service");
    const found = validateSnapshot(snapshotOf(await readBack(plan), "p.xlsx")).findings;
    expect(found.filter((f) => f.rule.startsWith("plausibilite.")).map((f) => f.severity)).toEqual(["avertissement"]);
  });
});

/**
 * What a cell accepts is what validation accepts: every built-in bilan, filled
 * with random values its data validations let through (three seeds each),
 * written as .xlsx and read back, gives no finding of severity « erreur ».
 */
import { BUILTIN_IDS, loadBuiltin } from "../../../src/model/builtins";
import { validateSnapshot } from "../../../src/engine/validate";
import { snapshotOf } from "../../support/snapshotOf";
import { readBack } from "../../support/fill";
import { fillByValidation } from "../../support/fillByValidation";
import { planOf } from "../../support/plans";

const SEEDS = [1, 2, 3];

describe.each(BUILTIN_IDS)("%s filled by its validations", (id) => {
  test.each(SEEDS)("seed %i: no erreur", async (seed) => {
    const schema = loadBuiltin(id);
    const plan = planOf(schema);
    const filled = fillByValidation(plan, seed);
    expect(filled.length).toBe(plan.meta.bindings.filter((b) => b.input).length);
    const report = validateSnapshot(snapshotOf(await readBack(plan), `${id}-${seed}.xlsx`));
    expect(report.readable).toBe(true);
    const errors = report.findings.filter((f) => f.severity === "erreur");
    expect(
      errors.map((f) => ({ rule: f.rule, at: `${f.sheet}!${f.cell}`, value: f.value, message: f.message })),
    ).toEqual([]);
  });
});

describe("the harness", () => {
  const schema = loadBuiltin("orne_2017_2021");

  test("keeps each numerator within its denominator, and fills every input of every kind", () => {
    const plan = planOf(schema);
    const filled = fillByValidation(plan, 7);
    const byKey = new Map(filled.map((c) => [c.key, c.value]));
    const numerators = filled.filter((c) => c.rule?.type === "ratioPart" && c.rule.part === "numerateur");
    expect(numerators.length).toBeGreaterThan(0);
    for (const n of numerators) {
      const den = byKey.get(n.key.replace("@numerateur:", "@denominateur:"));
      expect([n.key, typeof den === "number" && (n.value as number) <= den]).toEqual([n.key, true]);
    }
    const kinds = new Set(filled.map((c) => c.rule?.type ?? "none"));
    expect([...kinds].sort()).toEqual(expect.arrayContaining(["list", "ratioPart", "textLength", "whole"]));
  });

  test("the same seed fills the same values; another seed others", () => {
    const values = (seed: number) => fillByValidation(planOf(schema), seed).map((c) => c.value);
    expect(values(4)).toEqual(values(4));
    expect(values(5)).not.toEqual(values(4));
  });
});

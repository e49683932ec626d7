/**
 * Upgrading a workbook of the Essonne model as it was (1.0.0: 16 objectifs, « Trois sous projets sont à
 * distinguer : » as a sous-action) to the corrected one: the two objectifs merged into the ones they vary keep
 * their fiches, whose ids do not change, so every value entered under them is carried; only the introduction that
 * stopped being a sous-action leaves values behind, listed as not carried.
 */
import { loadBuiltin } from "../../src/model/builtins";
import { parseSchema } from "../../src/model/parse";
import type { Schema, SchemaInput } from "../../src/model/schema";
import model from "../../src/model/schemas/essonne-2022-2026.json";
import { transferValues } from "../../src/engine/transfer";
import { validateSnapshot } from "../../src/engine/validate";
import { renderPlanToXlsx } from "../../src/hosts/xlsx/renderPlan";
import { snapshotXlsx } from "../../src/hosts/xlsx/snapshot";
import { fillValid } from "../support/fill";
import { planOf } from "../support/plans";

jest.setTimeout(120_000);

/** The 1.0.0 model, rebuilt from the corrected one by undoing the two corrections that change its nodes. */
function asPublishedBefore(): Schema {
  const m = structuredClone(model) as unknown as SchemaInput & Record<string, any>;
  m.version = "1.0.0";
  for (const axe of m.axes)
    for (const o of [...(axe.objectifs ?? [])]) {
      for (const alias of o.alias ?? []) axe.objectifs!.push({ titre: alias });
      delete o.alias;
    }
  const fa25 = m.axes.flatMap((a) => a.fiches ?? []).find((f) => f.numero === "25")!;
  const projets = fa25.sousActions!.splice(1);
  fa25.sousActions!.push({ libelle: projets[0]!.introduction!, details: projets.map((p) => p.libelle) });
  const r = parseSchema(m);
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join("\n"));
  return r.schema;
}

test("objectifs merged, fiche ids kept: every value carried but those of fa_25's former introduction", async () => {
  const before = asPublishedBefore();
  const after = loadBuiltin("essonne_2022_2026");
  expect(before.axes.flatMap((a) => a.objectifs).length).toBe(16);
  expect(after.axes.flatMap((a) => a.objectifs).length).toBe(14);
  // The fiches of the merged objectifs now point to the objectif they vary.
  const objectifOf = (s: Schema, numero: string) =>
    s.axes.flatMap((a) => a.fiches).find((f) => f.numero === numero)!.objectif;
  expect([objectifOf(before, "11"), objectifOf(after, "11")]).toEqual(["axe_1.obj_5", "axe_1.obj_4"]);
  expect([objectifOf(before, "20"), objectifOf(after, "20")]).toEqual(["axe_2.obj_4", "axe_2.obj_2"]);

  const oldPlan = fillValid(planOf(before), before);
  const snap = await snapshotXlsx(await renderPlanToXlsx(oldPlan), "essonne-1.0.0.xlsx");
  if (!snap.ok) throw new Error("unreadable");
  const { values } = validateSnapshot(snap.snapshot);
  expect(values.size).toBeGreaterThan(500);
  const fiche11 = [...values.keys()].filter((k) => k.startsWith("fa_11."));
  expect(fiche11.length).toBeGreaterThan(0);

  const { carried, notCarried } = transferValues(values, oldPlan, planOf(after), (id) => id);
  const lost = notCarried.map((n) => n.key);
  expect(lost.length).toBeGreaterThan(0);
  expect(lost.filter((k) => !k.startsWith("fa_25.sa_2@"))).toEqual([]);
  expect(carried).toBe(values.size - lost.length);
});

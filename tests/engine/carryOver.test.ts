/**
 * Carry-over and upgrade as engine workflows: a validated report in, a plan out, the same for every host.
 * (tests/cli/carryOver.test.ts runs them through files.)
 */
import { loadBuiltin } from "../../src/model/builtins";
import type { Schema } from "../../src/model/schema";
import { carryOver, reusedBilan, upgrade, type ReusedBilan } from "../../src/engine/carryOver";
import { NON_REPRIS } from "../../src/engine/transfer";
import { validateSnapshot } from "../../src/engine/validate";
import { snapshotOf } from "../support/snapshotOf";
import { fillValid, readBack } from "../support/fill";
import { bindingCell, planOf, setInput } from "../support/plans";

jest.setTimeout(60_000);

const orne = loadBuiltin("orne_2017_2021");
const YEAR = orne.periode.debut + 2;
const ind = orne.axes[0]!.fiches[0]!.indicateurs.find((i) => i.type === "count")!;
const KEY = `${ind.id}@valeur:${YEAR}`;

let bilan: ReusedBilan;
beforeAll(async () => {
  const plan = fillValid(planOf(orne), orne);
  setInput(plan, KEY, 42);
  const snapshot = snapshotOf(await readBack(plan), "orne.xlsx");
  const reused = reusedBilan(validateSnapshot(snapshot), snapshot);
  if (!reused.ok) throw new Error(reused.reason.message);
  bilan = reused.bilan;
});

test("carry-over makes next year's plan holding every value, in its cell or in Non repris", () => {
  const r = carryOver(bilan, YEAR + 1);
  if (!r.ok) throw new Error(r.error.message);
  expect(r.remade.plan.meta.campaignYear).toBe(YEAR + 1);
  expect(bindingCell(r.remade.plan, KEY).value).toBe(42);
  // Last campaign's sources and comments have no cell in the new one: they are kept in Non repris, none is lost.
  expect(r.remade.carried + r.remade.notCarried).toBe(bilan.values.size);
  expect(r.remade.notCarried).toBeGreaterThan(0);
});

test("carry-over to the same or an earlier campaign is refused, in both languages", () => {
  const r = carryOver(bilan, YEAR);
  expect(!r.ok && [r.error.message, r.error.messageEn]).toEqual([
    `la nouvelle campagne (${YEAR}) doit suivre celle du classeur (${YEAR})`,
    expect.stringContaining(`(${YEAR})`),
  ]);
});

test("upgrade keeps what the new version still has and lists the rest in Non repris", () => {
  const next: Schema = structuredClone(orne);
  next.version = "2.0.0";
  next.axes[0]!.fiches[0]!.indicateurs = next.axes[0]!.fiches[0]!.indicateurs.filter((i) => i.id !== ind.id);
  const r = upgrade(bilan, next);
  if (!r.ok) throw new Error(r.error.message);
  expect(r.remade.plan.meta.bindings.some((b) => b.key === KEY)).toBe(false);
  const lost = [...bilan.values.keys()].filter((k) => k.startsWith(`${ind.id}@`)).length;
  expect(r.remade.notCarried).toBe(lost);
  expect(r.remade.carried).toBe(bilan.values.size - lost);
  const sheet = r.remade.plan.sheets.find((s) => s.name === NON_REPRIS)!;
  expect(JSON.stringify(sheet.cells)).toContain("retiré entre les versions");
});

test("upgrade to another model is refused", () => {
  const other: Schema = { ...orne, id: "autre_schema" };
  const r = upgrade(bilan, other);
  expect(!r.ok && r.error.message).toBe(`le classeur est du modèle « ${orne.id} », pas de « autre_schema »`);
});

import { ALL, applyFilter, facets, keepValid } from "../../src/taskpane/findingsFilter";
import type { Finding } from "../../src/engine/validate/findings";

const f = (severity: Finding["severity"], rule: string, axe?: string): Finding => ({
  severity,
  rule,
  ...(axe ? { axe } : {}),
  message: rule,
  messageEn: rule,
});
const list = [
  f("erreur", "type.decimales", "axe_1"),
  f("avertissement", "completude.valeur-manquante", "axe_1"),
  f("erreur", "plage.negatif", "axe_2"),
  f("erreur", "structure.meta-absente"),
];

test("filters combine severity, axe and rule", () => {
  expect(applyFilter(list, ALL)).toHaveLength(4);
  expect(applyFilter(list, { ...ALL, severities: ["erreur"] }).map((x) => x.rule)).toEqual([
    "type.decimales",
    "plage.negatif",
    "structure.meta-absente",
  ]);
  expect(applyFilter(list, { ...ALL, axe: "axe_1", severities: ["erreur"] }).map((x) => x.rule)).toEqual([
    "type.decimales",
  ]);
  expect(applyFilter(list, { ...ALL, rule: "plage.negatif" })).toHaveLength(1);
});

test("facets count each axe and rule; whole-workbook findings have no axe", () => {
  expect(facets(list)).toEqual({
    axes: [
      ["axe_1", 2],
      ["axe_2", 1],
    ],
    rules: [
      ["type.decimales", 1],
      ["completude.valeur-manquante", 1],
      ["plage.negatif", 1],
      ["structure.meta-absente", 1],
    ],
  });
});

test("after a new check, a filter on a value that no longer exists falls back to all", () => {
  const kept = keepValid({ severities: ["erreur"], axe: "axe_2", rule: "plage.negatif" }, list);
  expect(kept).toEqual({ severities: ["erreur"], axe: "axe_2", rule: "plage.negatif" });
  expect(keepValid(kept, list.slice(0, 2))).toEqual({ severities: ["erreur"], axe: "", rule: "" });
});

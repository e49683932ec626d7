import { ALL, applyFilter, keepValid, ruleCounts } from "../../src/taskpane/findingsFilter";
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
  f("erreur", "plage.negatif", "axe_1"),
];

test("filters combine severity and rule", () => {
  expect(applyFilter(list, ALL)).toHaveLength(5);
  expect(applyFilter(list, { ...ALL, severities: ["erreur"] }).map((x) => x.rule)).toEqual([
    "type.decimales",
    "plage.negatif",
    "structure.meta-absente",
    "plage.negatif",
  ]);
  expect(applyFilter(list, { ...ALL, rule: "plage.negatif" })).toHaveLength(2);
  expect(applyFilter(list, { severities: ["avertissement"], rule: "plage.negatif" })).toEqual([]);
});

test("each rule is counted, in first-seen order", () => {
  expect(ruleCounts(list)).toEqual([
    ["type.decimales", 1],
    ["completude.valeur-manquante", 1],
    ["plage.negatif", 2],
    ["structure.meta-absente", 1],
  ]);
});

test("after a new check, a filter on a rule that no longer exists falls back to all", () => {
  const kept = keepValid({ severities: ["erreur"], rule: "plage.negatif" }, list);
  expect(kept).toEqual({ severities: ["erreur"], rule: "plage.negatif" });
  expect(keepValid(kept, list.slice(0, 2))).toEqual({ severities: ["erreur"], rule: "" });
});

import {
  groupFindings,
  openAtFirst,
  presentSeverities,
  shortSheet,
  SUMMARY_FROM,
} from "../../src/taskpane/findingsGroups";
import type { Finding } from "../../src/engine/validate/findings";
import { loadBuiltin } from "../../src/model/builtins";

const schema = loadBuiltin("orne_2017_2021");
const [axe1, axe2] = schema.axes;
const [f11, f12] = axe1!.fiches;
const [f21] = axe2!.fiches;

let n = 0;
const f = (severity: Finding["severity"], rule: string, axe?: string, fiche?: string): Finding => ({
  severity,
  rule,
  ...(axe ? { axe } : {}),
  ...(fiche ? { fiche } : {}),
  cell: `E${++n}`,
  message: rule,
  messageEn: rule,
});

test("by axe then fiche, in the schéma's order; the whole workbook first; counts per group", () => {
  const list = [
    f("erreur", "type.decimales", axe2!.id, f21!.id),
    f("erreur", "plage.negatif", axe1!.id, f12!.id),
    f("avertissement", "plausibilite.ecart-reference", axe1!.id, f11!.id),
    f("erreur", "structure.meta-absente"),
    f("info", "saisie.commentaire", axe1!.id, f12!.id),
  ];
  const groups = groupFindings(list, schema);
  expect(groups.map((g) => [g.axe, g.fiches.map((x) => x.fiche)])).toEqual([
    [undefined, [undefined]],
    [axe1!.id, [f11!.id, f12!.id]],
    [axe2!.id, [f21!.id]],
  ]);
  expect(groups[1]!.counts).toEqual({ erreur: 1, avertissement: 1, info: 1 });
  expect(groups[1]!.fiches[1]!.counts).toEqual({ erreur: 1, avertissement: 0, info: 1 });
  expect(presentSeverities(groups[1]!.fiches[1]!.counts)).toEqual([
    ["erreur", 1],
    ["info", 1],
  ]);
  // Within a fiche, the check's order is kept.
  expect(groups[1]!.fiches[1]!.findings.map((x) => x.rule)).toEqual(["plage.negatif", "saisie.commentaire"]);
  expect(groups.every(openAtFirst)).toBe(true);
});

test("a fiche's expected inputs left empty are summed up from SUMMARY_FROM on; one alone is shown as itself", () => {
  const empties = Array.from({ length: 40 }, (_, i) =>
    f("avertissement", i % 2 ? "completude.statut-manquant" : "completude.valeur-manquante", axe1!.id, f11!.id),
  );
  const fault = f("erreur", "type.decimales", axe1!.id, f11!.id);
  const alone = f("avertissement", "completude.valeur-manquante", axe1!.id, f12!.id);
  const blank = [
    f("avertissement", "completude.valeur-manquante", axe2!.id, f21!.id),
    f("avertissement", "completude.statut-manquant", axe2!.id, f21!.id),
  ];
  const [g1, g2] = groupFindings([...empties, fault, alone, ...blank], schema);

  expect(SUMMARY_FROM).toBe(2);
  expect(g1!.fiches[0]!.findings).toEqual([fault]);
  expect(g1!.fiches[0]!.empty).toEqual(empties);
  expect(g1!.fiches[0]!.counts).toEqual({ erreur: 1, avertissement: 0, info: 0 });
  expect(g1!.fiches[1]!.findings).toEqual([alone]);
  expect(g1!.fiches[1]!.empty).toEqual([]);
  expect(g1!.counts).toEqual({ erreur: 1, avertissement: 1, info: 0 });
  expect(g1!.empty).toBe(40);
  expect(openAtFirst(g1!)).toBe(true);
  // An axe of empty inputs only starts closed: its line says how many.
  expect(g2!.fiches[0]!.findings).toEqual([]);
  expect(g2!.empty).toBe(2);
  expect(openAtFirst(g2!)).toBe(false);
});

test("ids the schéma does not know come after the known ones, in the order seen; without a schéma too", () => {
  const list = [f("erreur", "a", "zz"), f("erreur", "b", axe2!.id), f("erreur", "c", "yy"), f("erreur", "d", axe1!.id)];
  expect(groupFindings(list, schema).map((g) => g.axe)).toEqual([axe1!.id, axe2!.id, "zz", "yy"]);
  expect(groupFindings(list, undefined).map((g) => g.axe)).toEqual(["zz", axe2!.id, "yy", axe1!.id]);
  expect(groupFindings([], schema)).toEqual([]);
});

test("a sheet's short name: an axe's sheet by its axe, others whole", () => {
  expect(shortSheet("Axe 1 - Renforcer les actions…")).toBe("Axe 1");
  expect(shortSheet("I - Prévenir")).toBe("I");
  expect(shortSheet("Sommaire")).toBe("Sommaire");
  expect(shortSheet("Bilans précédents")).toBe("Bilans précédents");
});

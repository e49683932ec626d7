/** The order of a report: structure first, then severity, then the sheets' order, row, and column. */
import { sortFindings, type Finding } from "../../../src/engine/validate/findings";

const f = (id: string, place: Partial<Finding>): Finding => ({
  severity: "avertissement",
  rule: id,
  message: id,
  messageEn: id,
  ...place,
});

test("findings are sorted by structure, severity, sheet, row, column width and letters", () => {
  const given = [
    f("B-row10", { sheet: "Axe 2", cell: "B10" }),
    f("info", { severity: "info", sheet: "Axe 1", cell: "A1" }),
    f("AA-row2", { sheet: "Axe 2", cell: "AA2" }),
    f("Z-row2", { sheet: "Axe 2", cell: "Z2" }),
    f("C-row2", { sheet: "Axe 2", cell: "C2" }),
    f("axe1", { sheet: "Axe 1", cell: "Z99" }),
    f("no-sheet", {}),
    f("other-sheet", { sheet: "Feuille ajoutée", cell: "A1" }),
    f("erreur", { severity: "erreur", sheet: "Axe 2", cell: "A1" }),
    f("structure", { severity: "avertissement", structure: { valuesTrusted: true }, sheet: "Axe 2" }),
    f("no-cell", { sheet: "Axe 2" }),
  ];
  const sorted = sortFindings(given, ["Sommaire", "Axe 1", "Axe 2", "Axe 1"]);
  expect(sorted.map((x) => x.rule)).toEqual([
    "structure",
    "erreur",
    "no-sheet",
    "other-sheet",
    "axe1",
    "no-cell",
    "C-row2",
    "Z-row2",
    "AA-row2",
    "B-row10",
    "info",
  ]);
  expect(given[0]!.rule).toBe("B-row10");
});

test("findings equal in every key keep their order", () => {
  const given = ["a", "b", "c"].map((id) => f(id, { sheet: "Axe 1", cell: "B2" }));
  expect(sortFindings(given, ["Axe 1"]).map((x) => x.rule)).toEqual(["a", "b", "c"]);
});

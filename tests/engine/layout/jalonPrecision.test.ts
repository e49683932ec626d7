/**
 * A milestone finer than the grid (Essonne FA3: « Septembre 2022 ») falls in the column of the period that holds
 * it, and its row says its own, published date.
 */
import { loadBuiltin } from "../../../src/model/builtins";
import { parseA1 } from "../../../src/util/a1";
import { planOf } from "../../support/plans";

const essonne = loadBuiltin("essonne_2022_2026");

function jalonRows(granularite: "annee" | "semestre", numero: string) {
  const plan = planOf(essonne, { granularite });
  const title = `Fiche action N° ${numero} `;
  const sheet = plan.sheets.find((s) => s.cells.some((c) => String(c.value ?? "").startsWith(title)))!;
  const header = sheet.cells.find((c) => String(c.value ?? "").startsWith(title))!.row;
  const next = sheet.cells.find((c) => c.row > header && c.style === "ficheHeader");
  const rows = sheet.cells.filter(
    (c) => c.col === 2 && c.row > header && c.row < (next?.row ?? Infinity) && String(c.value).startsWith("Jalon "),
  );
  // the period of a grid column: the one of the status cells bound in it
  const periodOf = (col: number) =>
    plan.meta.bindings.find((b) => b.sheet === sheet.name && b.kind === "statut" && parseA1(b.address).col === col)!
      .period;
  return rows.map((c) => ({
    text: c.value,
    column: periodOf(sheet.cells.find((x) => x.row === c.row && x.value === "◆")!.col),
  }));
}

test("in a yearly grid: FA3's two September milestones in the 2022 column, saying « Septembre 2022 »", () => {
  const rows = jalonRows("annee", "3");
  expect(rows.map((r) => r.text)).toEqual([
    "Jalon Septembre 2022\u00a0: Formation dépistage IDE",
    "Jalon Septembre 2022\u00a0: Réactualisation du protocole BSEM",
  ]);
  expect(rows.map((r) => r.column)).toEqual(["2022", "2022"]);
});

test("in a semester grid: FA8's « 2e semestre 2022 » in S2, « 1er trimestre 2023 » in 2023's S1", () => {
  const rows = jalonRows("semestre", "8");
  expect(rows.map((r) => [r.text, r.column])).toEqual([
    ["Jalon 2e semestre 2022\u00a0: Rédaction du cahier des charges", "2022-S2"],
    ["Jalon 2e semestre 2022\u00a0: Lancement de l'appel à projet", "2022-S2"],
    ["Jalon 1er trimestre 2023\u00a0: Mise en œuvre de l'action", "2023-S1"],
  ]);
});

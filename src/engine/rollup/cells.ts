/**
 * The value each formula cell of the workbook must show, from the computed
 * rollups: what `bilan rollup` writes as the formulas' cached results, and
 * what a spreadsheet's recalculation is checked against. "" where the
 * formula shows nothing.
 */
import { familleOf } from "../../model/valueTypes";
import { SOMMAIRE_RATES } from "./figures";
import type { CellBinding } from "../plan";
import { jugementWord } from "./atteinte";
import { budgetResults } from "./budget";
import type { Level, Rollups } from "./compute";
import { RATES, type Figures, type Rates } from "./figures";

export type CellResult = number | string;
/** The value of a formula cell, by its binding. */
export type ResultOf = (b: CellBinding) => CellResult;

type Shown = number | string | boolean | undefined;
const shown = (v: Shown): CellResult => (v === undefined ? "" : typeof v === "boolean" ? String(v).toUpperCase() : v);

export function formulaResults(rollups: Rollups): ResultOf {
  /** By the row id of an axe sheet (a summary, a sous-action, an indicator): its computed cells, by their period. */
  const rows = new Map<string, Record<string, Shown>>();
  const rates = (l: Rates) => Object.fromEntries(RATES.map((r) => [r, l[r]]));
  const levels = new Map<string, Level>([[rollups.modelId, rollups]]);
  for (const axe of rollups.axes) {
    levels.set(axe.id, axe);
    rows.set(`${axe.id}#synthese`, rates(axe));
    for (const fiche of axe.fiches) {
      rows.set(`${fiche.id}#synthese`, rates(fiche));
      for (const sa of fiche.sousActions)
        rows.set(sa.id, {
          etat: sa.etat ?? "",
          realisee: sa.realisee,
          enCours: sa.enCours,
          retard: sa.retard,
          nonRenseignee: sa.nonRenseignee,
          saisi: sa.saisi,
        });
      for (const { id, type, saisi, atteinte, annees } of fiche.indicateurs) {
        const row: Record<string, Shown> = { saisi };
        if (atteinte !== undefined) {
          row.atteinte = jugementWord(atteinte, rollups.lang);
          row.cibleAtteinte = atteinte === "atteinte" ? 1 : 0;
          row.cibleFixee = atteinte === "sansCible" ? 0 : 1;
        }
        // A ratio's rate of each year (its `taux` cells).
        if (familleOf(type) === "ratio")
          for (const [year, a] of Object.entries(annees)) row[year] = a.valeur as number | undefined;
        rows.set(id, row);
      }
    }
  }
  const budget = budgetResults(rollups);
  return (b) => {
    const figure = b.period!;
    if (budget.has(b.node)) return shown(budget.get(b.node)![figure]);
    if (b.kind !== "rollup") return shown(rows.get(b.node)?.[figure]);
    const l = levels.get(b.node);
    const rate = SOMMAIRE_RATES[figure];
    return shown(rate ? l?.[rate] : l?.figures[figure as keyof Figures]);
  };
}

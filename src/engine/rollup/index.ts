/**
 * Rollups: model + entered values → per sous-action, indicator, fiche,
 * objectif, axe and schéma figures (compute.ts), the value every formula cell
 * of the workbook must show (cells.ts), and the aggregation of an indicator's
 * observations over years or sources (aggregate.ts); a plan filled with the
 * entered values and those results (inPlace.ts). The layout writes the same
 * rollups as live formulas (calendrier.ts, atteinte.ts, formulas.ts).
 */
export { aggregate, type Aggregated, type Observation } from "./aggregate";
export { formulaResults, type CellResult, type ResultOf } from "./cells";
export { fillPlan } from "./inPlace";
export {
  computeRollups,
  type AxeRollup,
  type FicheRollup,
  type IndicateurRollup,
  type ObjectifRollup,
  type Rollups,
} from "./compute";
export type { CellValue } from "./excel";
export { FIGURES, RATES, type Figures, type Rates } from "./figures";

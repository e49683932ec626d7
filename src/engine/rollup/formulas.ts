/**
 * The formulas of the summary cells: a fiche's summary row, an axe sheet's
 * totals and the Sommaire. They sum the helper columns of the axe sheets
 * (filled row by row: calendrier.ts, atteinte.ts, and the required flags)
 * over whole columns, picking a fiche's rows by the fiche id each row carries.
 * Whole-column references do not change when rows are inserted, deleted or
 * moved, so a summary stays right and its formula stays the one recorded in
 * the metadata. Rates are computed from the summed figures exactly as
 * `ratesOf` does, and are "" when there is nothing to compute.
 */
import { colLetter, sheetRef } from "../../util/a1";
import type { Figures, Rates } from "./figures";

/** Axe sheet columns the summaries read. */
export interface RollupColumns {
  /** Row kind: `sa`, `ind`, `num`, `den`, `fiche`. */
  kind: number;
  fiche: number;
  prevu: number;
  fait: number;
  retard: number;
  saisi: number;
  /** 1 on rows whose campaign value is required. */
  required: number;
  atteinte: number;
}

export type FigureFormulas = Record<keyof Figures, string>;

/** The figures of a fiche (by its id), or of a whole axe sheet (optionally from another sheet). */
export function figureFormulas(cols: RollupColumns, scope: { fiche?: string; sheet?: string }): FigureFormulas {
  const col = (c: number) => {
    const letter = `$${colLetter(c)}`;
    return scope.sheet ? sheetRef(scope.sheet, `${letter}:${letter}`) : `${letter}:${letter}`;
  };
  const ofFiche = scope.fiche === undefined ? "" : `,${col(cols.fiche)},"${scope.fiche}"`;
  const sum = (c: number) => (ofFiche ? `SUMIFS(${col(c)}${ofFiche})` : `SUM(${col(c)})`);
  const ind = `${col(cols.kind)},"ind"`;
  return {
    prevu: sum(cols.prevu),
    fait: sum(cols.fait),
    retard: sum(cols.retard),
    requis: `${sum(cols.prevu)}+${sum(cols.required)}`,
    saisi: sum(cols.saisi),
    atteinteSomme: `SUMIFS(${col(cols.atteinte)},${ind}${ofFiche})`,
    atteinteN: `COUNTIFS(${ind},${col(cols.atteinte)},">=0"${ofFiche})`,
  };
}

/** The rates of `ratesOf`, from formulas (or cells) of the figures. */
export function rateFormulas(f: FigureFormulas): Record<keyof Rates, string> {
  return {
    avancement: `=IF(${f.prevu}=0,"",${f.fait}/${f.prevu})`,
    enRetard: `=IF(${f.prevu}=0,"",${f.retard})`,
    completude: `=IF(${f.requis}=0,"",${f.saisi}/(${f.requis}))`,
    atteinte: `=IF(${f.atteinteN}=0,"",${f.atteinteSomme}/${f.atteinteN})`,
  };
}

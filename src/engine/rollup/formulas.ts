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

/** Axe sheet columns the summaries read: each holds, on the rows that have it, one figure of `Figures`. */
export interface RollupColumns {
  /** Row kind: `sa`, `ind`, `num`, `den`, `fiche`. */
  kind: number;
  fiche: number;
  /** 1 on sous-action rows due in the campaign. */
  engagee: number;
  realisee: number;
  enCours: number;
  retard: number;
  nonRenseignee: number;
  /** Statuses expected on a sous-action row (a constant). */
  statutsRequis: number;
  saisi: number;
  /** 1 on indicator rows whose campaign value is required. */
  required: number;
  cibleAtteinte: number;
  cibleFixee: number;
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
  return {
    engagees: sum(cols.engagee),
    realisees: sum(cols.realisee),
    enCours: sum(cols.enCours),
    retard: sum(cols.retard),
    nonRenseignees: sum(cols.nonRenseignee),
    requis: `${sum(cols.statutsRequis)}+${sum(cols.required)}`,
    saisi: sum(cols.saisi),
    ciblesAtteintes: sum(cols.cibleAtteinte),
    ciblesFixees: sum(cols.cibleFixee),
  };
}

/** The rates of `ratesOf`, from formulas (or cells) of the figures. */
export function rateFormulas(f: FigureFormulas): Record<keyof Rates, string> {
  return {
    avancement: `=IF(${f.engagees}=0,"",(${f.realisees}+${f.enCours}/2)/${f.engagees})`,
    enRetard: `=IF(${f.engagees}=0,"",${f.retard})`,
    nonRenseignees: `=IF(${f.engagees}=0,"",${f.nonRenseignees})`,
    completude: `=IF(${f.requis}=0,"",${f.saisi}/(${f.requis}))`,
    cibles: `=IF(${f.ciblesFixees}=0,"",${f.ciblesAtteintes}&" / "&${f.ciblesFixees})`,
    atteinte: `=IF(${f.ciblesFixees}=0,"",${f.ciblesAtteintes}/${f.ciblesFixees})`,
  };
}

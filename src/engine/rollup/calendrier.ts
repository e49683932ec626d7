/**
 * A sous-action judged for the campaign, as a whole (not period by period):
 * - it is due (« engagée ») when it has a planned period up to the campaign year;
 * - its state is the status of its latest planned period up to the campaign
 *   year that holds one; none entered: « non renseignée », a state of its own;
 * - it is late when its planned end is in a year before the campaign and its
 *   state is neither Réalisé nor Abandonné, or when its state is Reporté
 *   (never when non renseignée: nothing says it is late);
 * - its progress is 1 when Réalisé, ½ when En cours, else 0.
 * The wording of these definitions for people is in layout/definitions.ts.
 *
 * The engine's figures and the row formulas the layout writes are made here
 * side by side, from the same cells.
 */
import { range } from "../../util/a1";
import type { Lang } from "../../i18n";
import { CANONICAL, readStatut, statutWord, type Statut } from "../../model/vocabulaire";
import { isFilled, type CellValue } from "./excel";

/** The figures of one sous-action, each 0 or 1 but `saisi` (statuses entered) and `requis` (statuses expected). */
export interface SousActionFigures {
  engagee: number;
  realisee: number;
  enCours: number;
  retard: number;
  nonRenseignee: number;
  requis: number;
  saisi: number;
}

/** The figure columns a sous-action row computes, in this order, after its state. */
export const SOUS_ACTION_FIGURES = ["realisee", "enCours", "retard", "nonRenseignee", "saisi"] as const;

export interface SousActionInputs {
  /** The statuses of its planned periods up to the campaign year, in period order. */
  statuts: CellValue[];
  /** Year of its planned end. */
  fin: number;
}

/** Its state for the campaign: the latest status entered, or undefined (non renseignée). */
export function etatOf(statuts: CellValue[]): CellValue {
  for (let i = statuts.length - 1; i >= 0; i--) if (isFilled(statuts[i])) return statuts[i];
  return undefined;
}

/** `lang`: the workbook's; its statuses are read as its formulas read them, in its words only. */
export function sousActionFigures(
  { statuts, fin }: SousActionInputs,
  campaign: number,
  lang: Lang = CANONICAL,
): SousActionFigures {
  const out: SousActionFigures = {
    engagee: 0,
    realisee: 0,
    enCours: 0,
    retard: 0,
    nonRenseignee: 0,
    requis: statuts.length,
    saisi: statuts.filter(isFilled).length,
  };
  if (!statuts.length) return out;
  out.engagee = 1;
  const etat = etatOf(statuts);
  if (etat === undefined) {
    out.nonRenseignee = 1;
    return out;
  }
  // `TRIM(state)="word"` in the formulas: a status of another language is read by validate, not counted here.
  const statut = readStatut(etat, lang, true);
  const is = (s: Statut) => statut === s;
  out.realisee = is("realise") ? 1 : 0;
  out.enCours = is("enCours") ? 1 : 0;
  out.retard = is("reporte") || (fin < campaign && !is("realise") && !is("abandonne")) ? 1 : 0;
  return out;
}

/**
 * The helper cells of a sous-action row due in the campaign: its state (the
 * last status entered among its input cells: `LOOKUP(2,1/(filled),cells)`
 * picks the last filled one, in Excel and in LibreOffice; cells between them
 * that are not inputs are masked out), then its figures over that state cell, in the status words of the
 * workbook's language.
 */
export function sousActionFormulas(
  row: number,
  cols: number[],
  fin: number,
  campaign: number,
  etatCell: string,
  lang: Lang = CANONICAL,
): { etat: string } & Record<(typeof SOUS_ACTION_FIGURES)[number], string> {
  const sorted = [...cols].sort((a, b) => a - b);
  const [first, last] = [sorted[0]!, sorted[sorted.length - 1]!];
  const all = range(row, first, row, last);
  let etat: string;
  if (first === last) etat = `=IF(LEN(TRIM(${all}))>0,${all},"")`;
  else {
    const inputs = new Set(sorted);
    const contiguous = last - first + 1 === sorted.length;
    const mask = contiguous
      ? ""
      : `*{${Array.from({ length: last - first + 1 }, (_, i) => (inputs.has(first + i) ? 1 : 0)).join(",")}}`;
    etat = `=IFERROR(LOOKUP(2,1/((LEN(TRIM(${all}))>0)${mask}),${all}),"")`;
  }
  const e = `TRIM(${etatCell})`;
  const is = (s: Statut) => `${e}="${statutWord(s, lang)}"`;
  const filled = runs(row, sorted)
    .map((r) => `SUMPRODUCT(--(LEN(TRIM(${r}))>0))`)
    .join("+");
  return {
    etat,
    realisee: `=IF(${is("realise")},1,0)`,
    enCours: `=IF(${is("enCours")},1,0)`,
    retard:
      fin < campaign ? `=IF(OR(LEN(${e})=0,${is("realise")},${is("abandonne")}),0,1)` : `=IF(${is("reporte")},1,0)`,
    nonRenseignee: `=IF(LEN(${e})=0,1,0)`,
    saisi: `=${filled}`,
  };
}

/** Consecutive columns as ranges of one row: the formulas read exactly the input cells. */
function runs(row: number, sorted: number[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    out.push(range(row, sorted[i]!, row, sorted[j]!));
    i = j + 1;
  }
  return out;
}

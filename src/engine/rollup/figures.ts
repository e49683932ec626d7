/**
 * The additive figures every level carries (sous-action or indicator, fiche,
 * objectif, axe, schéma): a level's figures are the sums of its children's,
 * and its rates are computed from those sums, never averaged from the
 * children's rates (a fiche of 2 sous-actions weighs less than one of 20).
 * What each figure means is said once, for people, in layout/definitions.ts.
 */
export interface Figures {
  /** Sous-actions due for the campaign (a planned period up to its year). */
  engagees: number;
  /** Of those, in the state Réalisé, and En cours. */
  realisees: number;
  enCours: number;
  /** Sous-actions late. */
  retard: number;
  /** Sous-actions due with no status entered. */
  nonRenseignees: number;
  /** Required inputs of the campaign: the statuses of planned periods up to it, and the values of obligatoire indicators. */
  requis: number;
  saisi: number;
  /** Targets of the campaign year met, and set. */
  ciblesAtteintes: number;
  ciblesFixees: number;
}

export const FIGURES = [
  "engagees",
  "realisees",
  "enCours",
  "retard",
  "nonRenseignees",
  "requis",
  "saisi",
  "ciblesAtteintes",
  "ciblesFixees",
] as const;

export const zero = (): Figures => ({
  engagees: 0,
  realisees: 0,
  enCours: 0,
  retard: 0,
  nonRenseignees: 0,
  requis: 0,
  saisi: 0,
  ciblesAtteintes: 0,
  ciblesFixees: 0,
});

export function addTo(into: Figures, f: Figures): Figures {
  for (const k of FIGURES) into[k] += f[k];
  return into;
}

export const sumOf = (list: Figures[]): Figures => list.reduce(addTo, zero());

/** What a level shows; absent when there is nothing to compute (never 0 for "nothing"). */
export interface Rates {
  /** (réalisées + ½ en cours) / engagées, 0–1. */
  avancement?: number;
  /** Sous-actions late, and due with no status (only where some sous-action is due). */
  enRetard?: number;
  nonRenseignees?: number;
  /** Share of required inputs filled, 0–1. */
  completude?: number;
  /** Targets met over targets set, as text: « 2 / 8 ». */
  cibles?: string;
  /** The same as a share, 0–1. */
  atteinte?: number;
}

export const RATES = ["avancement", "enRetard", "nonRenseignees", "completude", "cibles", "atteinte"] as const;

/** « 2 / 8 »: how the count of targets met is shown, by the engine and by the formulas. */
export const ciblesText = (atteintes: number, fixees: number): string => `${atteintes} / ${fixees}`;

export function ratesOf(f: Figures): Rates {
  return {
    ...(f.engagees
      ? {
          avancement: (f.realisees + f.enCours / 2) / f.engagees,
          enRetard: f.retard,
          nonRenseignees: f.nonRenseignees,
        }
      : {}),
    ...(f.requis ? { completude: f.saisi / f.requis } : {}),
    ...(f.ciblesFixees
      ? { cibles: ciblesText(f.ciblesAtteintes, f.ciblesFixees), atteinte: f.ciblesAtteintes / f.ciblesFixees }
      : {}),
  };
}

/**
 * The rate each rollup column shows. `controles`, the number of errors found, is a plain cell written with
 * the checks (`bilan rollup` runs them): a formula over the Contrôles sheet would depend on its wording.
 */
export const SOMMAIRE_RATES: Record<string, keyof Rates> = {
  calendrier: "avancement",
  enRetard: "enRetard",
  sansEtat: "nonRenseignees",
  completude: "completude",
  cibles: "cibles",
  atteinte: "atteinte",
};

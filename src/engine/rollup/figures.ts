/**
 * The additive figures every level carries (sous-action or indicator, fiche,
 * objectif, axe, schéma): a level's figures are the sums of its children's,
 * and its rates are computed from those sums, never averaged from the
 * children's rates (a fiche of 2 periods weighs less than one of 20).
 */
export interface Figures {
  /** Planned calendar periods up to the campaign. */
  prevu: number;
  /** Progress made on them: Réalisé 1, En cours ½. */
  fait: number;
  /** Planned periods before the campaign year not Réalisé. */
  retard: number;
  /** Required inputs of the campaign: statuses of those periods, and the values of obligatoire indicators. */
  requis: number;
  saisi: number;
  /** Achievement scores of the indicators that have one: their sum and their count. */
  atteinteSomme: number;
  atteinteN: number;
}

export const FIGURES = ["prevu", "fait", "retard", "requis", "saisi", "atteinteSomme", "atteinteN"] as const;

export const zero = (): Figures => ({
  prevu: 0,
  fait: 0,
  retard: 0,
  requis: 0,
  saisi: 0,
  atteinteSomme: 0,
  atteinteN: 0,
});

export function addTo(into: Figures, f: Figures): Figures {
  for (const k of FIGURES) into[k] += f[k];
  return into;
}

export const sumOf = (list: Figures[]): Figures => list.reduce(addTo, zero());

/** What a level shows; absent when there is nothing to compute (never 0 for "nothing"). */
export interface Rates {
  /** Calendar progress, 0–1. */
  avancement?: number;
  /** Late periods (only where some period was due). */
  enRetard?: number;
  /** Share of required inputs filled, 0–1. */
  completude?: number;
  /** Mean achievement of the indicators scored, 0–1. */
  atteinte?: number;
}

export const RATES = ["avancement", "enRetard", "completude", "atteinte"] as const;

export function ratesOf(f: Figures): Rates {
  return {
    ...(f.prevu ? { avancement: f.fait / f.prevu, enRetard: f.retard } : {}),
    ...(f.requis ? { completude: f.saisi / f.requis } : {}),
    ...(f.atteinteN ? { atteinte: f.atteinteSomme / f.atteinteN } : {}),
  };
}

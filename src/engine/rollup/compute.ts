/**
 * The rollups of a bilan workbook from its entered values: per sous-action
 * and indicator, then per fiche, objectif, axe and for the whole schéma, each
 * level's figures being the sums of its children's (figures.ts). The same
 * numbers as the workbook's formulas, computed without a spreadsheet.
 */
import type { Indicateur, Schema, Valeur } from "../../model/schema";
import { yearOf } from "../layout/calendar";
import type { PlanMeta } from "../plan";
import type { Finding } from "../validate/findings";
import { aggregate, type Aggregated, type Observation } from "./aggregate";
import { achievement } from "./atteinte";
import { sousActionFigures, type SousActionFigures, type Statut } from "./calendrier";
import { isFilled, ratioRate, type CellValue } from "./excel";
import { ratesOf, sumOf, zero, type Figures, type Rates } from "./figures";
import { axeBudget, ficheBudget, objectifBudget, schemaBudget, type BudgetFigures, type FicheBudget } from "./budget";

/** Calendar progress per year, up to the campaign (years with planned periods). */
export type CalendrierParAnnee = Record<string, { prevu: number; fait: number; avancement: number }>;

export interface Level extends Rates {
  figures: Figures;
  calendrier: CalendrierParAnnee;
}

export interface SousActionRollup extends SousActionFigures {
  id: string;
  libelle: string;
}

export interface Annee {
  /** For a ratio: its rate. Years with neither a value nor a target are left out. */
  valeur?: CellValue;
  numerateur?: CellValue;
  denominateur?: CellValue;
  cible?: Valeur;
  atteinte?: number;
}

export interface IndicateurRollup {
  id: string;
  libelle: string;
  type: Indicateur["type"];
  sens: Indicateur["sens"];
  agregation: Indicateur["agregation"];
  /** Required inputs of the campaign (0, 1, or 2 for a ratio's parts) and how many are filled. */
  requis: number;
  saisi: number;
  /** The campaign year's value (a ratio's rate), target and achievement. */
  valeur?: CellValue;
  cible?: Valeur;
  atteinte?: number;
  annees: Record<string, Annee>;
  /** Over the period, by the indicator's aggregation. */
  periode: Aggregated;
}

export interface FicheRollup extends Level {
  id: string;
  numero: string;
  titre: string;
  objectif?: string;
  sousActions: SousActionRollup[];
  indicateurs: IndicateurRollup[];
  budget: FicheBudget;
}

export interface ObjectifRollup extends Level {
  id: string;
  numero?: string;
  titre: string;
  fiches: string[];
  budget: BudgetFigures;
}

export interface AxeRollup extends Level {
  id: string;
  numero: string;
  titre: string;
  objectifs: ObjectifRollup[];
  fiches: FicheRollup[];
  /** Errors found by the checks, when they were run. */
  controles?: number;
  budget: BudgetFigures;
}

export interface Rollups extends Level {
  modelId: string;
  modelVersion: string;
  campaignYear: number;
  axes: AxeRollup[];
  controles?: number;
  budget: BudgetFigures;
}

/** Planned periods and progress per year from `debut` on: [prevu, fait, prevu, fait…]. */
type Years = number[];

function level(figures: Figures, years: Years, debut: number): Level {
  const calendrier: CalendrierParAnnee = {};
  for (let i = 0; i < years.length; i += 2) {
    const [prevu, fait] = [years[i]!, years[i + 1]!];
    if (prevu) calendrier[debut + i / 2] = { prevu, fait, avancement: fait / prevu };
  }
  return { ...ratesOf(figures), figures, calendrier };
}

const sumYears = (list: Years[], length: number): Years => {
  const out: Years = new Array<number>(length).fill(0);
  for (const y of list) for (let i = 0; i < length; i++) out[i]! += y[i]!;
  return out;
};

export interface RollupOptions {
  /** Findings of the checks: their errors are counted per axe. */
  findings?: Finding[];
}

/** An indicator's valeurs, then numérateurs, then dénominateurs, by year from `debut`. */
type Parts = CellValue[];

export function computeRollups(
  schema: Schema,
  meta: PlanMeta,
  values: Map<string, CellValue>,
  options: RollupOptions = {},
): Rollups {
  const campaign = meta.campaignYear;
  const { debut, fin } = schema.periode;
  const n = fin - debut + 1;
  const PART = { valeur: 0, numerateur: n, denominateur: 2 * n } as const;
  // The cells of each node, in one pass over the bindings: a sous-action's statuses, an indicator's values
  // (valeurs, numérateurs, dénominateurs by year, in one array). A node's bindings follow one another: its
  // list is looked up once per run of them.
  const statuts = new Map<string, Statut[]>();
  const parts = new Map<string, Parts>();
  let node = "";
  let statutsOfNode: Statut[] = [];
  let partsOfNode: Parts = [];
  for (const b of meta.bindings) {
    if (b.kind === "statut") {
      if (b.node !== node) {
        node = b.node;
        if (!statuts.has(node)) statuts.set(node, []);
        statutsOfNode = statuts.get(node)!;
      }
      statutsOfNode.push({ year: yearOf(b.period!), value: values.get(b.key) });
    } else if (b.kind === "valeur" || b.kind === "numerateur" || b.kind === "denominateur") {
      const value = values.get(b.key);
      if (value === undefined) continue;
      if (b.node !== node) {
        node = b.node;
        if (!parts.has(node)) parts.set(node, new Array<CellValue>(3 * n));
        partsOfNode = parts.get(node)!;
      }
      partsOfNode[PART[b.kind] + Number(b.period) - debut] = value;
    }
  }
  const yearsLength = 2 * (campaign - debut + 1);
  const periodes = Array.from({ length: n }, (_, i) => String(debut + i));

  const indicateur = (ind: Indicateur): IndicateurRollup => {
    const p = parts.get(ind.id) ?? [];
    const ratio = ind.type === "ratio";
    const annees: Record<string, Annee> = {};
    const observations: Observation[] = [];
    for (let i = 0; i < n; i++) {
      const y = debut + i;
      const [numerateur, denominateur] = ratio ? [p[n + i], p[2 * n + i]] : [];
      const valeur = ratio ? ratioRate(numerateur, denominateur) : p[i];
      const cible = ind.cibles[y];
      if (valeur === undefined && numerateur === undefined && denominateur === undefined) {
        if (cible !== undefined) annees[y] = { cible };
        continue;
      }
      const annee: Annee = {};
      if (valeur !== undefined) annee.valeur = valeur;
      if (numerateur !== undefined) annee.numerateur = numerateur;
      if (denominateur !== undefined) annee.denominateur = denominateur;
      if (cible !== undefined) {
        annee.cible = cible;
        const atteinte = achievement(ind, valeur, cible);
        if (atteinte !== undefined) annee.atteinte = atteinte;
      }
      annees[y] = annee;
      observations.push({ periode: periodes[i], valeur, numerateur, denominateur });
    }
    const c = campaign - debut;
    const inputs = ind.obligatoire ? (ratio ? [p[n + c], p[2 * n + c]] : [p[c]]) : [];
    const out: IndicateurRollup = {
      id: ind.id,
      libelle: ind.libelle,
      type: ind.type,
      sens: ind.sens,
      agregation: ind.agregation,
      requis: inputs.length,
      saisi: inputs.filter(isFilled).length,
      annees,
      periode: aggregate(ind, observations),
    };
    const now = annees[campaign];
    if (now?.valeur !== undefined) out.valeur = now.valeur;
    if (now?.cible !== undefined) out.cible = now.cible;
    if (now?.atteinte !== undefined) out.atteinte = now.atteinte;
    return out;
  };

  const inWorkbook = new Set(meta.fiches);
  const errors = options.findings?.filter((f) => f.severity === "erreur");
  const axes: AxeRollup[] = [];
  const axeYears: Years[] = [];
  for (const axe of schema.axes) {
    const ficheYears = new Map<string, Years>();
    const fiches = axe.fiches
      .filter((f) => inWorkbook.has(f.id))
      .map((fiche): FicheRollup => {
        const years: Years = new Array<number>(yearsLength).fill(0);
        const perYear = (year: number, fait: number) => {
          years[2 * (year - debut)]! += 1;
          years[2 * (year - debut) + 1]! += fait;
        };
        const figures = zero();
        const sousActions = fiche.sousActions.map((sa): SousActionRollup => {
          const f = sousActionFigures(statuts.get(sa.id) ?? [], campaign, perYear);
          figures.prevu += f.prevu;
          figures.fait += f.fait;
          figures.retard += f.retard;
          figures.requis += f.prevu;
          figures.saisi += f.saisi;
          return { id: sa.id, libelle: sa.libelle, ...f };
        });
        const indicateurs = fiche.indicateurs.map(indicateur);
        for (const i of indicateurs) {
          figures.requis += i.requis;
          figures.saisi += i.saisi;
          if (i.atteinte === undefined) continue;
          figures.atteinteSomme += i.atteinte;
          figures.atteinteN++;
        }
        ficheYears.set(fiche.id, years);
        return {
          id: fiche.id,
          numero: fiche.numero,
          titre: fiche.titre,
          ...(fiche.objectif ? { objectif: fiche.objectif } : {}),
          ...level(figures, years, debut),
          sousActions,
          indicateurs,
          budget: ficheBudget(fiche, schema, campaign, values),
        };
      });
    if (!fiches.length) continue;
    const group = (list: FicheRollup[]) =>
      level(
        sumOf(list.map((f) => f.figures)),
        sumYears(
          list.map((f) => ficheYears.get(f.id)!),
          yearsLength,
        ),
        debut,
      );
    const objectifs = axe.objectifs.flatMap((o): ObjectifRollup[] => {
      const mine = fiches.filter((f) => f.objectif === o.id);
      if (!mine.length) return [];
      return [
        {
          id: o.id,
          ...(o.numero ? { numero: o.numero } : {}),
          titre: o.titre,
          ...group(mine),
          fiches: mine.map((f) => f.id),
          budget: objectifBudget(
            o,
            mine.map((f) => f.budget),
          ),
        },
      ];
    });
    axeYears.push(sumYears([...ficheYears.values()], yearsLength));
    axes.push({
      id: axe.id,
      numero: axe.numero,
      titre: axe.titre,
      ...group(fiches),
      ...(errors ? { controles: errors.filter((f) => f.axe === axe.id).length } : {}),
      objectifs,
      fiches,
      budget: axeBudget(
        axe,
        fiches.map((f) => f.budget),
      ),
    });
  }
  return {
    modelId: meta.modelId,
    modelVersion: meta.modelVersion,
    campaignYear: campaign,
    ...level(sumOf(axes.map((a) => a.figures)), sumYears(axeYears, yearsLength), debut),
    ...(errors ? { controles: errors.length } : {}),
    axes,
    budget: schemaBudget(
      schema,
      axes.map((a) => a.budget),
    ),
  };
}

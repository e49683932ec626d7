/**
 * The rollups of a bilan workbook from its entered values: per sous-action
 * and indicator, then per fiche, objectif, axe and for the whole schéma, each
 * level's figures being the sums of its children's (figures.ts). The same
 * numbers as the workbook's formulas, computed without a spreadsheet.
 */
import type { Lang } from "../../i18n";
import { familleOf } from "../../model/valueTypes";
import type { Granularite, Indicateur, Schema, Valeur } from "../../model/schema";
import { calendarGrid, sousActionCalendar } from "../../model/calendarGrid";
import { langOf, type PlanMeta } from "../plan";
import type { Finding } from "../validate/findings";
import { aggregate, type Aggregated, type Observation } from "./aggregate";
import { judge, targetCell, type Jugement } from "./atteinte";
import { etatOf, sousActionFigures, type SousActionFigures } from "./calendrier";
import { isFilled, ratioRate, type CellValue } from "./excel";
import { ratesOf, sumOf, zero, type Figures, type Rates } from "./figures";
import { axeBudget, ficheBudget, objectifBudget, schemaBudget, type BudgetFigures, type FicheBudget } from "./budget";

export interface Level extends Rates {
  figures: Figures;
}

export interface SousActionRollup extends SousActionFigures {
  id: string;
  libelle: string;
  /** Its state for the campaign: the latest status entered (as typed); absent: non renseignée. */
  etat?: CellValue;
  /** False: « sans calendrier publié » (one status for the campaign). */
  calendrierPublie: boolean;
  /** Year of its planned end. */
  fin: number;
}

export interface Annee {
  /** For a ratio: its rate. Years with neither a value nor a target are left out. */
  valeur?: CellValue;
  numerateur?: CellValue;
  denominateur?: CellValue;
  /** The target: the model's, else the one entered. */
  cible?: Valeur | CellValue;
  atteinte?: Jugement;
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
  /** The campaign year's value (a ratio's rate), target and whether it was met (none for a text). */
  valeur?: CellValue;
  cible?: Valeur | CellValue;
  atteinte?: Jugement;
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
  /** The workbook's language when not French: the words its formula cells show (cells.ts). */
  lang?: Lang;
  axes: AxeRollup[];
  controles?: number;
  budget: BudgetFigures;
}

const level = (figures: Figures): Level => ({ ...ratesOf(figures), figures });

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
  const lang = langOf(meta);
  const { debut, fin } = schema.periode;
  const n = fin - debut + 1;
  const PART = { valeur: 0, numerateur: n, denominateur: 2 * n } as const;
  // An indicator's values (valeurs, numérateurs, dénominateurs by year, in one array), in one pass over the
  // bindings. A node's bindings follow one another: its list is looked up once per run of them.
  const parts = new Map<string, Parts>();
  let node = "";
  let partsOfNode: Parts = [];
  for (const b of meta.bindings) {
    if (b.kind !== "valeur" && b.kind !== "numerateur" && b.kind !== "denominateur") continue;
    const value = values.get(b.key);
    if (value === undefined) continue;
    if (b.node !== node) {
      node = b.node;
      if (!parts.has(node)) parts.set(node, new Array<CellValue>(3 * n));
      partsOfNode = parts.get(node)!;
    }
    partsOfNode[PART[b.kind] + Number(b.period) - debut] = value;
  }
  const periodes = Array.from({ length: n }, (_, i) => String(debut + i));
  const grid = calendarGrid(schema, meta.granularite as Granularite);

  const indicateur = (ind: Indicateur): IndicateurRollup => {
    const p = parts.get(ind.id) ?? [];
    const ratio = familleOf(ind.type) === "ratio";
    const annees: Record<string, Annee> = {};
    const observations: Observation[] = [];
    let now: Jugement | undefined;
    for (let i = 0; i < n; i++) {
      const y = debut + i;
      const [numerateur, denominateur] = ratio ? [p[n + i], p[2 * n + i]] : [];
      const valeur = ratio ? ratioRate(numerateur, denominateur) : p[i];
      // The model's target, else the one entered in the row's target cell.
      const typed = values.get(`${ind.id}@cible:${y}`);
      const cible = ind.cibles[y] ?? typed;
      const jugement = judge(ind, valeur, targetCell(ind, ind.cibles[y], lang) ?? typed, lang);
      if (y === campaign) now = jugement;
      const hasValue = valeur !== undefined || numerateur !== undefined || denominateur !== undefined;
      if (!hasValue && cible === undefined) continue;
      const annee: Annee = {};
      if (valeur !== undefined) annee.valeur = valeur;
      if (numerateur !== undefined) annee.numerateur = numerateur;
      if (denominateur !== undefined) annee.denominateur = denominateur;
      if (cible !== undefined) annee.cible = cible;
      if (cible !== undefined && jugement !== undefined) annee.atteinte = jugement;
      annees[y] = annee;
      if (hasValue) observations.push({ periode: periodes[i], valeur, numerateur, denominateur });
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
    const year = annees[campaign];
    if (year?.valeur !== undefined) out.valeur = year.valeur;
    if (year?.cible !== undefined) out.cible = year.cible;
    if (now !== undefined) out.atteinte = now;
    return out;
  };

  const inWorkbook = new Set(meta.fiches);
  const errors = options.findings?.filter((f) => f.severity === "erreur");
  const axes: AxeRollup[] = [];
  for (const axe of schema.axes) {
    const fiches = axe.fiches
      .filter((f) => inWorkbook.has(f.id))
      .map((fiche): FicheRollup => {
        const figures = zero();
        const sousActions = fiche.sousActions.map((sa): SousActionRollup => {
          const cal = sousActionCalendar(fiche, sa, grid, campaign, fin);
          const statuts = cal.inputs.map((p) => values.get(`${sa.id}@statut:${p}`));
          const f = sousActionFigures({ statuts, fin: cal.fin }, campaign, lang);
          figures.engagees += f.engagee;
          figures.realisees += f.realisee;
          figures.enCours += f.enCours;
          figures.retard += f.retard;
          figures.nonRenseignees += f.nonRenseignee;
          figures.requis += f.requis;
          figures.saisi += f.saisi;
          const etat = etatOf(statuts);
          return {
            id: sa.id,
            libelle: sa.libelle,
            ...f,
            ...(etat !== undefined ? { etat } : {}),
            calendrierPublie: cal.publie,
            fin: cal.fin,
          };
        });
        const indicateurs = fiche.indicateurs.map(indicateur);
        for (const i of indicateurs) {
          figures.requis += i.requis;
          figures.saisi += i.saisi;
          if (i.atteinte === undefined || i.atteinte === "sansCible") continue;
          figures.ciblesFixees++;
          if (i.atteinte === "atteinte") figures.ciblesAtteintes++;
        }
        return {
          id: fiche.id,
          numero: fiche.numero,
          titre: fiche.titre,
          ...(fiche.objectif ? { objectif: fiche.objectif } : {}),
          ...level(figures),
          sousActions,
          indicateurs,
          budget: ficheBudget(fiche, schema, campaign, values),
        };
      });
    if (!fiches.length) continue;
    const group = (list: FicheRollup[]) => level(sumOf(list.map((f) => f.figures)));
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
    ...(meta.lang ? { lang: meta.lang } : {}),
    ...level(sumOf(axes.map((a) => a.figures))),
    ...(errors ? { controles: errors.length } : {}),
    axes,
    budget: schemaBudget(
      schema,
      axes.map((a) => a.budget),
    ),
  };
}

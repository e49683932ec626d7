/**
 * What the progress figures mean, each in one sentence, in French and in
 * English: printed on the Sommaire under the axe table (so that a reader of
 * the workbook knows what « en retard » counts) and in the README. The rules
 * themselves are in rollup/calendrier.ts and rollup/atteinte.ts; these words
 * must say what they do.
 */
import { TOLERANCE_STABLE } from "../rollup/atteinte";
import { SheetBuilder } from "./sheetBuilder";
import { pourcent } from "../../util/typography";

export interface Definition {
  id: string;
  terme: { fr: string; en: string };
  texte: { fr: string; en: string };
}

const stable = pourcent(TOLERANCE_STABLE * 100, 0);
const stableEn = `${Math.round(TOLERANCE_STABLE * 100)}%`;

export const DEFINITIONS: readonly Definition[] = [
  {
    id: "engagee",
    terme: { fr: "Sous-action engagée", en: "Due sous-action" },
    texte: {
      fr: "Une sous-action est engagée pour la campagne quand au moins une de ses périodes prévues tombe l'année de la campagne ou avant.",
      en: "A sous-action is due for the campaign when at least one of its planned periods falls in the campaign year or before.",
    },
  },
  {
    id: "etat",
    terme: { fr: "État pour la campagne", en: "State for the campaign" },
    texte: {
      fr: "L'état d'une sous-action est celui de sa dernière période prévue, jusqu'à l'année de la campagne, dont l'état est saisi ; si aucun ne l'est, elle est non renseignée, ce qui n'est pas un retard.",
      en: "A sous-action's state is the status of its latest planned period, up to the campaign year, that holds one; with none entered it is « non renseignée » (not reported), which is not late.",
    },
  },
  {
    id: "retard",
    terme: { fr: "En retard", en: "Late" },
    texte: {
      fr: "Une sous-action est en retard quand sa fin prévue (sa dernière période prévue) est antérieure à l'année de la campagne et que son état n'est ni Réalisé ni Abandonné, ou quand son état est Reporté ; une action pluriannuelle En cours avant sa fin prévue est dans les temps.",
      en: "A sous-action is late when its planned end (its last planned period) is in a year before the campaign and its state is neither Réalisé nor Abandonné, or when its state is Reporté; a multi-year action En cours before its planned end is on time.",
    },
  },
  {
    id: "avancement",
    terme: { fr: "Avancement", en: "Progress" },
    texte: {
      fr: "L'avancement est (sous-actions réalisées + ½ × sous-actions en cours) / sous-actions engagées ; une sous-action abandonnée reste au dénominateur et compte 0.",
      en: "Progress is (sous-actions Réalisé + ½ × sous-actions En cours) / sous-actions due; an abandoned one stays in the denominator and counts 0.",
    },
  },
  {
    id: "futur",
    terme: { fr: "Périodes à venir", en: "Periods to come" },
    texte: {
      fr: "Les périodes prévues après l'année de la campagne sont verrouillées et marquées « prévu » : leur état se saisit lors d'une campagne ultérieure.",
      en: "Planned periods after the campaign year are locked and marked « prévu »: their status is entered in a later campaign.",
    },
  },
  {
    id: "sansCalendrier",
    terme: { fr: "Sans calendrier publié", en: "No published calendar" },
    texte: {
      fr: "Une sous-action dont ni elle-même ni sa fiche ne publient de calendrier daté reçoit un seul état, celui de la campagne : elle est engagée chaque année et sa fin prévue est la fin du schéma (à la différence de « durée du schéma », prévue à chaque période).",
      en: "A sous-action for which neither it nor its fiche publishes a dated calendar gets one status, the campaign's: it is due every year and its planned end is the end of the schéma (unlike « durée du schéma », planned in every period).",
    },
  },
  {
    id: "saisies",
    terme: { fr: "Saisies faites", en: "Inputs filled" },
    texte: {
      fr: "Saisies faites = saisies attendues remplies / saisies attendues : l'état de chaque période prévue jusqu'à la campagne et la valeur de l'année des indicateurs obligatoires.",
      en: "Inputs filled = expected inputs filled / expected inputs: the status of each planned period up to the campaign and the year's value of each required indicator.",
    },
  },
  {
    id: "cibles",
    terme: { fr: "Cibles atteintes", en: "Targets met" },
    texte: {
      fr: "Cibles atteintes = cibles de l'année de la campagne atteintes / cibles fixées ; un indicateur qui a une cible et pas de valeur compte parmi les cibles fixées (« Non renseignée »), pas parmi les atteintes, et un indicateur texte n'est jamais évalué.",
      en: "Targets met = targets of the campaign year met / targets set; an indicator with a target and no value counts among the targets set (« Non renseignée »), not among those met, and a text indicator is never judged.",
    },
  },
  {
    id: "atteinte",
    terme: { fr: "Cible atteinte", en: "Target met" },
    texte: {
      fr: `Une cible est atteinte quand la valeur lui est supérieure ou égale (sens hausse ou sans sens), inférieure ou égale (sens baisse, et pour une date, qui est une échéance), à ${stable} près de la cible (sens stable), ou égale à la réponse attendue (Oui/Non) ; un ratio est jugé sur son taux.`,
      en: `A target is met when the value is greater than or equal to it (direction hausse or none), less than or equal to it (direction baisse, and for a date, which is a deadline), within ${stableEn} of it (direction stable), or the expected answer (Oui/Non); a ratio is judged on its rate.`,
    },
  },
  {
    id: "consommation",
    terme: { fr: "Taux de consommation", en: "Consumption rate" },
    texte: {
      fr: "Taux de consommation = montants mandatés / montants votés de l'année de la campagne, additionnés à chaque niveau (fiche, objectif, axe, schéma) ; vide quand rien n'est voté.",
      en: "Consumption rate = amounts paid (mandatés) / amounts voted of the campaign year, summed at each level (fiche, objectif, axe, schéma); empty when nothing is voted.",
    },
  },
  {
    id: "niveaux",
    terme: { fr: "Fiches, axes, schéma", en: "Fiches, axes, schéma" },
    texte: {
      fr: "Chaque niveau additionne les nombres de ses sous-actions et de ses indicateurs et calcule ses taux à partir de ces sommes, jamais en faisant la moyenne des taux.",
      en: "Each level adds up the counts of its sous-actions and indicators and computes its rates from those sums, never by averaging rates.",
    },
  },
];

/** The definitions as a block of the sheet from `row`, text merged from column 2 to `lastCol`; returns the next free row. */
export function definitionsBlock(sheet: SheetBuilder, row: number, lastCol: number, width: number): number {
  sheet.set(row, 2, "label", "Définitions");
  sheet.merge(row, 2, row, lastCol);
  row++;
  for (const d of DEFINITIONS) {
    const text = `${d.terme.fr} : ${d.texte.fr}`;
    sheet.set(row, 2, "text", text);
    sheet.merge(row, 2, row, lastCol);
    sheet.fitHeight(row, text.length, width);
    row++;
  }
  return row;
}

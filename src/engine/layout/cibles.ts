/**
 * Targets (cibles) of an indicator, year by year. A target the model gives is
 * a locked constant. Otherwise ODPE staff set it in the workbook: the target
 * cells of the campaign year and of later years are inputs (a target is set at
 * the start of the schéma or of a campaign, for the years ahead); those of
 * earlier years are locked, and carry-over brings the targets typed in earlier
 * campaigns into them. A text answer or an answer on a scale has no target.
 */
import type { Indicateur, Schema, Valeur } from "../../model/schema";
import { dayOfSerial } from "../../util/excelDate";
import type { ValidationPlan } from "../plan";
import { readOuiNon } from "../../model/vocabulaire";
import { familleOf, isJudgedType, valueType } from "../../model/valueTypes";
import { accepted, FORMAT_STYLE, valueValidation } from "./inputs";
import { wordsOf, type Words } from "./words";
import type { Requirable } from "./styles";

/** How a target cell of the year is made: from the model, typed now, or carried from an earlier campaign. */
export type CibleCell =
  { kind: "modele"; valeur: Valeur } | { kind: "saisie" } | { kind: "reprise" } | { kind: "aucune" };

export function cibleCell(ind: Indicateur, year: number, campaign: number): CibleCell {
  const valeur = ind.cibles[String(year)];
  if (valeur !== undefined) return { kind: "modele", valeur };
  if (!hasTarget(ind)) return { kind: "aucune" };
  return year >= campaign ? { kind: "saisie" } : { kind: "reprise" };
}

/** A text or an answer on a scale has no target: it is neither a number, a day nor Oui/Non to reach (atteinte.ts). */
export const hasTarget = (ind: Indicateur): boolean => isJudgedType(valueType(ind.type));

/** The indicator as its target cells are typed and checked: a ratio's target is the rate it aims at (0–100). */
export const asTarget = (ind: Indicateur): Indicateur =>
  familleOf(ind.type) === "ratio" ? { ...ind, type: "rate" } : ind;

/** The style of a target cell of the indicator. */
export const targetInputStyle = (ind: Indicateur): Requirable => FORMAT_STYLE[valueType(ind.type).formatCible];

/** The data validation of a target cell: the indicator's own (a rate for a ratio), prompted as a target. */
export function targetValidation(
  schema: Schema,
  ind: Indicateur,
  year: number,
  ranges: string[],
  w: Words = wordsOf(),
): ValidationPlan {
  const target = asTarget(ind);
  const v = valueValidation(schema, target, ranges, w);
  const { what } = accepted(schema, target, w);
  return {
    ...v,
    prompt: { title: w("input.cibleTitle", { year }), message: w("input.cible", { year, what }).slice(0, 255) },
  };
}

/** The target of a year: the model's, else the one typed in the workbook (a number, a date, or Oui/Non in either language). */
export function targetOf(ind: Indicateur, year: number | string, typed: (key: string) => unknown): Valeur | undefined {
  const fixed = ind.cibles[String(year)];
  if (fixed !== undefined) return fixed;
  const v = typed(`${ind.id}@cible:${year}`);
  if (typeof v === "number") return v;
  if (typeof v === "boolean") return v;
  if (typeof v === "string") {
    const s = v.trim();
    const answer = familleOf(ind.type) === "ouiNon" ? readOuiNon(s) : undefined;
    if (answer !== undefined) return answer;
    if (/^\d{4}-\d{2}-\d{2}$/.test(s)) return s;
  }
  return undefined;
}

/**
 * The model with the targets typed in a workbook written into it, as if the
 * model had given them: what `export-schema` of a bilan workbook exports, so
 * that targets set in Excel reach the référentiel table. Returns the count.
 */
export function withTypedTargets(schema: Schema, values: Map<string, unknown>): { schema: Schema; count: number } {
  let count = 0;
  const axes = schema.axes.map((axe) => ({
    ...axe,
    fiches: axe.fiches.map((fiche) => ({
      ...fiche,
      indicateurs: fiche.indicateurs.map((ind) => {
        const cibles = { ...ind.cibles };
        for (let y = schema.periode.debut; y <= schema.periode.fin; y++) {
          if (cibles[String(y)] !== undefined) continue;
          const t = targetOf(ind, y, (k) => values.get(k));
          const v = familleOf(ind.type) === "date" ? (dateOf(values.get(`${ind.id}@cible:${y}`)) ?? t) : t;
          if (v === undefined || (familleOf(ind.type) === "date" && typeof v === "number")) continue;
          cibles[String(y)] = v;
          count++;
        }
        return { ...ind, cibles };
      }),
    })),
  }));
  return { schema: { ...schema, axes }, count };
}

/** A date cell read back (Excel's serial) as `YYYY-MM-DD`. */
const dateOf = (v: unknown): string | undefined => (typeof v === "number" && v > 0 ? dayOfSerial(v) : undefined);

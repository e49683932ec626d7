/**
 * What an input cell of each value type accepts: its style and its Excel data
 * validation, with French prompts and error texts, from the table of value types
 * (model/valueTypes.ts). Model bounds narrow the range.
 */
import type { Indicateur, Schema, ValueType } from "../../model/schema";
import { valueType, type Format } from "../../model/valueTypes";
import type { ValidationPlan, ValidationRule } from "../plan";
import type { Requirable } from "./styles";
import { a1 } from "../../util/a1";
import { nombre } from "../../util/typography";

export const STATUTS = ["Réalisé", "En cours", "Reporté", "Abandonné", "Non commencé"] as const;
export const OUI_NON = ["Oui", "Non"] as const;
export const TEXT_MAX = 1000;

/** What the « Type » column shows: the value type's label (model/valueTypes.ts). */
export const typeLabel = (type: ValueType): string => valueType(type).libelle;

export const SENS_LABEL = { hausse: "↗ hausse", baisse: "↘ baisse", stable: "→ stable", aucun: "" } as const;

/** The cell style of each number format of the table of value types. */
export const FORMAT_STYLE: Record<Format, Requirable> = {
  entier: "inputCount",
  pourcent: "inputRate",
  decimal: "inputDecimal",
  euros: "inputAmount",
  ouiNon: "inputBoolean",
  date: "inputDate",
  texte: "inputText",
};

/** The style of a value cell of the type. */
export const inputStyle = (type: ValueType): Requirable => FORMAT_STYLE[valueType(type).format];

function between(min: number | undefined, max: number | undefined): string {
  if (min !== undefined && max !== undefined) return `entre ${fr(min)} et ${fr(max)}`;
  if (min !== undefined) return `supérieur ou égal à ${fr(min)}`;
  if (max !== undefined) return `inférieur ou égal à ${fr(max)}`;
  return "";
}

const fr = (n: number) => nombre(n, 10);

/**
 * The custom-formula validation of a ratio's part at `self`, its other part at `other` (relative A1
 * addresses, invariant syntax): a number ≥ 0, and the numerator at most the denominator once both are
 * numbers (the rule `plage.numerateur-sup-denominateur` of validate; a zero denominator then takes only a
 * zero numerator, as `plage.denominateur-nul` wants).
 */
export function ratioPartFormula(part: "numerateur" | "denominateur", self: string, other: string): string {
  const [num, den] = part === "numerateur" ? [self, other] : [other, self];
  return `=AND(ISNUMBER(${self}),${self}>=0,OR(NOT(ISNUMBER(${other})),${num}<=${den}))`;
}

/** The formula of a `ratioPart` rule for the cell at `row`, `col` (1-based): each host writes it. */
export function ratioPartFormulaAt(
  rule: Extract<ValidationRule, { type: "ratioPart" }>,
  row: number,
  col: number,
): string {
  return ratioPartFormula(rule.part, a1(row, col), a1(row + rule.other.rows, col + rule.other.cols));
}

function narrowed(base: { min?: number; max?: number }, ind?: Indicateur): { min?: number; max?: number } {
  const min = Math.max(base.min ?? -Infinity, ind?.bornes?.min ?? -Infinity);
  const max = Math.min(base.max ?? Infinity, ind?.bornes?.max ?? Infinity);
  return { ...(Number.isFinite(min) ? { min } : {}), ...(Number.isFinite(max) ? { max } : {}) };
}

/**
 * The validation of a value cell of an indicator, or of a ratio's part when `part` is set: then `other` is
 * where the other part is from the cell (rows and columns to add).
 */
export function valueValidation(
  schema: Schema,
  ind: Indicateur,
  ranges: string[],
  part?: { part: "numerateur" | "denominateur"; other: { rows: number; cols: number } },
): ValidationPlan {
  const title = ind.libelle.slice(0, 32);
  const make = (rule: ValidationRule, what: string, errorMessage: string): ValidationPlan => ({
    ranges,
    rule,
    allowBlank: true,
    prompt: {
      title: title.length < ind.libelle.length ? `${title.slice(0, 31)}…` : title,
      message: `Saisir ${what}.`.slice(0, 255),
    },
    error: { style: "stop", title: "Valeur refusée", message: errorMessage.slice(0, 255) },
  });
  if (part) {
    const numerator = part.part === "numerateur";
    const label = numerator ? ind.numerateur?.libelle : ind.denominateur?.libelle;
    return make(
      { type: "ratioPart", ...part },
      numerator
        ? `le numérateur (${label}) : un nombre ≥ 0, numérateur ≤ dénominateur`
        : `le dénominateur (${label}) : un nombre ≥ 0, numérateur ≤ dénominateur`,
      "Le numérateur et le dénominateur sont des nombres positifs ou nuls, le numérateur au plus égal au dénominateur.",
    );
  }
  const { debut, fin } = schema.periode;
  const def = valueType(ind.type);
  switch (def.famille) {
    case "nombre": {
      const r = narrowed(def.plage, ind);
      const saisie = def.saisie ?? { quoi: "un nombre" };
      // Words joined without the empty ones: no unit and no bounds must not leave double spaces.
      const what = [saisie.quoi, saisie.unite && ind.unite ? `en ${ind.unite}` : "", between(r.min, r.max)]
        .filter(Boolean)
        .join(" ");
      return make(
        { type: def.entier ? "whole" : "decimal", ...r },
        `${what}${saisie.exemple ?? ""}`,
        `${what.charAt(0).toUpperCase()}${what.slice(1)} est attendu${saisie.finErreur ?? "."}`,
      );
    }
    case "ouiNon":
      return make({ type: "list", values: [...OUI_NON] }, "Oui ou Non", "Choisir Oui ou Non dans la liste.");
    case "date":
      return make(
        { type: "date", min: `${debut}-01-01`, max: `${fin}-12-31` },
        `une date entre le 01/01/${debut} et le 31/12/${fin}`,
        `Une date entre le 01/01/${debut} et le 31/12/${fin} est attendue.`,
      );
    case "texte":
    case "ratio":
      return make(
        { type: "textLength", max: TEXT_MAX },
        `un texte de ${TEXT_MAX} caractères au plus`,
        `Le texte est limité à ${TEXT_MAX} caractères.`,
      );
  }
}

export function statusValidation(ranges: string[]): ValidationPlan {
  return {
    ranges,
    rule: { type: "list", values: [...STATUTS] },
    allowBlank: true,
    prompt: { title: "État d'avancement", message: `Choisir : ${STATUTS.join(", ")}.` },
    error: { style: "stop", title: "État inconnu", message: `Choisir un état dans la liste : ${STATUTS.join(", ")}.` },
  };
}

export function textValidation(ranges: string[], what: string): ValidationPlan {
  return {
    ranges,
    rule: { type: "textLength", max: TEXT_MAX },
    allowBlank: true,
    prompt: { title: what, message: `Texte libre, ${TEXT_MAX} caractères au plus.` },
    // Stop, not warning: validate counts a longer text as an erreur, so Excel must not let one through.
    error: { style: "stop", title: "Texte trop long", message: `Le texte dépasse ${TEXT_MAX} caractères.` },
  };
}

/**
 * What an input cell of each value type accepts: its style and its Excel data
 * validation, with French prompts and error texts. Model bounds narrow the range.
 */
import type { Indicateur, Schema, ValueType } from "../../model/schema";
import type { ValidationPlan, ValidationRule } from "../plan";
import type { Requirable } from "./styles";
import { a1 } from "../../util/a1";
import { nombre } from "../../util/typography";

export const STATUTS = ["Réalisé", "En cours", "Reporté", "Abandonné", "Non commencé"] as const;
export const OUI_NON = ["Oui", "Non"] as const;
export const TEXT_MAX = 1000;

export const TYPE_LABEL: Record<ValueType, string> = {
  count: "Nombre",
  rate: "Taux (%)",
  ratio: "Ratio (%)",
  boolean: "Oui/Non",
  amount: "Montant (€)",
  number: "Mesure",
  text: "Texte",
  date: "Date",
  echelle: "Échelle",
};

export const SENS_LABEL = { hausse: "↗ hausse", baisse: "↘ baisse", stable: "→ stable", aucun: "" } as const;

export const INPUT_STYLE: Record<ValueType, Requirable> = {
  count: "inputCount",
  rate: "inputRate",
  ratio: "inputDecimal",
  boolean: "inputBoolean",
  amount: "inputAmount",
  number: "inputDecimal",
  text: "inputText",
  date: "inputDate",
  echelle: "inputBoolean",
};

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
  switch (ind.type) {
    case "count": {
      const r = narrowed({ min: 0 }, ind);
      return make(
        { type: "whole", ...r },
        `un nombre entier ${between(r.min, r.max)}`,
        `Un nombre entier ${between(r.min, r.max)} est attendu (pas de décimales ni de texte).`,
      );
    }
    case "rate": {
      const r = narrowed({ min: 0, max: 100 }, ind);
      return make(
        { type: "decimal", ...r },
        `un pourcentage ${between(r.min, r.max)} (ex. 12,5 pour 12,5 %)`,
        `Un pourcentage ${between(r.min, r.max)} est attendu : saisir 12,5 pour 12,5 %.`,
      );
    }
    case "amount": {
      const r = narrowed({ min: 0 }, ind);
      return make(
        { type: "decimal", ...r },
        `un montant en euros ${between(r.min, r.max)}`,
        `Un montant en euros ${between(r.min, r.max)} est attendu.`,
      );
    }
    case "number": {
      const r = narrowed({}, ind);
      // Words joined without the empty ones: no unit and no bounds must not leave double spaces.
      const what = ["nombre", ind.unite ? `en ${ind.unite}` : "", between(r.min, r.max)].filter(Boolean).join(" ");
      return make({ type: "decimal", ...r }, `un ${what}`, `Un ${what} est attendu.`);
    }
    case "boolean":
      return make({ type: "list", values: [...OUI_NON] }, "Oui ou Non", "Choisir Oui ou Non dans la liste.");
    case "echelle": {
      const levels = ind.echelle ?? [];
      return make(
        { type: "list", values: levels },
        `un niveau : ${levels.join(", ")}`,
        `Choisir un niveau dans la liste : ${levels.join(", ")}.`,
      );
    }
    case "date":
      return make(
        { type: "date", min: `${debut}-01-01`, max: `${fin}-12-31` },
        `une date entre le 01/01/${debut} et le 31/12/${fin}`,
        `Une date entre le 01/01/${debut} et le 31/12/${fin} est attendue.`,
      );
    case "text":
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

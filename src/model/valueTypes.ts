/**
 * The value types of indicators, one entry each: what a value may be, how it is shown, entered, checked and
 * rolled up, how a référentiel table names it, and the words said about it. Every layer reads this table
 * (the model's checks, the référentiel, the layout's cells and data validations, the checks of entered values,
 * the rollups, the tidy export, the pane), so a new type is one entry here and its tests.
 */
import type { MessageKey } from "../i18n";
import type { Agregation, Valeur } from "./schema";

/**
 * How a value is held and compared. `nombre`: one number (counts, rates, amounts, measures); `ratio`: a
 * numerator and a denominator entered, the rate derived; `ouiNon`: Oui/Non; `date`: a day; `texte`: an answer
 * in words, neither judged against a target nor summed.
 */
export type Famille = "nombre" | "ratio" | "ouiNon" | "date" | "texte";

/** The number format of a value cell; the layout gives each its cell style. */
export type Format = "entier" | "pourcent" | "decimal" | "euros" | "ouiNon" | "date" | "texte";

export interface ValueTypeDef {
  famille: Famille;
  /** What the « Type » column of an indicator table shows. */
  libelle: string;
  /** Number format of a value cell, and of a target cell (a ratio's target is a rate). */
  format: Format;
  formatCible: Format;
  /** Range of a value (and of the model's bounds and targets); `entier` for a count. */
  plage: { min?: number; max?: number };
  entier?: boolean;
  /** A percentage: over 100 and 0–1 typed for 0–100 are caught, and its unit is « % ». */
  pourcent?: boolean;
  /** Aggregations that make sense, the default first. Rates never sum; ratios roll up from their summed parts. */
  agregations: readonly Agregation[];
  /** The rule a target or baseline of the model follows, in words. */
  regle: MessageKey;
  /** What a value cell expects, in words, in the findings. */
  attendu: MessageKey;
  /**
   * The words of the Excel data validation of a number: « un pourcentage », whether the indicator's unit is
   * said (« un nombre en jours »), an example after the prompt, the end of the error text.
   */
  saisie?: { quoi: string; unite?: boolean; exemple?: string; finErreur?: string };
  /** The words people write for it in a référentiel's Type column, folded (no accents, lower case). */
  synonymes: readonly string[];
}

/** Whether a target or baseline of the model fits the type (a ratio's target is its rate, 0–100). */
export function valueFits(def: ValueTypeDef, v: Valeur): boolean {
  switch (def.famille) {
    case "ouiNon":
      return typeof v === "boolean";
    case "date":
      return typeof v === "string";
    case "texte":
      return false;
    case "nombre":
    case "ratio": {
      if (typeof v !== "number") return false;
      const { min, max } = def.plage;
      return (!def.entier || Number.isInteger(v)) && (min === undefined || v >= min) && (max === undefined || v <= max);
    }
  }
}

const percent = { min: 0, max: 100 };

/** The table. Its order is the order in which types are listed to authors. */
export const VALUE_TYPE_DEFS = {
  count: {
    famille: "nombre",
    libelle: "Nombre",
    format: "entier",
    formatCible: "entier",
    plage: { min: 0 },
    entier: true,
    agregations: ["sum", "last", "max", "min", "mean"],
    regle: "rule.count",
    attendu: "validate.what.count",
    saisie: { quoi: "un nombre entier", finErreur: " (pas de décimales ni de texte)." },
    synonymes: ["nombre", "comptage", "effectif"],
  },
  rate: {
    famille: "nombre",
    libelle: "Taux (%)",
    format: "pourcent",
    formatCible: "pourcent",
    plage: percent,
    pourcent: true,
    agregations: ["mean", "last", "max", "min"],
    regle: "rule.rate",
    attendu: "validate.what.rate",
    saisie: { quoi: "un pourcentage", exemple: " (ex. 12,5 pour 12,5 %)", finErreur: " : saisir 12,5 pour 12,5 %." },
    synonymes: ["taux", "pourcentage", "%"],
  },
  ratio: {
    famille: "ratio",
    libelle: "Ratio (%)",
    format: "decimal",
    formatCible: "pourcent",
    plage: percent,
    pourcent: true,
    agregations: ["ratio", "last"],
    regle: "rule.rate",
    attendu: "validate.what.ratio",
    synonymes: [],
  },
  boolean: {
    famille: "ouiNon",
    libelle: "Oui/Non",
    format: "ouiNon",
    formatCible: "ouiNon",
    plage: {},
    agregations: ["share", "last"],
    regle: "rule.boolean",
    attendu: "validate.what.boolean",
    synonymes: ["oui/non", "booleen"],
  },
  amount: {
    famille: "nombre",
    libelle: "Montant (€)",
    format: "euros",
    formatCible: "euros",
    plage: { min: 0 },
    agregations: ["sum", "last", "max", "min", "mean"],
    regle: "rule.nonNegative",
    attendu: "validate.what.amount",
    saisie: { quoi: "un montant en euros" },
    synonymes: ["montant", "euros", "€"],
  },
  number: {
    famille: "nombre",
    libelle: "Mesure",
    format: "decimal",
    formatCible: "decimal",
    plage: {},
    agregations: ["mean", "sum", "last", "max", "min"],
    regle: "rule.number",
    attendu: "validate.what.number",
    saisie: { quoi: "un nombre", unite: true },
    synonymes: ["mesure", "valeur"],
  },
  text: {
    famille: "texte",
    libelle: "Texte",
    format: "texte",
    formatCible: "texte",
    plage: {},
    agregations: ["count"],
    regle: "rule.none",
    attendu: "validate.what.text",
    synonymes: ["texte", "qualitatif"],
  },
  date: {
    famille: "date",
    libelle: "Date",
    format: "date",
    formatCible: "date",
    plage: {},
    agregations: ["last", "min", "max"],
    regle: "rule.date",
    attendu: "validate.what.date",
    synonymes: [],
  },
} satisfies Record<string, ValueTypeDef>;

/** The value types of the model (the `type` of an indicator). */
export type ValueTypeId = keyof typeof VALUE_TYPE_DEFS;

/** The entry of a type. */
export const valueType = (type: string): ValueTypeDef => (VALUE_TYPE_DEFS as Record<string, ValueTypeDef>)[type]!;

/** How a value of the type is held: what code that differs by kind of value asks, never the type's own id. */
export const familleOf = (type: string): Famille => valueType(type).famille;

/** Every type of the table, in its order (read when a module that needs the list loads). */
export const valueTypeIds = (): ValueTypeId[] => Object.keys(VALUE_TYPE_DEFS) as ValueTypeId[];

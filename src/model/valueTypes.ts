/**
 * The value types of indicators, one entry each: what a value may be, how it is shown, entered, checked and
 * rolled up, how a référentiel table names it, and the words said about it. Every layer reads this table
 * (the model's checks, the référentiel, the layout's cells and data validations, the checks of entered values,
 * the rollups, the tidy export, the pane), so a new type is one entry here and its tests.
 */
import type { Lang, MessageKey } from "../i18n";
import type { Agregation, Valeur } from "./schema";

/**
 * How a value is held and compared. `nombre`: one number (counts, rates, amounts, measures); `ratio`: a
 * numerator and a denominator entered, the rate derived; `ouiNon`: Oui/Non; `date`: a day; `texte`: an answer
 * in words, neither judged against a target nor summed; `echelle`: one of the ordered levels of a published scale
 * (`echelle` of the indicator), chosen from a list, not judged against a target, counted per level.
 */
export type Famille = "nombre" | "ratio" | "ouiNon" | "date" | "texte" | "echelle";

/** The number format of a value cell; the layout gives each its cell style. */
export type Format = "entier" | "pourcent" | "decimal" | "euros" | "ouiNon" | "date" | "texte" | "niveau";

/** Words the workbook shows, in each of its languages (a new type brings its own, with its entry). */
export type Dit = Record<Lang, string>;

export interface ValueTypeDef {
  famille: Famille;
  /** What the « Type » column of an indicator table shows. */
  libelle: Dit;
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
  saisie?: { quoi: Dit; unite?: boolean; exemple?: Dit; finErreur?: Dit };
  /** The words people write for it in a référentiel's Type column, folded (no accents, lower case). */
  synonymes: readonly string[];
}

/** Whether values of the type are judged against a target, and so have target cells: words and levels are not. */
export const isJudgedType = (def: ValueTypeDef): boolean => def.famille !== "texte" && def.famille !== "echelle";

/** Whether a target or baseline of the model fits the type (a ratio's target is its rate, 0–100). */
export function valueFits(def: ValueTypeDef, v: Valeur): boolean {
  switch (def.famille) {
    case "ouiNon":
      return typeof v === "boolean";
    case "date":
      return typeof v === "string";
    case "texte":
    case "echelle":
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
    libelle: { fr: "Nombre", en: "Count" },
    format: "entier",
    formatCible: "entier",
    plage: { min: 0 },
    entier: true,
    agregations: ["sum", "last", "max", "min", "mean"],
    regle: "rule.count",
    attendu: "validate.what.count",
    saisie: {
      quoi: { fr: "un nombre entier", en: "a whole number" },
      finErreur: { fr: " (pas de décimales ni de texte).", en: " (no decimals, no text)." },
    },
    synonymes: ["nombre", "comptage", "effectif"],
  },
  rate: {
    famille: "nombre",
    libelle: { fr: "Taux (%)", en: "Rate (%)" },
    format: "pourcent",
    formatCible: "pourcent",
    plage: percent,
    pourcent: true,
    agregations: ["mean", "last", "max", "min"],
    regle: "rule.rate",
    attendu: "validate.what.rate",
    saisie: {
      quoi: { fr: "un pourcentage", en: "a percentage" },
      exemple: { fr: " (ex. 12,5 pour 12,5 %)", en: " (e.g. 12.5 for 12.5%)" },
      finErreur: { fr: " : saisir 12,5 pour 12,5 %.", en: ": enter 12.5 for 12.5%." },
    },
    synonymes: ["taux", "pourcentage", "%"],
  },
  ratio: {
    famille: "ratio",
    libelle: { fr: "Ratio (%)", en: "Ratio (%)" },
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
    libelle: { fr: "Oui/Non", en: "Yes/No" },
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
    libelle: { fr: "Montant (€)", en: "Amount (€)" },
    format: "euros",
    formatCible: "euros",
    plage: { min: 0 },
    agregations: ["sum", "last", "max", "min", "mean"],
    regle: "rule.nonNegative",
    attendu: "validate.what.amount",
    saisie: { quoi: { fr: "un montant en euros", en: "an amount in euros" } },
    synonymes: ["montant", "euros", "€"],
  },
  number: {
    famille: "nombre",
    libelle: { fr: "Mesure", en: "Measure" },
    format: "decimal",
    formatCible: "decimal",
    plage: {},
    agregations: ["mean", "sum", "last", "max", "min"],
    regle: "rule.number",
    attendu: "validate.what.number",
    saisie: { quoi: { fr: "un nombre", en: "a number" }, unite: true },
    synonymes: ["mesure", "valeur"],
  },
  text: {
    famille: "texte",
    libelle: { fr: "Texte", en: "Text" },
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
    libelle: { fr: "Date", en: "Date" },
    format: "date",
    formatCible: "date",
    plage: {},
    agregations: ["last", "min", "max"],
    regle: "rule.date",
    attendu: "validate.what.date",
    synonymes: [],
  },
  echelle: {
    famille: "echelle",
    libelle: { fr: "Échelle", en: "Scale" },
    format: "niveau",
    formatCible: "niveau",
    plage: {},
    agregations: ["count"],
    regle: "rule.none",
    attendu: "validate.what.echelle",
    synonymes: ["echelle"],
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

/**
 * What a value of each indicator type may be, and which aggregations make sense.
 * The model checks (targets, baselines, bounds) and, later, the validation of
 * entered values use these same rules.
 */
import type { MessageKey } from "../i18n";
import type { Agregation, Valeur, ValueType } from "./schema";

/** The rule a target or baseline must follow for a type (a ratio's target is its rate). */
export const RULE_OF_TYPE: Record<ValueType, MessageKey> = {
  count: "rule.count",
  rate: "rule.rate",
  ratio: "rule.rate",
  amount: "rule.nonNegative",
  number: "rule.number",
  boolean: "rule.boolean",
  date: "rule.date",
  text: "rule.none",
  echelle: "rule.none",
};

/** Whether a target/baseline value fits the type (a ratio's target is its rate, 0–100). */
export function valueFitsType(type: ValueType, v: Valeur): boolean {
  switch (type) {
    case "count":
      return typeof v === "number" && Number.isInteger(v) && v >= 0;
    case "rate":
    case "ratio":
      return typeof v === "number" && v >= 0 && v <= 100;
    case "amount":
      return typeof v === "number" && v >= 0;
    case "number":
      return typeof v === "number";
    case "boolean":
      return typeof v === "boolean";
    case "date":
      return typeof v === "string";
    case "text":
    case "echelle":
      return false;
  }
}

/** Numeric range a type allows, for checking model bounds. */
export const TYPE_RANGE: Partial<Record<ValueType, { min?: number; max?: number }>> = {
  count: { min: 0 },
  rate: { min: 0, max: 100 },
  ratio: { min: 0, max: 100 },
  amount: { min: 0 },
};

/**
 * Aggregations that make sense per type. Rates never sum; ratios roll up from
 * their summed parts (DESIGN §5); text is only counted.
 */
export const ALLOWED_AGREGATIONS: Record<ValueType, readonly Agregation[]> = {
  count: ["sum", "last", "max", "min", "mean"],
  amount: ["sum", "last", "max", "min", "mean"],
  number: ["mean", "sum", "last", "max", "min"],
  rate: ["mean", "last", "max", "min"],
  ratio: ["ratio", "last"],
  boolean: ["share", "last"],
  date: ["last", "min", "max"],
  text: ["count"],
  echelle: ["count"],
};

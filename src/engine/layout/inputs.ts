/**
 * What an input cell of each value type accepts: its style and its Excel data
 * validation, with prompts and error texts in the workbook's language, from the table of value types
 * (model/valueTypes.ts). Model bounds narrow the range.
 */
import type { Indicateur, Schema, ValueType } from "../../model/schema";
import { valueType, type Format } from "../../model/valueTypes";
import { ouiNon, statuts } from "../../model/vocabulaire";
import type { ValidationPlan, ValidationRule } from "../plan";
import type { Requirable } from "./styles";
import { a1 } from "../../util/a1";
import { numberOf, wordsOf, type Words } from "./words";

export const TEXT_MAX = 1000;

/** What the « Type » column shows: the value type's label (model/valueTypes.ts), in the workbook's language. */
export const typeLabel = (w: Words, type: ValueType): string => valueType(type).libelle[w.lang];

/** The expected direction, in the Sens column (none: empty). */
export const sensLabel = (w: Words, sens: Indicateur["sens"]): string => (sens === "aucun" ? "" : w(`sens.${sens}`));

/** The cell style of each number format of the table of value types. */
export const FORMAT_STYLE: Record<Format, Requirable> = {
  entier: "inputCount",
  pourcent: "inputRate",
  decimal: "inputDecimal",
  euros: "inputAmount",
  ouiNon: "inputBoolean",
  date: "inputDate",
  texte: "inputText",
  niveau: "inputBoolean",
};

/** The style of a value cell of the type. */
export const inputStyle = (type: ValueType): Requirable => FORMAT_STYLE[valueType(type).format];

function between(w: Words, min: number | undefined, max: number | undefined): string {
  const n = (x: number) => numberOf(w.lang, x, 10);
  if (min !== undefined && max !== undefined) return w("input.between", { min: n(min), max: n(max) });
  if (min !== undefined) return w("input.atLeast", { min: n(min) });
  if (max !== undefined) return w("input.atMost", { max: n(max) });
  return "";
}

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
  w: Words = wordsOf(),
  part?: { part: "numerateur" | "denominateur"; other: { rows: number; cols: number } },
): ValidationPlan {
  const title = ind.libelle.slice(0, 32);
  const { rule, what, error } = accepted(schema, ind, w, part);
  return {
    ranges,
    rule,
    allowBlank: true,
    prompt: {
      title: title.length < ind.libelle.length ? `${title.slice(0, 31)}…` : title,
      message: w("input.prompt", { what }).slice(0, 255),
    },
    error: { style: "stop", title: w("input.refused"), message: error.slice(0, 255) },
  };
}

/** What a value cell accepts: its rule, what to type (« un nombre entier ≥ 0 ») and the error's text. */
export function accepted(
  schema: Schema,
  ind: Indicateur,
  w: Words,
  part?: { part: "numerateur" | "denominateur"; other: { rows: number; cols: number } },
): { rule: ValidationRule; what: string; error: string } {
  const make = (rule: ValidationRule, what: string, error: string) => ({ rule, what, error });
  if (part) {
    const numerator = part.part === "numerateur";
    const label = (numerator ? ind.numerateur?.libelle : ind.denominateur?.libelle) ?? "";
    return make(
      { type: "ratioPart", ...part },
      w(numerator ? "input.numerateur" : "input.denominateur", { label }),
      w("input.ratioError"),
    );
  }
  const { debut, fin } = schema.periode;
  const def = valueType(ind.type);
  switch (def.famille) {
    case "nombre": {
      const r = narrowed(def.plage, ind);
      const quoi = def.saisie?.quoi[w.lang] ?? w("input.number");
      // Words joined without the empty ones: no unit and no bounds must not leave double spaces.
      const what = [
        quoi,
        def.saisie?.unite && ind.unite ? w("input.numberUnit", { unite: ind.unite }) : "",
        between(w, r.min, r.max),
      ]
        .filter(Boolean)
        .join(" ");
      const fin = def.saisie?.finErreur?.[w.lang] ?? ".";
      return make(
        { type: def.entier ? "whole" : "decimal", ...r },
        `${what}${def.saisie?.exemple?.[w.lang] ?? ""}`,
        w("input.expected", { what: `${what.charAt(0).toUpperCase()}${what.slice(1)}`, fin }),
      );
    }
    case "ouiNon": {
      const [oui, non] = ouiNon(w.lang);
      return make(
        { type: "list", values: [oui, non] },
        w("input.boolean", { oui, non }),
        w("input.booleanError", { oui, non }),
      );
    }
    case "echelle": {
      const list = (ind.echelle ?? []).join(", ");
      return make(
        { type: "list", values: ind.echelle ?? [] },
        w("input.echelle", { list }),
        w("input.echelleError", { list }),
      );
    }
    case "date":
      return make(
        { type: "date", min: `${debut}-01-01`, max: `${fin}-12-31` },
        w("input.date", { debut, fin }),
        w("input.dateError", { debut, fin }),
      );
    case "texte":
    case "ratio":
      return make(
        { type: "textLength", max: TEXT_MAX },
        w("input.text", { max: TEXT_MAX }),
        w("input.textError", { max: TEXT_MAX }),
      );
  }
}

export function statusValidation(ranges: string[], w: Words = wordsOf()): ValidationPlan {
  const list = statuts(w.lang);
  return {
    ranges,
    rule: { type: "list", values: list },
    allowBlank: true,
    prompt: { title: w("input.statutTitle"), message: w("input.statutPrompt", { list: list.join(", ") }) },
    error: {
      style: "stop",
      title: w("input.statutErrorTitle"),
      message: w("input.statutError", { list: list.join(", ") }),
    },
  };
}

export function textValidation(ranges: string[], what: string, w: Words = wordsOf()): ValidationPlan {
  return {
    ranges,
    rule: { type: "textLength", max: TEXT_MAX },
    allowBlank: true,
    prompt: { title: what, message: w("input.freeText", { max: TEXT_MAX }) },
    // Stop, not warning: validate counts a longer text as an erreur, so Excel must not let one through.
    error: { style: "stop", title: w("input.tooLongTitle"), message: w("input.tooLong", { max: TEXT_MAX }) },
  };
}

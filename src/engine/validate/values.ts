/**
 * The entered values, cell by cell: type, range, ratio parts, calendar
 * statuses. One finding per cell at most (the first rule that fails), so a
 * wrong value is reported once with its best explanation.
 */
import type { Indicateur, Schema } from "../../model/schema";
import { valueType } from "../../model/valueTypes";
import { parsePeriode } from "../../model/periods";
import { asDate } from "../../util/excelDate";
import { TEXT_MAX } from "../layout/inputs";
import { ouiNon, readOuiNon, readStatut, statuts, statutWord } from "../../model/vocabulaire";
import type { CellBinding } from "../plan";
import type { SnapValue } from "../snapshot";
import { phrase, type Lang, type Params, type Phrase } from "../../i18n";
import { num } from "../../i18n/numbers";
import { expecting, finding, type Expected, type Finding, type RuleId } from "./findings";
import type { NodeInfo } from "../../model/nodes";
import { placeOf, type Located } from "./locate";
import { textIs } from "../rollup/excel";

const fr = num;

/** What a value cell of this type expects, in words (the table of value types). */
const what = (type: string): Phrase => phrase(valueType(type).attendu);

export function boundsText(min?: number, max?: number): Expected {
  if (min !== undefined && max !== undefined)
    return phrase("validate.expected.boundsBoth", { min: fr(min), max: fr(max) });
  if (min !== undefined) return phrase("validate.expected.atLeast", { min: fr(min) });
  return phrase("validate.expected.atMost", { max: fr(max!) });
}

/** A French date typed as text (`15/03/2024`, `15-03-2024`, `15.03.2024`) as `YYYY-MM-DD`, if it is a real day. */
function textDate(v: SnapValue): string | undefined {
  const m = typeof v === "string" ? /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$/.exec(v) : null;
  if (!m) return undefined;
  const day = `${m[3]}-${m[2]!.padStart(2, "0")}-${m[1]!.padStart(2, "0")}`;
  const parsed = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(day) ? day : undefined;
}

type Check = { rule: RuleId; params: Params; expected: Expected } | undefined;

/**
 * A word of the workbook's list typed in another language (« Réalisé » in an English workbook): understood, but
 * its live formulas, which compare with the workbook's words, do not count it.
 */
function otherLanguage(v: SnapValue, word: string): Check {
  return { rule: "type.autre-langue", params: { value: String(v), word }, expected: word };
}

/** A value of an indicator cell (valeur of any year, or a ratio part), in a workbook of language `lang`. */
export function checkValue(
  ind: Indicateur,
  kind: CellBinding["kind"],
  v: SnapValue,
  schema: Schema,
  lang: Lang = "fr",
): Check {
  const part = kind === "numerateur" || kind === "denominateur";
  // A ratio's part is a number ≥ 0, as an amount is.
  const type = part ? "amount" : ind.type;
  const def = valueType(type);
  const { debut, fin } = schema.periode;
  switch (def.famille) {
    case "ouiNon": {
      const answer = readOuiNon(String(v), lang);
      if (answer === undefined)
        return {
          rule: "type.hors-liste",
          params: { value: String(v), list: ouiNon(lang).join(", ") },
          expected: what(type),
        };
      return readOuiNon(String(v), lang, true) === undefined
        ? otherLanguage(v, ouiNon(lang)[answer ? 0 : 1])
        : undefined;
    }
    // The levels are the schéma's own words, the same in every language of the workbook.
    case "echelle": {
      const levels = ind.echelle ?? [];
      return levels.some((x) => textIs(v, x))
        ? undefined
        : { rule: "type.hors-liste", params: { value: String(v), list: levels.join(", ") }, expected: what(type) };
    }
    case "texte":
      return String(v).length > TEXT_MAX
        ? {
            rule: "type.texte-trop-long",
            params: { length: String(v).length, max: TEXT_MAX },
            expected: phrase("validate.expected.maxChars", { max: TEXT_MAX }),
          }
        : undefined;
    case "date": {
      const inRange = (day: string | undefined) =>
        day !== undefined && day >= `${debut}-01-01` && day <= `${fin}-12-31`;
      if (inRange(asDate(v))) return undefined;
      // `15/03/2024` typed into a cell Excel did not take as a date: the date is right, its being text is not.
      if (inRange(textDate(v)))
        return {
          rule: "type.date-en-texte",
          params: { value: String(v) },
          expected: phrase("validate.expected.dateNotText"),
        };
      return {
        rule: "type.date",
        params: { value: String(v), debut, fin },
        expected: phrase("validate.expected.dateRange", { debut, fin }),
      };
    }
    case "nombre":
    case "ratio": {
      const expected = part ? what("number") : what(type);
      if (typeof v !== "number")
        return { rule: "type.texte-au-lieu-de-nombre", params: { value: String(v), what: expected }, expected };
      if (def.entier && !Number.isInteger(v)) return { rule: "type.decimales", params: { value: fr(v) }, expected };
      if (v < 0 && def.plage.min !== undefined && def.plage.min >= 0)
        return { rule: "plage.negatif", params: { value: fr(v) }, expected: "≥ 0" };
      if (def.pourcent && v > 100) {
        const hint = v <= 10_000 ? phrase("validate.range.rateHint", { value: fr(v / 100) }) : "";
        return {
          rule: "plage.taux-sup-100",
          params: { value: fr(v), hint },
          expected: phrase("validate.expected.percent"),
        };
      }
      const { min, max } = ind.bornes ?? {};
      if (!part && ((min !== undefined && v < min) || (max !== undefined && v > max)))
        return {
          rule: "plage.bornes",
          params: { value: fr(v), bounds: boundsText(min, max) },
          expected: boundsText(min, max),
        };
      if (def.pourcent && v > 0 && v < 1 && !Number.isInteger(v))
        return {
          rule: "type.proportion",
          params: { value: fr(v), percent: fr(v * 100) },
          expected: phrase("validate.expected.percent"),
        };
      return undefined;
    }
  }
}

/** Numerator and denominator of one year, once both are valid numbers. */
export function checkRatio(
  num: { b: CellBinding; at: Located; v: number },
  den: { b: CellBinding; at: Located; v: number },
  info: NodeInfo | undefined,
): Finding | undefined {
  if (den.v === 0 && num.v !== 0)
    return {
      ...finding("plage.denominateur-nul", placeOf(den.b, den.at, info, den.v), { num: fr(num.v) }),
      expected: "> 0",
    };
  if (num.v > den.v)
    return {
      ...finding("plage.numerateur-sup-denominateur", placeOf(num.b, num.at, info, num.v), {
        num: fr(num.v),
        den: fr(den.v),
      }),
      ...expecting(phrase("validate.expected.atMost", { max: fr(den.v) })),
    };
  return undefined;
}

/**
 * A calendar status of an input cell (a planned period up to the campaign year: those after it are no inputs,
 * see horsPrevision.ts): in the list, and coherent with the campaign year.
 */
export function checkStatut(v: SnapValue, period: string, campaignYear: number, lang: Lang = "fr"): Check {
  // Case aside, as Excel compares a typed entry with its list, and as the rollups count it (rollup/excel.ts textIs).
  const statut = readStatut(String(v), lang);
  const list = statuts(lang).join(", ");
  if (!statut) return { rule: "type.hors-liste", params: { value: String(v), list }, expected: list };
  const year = parsePeriode(period)?.year ?? campaignYear;
  if (statut === "nonCommence" && year < campaignYear)
    return {
      rule: "calendrier.non-commence-passe",
      params: { period, year: campaignYear },
      expected: `${statutWord("realise", lang)}, ${statutWord("enCours", lang)}…`,
    };
  if (readStatut(String(v), lang, true) === undefined) return otherLanguage(v, statutWord(statut, lang));
  return undefined;
}

/**
 * The entered values, cell by cell: type, range, ratio parts, calendar
 * statuses. One finding per cell at most (the first rule that fails), so a
 * wrong value is reported once with its best explanation.
 */
import type { Indicateur, Schema } from "../../model/schema";
import { parsePeriode } from "../../model/periods";
import { dayOfSerial } from "../../util/excelDate";
import { OUI_NON, STATUTS, TEXT_MAX } from "../layout/inputs";
import type { CellBinding } from "../plan";
import type { SnapValue } from "../snapshot";
import { phrase, type Params, type Phrase } from "../../i18n";
import { num } from "../../i18n/numbers";
import { expecting, finding, type Expected, type Finding, type RuleId } from "./findings";
import { placeOf, type Located, type NodeInfo } from "./locate";

const fr = num;

/** What a number cell of this indicator expects, in words. */
const WHAT: Record<Indicateur["type"], Phrase> = {
  count: phrase("validate.what.count"),
  rate: phrase("validate.what.rate"),
  ratio: phrase("validate.what.ratio"),
  amount: phrase("validate.what.amount"),
  number: phrase("validate.what.number"),
  boolean: phrase("validate.what.boolean"),
  date: phrase("validate.what.date"),
  text: phrase("validate.what.text"),
  echelle: phrase("validate.what.echelle"),
};

export function boundsText(min?: number, max?: number): Expected {
  if (min !== undefined && max !== undefined)
    return phrase("validate.expected.boundsBoth", { min: fr(min), max: fr(max) });
  if (min !== undefined) return phrase("validate.expected.atLeast", { min: fr(min) });
  return phrase("validate.expected.atMost", { max: fr(max!) });
}

/** A date cell's value as `YYYY-MM-DD`, or undefined when it is no date. */
export function asDate(v: SnapValue): string | undefined {
  if (typeof v === "number" && v > 0 && v < 2958466) return dayOfSerial(v);
  if (typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v))) return v;
  return undefined;
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

/** A value of an indicator cell (valeur of any year, or a ratio part). */
export function checkValue(ind: Indicateur, kind: CellBinding["kind"], v: SnapValue, schema: Schema): Check {
  const part = kind === "numerateur" || kind === "denominateur";
  const type = part ? "amount" : ind.type;
  const { debut, fin } = schema.periode;
  switch (type) {
    case "boolean":
      return OUI_NON.some((x) => x.toLowerCase() === String(v).trim().toLowerCase())
        ? undefined
        : { rule: "type.hors-liste", params: { value: String(v), list: OUI_NON.join(", ") }, expected: WHAT.boolean };
    case "echelle": {
      const levels = ind.echelle ?? [];
      return levels.some((x) => x.toLocaleLowerCase("fr") === String(v).trim().toLocaleLowerCase("fr"))
        ? undefined
        : { rule: "type.hors-liste", params: { value: String(v), list: levels.join(", ") }, expected: WHAT.echelle };
    }
    case "text":
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
    default: {
      const what = part ? WHAT.number : WHAT[type];
      if (typeof v !== "number")
        return { rule: "type.texte-au-lieu-de-nombre", params: { value: String(v), what }, expected: what };
      if (type === "count" && !Number.isInteger(v))
        return { rule: "type.decimales", params: { value: fr(v) }, expected: WHAT.count };
      if (v < 0 && type !== "number") return { rule: "plage.negatif", params: { value: fr(v) }, expected: "≥ 0" };
      if (type === "rate" && v > 100) {
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
      if (type === "rate" && v > 0 && v < 1 && !Number.isInteger(v))
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
export function checkStatut(v: SnapValue, period: string, campaignYear: number): Check {
  // Case aside, as Excel compares a typed entry with its list, and as the rollups count it (rollup/excel.ts textIs).
  const text = STATUTS.find((s) => s.toLowerCase() === String(v).trim().toLowerCase());
  if (!text)
    return {
      rule: "type.hors-liste",
      params: { value: String(v), list: STATUTS.join(", ") },
      expected: STATUTS.join(", "),
    };
  const year = parsePeriode(period)?.year ?? campaignYear;
  if (text === "Non commencé" && year < campaignYear)
    return {
      rule: "calendrier.non-commence-passe",
      params: { period, year: campaignYear },
      expected: "Réalisé, En cours…",
    };
  return undefined;
}

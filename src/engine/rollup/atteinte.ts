/**
 * Whether an indicator met its target of a year: one word per indicator row,
 * « Atteinte », « Non atteinte », « Non renseignée » (a target and no value
 * to judge) or « Sans cible », and the count of targets met over targets set
 * up the levels (a ratio of sums, never a mean of scores). The rule, by type
 * and expected direction:
 * - hausse (and no direction): value ≥ target; baisse: value ≤ target;
 *   stable: |value − target| ≤ 5 % of |target| (TOLERANCE_STABLE);
 * - a ratio is judged on its rate (0–100), like a rate;
 * - Oui/Non: the answer is the target's;
 * - date: value ≤ target (a deadline, met on or before the day);
 * - text: never judged (no word).
 * A target is what the row's target cell holds: a number (a number typed as
 * text, « 12,5 », is not one), Oui/Non for a yes/no, a date for a date.
 *
 * The engine's judgement and the formula the layout writes are made here side by side.
 */
import { t, type Lang } from "../../i18n";
import { familleOf, isJudgedType, valueType } from "../../model/valueTypes";
import type { Indicateur, Valeur } from "../../model/schema";
import { CANONICAL, ouiNon, readOuiNon } from "../../model/vocabulaire";
import { excelSerial } from "../../util/excelDate";
import { atMost, numberOf, type CellValue } from "./excel";

/** How far from its target a « stable » value may be and still meet it, as a share of the target. */
export const TOLERANCE_STABLE = 0.05;

export const JUGEMENT_KEYS = ["atteinte", "nonAtteinte", "nonRenseignee", "sansCible"] as const;
export type Jugement = (typeof JUGEMENT_KEYS)[number];

/** The word of a judgement in a workbook of this language (« Atteinte », "Met"). */
export const jugementWord = (j: Jugement, lang: Lang = CANONICAL): string => t(lang, `workbook.jugement.${j}`);
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Whether an indicator of this type is ever judged against a target. */
export const isJudged = (ind: Indicateur): boolean => isJudgedType(valueType(ind.type));

/** What a target of the model looks like in its cell: Oui/Non (in the workbook's language) for a boolean, a day number for a date. */
export function targetCell(ind: Indicateur, cible: Valeur | undefined, lang: Lang = CANONICAL): CellValue {
  if (typeof cible === "boolean") return ouiNon(lang)[cible ? 0 : 1];
  if (familleOf(ind.type) === "date" && typeof cible === "string" && ISO_DAY.test(cible)) return excelSerial(cible);
  return cible;
}

/** A date cell as read back (a day number, or `YYYY-MM-DD`) as a day number. */
const dayNumber = (v: CellValue): number | undefined =>
  typeof v === "string" && ISO_DAY.test(v) ? excelSerial(v) : numberOf(v);

/** `TRIM(cell)="Oui"`: the words of the workbook's language only, as its formula reads them. */
const yesNo = (v: CellValue, lang: Lang): boolean | undefined =>
  typeof v === "string" ? readOuiNon(v, lang, true) : undefined;

/**
 * `value` is the cell's value (for a ratio: its rate), `target` the target cell's (see `targetCell`).
 * Undefined for a type never judged.
 */
export function judge(
  ind: Indicateur,
  value: CellValue,
  target: CellValue,
  lang: Lang = CANONICAL,
): Jugement | undefined {
  if (!isJudged(ind)) return undefined;
  if (familleOf(ind.type) === "ouiNon") {
    const [t, v] = [yesNo(target, lang), yesNo(value, lang)];
    if (t === undefined) return "sansCible";
    if (v === undefined) return "nonRenseignee";
    return v === t ? "atteinte" : "nonAtteinte";
  }
  const [t, v] =
    familleOf(ind.type) === "date" ? [numberOf(target), dayNumber(value)] : [numberOf(target), numberOf(value)];
  if (t === undefined) return "sansCible";
  if (v === undefined) return "nonRenseignee";
  const met =
    familleOf(ind.type) === "date" || ind.sens === "baisse"
      ? atMost(v, t)
      : ind.sens === "stable"
        ? atMost(Math.abs(v - t), TOLERANCE_STABLE * Math.abs(t))
        : atMost(t, v);
  return met ? "atteinte" : "nonAtteinte";
}

/**
 * The judgement as a formula over the value cell `v` and the target cell `t` of the same row, in the words of the
 * workbook's language; none when never judged.
 */
export function judgementFormula(ind: Indicateur, v: string, t: string, lang: Lang = CANONICAL): string | undefined {
  if (!isJudged(ind)) return undefined;
  const W = (j: Jugement) => jugementWord(j, lang);
  const word = (cond: string) => `IF(${cond},"${W("atteinte")}","${W("nonAtteinte")}")`;
  if (familleOf(ind.type) === "ouiNon") {
    const [OUI, NON] = ouiNon(lang);
    const isYesNo = (c: string) => `OR(TRIM(${c})="${OUI}",TRIM(${c})="${NON}")`;
    return `=IF(NOT(${isYesNo(t)}),"${W("sansCible")}",IF(NOT(${isYesNo(v)}),"${W("nonRenseignee")}",${word(`TRIM(${v})=TRIM(${t})`)}))`;
  }
  const cond =
    familleOf(ind.type) === "date" || ind.sens === "baisse"
      ? `${v}<=${t}`
      : ind.sens === "stable"
        ? `ABS(${v}-${t})<=${TOLERANCE_STABLE}*ABS(${t})`
        : `${v}>=${t}`;
  return `=IF(NOT(ISNUMBER(${t})),"${W("sansCible")}",IF(NOT(ISNUMBER(${v})),"${W("nonRenseignee")}",${word(cond)}))`;
}

/** The 1/0 helper cells of a row over its word cell `w`: target met, target set. */
export function judgementCounts(w: string, lang: Lang = CANONICAL): { atteinte: string; fixee: string } {
  return {
    atteinte: `=IF(${w}="${jugementWord("atteinte", lang)}",1,0)`,
    fixee: `=IF(OR(${w}="",${w}="${jugementWord("sansCible", lang)}"),0,1)`,
  };
}

/**
 * Target achievement of an indicator for a year, a score in [0, 1], when the
 * year has both a value and a target:
 * - hausse: value / target (reaching or passing the target gives 1);
 * - baisse: target / value (at or under the target gives 1);
 * - stable or no direction: 1 − |value − target| / |target| (a gap as large
 *   as the target itself, or larger, gives 0);
 * - a zero or negative target (where a quotient means nothing): 1 when the
 *   value is on the right side of it (or equal to it, for stable), else 0;
 * - yes/no: 1 when the answer is the target's, 0 when it is the other one.
 * Scores are capped to [0, 1] so that one indicator far above its target
 * cannot make up for others in a mean. A ratio is scored on its rate.
 *
 * The engine's score and the formula the layout writes are made here side by side.
 */
import { OUI_NON } from "../layout/inputs";
import type { Indicateur, Valeur } from "../../model/schema";
import { numberOf, textIs, type CellValue } from "./excel";

const NUMERIC = new Set<Indicateur["type"]>(["count", "rate", "ratio", "amount", "number"]);
const [OUI, NON] = OUI_NON;

/** The target an indicator can be scored against: numbers for measures, yes/no for booleans. */
export function scorableTarget(ind: Indicateur, target: Valeur | undefined): number | boolean | undefined {
  if (NUMERIC.has(ind.type) && typeof target === "number") return target;
  if (ind.type === "boolean" && typeof target === "boolean") return target;
  return undefined;
}

/** `value` is the cell's value (for a ratio: its rate). */
export function achievement(ind: Indicateur, value: CellValue, target: Valeur | undefined): number | undefined {
  const t = scorableTarget(ind, target);
  if (typeof t === "boolean") {
    const [yes, no] = t ? [OUI, NON] : [NON, OUI];
    return textIs(value, yes) ? 1 : textIs(value, no) ? 0 : undefined;
  }
  const v = numberOf(value);
  if (t === undefined || v === undefined) return undefined;
  switch (ind.sens) {
    case "hausse":
      return t > 0 ? Math.min(1, Math.max(0, v / t)) : v >= t ? 1 : 0;
    case "baisse":
      return t > 0 ? (v <= t ? 1 : t / v) : v <= t ? 1 : 0;
    default:
      return t !== 0 ? Math.max(0, 1 - Math.abs(v - t) / Math.abs(t)) : v === 0 ? 1 : 0;
  }
}

/** The score as a formula over the value cell `v` and the target cell `t` of the same row; none when unscorable. */
export function achievementFormula(
  ind: Indicateur,
  target: Valeur | undefined,
  v: string,
  t: string,
): string | undefined {
  const goal = scorableTarget(ind, target);
  if (goal === undefined) return undefined;
  if (typeof goal === "boolean") {
    const [yes, no] = goal ? [OUI, NON] : [NON, OUI];
    return `=IF(TRIM(${v})="${yes}",1,IF(TRIM(${v})="${no}",0,""))`;
  }
  let score: string;
  switch (ind.sens) {
    case "hausse":
      score = goal > 0 ? `MIN(1,MAX(0,${v}/${t}))` : `IF(${v}>=${t},1,0)`;
      break;
    case "baisse":
      score = goal > 0 ? `IF(${v}<=${t},1,${t}/${v})` : `IF(${v}<=${t},1,0)`;
      break;
    default:
      score = goal !== 0 ? `MAX(0,1-ABS(${v}-${t})/ABS(${t}))` : `IF(${v}=0,1,0)`;
  }
  return `=IF(ISNUMBER(${v}),${score},"")`;
}

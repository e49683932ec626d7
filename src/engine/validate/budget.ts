/**
 * The budget amounts of a fiche: each one a number of euros from 0 to
 * 999 999 999,99, and the campaign's stages in order — engagé ≤ voté,
 * mandaté ≤ engagé. The order is only a warning: finance staff may commit or
 * pay on credits or commitments of earlier years (restes à réaliser).
 */
import { MONTANT_MAX } from "../../model/schema";
import { formatEuros } from "../../util/euros";
import { formatFrenchNumber } from "../../util/frenchNumber";
import type { PlanMeta } from "../plan";
import { budgetKey } from "../rollup/budget";
import type { SnapValue } from "../snapshot";
import { phrase, type Params } from "../../i18n";
import { finding, type Expected, type Finding, type RuleId } from "./findings";
import { placeOf, type Location, type NodeInfo } from "./locate";

type Check = { rule: RuleId; params: Params; expected: Expected } | undefined;

/** One amount cell (any stage, any year). */
export function checkMontant(v: SnapValue): Check {
  if (typeof v !== "number")
    return {
      rule: "type.texte-au-lieu-de-nombre",
      params: { value: String(v), what: phrase("validate.what.amount") },
      expected: phrase("validate.what.amount"),
    };
  if (v < 0) return { rule: "plage.negatif", params: { value: formatFrenchNumber(v) }, expected: "≥ 0" };
  if (v > MONTANT_MAX)
    return {
      rule: "plage.montant-max",
      params: { value: formatEuros(v), max: formatEuros(MONTANT_MAX) },
      expected: `≤ ${formatEuros(MONTANT_MAX)}`,
    };
  return undefined;
}

/** The campaign's stages of each fiche, from the amounts that passed `checkMontant` (`numbers`, by binding key). */
export function checkBudgetStages(
  meta: PlanMeta,
  location: Location,
  nodes: Map<string, NodeInfo>,
  numbers: Map<string, number>,
): Finding[] {
  const out: Finding[] = [];
  const year = meta.campaignYear;
  const pairs = [
    ["engage", "vote", "budget.engage-sup-vote"],
    ["mandate", "engage", "budget.mandate-sup-engage"],
  ] as const;
  for (const fiche of meta.fiches)
    for (const [stage, before, rule] of pairs) {
      const key = budgetKey(fiche, stage, year);
      const v = numbers.get(key);
      const limit = numbers.get(budgetKey(fiche, before, year));
      const b = meta.bindings.find((x) => x.key === key);
      const at = location.cells.get(key);
      if (v === undefined || limit === undefined || v <= limit || !b || !at) continue;
      out.push({
        ...finding(rule, placeOf(b, at, nodes.get(fiche), v), {
          fiche: nodes.get(fiche)?.label ?? fiche,
          year,
          [stage]: formatEuros(v),
          [before]: formatEuros(limit),
        }),
        expected: `≤ ${formatEuros(limit)}`,
      });
    }
  return out;
}

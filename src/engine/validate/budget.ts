/**
 * The budget amounts of a fiche: each one a number of euros from 0 to
 * 999 999 999,99, and the campaign's stages in order — engagé ≤ voté,
 * mandaté ≤ engagé. The order is only a warning: finance staff may commit or
 * pay on credits or commitments of earlier years (restes à réaliser).
 */
import { MONTANT_MAX } from "../../model/schema";
import type { PlanMeta } from "../plan";
import { budgetKey } from "../rollup/budget";
import type { SnapValue } from "../snapshot";
import { phrase, type Params } from "../../i18n";
import { euros, num } from "../../i18n/numbers";
import { expecting, finding, type Expected, type Finding, type RuleId } from "./findings";
import type { NodeInfo } from "../../model/nodes";
import { placeOf, type Location } from "./locate";
import type { BindingOf } from "../plan";

type Check = { rule: RuleId; params: Params; expected: Expected } | undefined;

/** One amount cell (any stage, any year). */
export function checkMontant(v: SnapValue): Check {
  if (typeof v !== "number")
    return {
      rule: "type.texte-au-lieu-de-nombre",
      params: { value: String(v), what: phrase("validate.what.amount") },
      expected: phrase("validate.what.amount"),
    };
  if (v < 0) return { rule: "plage.negatif", params: { value: num(v) }, expected: "≥ 0" };
  if (v > MONTANT_MAX)
    return {
      rule: "plage.montant-max",
      params: { value: euros(v), max: euros(MONTANT_MAX) },
      expected: phrase("validate.expected.atMost", { max: euros(MONTANT_MAX) }),
    };
  return undefined;
}

/** The campaign's stages of each fiche, from the amounts that passed `checkMontant` (`numbers`, by binding key). */
export function checkBudgetStages(
  meta: PlanMeta,
  location: Location,
  nodes: Map<string, NodeInfo>,
  numbers: Map<string, number>,
  bindingOf: BindingOf,
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
      if (v === undefined || limit === undefined || v <= limit) continue;
      const b = bindingOf(key);
      const at = location.cells.get(key);
      if (!b || !at) continue;
      out.push({
        ...finding(rule, placeOf(b, at, nodes.get(fiche), v), {
          fiche: nodes.get(fiche)?.label ?? fiche,
          year,
          [stage]: euros(v),
          [before]: euros(limit),
        }),
        ...expecting(phrase("validate.expected.atMost", { max: euros(limit) })),
      });
    }
  return out;
}

/**
 * The built-in fiche action 5 with a fifth partenaire (« PMI », associated to its one fiche): a model whose
 * register of returns expects exactly five returns, one per partner cut. Partner workbooks are generated,
 * filled as a careful partner would, and one count set to what the test needs.
 */
import { loadBuiltin } from "../../src/model/builtins";
import { parseSchema } from "../../src/model/parse";
import type { Schema } from "../../src/model/schema";
import type { WorkbookPlan } from "../../src/engine/plan";
import type { Lang } from "../../src/i18n";
import { fillValid } from "./fill";
import { planOf, setInput } from "./plans";

export function fivePartners(): Schema {
  const base = structuredClone(loadBuiltin("fiche_action_5_2022_2026"));
  base.partenaires.push({ id: "p_pmi", nom: "PMI" } as Schema["partenaires"][number]);
  base.axes[0]!.fiches[0]!.partenaires.push("p_pmi");
  const parsed = parseSchema(base);
  if (!parsed.ok) throw new Error(parsed.errors.map((e) => e.message).join("; "));
  return parsed.schema;
}

/** A count indicator of the fiche and its key for the campaign the plans are made for (planOf: third year). */
export function countKey(schema: Schema): string {
  const ind = schema.axes[0]!.fiches[0]!.indicateurs.find((i) => i.type === "count")!;
  return `${ind.id}@valeur:${schema.periode.debut + 2}`;
}

/**
 * A partner's workbook, filled (in its language: French by default), with `value` in the count (a negative count
 * is an error for validate).
 */
export function partnerPlan(schema: Schema, partner: string, value: number, lang?: Lang): WorkbookPlan {
  const plan = fillValid(
    planOf(schema, { cut: { kind: "partenaire", id: partner }, ...(lang ? { lang } : {}) }),
    schema,
  );
  setInput(plan, countKey(schema), value);
  return plan;
}

/**
 * The checks of a model's rules (`regles`): each side reads (expression.ts), names indicators that hold numbers
 * and fiches or sous-actions that exist, and its years fall in the schéma; ids are unique; placeholders of the
 * message name something the rule has.
 */
import { issue, type ModelIssue, type PathSegment } from "./issues";
import { parseExpression, referencesOf, type Expr, type SyntaxError } from "./expression";
import type { Regle, Schema } from "./schema";
import { phrase } from "../i18n";
import { familleOf } from "./valueTypes";

/** `{gauche}`, `{droite}`, `{fa_6.ind_2}`, `{fa_6.ind_2[Y-1]}`: the placeholders of a rule's message. */
export const PLACEHOLDER = /\{([^{}]+)\}/g;

/** Both sides of a rule, read; or the first syntax error with its side. */
export function parseRegle(
  r: Pick<Regle, "gauche" | "droite">,
): { ok: true; gauche: Expr; droite: Expr } | { ok: false; side: "gauche" | "droite"; error: SyntaxError } {
  const g = parseExpression(r.gauche);
  if (!g.ok) return { ok: false, side: "gauche", error: g.error };
  const d = parseExpression(r.droite);
  if (!d.ok) return { ok: false, side: "droite", error: d.error };
  return { ok: true, gauche: g.expr, droite: d.expr };
}

export function checkRegles(schema: Schema, errors: ModelIssue[], warnings: ModelIssue[]): void {
  const { debut, fin } = schema.periode;
  const indicateurs = new Map(schema.axes.flatMap((a) => a.fiches.flatMap((f) => f.indicateurs.map((i) => [i.id, i]))));
  const groupes = new Set(
    schema.axes.flatMap((a) => a.fiches.flatMap((f) => [f.id, ...f.sousActions.map((s) => s.id)])),
  );
  const seen = new Map<string, number>();
  schema.regles.forEach((r, i) => {
    const path: PathSegment[] = ["regles", i];
    const other = seen.get(r.id);
    if (other !== undefined)
      errors.push(issue([...path, "id"], "check.duplicateId", { id: r.id, other: `regles[${other}]` }));
    else seen.set(r.id, i);
    const parsed = parseRegle(r);
    if (!parsed.ok) {
      const { side, error } = parsed;
      errors.push(issue([...path, side], "check.regle.syntax", syntaxParams(r.id, error)));
      return;
    }
    const names = new Set(["gauche", "droite"]);
    for (const side of ["gauche", "droite"] as const)
      for (const ref of referencesOf(parsed[side])) {
        names.add(ref.text);
        names.add(ref.id);
        const where = [...path, side];
        if (ref.kind === "compte") {
          if (!groupes.has(ref.id)) errors.push(issue(where, "check.regle.unknownGroup", { regle: r.id, id: ref.id }));
          continue;
        }
        const ind = indicateurs.get(ref.id);
        if (!ind) errors.push(issue(where, "check.regle.unknownIndicator", { regle: r.id, id: ref.id }));
        // Numbers and ratios compute (a ratio: its rate, or a part named); a part belongs to a ratio only.
        else if (familleOf(ind.type) !== "nombre" && familleOf(ind.type) !== "ratio")
          errors.push(issue(where, "check.regle.notNumeric", { regle: r.id, id: ref.id, type: ind.type }));
        else if (ref.part && familleOf(ind.type) !== "ratio")
          errors.push(issue(where, "check.regle.notRatio", { regle: r.id, ref: ref.text, id: ref.id, type: ind.type }));
        const y = ref.year;
        if ("year" in y ? y.year < debut || y.year > fin : Math.abs(y.offset) > fin - debut)
          errors.push(issue(where, "check.regle.yearOutside", { regle: r.id, ref: ref.text, debut, fin }));
      }
    for (const m of (r.message ?? "").matchAll(PLACEHOLDER))
      if (!names.has(m[1]!.trim()))
        warnings.push(issue([...path, "message"], "check.regle.placeholder", { regle: r.id, name: m[0] }));
  });
}

/** The words of a syntax error: « règle r3, colonne 12 : opérande attendu (trouvé « ) ») ». */
export function syntaxParams(id: string, e: SyntaxError) {
  return {
    regle: id,
    column: e.column,
    problem: phrase(`check.regle.problem.${e.problem}`),
    found: e.found !== undefined ? phrase("check.regle.found", { found: e.found }) : "",
  };
}

/**
 * The rules an ODPE writes (`regles` of the model, language in model/expression.ts), checked over the values of a
 * workbook as DHIS2 checks its validation rules: each side computed, missing values handled as the rule says,
 * and a broken rule reported with its values named (« fa_6.ind_2 = 12 > fa_6.ind_1 = 10 »).
 *
 * Missing values (`manquants`), counting only indicator references (a count of sous-actions is never missing):
 * - `ignorer-si-un-manque`: the rule is skipped when one value is missing;
 * - `ignorer-si-tous-manquent`: skipped when all are missing, else a missing value counts as 0;
 * - `jamais`: never skipped, a missing value counts as 0.
 */
import { both, t, type Bilingual } from "../../i18n";
import { num } from "../../i18n/numbers";
import { referencesOf, yearOf, COUNT_FUNCTIONS, type Expr } from "../../model/expression";
import { parseRegle, PLACEHOLDER } from "../../model/reglesCheck";
import type { Regle, Schema } from "../../model/schema";
import { parsePeriode } from "../../model/periods";
import { readStatut } from "../../model/vocabulaire";
import { familleOf } from "../../model/valueTypes";
import { etatOf } from "../rollup/calendrier";
import { bindingsByKey, type CellBinding } from "../plan";
import type { SnapValue } from "../snapshot";
import type { Finding, FindingPlace } from "./findings";

/** The symbol of a broken comparison: what is true instead (`<=` broken: `>`). */
const BROKEN: Record<Regle["operateur"], string> = { "==": "≠", "!=": "=", "<": "≥", "<=": ">", ">": "≤", ">=": "<" };
const SHOWN: Record<Regle["operateur"], string> = { "==": "=", "!=": "≠", "<": "<", "<=": "≤", ">": ">", ">=": "≥" };

/** Two figures computed differently (a sum of decimals) are equal within this relative gap. */
const EPSILON = 1e-9;

export function compare(op: Regle["operateur"], a: number, b: number): boolean {
  const eq = Math.abs(a - b) <= EPSILON * Math.max(1, Math.abs(a), Math.abs(b));
  switch (op) {
    case "==":
      return eq;
    case "!=":
      return !eq;
    case "<":
      return a < b && !eq;
    case "<=":
      return a < b || eq;
    case ">":
      return a > b && !eq;
    case ">=":
      return a > b || eq;
  }
}

export interface RuleContext {
  schema: Schema;
  campaign: number;
  /** The bindings of the workbook: sous-actions' status cells and where each value is. */
  bindings: CellBinding[];
  /** Entered values by binding key. */
  values: (key: string) => SnapValue | undefined;
  /** Where a finding about a binding goes (its cell as it is now), when the binding's row is found. */
  place: (b: CellBinding) => FindingPlace | undefined;
}

/** A reference's value for the campaign: an indicator's number of a year (a ratio: its rate) or a count. */
type Lookup = (ref: Extract<Expr, { kind: "indicateur" | "compte" }>) => number | undefined;

function evaluate(e: Expr, lookup: Lookup): number | undefined {
  switch (e.kind) {
    case "nombre":
      return e.value;
    case "indicateur":
    case "compte":
      return lookup(e) ?? 0;
    case "negatif": {
      const v = evaluate(e.operand, lookup);
      return v === undefined ? undefined : -v;
    }
    case "binaire": {
      const a = evaluate(e.left, lookup);
      const b = evaluate(e.right, lookup);
      if (a === undefined || b === undefined) return undefined;
      if (e.op === "/") return b === 0 ? undefined : a / b;
      return e.op === "+" ? a + b : e.op === "-" ? a - b : a * b;
    }
  }
}

const round = (n: number) => Math.round(n * 100) / 100;

export function checkRegles(ctx: RuleContext): Finding[] {
  const { schema, campaign, values } = ctx;
  if (!schema.regles.length) return [];
  const bindingOf = bindingsByKey(ctx.bindings);
  const indicateurs = new Map(schema.axes.flatMap((a) => a.fiches.flatMap((f) => f.indicateurs.map((i) => [i.id, i]))));
  const sousActions = new Map<string, string[]>();
  for (const a of schema.axes)
    for (const f of a.fiches) {
      sousActions.set(
        f.id,
        f.sousActions.map((s) => s.id),
      );
      for (const s of f.sousActions) sousActions.set(s.id, [s.id]);
    }
  const statusKeys = new Map<string, string[]>();
  for (const b of ctx.bindings)
    if (b.kind === "statut" && (parsePeriode(b.period!)?.year ?? campaign) <= campaign)
      statusKeys.set(b.node, [...(statusKeys.get(b.node) ?? []), b.key]);

  const numberAt = (key: string) => {
    const v = values(key);
    return typeof v === "number" ? v : undefined;
  };
  // A ratio's value is its rate, from the two parts typed (the value-type table's ratio family).
  const isRatio = (id: string) => {
    const type = indicateurs.get(id)?.type;
    return type !== undefined && familleOf(type) === "ratio";
  };
  const keyOf = (ref: { id: string; part?: string }, year: number) =>
    `${ref.id}@${ref.part ?? (isRatio(ref.id) ? "numerateur" : "valeur")}:${year}`;
  const lookup: Lookup = (ref) => {
    if (ref.kind === "compte") {
      const wanted = COUNT_FUNCTIONS[ref.fn];
      return (sousActions.get(ref.id) ?? []).filter((sa) => {
        const etat = etatOf((statusKeys.get(sa) ?? []).map(values));
        // The state's word in either language (a French return consolidated into an English master).
        return wanted === undefined ? etat === undefined : readStatut(etat) === wanted;
      }).length;
    }
    const year = yearOf(ref.year, campaign);
    if (ref.part) return numberAt(`${ref.id}@${ref.part}:${year}`);
    if (!isRatio(ref.id)) return numberAt(`${ref.id}@valeur:${year}`);
    const n = numberAt(`${ref.id}@numerateur:${year}`);
    const d = numberAt(`${ref.id}@denominateur:${year}`);
    return n !== undefined && d ? (n / d) * 100 : undefined;
  };

  const out: Finding[] = [];
  for (const regle of schema.regles) {
    const parsed = parseRegle(regle);
    // A rule that does not read is the model's error (check-schema says where): nothing to check here.
    if (!parsed.ok) continue;
    const refs = [...referencesOf(parsed.gauche), ...referencesOf(parsed.droite)];
    const known = new Map(refs.map((r) => [r.text, lookup(r)]));
    const indicatorRefs = refs.filter((r) => r.kind === "indicateur");
    const missing = indicatorRefs.filter((r) => known.get(r.text) === undefined).length;
    if (regle.manquants === "ignorer-si-un-manque" && missing > 0) continue;
    if (regle.manquants === "ignorer-si-tous-manquent" && indicatorRefs.length > 0 && missing === indicatorRefs.length)
      continue;
    const cached: Lookup = (r) => known.get(r.text);
    const left = evaluate(parsed.gauche, cached);
    const right = evaluate(parsed.droite, cached);
    if (left === undefined || right === undefined || compare(regle.operateur, left, right)) continue;

    // The finding goes to the first referenced value of the campaign that has a cell, else the first at all.
    const cells = indicatorRefs.map((r) => bindingOf(keyOf(r, yearOf(r.year, campaign)))).filter(Boolean);
    const at = cells.find((b) => b!.period === String(campaign)) ?? cells[0];
    const place = at ? ctx.place(at) : undefined;
    out.push({
      severity: regle.severite,
      rule: `regle.${regle.id}`,
      ...(place ?? {}),
      value: round(left),
      expected: `${regle.gauche} ${SHOWN[regle.operateur]} ${regle.droite}`,
      ...wording(regle, parsed, known, left, right),
    });
  }
  return out;
}

/** The rule's message with its placeholders filled, and the values that break it, in each language. */
function wording(
  regle: Regle,
  parsed: { gauche: Expr; droite: Expr },
  known: Map<string, number | undefined>,
  left: number,
  right: number,
): Bilingual {
  const refs = [...referencesOf(parsed.gauche), ...referencesOf(parsed.droite)];
  const text = (lang: "fr" | "en") => {
    const n = (v: number | undefined) => (v === undefined ? t(lang, "validate.regle.missing") : num(round(v))[lang]);
    const side = (e: Expr, source: string, value: number) => {
      if (e.kind === "nombre") return n(value);
      if (e.kind === "indicateur" || e.kind === "compte") return `${e.text} = ${n(known.get(e.text))}`;
      const own = referencesOf(e).map((r) => `${r.text} = ${n(known.get(r.text))}`);
      return `${source.trim()} = ${n(value)}${own.length ? ` (${own.join(", ")})` : ""}`;
    };
    const detail = `${side(parsed.gauche, regle.gauche, left)} ${BROKEN[regle.operateur]} ${side(parsed.droite, regle.droite, right)}`;
    const filled = regle.message?.replace(PLACEHOLDER, (whole, name: string) => {
      const key = name.trim();
      if (key === "gauche") return n(left);
      if (key === "droite") return n(right);
      // `{fa_6.ind_2}` also names `fa_6.ind_2[Y]` when that is how the rule writes it.
      const text = known.has(key) ? key : refs.find((r) => r.kind === "indicateur" && r.id === key)?.text;
      return text !== undefined ? n(known.get(text)) : whole;
    });
    return { detail, filled };
  };
  const fr = text("fr");
  const en = text("en");
  const key = regle.message ? "validate.regle.custom" : "validate.regle.default";
  const french = both(key, { regle: regle.id, detail: fr.detail, text: fr.filled ?? "" });
  const english = both(key, { regle: regle.id, detail: en.detail, text: en.filled ?? "" });
  return { message: french.message, messageEn: english.messageEn };
}

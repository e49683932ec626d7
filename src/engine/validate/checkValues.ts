/**
 * Every bound cell's value: type and range (values.ts), ratio parts,
 * calendar coherence, completeness of the campaign's required inputs (and the
 * completion rates per fiche and axe), and plausibility against the previous
 * year and the baseline.
 */
import { familleOf } from "../../model/valueTypes";
import type { Schema } from "../../model/schema";
import { asTarget } from "../layout/cibles";
import { TEXT_MAX } from "../layout/inputs";
import { RECIT_KINDS, RECIT_MAX } from "../layout/recit";
import { parsePeriode } from "../../model/periods";
import { bindingsByKey, langOf, type BindingOf, type CellBinding, type PlanMeta } from "../plan";
import { readStatut, type Statut } from "../../model/vocabulaire";
import { phrase } from "../../i18n";
import { num } from "../../i18n/numbers";
import { expecting, finding, type Finding } from "./findings";
import type { NodeInfo } from "../../model/nodes";
import { placeOf, type Located, type Location } from "./locate";
import { checkRatio, checkStatut, checkValue } from "./values";
import { isBudgetStage } from "../rollup/budget";
import { checkBudgetStages, checkMontant } from "./budget";
import { acceptedRange, modifiedZ, Z_THRESHOLD } from "./outliers";

export interface Completion {
  required: number;
  filled: number;
}

export interface ValuesResult {
  findings: Finding[];
  completion: { fiches: Record<string, Completion>; axes: Record<string, Completion>; total: Completion };
}

/** The longest text of each free-text cell. */
const TEXT_LIMIT: Partial<Record<CellBinding["kind"], number>> = {
  source: TEXT_MAX,
  commentaire: TEXT_MAX,
  ...Object.fromEntries(RECIT_KINDS.map((k) => [k, RECIT_MAX])),
};

const isEmpty = (at: Located | undefined) =>
  at?.cell?.value === undefined || (typeof at.cell.value === "string" && at.cell.value.trim() === "");

export function checkValues(
  schema: Schema,
  meta: PlanMeta,
  location: Location,
  nodes: Map<string, NodeInfo>,
  factor: number,
  zThreshold = Z_THRESHOLD,
): ValuesResult {
  const findings: Finding[] = [];
  const campaign = meta.campaignYear;
  const lang = langOf(meta);
  /** Valid numbers by binding key, for ratio pairs and plausibility. */
  const numbers = new Map<string, number>();
  const flagged = new Set<string>();
  const bindingOf = bindingsByKey(meta.bindings);

  for (const b of meta.bindings) {
    const at = location.cells.get(b.key);
    // A status cell that is not an input (planned after the campaign) is checked with the cells off the plan.
    if (!at || b.formula || b.kind === "rollup" || isEmpty(at) || (b.kind === "statut" && !b.input)) continue;
    const v = at.cell!.value!;
    const info = nodes.get(b.node);
    const max = TEXT_LIMIT[b.kind];
    const check =
      b.kind === "statut"
        ? checkStatut(v, b.period!, campaign, lang)
        : max !== undefined
          ? String(v).length > max
            ? {
                rule: "type.texte-trop-long" as const,
                params: { length: String(v).length, max },
                expected: `≤ ${max}`,
              }
            : undefined
          : isBudgetStage(b.kind)
            ? checkMontant(v)
            : info?.indicateur
              ? b.kind === "cible"
                ? checkValue(asTarget(info.indicateur), "valeur", v, schema, lang)
                : checkValue(info.indicateur, b.kind, v, schema, lang)
              : undefined;
    if (check) {
      findings.push({ ...finding(check.rule, placeOf(b, at, info, v), check.params), ...expecting(check.expected) });
      flagged.add(b.key);
    } else if (typeof v === "number") numbers.set(b.key, v);
  }

  const required = new Map<string, { b: CellBinding; at: Located | undefined }[]>();
  for (const b of meta.bindings) {
    const info = nodes.get(b.node);
    if (!b.input || !info?.fiche) continue;
    const ind = info.indicateur;
    const isRequired =
      (b.kind === "statut" && (parsePeriode(b.period!)?.year ?? campaign) <= campaign) ||
      (ind?.obligatoire === true &&
        b.period === String(campaign) &&
        (familleOf(ind.type) === "ratio" ? b.kind === "numerateur" || b.kind === "denominateur" : b.kind === "valeur"));
    if (!isRequired) continue;
    const list = required.get(info.fiche.id) ?? [];
    list.push({ b, at: location.cells.get(b.key) });
    required.set(info.fiche.id, list);
  }

  // Ratio parts, year by year, once both are valid numbers.
  for (const b of meta.bindings) {
    if (b.kind !== "numerateur") continue;
    const denKey = `${b.node}@denominateur:${b.period}`;
    const num = numbers.get(b.key);
    const den = numbers.get(denKey);
    if (num === undefined || den === undefined) continue;
    const denB = bindingOf(denKey)!;
    const f = checkRatio(
      { b, at: location.cells.get(b.key)!, v: num },
      { b: denB, at: location.cells.get(denKey)!, v: den },
      nodes.get(b.node),
    );
    if (f) {
      findings.push(f);
      flagged.add(b.key);
      flagged.add(denKey);
    }
  }

  // Completeness and completion rates.
  const completion: ValuesResult["completion"] = { fiches: {}, axes: {}, total: { required: 0, filled: 0 } };
  for (const [ficheId, list] of required) {
    const info = nodes.get(ficheId)!;
    const c = { required: list.length, filled: list.filter((x) => !isEmpty(x.at)).length };
    completion.fiches[ficheId] = c;
    const axe = (completion.axes[info.axe.id] ??= { required: 0, filled: 0 });
    axe.required += c.required;
    axe.filled += c.filled;
    completion.total.required += c.required;
    completion.total.filled += c.filled;
    for (const { b, at } of list) {
      if (!at || !isEmpty(at)) continue;
      const node = nodes.get(b.node)!;
      findings.push({
        ...(b.kind === "statut"
          ? finding("completude.statut-manquant", placeOf(b, at, node), { label: node.label, period: b.period! })
          : finding("completude.valeur-manquante", placeOf(b, at, node), { label: node.label, year: campaign })),
        ...expecting(phrase("validate.expected.input")),
      });
    }
  }

  findings.push(...missingReasons(meta, location, nodes, bindingOf));
  findings.push(...checkBudgetStages(meta, location, nodes, numbers, bindingOf));
  findings.push(...plausibility(schema, meta, location, nodes, numbers, flagged, { factor, zThreshold }));
  return { findings, completion };
}

const fr = (n: number) => num(Math.round(n * 100) / 100);

/**
 * Campaign values far from the indicator's own history (only values that passed the other checks), by the first
 * method that applies:
 * - the modified z-score (outliers.ts) against its earlier values, when it has at least 4: the workbook's values
 *   of earlier years (carry-over keeps them) and its baseline of a year before them;
 * - the model's bounds, when it has some: checked with the types (`plage.bornes`), nothing more here;
 * - a factor of last year's value, or of the baseline when last year is empty.
 */
function plausibility(
  schema: Schema,
  meta: PlanMeta,
  location: Location,
  nodes: Map<string, NodeInfo>,
  numbers: Map<string, number>,
  flagged: Set<string>,
  { factor, zThreshold }: { factor: number; zThreshold: number },
): Finding[] {
  const out: Finding[] = [];
  const year = meta.campaignYear;
  const far = (r: number) => r > factor || r < 1 / factor;
  /** The indicator's number for a year: its valeur, or for a ratio the rate of its parts. */
  const valueOf = (node: string, y: number, ratio: boolean): number | undefined => {
    if (!ratio) return numbers.get(`${node}@valeur:${y}`);
    const n = numbers.get(`${node}@numerateur:${y}`);
    const d = numbers.get(`${node}@denominateur:${y}`);
    return n !== undefined && d ? (n / d) * 100 : undefined;
  };
  for (const b of meta.bindings) {
    const ind = nodes.get(b.node)?.indicateur;
    const famille = ind && familleOf(ind.type);
    const ratio = famille === "ratio";
    if (!ind || b.period !== String(year) || b.kind !== (ratio ? "numerateur" : "valeur")) continue;
    // Plausibility is a matter of numbers: a count, a rate, an amount, a measure, a ratio.
    if (famille !== "nombre" && !ratio) continue;
    if (flagged.has(b.key) || (ratio && flagged.has(`${b.node}@denominateur:${year}`))) continue;
    const v = valueOf(b.node, year, ratio);
    const at = location.cells.get(b.key);
    if (v === undefined || !at) continue;
    const info = nodes.get(b.node);

    const history: { year: number; value: number }[] = [];
    for (let y = schema.periode.debut; y < year; y++) {
      const h = valueOf(b.node, y, ratio);
      if (h !== undefined) history.push({ year: y, value: h });
    }
    const base = ind.reference;
    if (typeof base?.valeur === "number" && base.annee !== undefined && base.annee < schema.periode.debut)
      history.unshift({ year: base.annee, value: base.valeur });
    const m = modifiedZ(
      v,
      history.map((h) => h.value),
    );
    if (m) {
      if (Math.abs(m.z) > zThreshold) {
        const range = acceptedRange(m, zThreshold);
        out.push({
          ...finding("plausibilite.score-z-modifie", placeOf(b, at, info, v), {
            year,
            value: fr(v),
            z: fr(m.z),
            median: fr(m.median),
            mad: fr(m.mad),
            n: m.n,
            from: history[0]!.year,
            to: history[history.length - 1]!.year,
            threshold: fr(zThreshold),
          }),
          ...expecting(phrase("validate.expected.between", { min: fr(range.min), max: fr(range.max) })),
        });
      }
      continue;
    }
    if (ind.bornes?.min !== undefined || ind.bornes?.max !== undefined) continue;

    const prev = valueOf(b.node, year - 1, ratio);
    if (prev !== undefined && prev > 0 && far(v / prev)) {
      out.push({
        ...finding("plausibilite.ecart-annee-precedente", placeOf(b, at, info, v), {
          year,
          value: fr(v),
          prevYear: year - 1,
          prev: fr(prev),
          ratio: fr(v / prev),
          factor,
        }),
        ...expecting(phrase("validate.expected.between", { min: fr(prev / factor), max: fr(prev * factor) })),
      });
      continue;
    }
    const baseline = base?.valeur;
    if (prev === undefined && typeof baseline === "number" && baseline > 0 && far(v / baseline))
      out.push({
        ...finding("plausibilite.ecart-reference", placeOf(b, at, info, v), {
          value: fr(v),
          baseline: fr(baseline),
          ratio: fr(v / baseline),
          factor,
        }),
        ...expecting(phrase("validate.expected.between", { min: fr(baseline / factor), max: fr(baseline * factor) })),
      });
  }
  return out;
}

const NEEDS_REASON = new Set<Statut | undefined>(["reporte", "abandonne"]);

/** A sous-action reported *Reporté* or *Abandonné* for the campaign says why, in its comment of the campaign. */
function missingReasons(
  meta: PlanMeta,
  location: Location,
  nodes: Map<string, NodeInfo>,
  bindingOf: BindingOf,
): Finding[] {
  const out: Finding[] = [];
  const lang = langOf(meta);
  const year = meta.campaignYear;
  const said = new Map<string, string>();
  for (const b of meta.bindings) {
    if (b.kind !== "statut" || parsePeriode(b.period!)?.year !== year) continue;
    const v = location.cells.get(b.key)?.cell?.value;
    if (NEEDS_REASON.has(readStatut(v, lang)) && !said.has(b.node)) said.set(b.node, String(v).trim());
  }
  for (const [node, statut] of said) {
    const b = bindingOf(`${node}@commentaire:${year}`);
    const at = b && location.cells.get(b.key);
    if (!b || !at || !isEmpty(at)) continue;
    const info = nodes.get(node);
    out.push({
      ...finding("calendrier.motif-manquant", placeOf(b, at, info), { label: info?.label ?? node, statut, year }),
      ...expecting(phrase("validate.expected.reason")),
    });
  }
  return out;
}

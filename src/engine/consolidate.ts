/**
 * Consolidation of partner / territory workbooks of one model and campaign
 * into the values of a master workbook, kept per source too.
 *
 * - A file is merged only when it is readable, of the same model, version,
 *   structure and campaign, and has no structure error.
 * - Two files claiming the same partenaire / territoire (or two whole
 *   workbooks) are a conflict: neither is merged, both are named.
 * - Partners' comments and notes are listed per source with the values.
 * - Indicator values combine by the indicator's aggregation (rollup/aggregate:
 *   sums, Σnum/Σden for ratios…); texts are kept side by side with their
 *   source; a yes/no or a status on which sources disagree is left for the
 *   user to settle (listed), except statuses, which take the least advanced.
 */
import { both, type Bilingual } from "../i18n";
import type { Indicateur, Schema } from "../model/schema";
import { aggregate, type Observation } from "./rollup/aggregate";
import type { PlanMeta, Scalar } from "./plan";
import type { SnapValue } from "./snapshot";
import { untrustedFinding, type ValidationReport } from "./validate";
import { structureHash } from "./layout/hash";
import { excelSerial } from "../util/excelDate";
import { nodeIndex } from "./validate/locate";
import { commentKey, noteText } from "./transfer";

export interface ConsolidationSource {
  file: string;
  report: ValidationReport;
}

export interface Consolidation {
  accepted: { file: string; who: string }[];
  rejected: { file: string; reason: Bilingual; unreadable: boolean }[];
  /** The reference the accepted files share. */
  schema?: Schema;
  meta?: PlanMeta;
  /** Master values by binding key. */
  values: Map<string, SnapValue>;
  /** One row per source and value: source, key, element, value. */
  detail: Scalar[][];
  /** Keys the sources disagree on, with what each said. */
  divergences: { key: string; label: string; answers: string }[];
}

/** Least advanced first: a master status never claims more than its least advanced source ("Abandonné" only when all agree). */
const STATUT_ORDER = ["Non commencé", "Reporté", "En cours", "Réalisé"];

function who(meta: PlanMeta): string {
  return meta.cut
    ? `${meta.cut.kind === "partenaire" ? "Partenaire" : "Territoire"} ${meta.cut.nom}`
    : "Ensemble du schéma";
}

/** What a file must share with the others to be merged. */
const signature = (schema: Schema, meta: PlanMeta, hash = meta.structureHash) =>
  `${schema.id}|${schema.version}|${hash}|${meta.campaignYear}`;

export function consolidate(sources: ConsolidationSource[], expected?: Schema): Consolidation {
  const out: Consolidation = { accepted: [], rejected: [], values: new Map(), detail: [], divergences: [] };
  const trusted: (ConsolidationSource & { schema: Schema; meta: PlanMeta })[] = [];
  for (const s of sources) {
    const r = s.report;
    const blocking = untrustedFinding(r) ?? r.findings.find((f) => f.structure && f.severity === "erreur");
    if (blocking || !r.meta || !r.schema) {
      out.rejected.push({ file: s.file, reason: blocking ?? both("consolidate.noMeta"), unreadable: !r.readable });
      continue;
    }
    trusted.push({ ...s, schema: r.schema, meta: r.meta });
  }
  // The reference: the model asked for, else the one most files share (not merely the first file's).
  const tally = new Map<string, number>();
  for (const s of trusted) tally.set(signature(s.schema, s.meta), (tally.get(signature(s.schema, s.meta)) ?? 0) + 1);
  const majority = trusted.find((s) => tally.get(signature(s.schema, s.meta)) === Math.max(...tally.values()));
  const reference = expected
    ? trusted.find((s) => signature(s.schema, s.meta) === signature(expected, s.meta, structureHash(expected)))
    : majority;
  const candidates: (ConsolidationSource & { who: string })[] = [];
  for (const s of trusted) {
    if (reference && signature(s.schema, s.meta) === signature(reference.schema, reference.meta)) {
      candidates.push({ ...s, who: who(s.meta) });
      continue;
    }
    const describe = (x: { schema: Schema; meta: PlanMeta }) =>
      `${x.schema.id} ${x.schema.version} / ${x.meta.campaignYear}`;
    out.rejected.push({
      file: s.file,
      reason: both("consolidate.otherModel", {
        found: describe(s),
        expected: reference ? describe(reference) : `${expected!.id} ${expected!.version}`,
      }),
      unreadable: false,
    });
  }
  const claims = new Map<string, string[]>();
  for (const c of candidates) claims.set(c.who, [...(claims.get(c.who) ?? []), c.file]);
  const merged = candidates.filter((c) => {
    const files = claims.get(c.who)!;
    if (files.length === 1) return true;
    out.rejected.push({
      file: c.file,
      reason: both("consolidate.conflict", { who: c.who, files: files.join(", ") }),
      unreadable: false,
    });
    return false;
  });
  if (!reference || !merged.length) return out;
  out.schema = expected ?? reference.schema;
  out.meta = reference.meta;
  out.accepted = merged.map((c) => ({ file: c.file, who: c.who }));
  mergeValues(out, merged, reference.schema);
  return out;
}

function mergeValues(out: Consolidation, sources: (ConsolidationSource & { who: string })[], schema: Schema): void {
  const nodes = nodeIndex(schema);
  const byKey = new Map<string, { who: string; value: SnapValue }[]>();
  for (const s of sources)
    for (const [key, value] of s.report.values) {
      byKey.set(key, [...(byKey.get(key) ?? []), { who: s.who, value }]);
      const node = nodes.get(key.split("@")[0]!);
      out.detail.push([s.who, key, node?.label ?? key, value]);
    }
  // Partners' comments and notes have no single cell in the master: each is listed with its source.
  for (const s of sources)
    for (const c of s.report.comments ?? []) {
      const node = c.binding?.node ?? c.node;
      const label = (node !== undefined ? nodes.get(node)?.label : undefined) ?? `${c.sheet}!${c.address}`;
      out.detail.push([s.who, commentKey(c), label, noteText(c.comment)]);
    }
  const done = new Set<string>();
  for (const [key, answers] of byKey) {
    if (done.has(key)) continue;
    const [node, what] = key.split("@") as [string, string];
    const [kind, period] = what.split(":") as [string, string];
    const ind = nodes.get(node)?.indicateur;
    const label = nodes.get(node)?.label ?? node;
    if (kind === "statut") {
      const texts = [...new Set(answers.map((a) => String(a.value).trim()))];
      if (texts.length === 1) out.values.set(key, texts[0]!);
      else {
        const ranked = texts
          .filter((x) => STATUT_ORDER.includes(x))
          .sort((a, b) => STATUT_ORDER.indexOf(a) - STATUT_ORDER.indexOf(b));
        if (ranked[0]) out.values.set(key, ranked[0]);
        out.divergences.push({ key, label, answers: describe(answers) });
      }
    } else if (kind === "source" || kind === "commentaire" || ind?.type === "text") {
      out.values.set(
        key,
        answers.map((a) => (answers.length > 1 ? `[${a.who}] ${a.value}` : String(a.value))).join(" ; "),
      );
    } else if (ind?.type === "boolean") {
      const texts = [...new Set(answers.map((a) => String(a.value).trim()))];
      if (texts.length === 1) out.values.set(key, texts[0]!);
      else out.divergences.push({ key, label, answers: describe(answers) });
    } else if (ind && (kind === "valeur" || kind === "numerateur" || kind === "denominateur")) {
      mergeIndicator(out, ind, period, byKey, done);
    }
    done.add(key);
  }
}

function describe(answers: { who: string; value: SnapValue }[]): string {
  return answers.map((a) => `${a.who} : ${a.value}`).join(" ; ");
}

/** A number indicator of one year, across sources, by its aggregation. */
function mergeIndicator(
  out: Consolidation,
  ind: Indicateur,
  period: string,
  byKey: Map<string, { who: string; value: SnapValue }[]>,
  done: Set<string>,
): void {
  const key = (kind: string) => `${ind.id}@${kind}:${period}`;
  const whos = new Set(
    [...["valeur", "numerateur", "denominateur"].flatMap((k) => byKey.get(key(k)) ?? [])].map((a) => a.who),
  );
  const at = (kind: string, who: string) => byKey.get(key(kind))?.find((a) => a.who === who)?.value;
  const observations: Observation[] = [...whos].map((w) => ({
    periode: period,
    valeur: at("valeur", w),
    numerateur: at("numerateur", w),
    denominateur: at("denominateur", w),
  }));
  const result = aggregate(ind, observations);
  for (const k of ["valeur", "numerateur", "denominateur"]) done.add(key(k));
  if (ind.type === "ratio") {
    if (result.numerateur !== undefined) out.values.set(key("numerateur"), result.numerateur);
    if (result.denominateur !== undefined) out.values.set(key("denominateur"), result.denominateur);
  } else if (typeof result.valeur === "string" && ind.type === "date")
    out.values.set(key("valeur"), excelSerial(result.valeur));
  else if (result.valeur !== undefined) out.values.set(key("valeur"), result.valeur);
}

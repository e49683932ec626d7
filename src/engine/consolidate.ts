/**
 * Consolidation of partner / territory workbooks of one model and campaign:
 * the decisions (which files are merged, set aside or refused, and why) and
 * what a master holds (values by binding key, the sources it records, the
 * « Valeurs par source » sheet). The CLI and the Office host only render it.
 *
 * - A file is merged only when it is readable, of the expected (else the most
 *   shared) model, version, structure and campaign, and has no structure error.
 * - No source is counted twice (consolidateSources); copies of one cut merge
 *   cell by cell, a cell filled differently in two copies is left empty, listed.
 * - Partners' comments and notes are listed per source with the values.
 * - Budget amounts (voté, engagé, mandaté) are summed: each source's are its own.
 * - Indicator values combine by the indicator's aggregation (rollup/aggregate:
 *   sums, Σnum/Σden for ratios…); texts (answers, comments, each fiche's
 *   narrative) are kept side by side with their source, never summed; a yes/no,
 *   a target or a status on which sources disagree is listed; a status takes
 *   the least advanced.
 * - The register of returns (register.ts) says which file is a return's new
 *   submission, which replaces or is refused (a validé return is locked), and
 *   keeps in the master the values of returns with no file this run.
 */
import type { Lang } from "../i18n";
import { readStatut, type Statut } from "../model/vocabulaire";
import { langOf } from "./plan";
import { valuesIn } from "./valueWords";
import { familleOf } from "../model/valueTypes";
import { both, type Bilingual } from "../i18n";
import type { Indicateur, Schema } from "../model/schema";
import { aggregate, type Observation } from "./rollup/aggregate";
import { isBudgetStage, stageName, sumAmounts } from "./rollup/budget";
import type { PlanMeta, SheetPlan, SourceRef } from "./plan";
import type { SnapValue } from "./snapshot";
import { untrustedFinding, type ValidationReport } from "./validate";
import { structureHash } from "./layout/hash";
import { excelSerial } from "../util/excelDate";
import { nodeIndex } from "../model/nodes";
import { baseName, candidate, decide, type Unit } from "./consolidateSources";
import { parSourceSheet } from "./consolidateMaster";
import { paginate } from "./layout/print";
import { STYLES } from "./layout/styles";
import { commentKey, noteText } from "./transfer";
import { RECIT_KINDS } from "./layout/recit";
import { partnerOutliers, type PartnerOutlier } from "./consolidateOutliers";
import {
  applyEtatsSaisis,
  expectedReturns,
  recordReturns,
  settleReturns,
  type EtatSaisi,
  type Register,
} from "./register";

export interface ConsolidationSource {
  file: string;
  report: SourceReport;
}

/** What consolidation reads of a source's report: its model, values and comments, and what the register counts. */
export type SourceReport = Pick<ValidationReport, "readable" | "findings" | "meta" | "schema" | "values" | "comments">;

/**
 * A source's report cut down to what consolidation reads, as soon as the file is read: a whole report (its
 * infos, completion, plan) for every file made memory grow with their number. Kept: every finding but the
 * infos, and any finding on the structure (it may make the values untrusted).
 */
export function sourceReport(report: SourceReport): SourceReport {
  const { readable, meta, schema, values, comments } = report;
  return {
    readable,
    findings: readable ? report.findings.filter((f) => f.severity !== "info" || f.structure) : report.findings,
    values,
    ...(meta ? { meta } : {}),
    ...(schema ? { schema } : {}),
    ...(comments ? { comments } : {}),
  };
}

/** The model a consolidation must be of: `--schema`, or the open workbook's (with its campaign). */
export interface Expected {
  schema?: Schema;
  campaignYear?: number;
  /** The master's language: `--lang`, or the open workbook's; else the reference file's. */
  lang?: Lang;
  /** Beyond this modified z-score among the partners, a source's value is named (default 3.5). */
  zThreshold?: number;
}

export interface Consolidation {
  accepted: { file: string; who: string }[];
  /** Not merged because what they hold is merged already (counted once): not an error. */
  setAside: { file: string; reason: Bilingual }[];
  rejected: { file: string; reason: Bilingual; unreadable: boolean }[];
  /** The reference the accepted files share. */
  schema?: Schema;
  meta?: PlanMeta;
  /** The master's language: its statuses and Oui/Non are said in it, whatever each source's. */
  lang?: Lang;
  /** Master values by binding key. */
  values: Map<string, SnapValue>;
  /** Keys the sources disagree on, with what each said. */
  divergences: { key: string; label: string; answers: string }[];
  /** What the master holds, for its metadata, in a stable order. */
  sources: SourceRef[];
  /** « Valeurs par source »: every merged file's values, when something was merged. */
  parSource?: SheetPlan;
  /** Sources whose value of the campaign is far from the others' (4 sources or more). */
  outliers: PartnerOutlier[];
  /** The register of returns after this run, when something was merged. */
  register?: Register;
}

const RECIT = new Set<string>(RECIT_KINDS);

/** Least advanced first: a master status never claims more than its least advanced source ("Abandonné" only when all agree). */
const STATUT_ORDER: (Statut | undefined)[] = ["nonCommence", "reporte", "enCours", "realise"];

/** What a file must share with the others to be merged. */
const signature = (schema: Schema, meta: PlanMeta, hash = meta.structureHash) =>
  `${schema.id}|${schema.version}|${hash}|${meta.campaignYear}`;

const describeModel = (schema: Schema, year?: number) =>
  `${schema.id} ${schema.version}${year === undefined ? "" : ` / ${year}`}`;

/** The register of the master this run replaces, with the states typed in its sheet; the run's date. */
export interface Returns {
  previous?: Register;
  /** The master this run replaces: its model stands as the reference when no file of this run can be merged, so that
   * a run of refused files still updates the register (their returns « à corriger ») and keeps what it held. */
  master?: { schema: Schema; meta: PlanMeta };
  saisis?: EtatSaisi[];
  date?: Date;
}

export function consolidate(sources: ConsolidationSource[], expected?: Expected, returns: Returns = {}): Consolidation {
  const out: Consolidation = {
    accepted: [],
    setAside: [],
    rejected: [],
    values: new Map(),
    divergences: [],
    sources: [],
    outliers: [],
  };
  const trusted: { file: string; schema: Schema; meta: PlanMeta; values: Map<string, SnapValue> }[] = [];
  // Partner or territory files refused for their structure: for the register, their return is to correct.
  const broken: { file: string; cut: string; modelId: string }[] = [];
  for (const s of sources) {
    const r = s.report;
    const blocking = untrustedFinding(r) ?? r.findings.find((f) => f.structure && f.severity === "erreur");
    if (blocking || !r.meta || !r.schema) {
      out.rejected.push({ file: s.file, reason: blocking ?? both("consolidate.noMeta"), unreadable: !r.readable });
      if (r.meta?.cut)
        broken.push({ file: s.file, cut: `${r.meta.cut.kind}:${r.meta.cut.id}`, modelId: r.meta.modelId });
      continue;
    }
    trusted.push({ file: s.file, schema: r.schema, meta: r.meta, values: r.values });
  }
  // The reference: the model asked for, else the one most files share (not merely the first file's).
  const tally = new Map<string, number>();
  for (const s of trusted) tally.set(signature(s.schema, s.meta), (tally.get(signature(s.schema, s.meta)) ?? 0) + 1);
  const reference = expected?.schema
    ? trusted.find(
        (s) =>
          signature(s.schema, s.meta) === signature(expected.schema!, s.meta, structureHash(expected.schema!)) &&
          (expected.campaignYear === undefined || s.meta.campaignYear === expected.campaignYear),
      )
    : trusted.find((s) => tally.get(signature(s.schema, s.meta)) === Math.max(...tally.values()));
  const same = trusted.filter(
    (s) => reference && signature(s.schema, s.meta) === signature(reference.schema, reference.meta),
  );
  for (const s of trusted.filter((x) => !same.includes(x)))
    out.rejected.push({
      file: s.file,
      reason: both("consolidate.otherModel", {
        found: describeModel(s.schema, s.meta.campaignYear),
        expected: reference
          ? describeModel(reference.schema, reference.meta.campaignYear)
          : describeModel(expected!.schema!, expected!.campaignYear),
      }),
      unreadable: false,
    });
  const decisions = decide(same.map((s) => candidate(s.file, s.meta, s.values)));
  out.setAside = decisions.setAside;
  out.rejected.push(...decisions.refused.map((r) => ({ ...r, unreadable: false })));
  const ref = reference ?? (returns.previous ? returns.master : undefined);
  if (!ref) return out;
  // The register: the states typed in its sheet first, then what this run's files are to it.
  const date = (returns.date ?? new Date()).toISOString();
  const previous = returns.previous && applyEtatsSaisis(returns.previous, returns.saisis ?? [], date);
  const lang = expected?.lang ?? langOf(ref.meta);
  const settled = settleReturns(decisions.units, previous, lang);
  out.setAside.push(...settled.setAside);
  out.rejected.push(...settled.refused.map(({ file, reason }) => ({ file, reason, unreadable: false })));
  if (!settled.units.length && !settled.carried.length) return out;
  const schema = expected?.schema ?? ref.schema;
  out.schema = schema;
  out.meta = ref.meta;
  out.lang = lang;
  // Each source's statuses and Oui/Non in the master's language, so that « Oui » and "Yes" agree (its hash, which
  // says what the file holds, was taken from its values as they are).
  const units = settled.units.map((u) => ({
    ...u,
    members: u.members.map((m) => ({ ...m, values: valuesIn(m.values, schema, lang) })),
  }));
  out.accepted = units
    .flatMap((u) => u.members.map((m) => ({ file: m.file, who: u.label })))
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  out.sources = [
    ...units.flatMap((u) => u.members.flatMap((m) => m.holds)),
    ...settled.carried.flatMap((r) => r.sources),
  ].sort((a, b) => (a.cut + a.hash < b.cut + b.hash ? -1 : a.cut + a.hash > b.cut + b.hash ? 1 : 0));
  const nodes = nodeIndex(schema);
  const labelOf = (key: string) => nodes.get(key.split("@")[0]!)?.label ?? key;
  const merged = units.map((u) => ({ unit: u, values: mergeCopies(out, u, labelOf) }));
  // Returns kept from earlier runs, their statuses and Oui/Non in the master's language too.
  const carried = settled.carried.map((r) => ({ who: r.who, values: valuesIn(new Map(r.valeurs), schema, lang) }));
  const mergedValues = merged.map((m) => ({ who: m.unit.label, values: m.values }));
  mergeValues(out, [...mergedValues, ...carried], schema, lang);
  out.outliers = partnerOutliers(mergedValues, schema, out.meta.campaignYear, expected?.zThreshold);
  const findingsOf = new Map(sources.map((s) => [s.file, s.report.findings]));
  out.register = recordReturns(
    expectedReturns(schema),
    previous,
    merged,
    settled.refused,
    broken.filter((b) => b.modelId === schema.id),
    findingsOf,
    date,
  );
  // Partners' comments and notes have no single cell in the master: each is listed with its source.
  const commentsOf = new Map(sources.map((s) => [s.file, s.report.comments ?? []]));
  // Each source's values as it typed them.
  out.parSource = parSourceSheet(
    lang,
    [...units.map((u) => u.label), ...settled.carried.map((r) => r.who)],
    [
      ...settled.carried.flatMap((r) => {
        const files = r.sources.map((x) => x.fichier).join(", ");
        return r.valeurs.map(([key, value]) => [r.who, files, key, labelOf(key), value]);
      }),
      ...settled.units.flatMap((u) =>
        u.members.flatMap((m) => [
          ...[...m.values].map(([key, value]) => [u.label, baseName(m.file), key, labelOf(key), value]),
          ...(commentsOf.get(m.file) ?? []).map((c) => {
            const node = c.binding?.node ?? c.node;
            const label = (node !== undefined ? nodes.get(node)?.label : undefined) ?? `${c.sheet}!${c.address}`;
            return [u.label, baseName(m.file), commentKey(c), label, noteText(c.comment, lang)];
          }),
        ]),
      ),
    ],
  );
  paginate([out.parSource], { schema: schema.titre, campaignYear: out.meta.campaignYear, styles: STYLES, lang });
  return out;
}

/** Copies of one cut, cell by cell: a cell filled in one copy is taken; filled differently in two, left empty and listed. */
function mergeCopies(out: Consolidation, unit: Unit, labelOf: (key: string) => string): Map<string, SnapValue> {
  if (unit.members.length === 1) return unit.members[0]!.values;
  const merged = new Map<string, SnapValue>();
  const keys = new Set(unit.members.flatMap((m) => [...m.values.keys()]));
  for (const key of keys) {
    const answers = unit.members.filter((m) => m.values.has(key)).map((m) => ({ m, value: m.values.get(key)! }));
    const distinct = new Set(answers.map((a) => (typeof a.value === "string" ? a.value.trim() : a.value)));
    if (distinct.size === 1) merged.set(key, answers[0]!.value);
    else
      out.divergences.push({
        key,
        label: labelOf(key),
        answers: answers.map((a) => `${baseName(a.m.file)} : ${a.value}`).join(" ; "),
      });
  }
  return merged;
}

function mergeValues(
  out: Consolidation,
  sources: { who: string; values: Map<string, SnapValue> }[],
  schema: Schema,
  lang: Lang,
): void {
  const nodes = nodeIndex(schema);
  const byKey = new Map<string, { who: string; value: SnapValue }[]>();
  for (const s of sources)
    for (const [key, value] of s.values) byKey.set(key, [...(byKey.get(key) ?? []), { who: s.who, value }]);
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
        const rank = (x: string) => STATUT_ORDER.indexOf(readStatut(x, lang));
        const ranked = texts.filter((x) => rank(x) >= 0).sort((a, b) => rank(a) - rank(b));
        if (ranked[0]) out.values.set(key, ranked[0]);
        out.divergences.push({ key, label, answers: describe(answers) });
      }
    } else if (RECIT.has(kind)) {
      // A fiche's narrative: each source's text under its name, paragraphs apart.
      out.values.set(
        key,
        answers.map((a) => (answers.length > 1 ? `[${a.who}]\n${a.value}` : String(a.value))).join("\n\n"),
      );
    } else if (kind === "source" || kind === "commentaire" || (ind !== undefined && familleOf(ind.type) === "texte")) {
      out.values.set(
        key,
        answers.map((a) => (answers.length > 1 ? `[${a.who}] ${a.value}` : String(a.value))).join(" ; "),
      );
    } else if ((ind !== undefined && ["ouiNon", "echelle"].includes(familleOf(ind.type))) || kind === "cible") {
      // A yes/no, a level of a scale, or a target (set by the ODPE, not summed): kept when the sources agree, listed when they do not.
      const texts = [...new Set(answers.map((a) => String(a.value).trim()))];
      if (texts.length === 1)
        out.values.set(key, typeof answers[0]!.value === "string" ? texts[0]! : answers[0]!.value);
      else out.divergences.push({ key, label, answers: describe(answers) });
    } else if (isBudgetStage(kind)) {
      // Amounts add up across sources. A text among several is not guessed at: the cell stays empty, listed; a
      // source's only answer is kept as it is, for the master's checks to report.
      const amounts = answers.map((a) => a.value).filter((v): v is number => typeof v === "number");
      if (amounts.length === answers.length) out.values.set(key, sumAmounts(amounts));
      else if (answers.length === 1) out.values.set(key, answers[0]!.value);
      else out.divergences.push({ key, label: `${label} — ${stageName(kind)} ${period}`, answers: describe(answers) });
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
  if (familleOf(ind.type) === "ratio") {
    if (result.numerateur !== undefined) out.values.set(key("numerateur"), result.numerateur);
    if (result.denominateur !== undefined) out.values.set(key("denominateur"), result.denominateur);
  } else if (typeof result.valeur === "string" && familleOf(ind.type) === "date")
    out.values.set(key("valeur"), excelSerial(result.valeur));
  else if (result.valeur !== undefined) out.values.set(key("valeur"), result.valeur);
}

/**
 * Validation of a filled-in bilan workbook: model + snapshot → findings.
 *
 * Order matters: the metadata is proven first (readMeta), then the structure
 * (model, campaign, sheets, rows by id, labels, formulas, protection), and
 * only then the values, read where their ids say they are now.
 */
import { readEtatsSaisis, type EtatSaisi } from "../register";
import { both, type Bilingual } from "../../i18n";
import type { Schema } from "../../model/schema";
import { structureHash } from "../layout/hash";
import { sommaireName } from "../layout/sommaire";
import { LANGS } from "../../model/vocabulaire";
import { langOf, type PlanMeta, type WorkbookPlan } from "../plan";
import type { Snapshot, SnapValue } from "../snapshot";
import { finding, sortFindings, type Finding } from "./findings";
import { nodeIndex } from "../../model/nodes";
import { isEntered, locate, placeOf } from "./locate";
import { checkRegles } from "./regles";
import { justify } from "./justify";
import { readMeta } from "./readMeta";
import { checkFormulas, checkLabels, checkModel, checkSheets } from "./structure";
import { checkValues, type Completion } from "./checkValues";
import { commentFindings, placeComments, type PlacedComment } from "./comments";
import { statutsHorsPrevision } from "./horsPrevision";
import { NO_COMPLETION } from "./unreadable";

export { type Finding, type Severity, SEVERITIES, countBySeverity } from "./findings";
export type { Completion } from "./checkValues";
export type { PlacedComment } from "./comments";
export { unreadableReport } from "./unreadable";

export interface ValidateOptions {
  /** The model the workbook must be of (by default: the one stored in it). */
  expected?: Schema;
  /** The campaign the workbook must be for. */
  year?: number;
  /** A value more than this factor away from the previous year or the baseline is flagged (default 3). */
  plausibilityFactor?: number;
  /** A value whose modified z-score against its earlier values is beyond this is flagged (default 3.5). */
  outlierThreshold?: number;
}

export interface ValidationReport {
  source: string;
  /** False when the file is no bilan workbook at all (one `fichier.illisible` finding). */
  readable: boolean;
  findings: Finding[];
  meta?: PlanMeta;
  schema?: Schema;
  plan?: WorkbookPlan;
  completion: { fiches: Record<string, Completion>; axes: Record<string, Completion>; total: Completion };
  /** Every bound cell that holds a constant, by binding key, read where its row id says it is. */
  values: Map<string, SnapValue>;
  /** Notes and threaded comments, each with the binding of its cell when it has one (absent: none read). */
  comments?: PlacedComment[];
  /** A master's register of returns: the states typed in its sheet that differ from its metadata. */
  etatsSaisis?: EtatSaisi[];
}

export function validateSnapshot(snapshot: Snapshot, options: ValidateOptions = {}): ValidationReport {
  const base = {
    source: snapshot.source,
    completion: NO_COMPLETION,
    values: new Map<string, SnapValue>(),
    comments: [] as PlacedComment[],
  };
  const read = readMeta(snapshot);
  if (!read.ok) {
    if (read.missing && !snapshot.sheets.some((s) => LANGS.some((l) => s.name === sommaireName(l))))
      return {
        ...base,
        readable: false,
        findings: [finding("fichier.illisible", {}, { reason: both("validate.file.notBilan").message })],
      };
    const f = read.missing
      ? finding("structure.meta-absente", { structure: { valuesTrusted: false } })
      : finding("structure.meta-alteree", { structure: { valuesTrusted: false } }, { detail: read.detail });
    return { ...base, readable: true, findings: [f] };
  }
  const { meta, schema, plan } = read;
  const findings: Finding[] = [];
  if (options.expected) {
    const model = checkModel(schema, meta.structureHash, options.expected, structureHash(options.expected));
    findings.push(...model);
    if (model.some((f) => !f.structure?.valuesTrusted))
      return { ...base, readable: true, findings, meta, schema, plan };
  }
  if (options.year !== undefined && options.year !== meta.campaignYear)
    findings.push(
      finding(
        "structure.campagne-differente",
        { structure: { valuesTrusted: true } },
        { found: meta.campaignYear, expected: options.year },
      ),
    );
  const nodes = nodeIndex(schema);
  findings.push(...checkSheets(plan, snapshot));
  const location = locate(meta, snapshot, nodes);
  findings.push(
    ...location.findings,
    ...checkLabels(plan, snapshot, location, nodes),
    ...checkFormulas(plan, location, nodes),
  );
  const values = checkValues(schema, meta, location, nodes, options.plausibilityFactor ?? 3, options.outlierThreshold);
  findings.push(...values.findings, ...statutsHorsPrevision(schema, plan, snapshot, location, nodes));
  base.comments = placeComments(snapshot, meta, location);
  findings.push(...commentFindings(base.comments, nodes));
  for (const b of meta.bindings) {
    const cell = location.cells.get(b.key)?.cell;
    if (isEntered(b, cell?.value)) base.values.set(b.key, cell.value);
  }
  // The ODPE's rules of the expected model when one is given: rules can be written after the workbooks went out.
  const regles = options.expected?.regles ?? schema.regles;
  findings.push(
    ...checkRegles({
      schema: { ...schema, regles },
      campaign: meta.campaignYear,
      bindings: meta.bindings,
      values: (key) => base.values.get(key),
      place: (b) => {
        const at = location.cells.get(b.key);
        return at && placeOf(b, at, nodes.get(b.node), at.cell?.value);
      },
    }),
  );
  return {
    ...base,
    readable: true,
    ...(meta.register ? { etatsSaisis: readEtatsSaisis(snapshot, meta.register, langOf(meta)) } : {}),
    findings: sortFindings(
      justify(findings, meta.campaignYear, (key) => base.values.get(key)),
      plan.sheets.map((s) => s.name),
    ),
    meta,
    schema,
    plan,
    completion: values.completion,
  };
}

/** Why the values of a report cannot be reused (exported, carried over, merged): the first finding that says so. */
export function untrustedFinding(report: Pick<ValidationReport, "readable" | "findings">): Finding | undefined {
  if (!report.readable) return report.findings[0];
  return report.findings.find((f) => f.structure?.valuesTrusted === false);
}

/** A report read in another thread: all but the plan, which its metadata stands for (the CLI's workers keep it). */
export type ReadReport = Omit<ValidationReport, "plan">;

/** A report whose values can be reused, with the model and plan they belong to. */
export type TrustedReport = ValidationReport & Required<Pick<ValidationReport, "meta" | "schema" | "plan">>;
/** The same, read in another thread: the model without the plan. */
export type TrustedRead = ReadReport & Required<Pick<ReadReport, "meta" | "schema">>;

/** The report, trusted, or why not (a sentence in both languages). */
export function trustedReport(
  report: ValidationReport,
): { ok: true; report: TrustedReport } | { ok: false; reason: Bilingual } {
  const read = trustedRead(report);
  if (!read.ok) return read;
  if (!report.plan) return { ok: false, reason: both("cli.reuse.noMeta") };
  return { ok: true, report: report as TrustedReport };
}

/** A report read in another thread, trusted, or why not. */
export function trustedRead(report: ReadReport): { ok: true; report: TrustedRead } | { ok: false; reason: Bilingual } {
  const blocking = untrustedFinding(report);
  if (blocking) return { ok: false, reason: blocking };
  if (!report.meta || !report.schema) return { ok: false, reason: both("cli.reuse.noMeta") };
  return { ok: true, report: report as TrustedRead };
}

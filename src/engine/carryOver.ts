/**
 * The workflows that make a new workbook from a filled-in one, over plain data so that every host offers them:
 * carry-over to next year's campaign and upgrade to a new version of the model. Each entered value moves by
 * stable id, each comment or note onto the same cell as a note; what has no place any more is kept in the new
 * plan's *Non repris* sheet, with the rows of the old one. The host reads the workbook (snapshot and validation),
 * renders the plan returned and says the counts.
 */
import { both, t, type Bilingual, type Lang } from "../i18n";
import type { Schema } from "../model/schema";
import { layoutWorkbook } from "./layout";
import { langOf, type Scalar, type WorkbookPlan } from "./plan";
import type { Snapshot } from "./snapshot";
import { addNonRepris, nonReprisRows, transferComments, transferValues, type NotCarried } from "./transfer";
import { trustedReport, type TrustedReport, type ValidationReport } from "./validate";
import { nodeIndex } from "../model/nodes";
import { valuesIn } from "./valueWords";

/** A trusted report with the rows of its workbook's *Non repris* sheet, that the next workbook keeps too. */
export type ReusedBilan = TrustedReport & { nonRepris: Scalar[][] };

/** The bilan whose values may be reused, or why not (a workbook whose structure cannot be trusted). */
export function reusedBilan(
  report: ValidationReport,
  snapshot: Snapshot | undefined,
): { ok: true; bilan: ReusedBilan } | { ok: false; reason: Bilingual } {
  const trusted = trustedReport(report);
  if (!trusted.ok) return trusted;
  return { ok: true, bilan: { ...trusted.report, nonRepris: snapshot ? nonReprisRows(snapshot) : [] } };
}

/** The report's comments as notes of `plan`; those without a place are returned, for *Non repris*. */
export function carryComments(
  report: TrustedReport,
  plan: WorkbookPlan,
): { carried: number; notCarried: NotCarried[] } {
  const nodes = nodeIndex(report.schema);
  return transferComments(report.comments ?? [], plan, (id) => nodes.get(id)?.label ?? id);
}

export interface Remade {
  plan: WorkbookPlan;
  /** The new workbook's language: the old one's unless asked otherwise. */
  lang: Lang;
  /** Values put in a cell of the new plan. */
  carried: number;
  /** Rows of the new *Non repris* sheet: values without a cell now, and the old sheet's rows. */
  notCarried: number;
  /** The old workbook's comments and notes: how many, how many found their cell. */
  comments: { total: number; carried: number; notCarried: number };
}

export type RemakeResult = { ok: true; remade: Remade } | { ok: false; error: Bilingual };

/**
 * The workbook of `schema` for `campaignYear`, cut as the old one was, in its language unless `lang` says another,
 * holding every value of `bilan` (statuses and Oui/Non said in the new workbook's language).
 */
export function remakeBilan(
  bilan: ReusedBilan,
  schema: Schema,
  campaignYear: number,
  why: (lang: Lang) => string,
  lang?: Lang,
): RemakeResult {
  const { meta } = bilan;
  const workbookLang = lang ?? langOf(meta);
  const layout = layoutWorkbook(schema, {
    campaignYear,
    granularite: meta.granularite as Schema["granularite"],
    ...(meta.cut ? { cut: { kind: meta.cut.kind, id: meta.cut.id } } : {}),
    lang: workbookLang,
  });
  if (!layout.ok) return { ok: false, error: layout.error };
  const oldNodes = nodeIndex(bilan.schema);
  const values = transferValues(
    valuesIn(bilan.values, schema, workbookLang),
    bilan.plan,
    layout.plan,
    (id) => oldNodes.get(id)?.label ?? id,
  );
  const comments = carryComments(bilan, layout.plan);
  addNonRepris(layout.plan, [...values.notCarried, ...comments.notCarried], bilan.nonRepris, why(workbookLang));
  return {
    ok: true,
    remade: {
      plan: layout.plan,
      lang: workbookLang,
      carried: values.carried,
      notCarried: values.notCarried.length + bilan.nonRepris.length,
      comments: {
        total: bilan.comments?.length ?? 0,
        carried: comments.carried,
        notCarried: comments.notCarried.length,
      },
    },
  };
}

/** Next year's campaign (or a later one) of the same model. */
export function carryOver(bilan: ReusedBilan, year: number, lang?: Lang): RemakeResult {
  const current = bilan.meta.campaignYear;
  if (year <= current) return { ok: false, error: both("carryOver.notLater", { year, current }) };
  // The reason is written into the workbook, in the workbook's language.
  return remakeBilan(bilan, bilan.schema, year, (l) => t(l, "carryOver.why", { year: current }), lang);
}

/** The same campaign under a new version of the same model. */
export function upgrade(bilan: ReusedBilan, schema: Schema, lang?: Lang): RemakeResult {
  if (schema.id !== bilan.schema.id)
    return { ok: false, error: both("upgrade.otherModel", { found: bilan.schema.id, expected: schema.id }) };
  const why = (l: Lang) => t(l, "upgrade.why", { from: bilan.schema.version, to: schema.version });
  return remakeBilan(bilan, schema, bilan.meta.campaignYear, why, lang);
}

/**
 * A bilan workbook read and validated, for the commands that reuse its values
 * (refused with a sentence otherwise), and what a workbook made from it must
 * keep besides: its *Non repris* rows, its comments.
 */
import { inLang, t, type Lang } from "../i18n";
import type { Scalar, WorkbookPlan } from "../engine/plan";
import { trustedReport, type TrustedReport } from "../engine/validate";
import { nodeIndex } from "../engine/validate/locate";
import { nonReprisName, nonReprisRows, transferComments } from "../engine/transfer";
import { langOf } from "../engine/plan";
import { readAndValidate } from "./validateOne";
import { UserError } from "./output";

/** A trusted report with the rows of its workbook's *Non repris* sheet, that the next workbook keeps too. */
export type OpenedBilan = TrustedReport & { nonRepris: Scalar[][] };

export async function openBilan(file: string, lang: Lang): Promise<OpenedBilan> {
  const { report, snapshot } = await readAndValidate(file, {});
  const trusted = trustedReport(report);
  if (!trusted.ok) {
    const reason = inLang(lang, trusted.reason);
    throw new UserError(t(lang, "cli.reuse.refused", { file, reason }));
  }
  return { ...trusted.report, nonRepris: snapshot ? nonReprisRows(snapshot) : [] };
}

/** The report's comments as notes of `plan`; those without a place are returned for *Non repris*, and said on stderr. */
export function carryComments(report: TrustedReport, plan: WorkbookPlan, output: string, lang: Lang) {
  const nodes = nodeIndex(report.schema);
  const comments = report.comments ?? [];
  const moved = transferComments(comments, plan, (id) => nodes.get(id)?.label ?? id);
  if (comments.length)
    process.stderr.write(
      `${t(lang, "cli.reuse.comments", { file: output, carried: moved.carried, notCarried: moved.notCarried.length, sheet: nonReprisName(langOf(plan.meta)) })}\n`,
    );
  return moved.notCarried;
}

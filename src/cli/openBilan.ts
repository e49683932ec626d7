/** A bilan workbook read and validated, for the commands that reuse its values; refused with a sentence otherwise. */
import { t, type Lang } from "../i18n";
import { untrustedFinding, type ValidationReport } from "../engine/validate";
import { validateFile } from "./validate";
import { UserError } from "./output";

export type TrustedReport = ValidationReport & Required<Pick<ValidationReport, "meta" | "schema" | "plan">>;

/** Whether the values of a report can be reused: readable, metadata proven, no structure finding that says otherwise. */
export function untrustedReason(report: ValidationReport, lang: Lang): string | undefined {
  const blocking = untrustedFinding(report);
  if (blocking) return lang === "en" ? blocking.messageEn : blocking.message;
  if (!report.meta || !report.plan || !report.schema) return t(lang, "cli.reuse.noMeta");
  return undefined;
}

export async function openBilan(file: string, lang: Lang): Promise<TrustedReport> {
  const report = await validateFile(file, {});
  const reason = untrustedReason(report, lang);
  if (reason) throw new UserError(t(lang, "cli.reuse.refused", { file, reason }));
  return report as TrustedReport;
}

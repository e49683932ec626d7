/** A bilan workbook read and validated, for the commands that reuse its values; refused with a sentence otherwise. */
import { t, type Lang } from "../i18n";
import { trustedReport, type TrustedReport } from "../engine/validate";
import { validateFile } from "./validate";
import { UserError } from "./output";

export async function openBilan(file: string, lang: Lang): Promise<TrustedReport> {
  const trusted = trustedReport(await validateFile(file, {}));
  if (trusted.ok) return trusted.report;
  const reason = lang === "en" ? trusted.reason.messageEn : trusted.reason.message;
  throw new UserError(t(lang, "cli.reuse.refused", { file, reason }));
}

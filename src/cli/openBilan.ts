/**
 * A bilan workbook read and validated, for the commands that reuse its values (refused with a sentence
 * otherwise), with the rows of its *Non repris* sheet (engine/carryOver.ts).
 */
import { inLang, t, type Lang } from "../i18n";
import { reusedBilan, type Remade, type ReusedBilan } from "../engine/carryOver";
import { readAndValidate } from "./validateOne";
import { UserError } from "./output";

export async function openBilan(file: string, lang: Lang): Promise<ReusedBilan> {
  const { report, snapshot } = await readAndValidate(file, {});
  const reused = reusedBilan(report, snapshot);
  if (!reused.ok) throw new UserError(t(lang, "cli.reuse.refused", { file, reason: inLang(lang, reused.reason) }));
  return reused.bilan;
}

/** How many of the file's comments found their cell in `output`, said on stderr when it had any. */
export function sayComments(comments: Remade["comments"], output: string, lang: Lang, sheet: string): void {
  if (comments.total)
    process.stderr.write(
      `${t(lang, "cli.reuse.comments", { file: output, carried: comments.carried, notCarried: comments.notCarried, sheet })}\n`,
    );
}

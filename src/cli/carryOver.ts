/**
 * `bilan carry-over FILE --year NEXT -o NEW.xlsx` and `bilan upgrade FILE --schema NEWMODEL -o NEW.xlsx`: the
 * engine's workflows (engine/carryOver.ts) over a file, the new workbook written to `-o`.
 */
import { inLang, t, type Lang } from "../i18n";
import { carryOver, upgrade, type RemakeResult } from "../engine/carryOver";
import { nonReprisName } from "../engine/transfer";
import { renderPlanToXlsx } from "../hosts/xlsx/renderPlan";
import { loadSchemaOrFail } from "./loadSchema";
import { openBilan, sayComments } from "./openBilan";
import { checkWorkbookName, UserError, writeOutput } from "./output";

export interface RemakeOptions {
  output: string;
  force: boolean;
  /** The new workbook's language, when `--lang` gives one; the old workbook's otherwise. */
  lang?: Lang;
}

/** Writes the remade workbook; `inputs` are every file read, which the output may not replace. */
async function write(result: RemakeResult, o: RemakeOptions, lang: Lang, inputs: string[]): Promise<number> {
  if (!result.ok) throw new UserError(inLang(lang, result.error));
  const { plan, carried, notCarried, comments } = result.remade;
  sayComments(comments, o.output, lang, nonReprisName(result.remade.lang));
  writeOutput(o.output, await renderPlanToXlsx(plan), o.force, lang, inputs);
  process.stderr.write(
    `${t(lang, "cli.reuse.done", { file: o.output, carried, notCarried, sheet: nonReprisName(result.remade.lang) })}\n`,
  );
  return 0;
}

export async function carryOverCommand(file: string, o: RemakeOptions & { year: number }, lang: Lang): Promise<number> {
  checkWorkbookName(o.output, lang);
  const bilan = await openBilan(file, lang);
  return write(carryOver(bilan, o.year, o.lang), o, lang, [file]);
}

export async function upgradeCommand(file: string, o: RemakeOptions & { schema: string }, lang: Lang): Promise<number> {
  checkWorkbookName(o.output, lang);
  const bilan = await openBilan(file, lang);
  const schema = await loadSchemaOrFail(o.schema, lang);
  return write(upgrade(bilan, schema, o.lang), o, lang, [file, o.schema]);
}

/**
 * `bilan consolidate FILE… -o MASTER.xlsx`: merges partner / territory
 * workbooks into a master (values rolled up in the bilan sheets, every
 * source's values in a « Valeurs par source » sheet). Exit code: 2 when a
 * file could not be read, 1 when a file was rejected, else 0.
 */
import { inLang, t, type Lang } from "../i18n";
import { consolidate, type ConsolidationSource } from "../engine/consolidate";
import { masterPlan, PAR_SOURCE } from "../engine/consolidateMaster";
import { renderPlanToXlsx } from "../hosts/xlsx/renderPlan";
import { inputFilesOrFail } from "./inputFiles";
import { loadSchemaOrFail } from "./loadSchema";
import { checkWorkbookName, sameFile, UserError, writeOutput } from "./output";
import { validateFile } from "./validate";

export interface ConsolidateOptions {
  output: string;
  force: boolean;
  schema?: string;
  /** The master's language, when `--lang` gives one; else the reference file's. */
  lang?: Lang;
}

export async function consolidateCommand(args: string[], o: ConsolidateOptions, lang: Lang): Promise<number> {
  checkWorkbookName(o.output, lang);
  const expected = o.schema ? await loadSchemaOrFail(o.schema, lang) : undefined;
  const say = (line: string) => process.stderr.write(`${line}\n`);
  const sources: ConsolidationSource[] = [];
  for (const file of inputFilesOrFail(args, lang)) {
    const report = await validateFile(file, expected ? { expected } : {});
    // The master this run replaces (with --force, it may sit among the inputs, in the returns' folder) is no
    // source of it; any other input named as the output is refused, whatever --force says.
    if (sameFile(file, o.output)) {
      if (!report.meta?.sources?.length) throw new UserError(t(lang, "file.isInput", { file: o.output, input: file }));
      say(t(lang, "cli.consolidate.ownOutput", { file }));
    } else sources.push({ file, report });
  }
  const c = consolidate(sources, {
    ...(expected ? { schema: expected } : {}),
    ...(o.lang ? { lang: o.lang } : {}),
  });
  const reason = (r: { reason: { message: string; messageEn: string } }) => inLang(lang, r.reason);
  for (const a of c.accepted) say(t(lang, "cli.consolidate.accepted", a));
  for (const r of c.setAside) say(t(lang, "cli.consolidate.setAside", { file: r.file, reason: reason(r) }));
  for (const r of c.rejected) say(t(lang, "cli.consolidate.rejected", { file: r.file, reason: reason(r) }));
  for (const d of c.divergences) say(t(lang, "cli.consolidate.divergent", d));
  for (const o of c.outliers) say(inLang(lang, o));
  const code = c.rejected.some((r) => r.unreadable) ? 2 : c.rejected.length ? 1 : 0;
  const master = masterPlan(c);
  if (!master.ok) {
    if (c.parSource) throw new UserError(inLang(lang, master.error));
    say(t(lang, "consolidate.nothing"));
    return Math.max(code, 1);
  }
  writeOutput(o.output, await renderPlanToXlsx(master.plan), o.force, lang, [
    ...sources.map((x) => x.file),
    ...(o.schema ? [o.schema] : []),
  ]);
  say(
    t(lang, "cli.consolidate.done", {
      file: o.output,
      count: c.accepted.length,
      values: master.carried,
      sheet: c.parSource?.name ?? PAR_SOURCE,
    }),
  );
  return code;
}

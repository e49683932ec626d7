/**
 * `bilan consolidate FILE… -o MASTER.xlsx`: merges partner / territory
 * workbooks into a master (values rolled up in the bilan sheets, every
 * source's values in a « Valeurs par source » sheet). Exit code: 2 when a
 * file could not be read, 1 when a file was rejected, else 0.
 */
import { t, type Lang } from "../i18n";
import type { Schema } from "../model/schema";
import { consolidate, type ConsolidationSource } from "../engine/consolidate";
import { layoutWorkbook } from "../engine/layout";
import { buildTableSheet } from "../engine/layout/tableSheet";
import { addNonRepris, transferValues } from "../engine/transfer";
import { renderPlanToXlsx } from "../hosts/xlsx/renderPlan";
import { inputFilesOrFail } from "./inputFiles";
import { loadSchemaOrFail } from "./loadSchema";
import { UserError, writeOutput } from "./output";
import { validateFile } from "./validate";

export const PAR_SOURCE = "Valeurs par source";

export interface ConsolidateOptions {
  output: string;
  force: boolean;
  schema?: string;
}

export async function consolidateCommand(args: string[], o: ConsolidateOptions, lang: Lang): Promise<number> {
  const expected = o.schema ? await loadSchemaOrFail(o.schema, lang) : undefined;
  const files = inputFilesOrFail(args, lang);
  const sources: ConsolidationSource[] = [];
  for (const file of files) sources.push({ file, report: await validateFile(file, expected ? { expected } : {}) });
  const c = consolidate(sources, expected);
  const say = (line: string) => process.stderr.write(`${line}\n`);
  for (const a of c.accepted) say(t(lang, "cli.consolidate.accepted", a));
  for (const r of c.rejected)
    say(
      t(lang, "cli.consolidate.rejected", {
        file: r.file,
        reason: lang === "en" ? r.reason.messageEn : r.reason.message,
      }),
    );
  for (const d of c.divergences) say(t(lang, "cli.consolidate.divergent", d));
  const code = c.rejected.some((r) => r.unreadable) ? 2 : c.rejected.length ? 1 : 0;
  if (!c.schema || !c.meta || !c.accepted.length) {
    say(t(lang, "cli.consolidate.nothing"));
    return Math.max(code, 1);
  }
  const layout = layoutWorkbook(c.schema, {
    campaignYear: c.meta.campaignYear,
    granularite: c.meta.granularite as Schema["granularite"],
  });
  if (!layout.ok) throw new UserError(lang === "en" ? layout.error.messageEn : layout.error.message);
  // Every key has its cell in a whole workbook; should one not, it is kept aside, not lost.
  const { carried, notCarried } = transferValues(c.values, layout.plan, layout.plan, (id) => id);
  addNonRepris(layout.plan, notCarried, [], "sans cellule dans le classeur maître");
  const detail = buildTableSheet({
    name: PAR_SOURCE,
    title: "Valeurs par source",
    note: `Consolidation de ${c.accepted.length} classeur(s) : ${c.accepted.map((a) => a.who).join(", ")}.`,
    columns: [
      ["Source", 30],
      ["Clé", 34],
      ["Élément", 48],
      ["Valeur", 30],
    ],
    rows: c.detail,
  });
  layout.plan.sheets.splice(layout.plan.sheets.length - 1, 0, detail.plan);
  writeOutput(o.output, await renderPlanToXlsx(layout.plan), o.force, lang, [
    ...files,
    ...(o.schema ? [o.schema] : []),
  ]);
  say(
    t(lang, "cli.consolidate.done", { file: o.output, count: c.accepted.length, values: carried, sheet: PAR_SOURCE }),
  );
  return code;
}

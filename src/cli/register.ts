/**
 * `bilan register MASTER.xlsx`: prints a master's register of returns (table, CSV or JSON), read from its
 * metadata with the states typed in its *Suivi des retours* sheet. The file is only read. Exit code: 2 when it
 * cannot be read or holds no register, else 0.
 */
import { inLang, t, type Lang } from "../i18n";
import { trustedRead } from "../engine/validate";
import { bindingsByKey } from "../engine/plan";
import { applyEtatsSaisis } from "../engine/register";
import { registerCsv, registerJson, registerTable } from "../engine/registerReport";
import { UserError, writeOutput } from "./output";
import { validateFile } from "./validate";

export interface RegisterCliOptions {
  format: "table" | "csv" | "json";
  output?: string;
  force: boolean;
  delimiter: string;
  bom: boolean;
}

export async function registerCommand(file: string, o: RegisterCliOptions, lang: Lang): Promise<number> {
  const read = trustedRead(await validateFile(file));
  if (!read.ok) throw new UserError(t(lang, "format.labelled", { label: file, text: inLang(lang, read.reason) }));
  const { meta, schema } = read.report;
  if (!meta.register) throw new UserError(t(lang, "cli.register.none", { file }));
  // What the ODPE typed in the sheet is the state now, read today (the next consolidation records it for good).
  const register = applyEtatsSaisis(meta.register, read.report.etatsSaisis ?? [], new Date().toISOString());
  for (const e of read.report.etatsSaisis ?? [])
    if (!e.etat) process.stderr.write(`${t(lang, "cli.consolidate.etatInconnu", { where: e.where, text: e.text })}\n`);
  const text =
    o.format === "json"
      ? registerJson(register, lang, bindingsByKey(meta.bindings), schema)
      : o.format === "csv"
        ? registerCsv(register, lang, schema, { delimiter: o.delimiter, bom: o.bom })
        : registerTable(register, lang, schema);
  if (o.output) writeOutput(o.output, text, o.force, lang, [file]);
  else process.stdout.write(text);
  return 0;
}

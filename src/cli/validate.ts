/**
 * `bilan validate FILE…`: checks partner workbooks. Input files are only
 * ever read. Exit code: 2 when a file could not be read, else 1 when a
 * finding of severity erreur exists, else 0.
 */
import { inLang, t, type Lang } from "../i18n";
import type { Finding } from "../engine/validate/findings";
import type { ReadReport } from "../engine/validate";
import { countBySeverity } from "../engine/validate/findings";
import { reportCsv, reportJson, reportTable } from "../engine/validate/report";
import { inputFilesOrFail } from "./inputFiles";
import { validateFile } from "./isolation";
import { loadSchemaOrFail } from "./loadSchema";
import { writeOutput } from "./output";

/** One file's report, read in a worker (isolation.ts); the other commands take it from here. */
export { validateFile };

export interface ValidateCliOptions {
  schema?: string;
  year?: number;
  format: "table" | "csv" | "json";
  output?: string;
  force: boolean;
  delimiter: string;
  bom: boolean;
  factor: number;
  zThreshold: number;
}

/** One line per file: counts by severity and the share of expected inputs filled, or why it could not be read. */
export function summaryLine(file: string, report: ReadReport, lang: Lang): string {
  if (!report.readable) return t(lang, "format.labelled", { label: file, text: inLang(lang, report.findings[0]!) });
  const counts = countBySeverity(report.findings);
  const { required, filled } = report.completion.total;
  return t(lang, "cli.validate.summary", {
    file,
    errors: counts.erreur,
    warnings: counts.avertissement,
    infos: counts.info,
    filled,
    required,
    percent: required ? Math.round((100 * filled) / required) : 100,
  });
}

export async function validateCommand(args: string[], o: ValidateCliOptions, lang: Lang): Promise<number> {
  const expected = o.schema ? await loadSchemaOrFail(o.schema, lang) : undefined;
  const files = inputFilesOrFail(args, lang);
  const all: Finding[] = [];
  let unreadable = false;
  for (const file of files) {
    const report = await validateFile(file, {
      ...(expected ? { expected } : {}),
      ...(o.year ? { year: o.year } : {}),
      factor: o.factor,
      zThreshold: o.zThreshold,
      findingsOnly: true,
    });
    for (const f of report.findings) all.push({ ...f, file });
    unreadable ||= !report.readable;
    process.stderr.write(`${summaryLine(file, report, lang)}\n`);
  }
  const text =
    o.format === "json"
      ? reportJson(all, lang)
      : o.format === "csv"
        ? reportCsv(all, lang, { delimiter: o.delimiter, bom: o.bom })
        : reportTable(all, lang);
  if (o.output) writeOutput(o.output, text, o.force, lang, files);
  else process.stdout.write(text);
  return unreadable ? 2 : all.some((f) => f.severity === "erreur") ? 1 : 0;
}

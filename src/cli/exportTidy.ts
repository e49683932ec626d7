/**
 * `bilan export FILE… --format csv|json -o OUT`: the values of one or many
 * bilan workbooks in the tidy long format. A file that cannot be trusted is
 * left out and named, with its reason (exit 2 if unreadable, else 1).
 */
import { inLang, t, type Lang } from "../i18n";
import { writeCsv } from "../model/referentiel/csv";
import { TIDY_COLUMNS, tidyRows, type TidyRow } from "../engine/tidy";
import { inputFilesOrFail } from "./inputFiles";
import { trustedRead } from "../engine/validate";
import { writeOutput } from "./output";
import { validateFile } from "./validate";

export interface ExportTidyOptions {
  format: "csv" | "json";
  output?: string;
  force: boolean;
  delimiter: string;
  bom: boolean;
}

export async function exportTidyCommand(args: string[], o: ExportTidyOptions, lang: Lang): Promise<number> {
  const files = inputFilesOrFail(args, lang);
  const rows: TidyRow[] = [];
  let code = 0;
  for (const file of files) {
    const report = await validateFile(file, {});
    const trusted = trustedRead(report);
    if (!trusted.ok) {
      const reason = inLang(lang, trusted.reason);
      process.stderr.write(`${t(lang, "cli.exportTidy.skipped", { file, reason })}\n`);
      code = Math.max(code, report.readable ? 1 : 2);
      continue;
    }
    const { schema, meta, values } = trusted.report;
    const mine = tidyRows(file, schema, meta, values);
    rows.push(...mine);
    process.stderr.write(`${t(lang, "cli.exportTidy.file", { file, rows: mine.length })}\n`);
  }
  const text =
    o.format === "json"
      ? `${JSON.stringify(rows, null, 2)}\n`
      : writeCsv([[...TIDY_COLUMNS], ...rows.map((r) => TIDY_COLUMNS.map((c) => r[c]))], {
          delimiter: o.delimiter,
          bom: o.bom,
          escapeFormulas: true,
        });
  if (o.output) writeOutput(o.output, text, o.force, lang, files);
  else process.stdout.write(text);
  return code;
}

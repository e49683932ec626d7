/**
 * `bilan validate FILE…`: checks partner workbooks. Input files are only
 * ever read. Exit code: 2 when a file could not be read, else 1 when a
 * finding of severity erreur exists, else 0.
 */
import { existsSync, readFileSync } from "node:fs";
import { basename } from "node:path";
import { t, type Lang } from "../i18n";
import type { Schema } from "../model/schema";
import type { Finding } from "../engine/validate/findings";
import type { Snapshot } from "../engine/snapshot";
import { countBySeverity, unreadableReport, validateSnapshot, type ValidationReport } from "../engine/validate";
import { reportCsv, reportJson, reportTable } from "../engine/validate/report";
import { snapshotXlsx } from "../hosts/xlsx/snapshot";
import { inputFilesOrFail } from "./inputFiles";
import { loadSchemaOrFail } from "./loadSchema";
import { writeOutput } from "./output";

export interface ValidateCliOptions {
  schema?: string;
  year?: number;
  format: "table" | "csv" | "json";
  output?: string;
  force: boolean;
  delimiter: string;
  bom: boolean;
  factor: number;
}

type FileOptions = { expected?: Schema; year?: number; factor?: number };

/** One file: its report, or one `fichier.illisible` finding when it cannot be read. */
export async function validateFile(file: string, options: FileOptions): Promise<ValidationReport> {
  return (await readAndValidate(file, options)).report;
}

/** The report of a file and, when it could be read, its snapshot (for what a workbook made from it keeps). */
export async function readAndValidate(
  file: string,
  options: FileOptions,
): Promise<{ report: ValidationReport; snapshot?: Snapshot }> {
  if (!existsSync(file)) return { report: unreadableReport(file, "validate.file.notFound") };
  let data: Buffer;
  try {
    data = readFileSync(file);
  } catch (e) {
    return { report: unreadableReport(file, "validate.file.unparsable", { detail: (e as Error).message }) };
  }
  const snap = await snapshotXlsx(data, basename(file));
  if (!snap.ok) return { report: unreadableReport(file, snap.refusal.key, snap.refusal.params) };
  const report = validateSnapshot(snap.snapshot, {
    ...(options.expected ? { expected: options.expected } : {}),
    ...(options.year !== undefined ? { year: options.year } : {}),
    ...(options.factor !== undefined ? { plausibilityFactor: options.factor } : {}),
  });
  return { report, snapshot: snap.snapshot };
}

/** One line per file: counts by severity and the share of expected inputs filled, or why it could not be read. */
export function summaryLine(file: string, report: ValidationReport, lang: Lang): string {
  if (!report.readable)
    return `${file} : ${lang === "en" ? report.findings[0]!.messageEn : report.findings[0]!.message}`;
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
  if (o.output) writeOutput(o.output, text, o.force, lang);
  else process.stdout.write(text);
  return unreadable ? 2 : all.some((f) => f.severity === "erreur") ? 1 : 0;
}

/** Findings as reports: JSON, CSV (same columns) and a plain table for the terminal. */
import { inLang, type Lang } from "../../i18n";
import { writeCsv, type CsvOptions } from "../../model/referentiel/csv";
import { expectedIn, severityWord, type Finding } from "./findings";

export const REPORT_COLUMNS = [
  "file",
  "severity",
  "rule",
  "sheet",
  "cell",
  "axe",
  "fiche",
  "node",
  "value",
  "expected",
  "message",
] as const;

type ReportRow = Partial<Record<(typeof REPORT_COLUMNS)[number], string | number | boolean>>;

/** One finding as a report row, its words (severity, expected, message) in the language asked for. */
export function reportRow(f: Finding, lang: Lang): ReportRow {
  const row: ReportRow = {};
  const inWords: Partial<Record<(typeof REPORT_COLUMNS)[number], string | undefined>> = {
    severity: severityWord(lang, f.severity),
    expected: expectedIn(lang, f),
    message: inLang(lang, f),
  };
  for (const key of REPORT_COLUMNS) {
    const v = key in inWords ? inWords[key] : f[key];
    if (v !== undefined) row[key] = v;
  }
  return row;
}

export function reportJson(findings: Finding[], lang: Lang): string {
  return `${JSON.stringify(
    findings.map((f) => reportRow(f, lang)),
    null,
    2,
  )}\n`;
}

export function reportCsv(findings: Finding[], lang: Lang, options: CsvOptions = {}): string {
  const rows = findings.map((f) => {
    const r = reportRow(f, lang);
    return REPORT_COLUMNS.map((k) => r[k]);
  });
  return writeCsv([[...REPORT_COLUMNS], ...rows], { ...options, escapeFormulas: true });
}

/** `fichier.xlsx  erreur  'Axe 1'!E12  type.decimales  message`, aligned for reading. */
export function reportTable(findings: Finding[], lang: Lang): string {
  const rows = findings.map((f) => [
    f.file ?? "",
    severityWord(lang, f.severity),
    f.sheet ? `${f.sheet}${f.cell ? `!${f.cell}` : ""}` : "",
    f.rule,
    inLang(lang, f),
  ]);
  const widths = [0, 1, 2, 3].map((i) => Math.min(40, Math.max(0, ...rows.map((r) => r[i]!.length))));
  return (
    rows.map((r) => r.map((c, i) => (i < 4 ? c.padEnd(widths[i]!) : c)).join("  ")).join("\n") +
    (rows.length ? "\n" : "")
  );
}

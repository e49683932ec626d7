/**
 * The review report, in markdown: one table row per decision the import was unsure of (its key, line, text and
 * what was chosen), so that a person reviews a few lines, not the whole document, and corrects by key.
 */
import { t, type Lang } from "../../i18n";
import type { Decision } from "./decisions";

const cell = (s: string) => s.replace(/\|/g, "\\|").replace(/\s+/g, " ").trim();

export function reviewReport(file: string, decisions: Decision[], lang: Lang): string {
  const open = decisions.filter((d) => !d.corrected);
  const lines = [
    `# ${t(lang, "importText.report.title", { file })}`,
    "",
    t(lang, "importText.report.summary", { count: open.length, corrected: decisions.length - open.length }),
    "",
    t(lang, "importText.report.howTo"),
    "",
    `| ${t(lang, "importText.report.columns").split("|").join(" | ")} |`,
    "|---|---|---|---|---|---|",
  ];
  for (const d of decisions)
    lines.push(
      `| \`${d.key}\` | ${d.line || ""} | ${d.fiche ?? ""} | ${t(lang, `importText.kind.${d.kind}`)} | ${cell(d.text.slice(0, 300))} | ${cell(
        `${d.corrected ? "✔ " : ""}${JSON.stringify(d.chosen) ?? ""}`,
      )} |`,
    );
  return `${lines.join("\n")}\n`;
}

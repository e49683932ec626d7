/** Writing results: never over an existing file unless asked, and say where it went. */
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { t, type Lang } from "../i18n";
import { formatIssue, type ModelIssue } from "../model/issues";

export class UserError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
  }
}

export function writeOutput(file: string, content: string | Buffer, force: boolean, lang: Lang): void {
  if (existsSync(file) && !force) throw new UserError(t(lang, "file.exists", { file }));
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, content);
  process.stderr.write(`${t(lang, "cli.written", { file })}\n`);
}

/** How a file was read (its encoding): on stderr, so that it never mixes with a model or a report on stdout. */
export function printInfos(infos: ModelIssue[] | undefined, lang: Lang): void {
  const colon = lang === "en" ? ": " : " : ";
  for (const i of infos ?? []) process.stderr.write(`${t(lang, "cli.info")}${colon}${formatIssue(i, lang)}\n`);
}

export function printIssues(file: string, errors: ModelIssue[], warnings: ModelIssue[], lang: Lang): void {
  const colon = lang === "en" ? ": " : " : ";
  const line = (key: "cli.error" | "cli.warning", i: ModelIssue) =>
    process.stdout.write(`${file}${colon}${t(lang, key)}${colon}${formatIssue(i, lang)}\n`);
  errors.forEach((e) => line("cli.error", e));
  warnings.forEach((w) => line("cli.warning", w));
}

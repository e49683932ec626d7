/**
 * Writing results: never over an existing file unless asked, never over an
 * input even when asked, never a half-written file, and say where it went.
 */
import { existsSync, mkdirSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, extname, join } from "node:path";
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

/**
 * Writes `content` to `file`. `inputs` are the files the command read: the
 * output may not be one of them, under any name (same path, a symbolic or a
 * hard link: same device and inode), `--force` or not.
 */
export function writeOutput(
  file: string,
  content: string | Buffer,
  force: boolean,
  lang: Lang,
  inputs: readonly string[],
): void {
  if (existsSync(file)) {
    const input = inputs.find((i) => sameFile(i, file));
    if (input !== undefined) throw new UserError(t(lang, "file.isInput", { file, input }));
    if (!force) throw new UserError(t(lang, "file.exists", { file }));
  }
  // Through a symbolic link, the file it points to is replaced, as a plain write would.
  const target = existsSync(file) ? realpathSync(file) : file;
  mkdirSync(dirname(target), { recursive: true });
  // Written beside, then renamed over: a failed write (disk full…) leaves the old file whole.
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
  try {
    writeFileSync(temp, content);
    renameSync(temp, target);
  } catch (e) {
    rmSync(temp, { force: true });
    throw e;
  }
  process.stderr.write(`${t(lang, "cli.written", { file })}\n`);
}

/**
 * A workbook is written to a `.xlsx` file: under another name (`bilan.txt`, `bilan.xls`, no extension) Excel would
 * refuse it or misread it, and the user would not find it. Checked before any work.
 */
export function checkWorkbookName(file: string, lang: Lang): void {
  if (extname(file).toLowerCase() === ".xlsx") return;
  const suggestion = `${extname(file) ? file.slice(0, -extname(file).length) : file}.xlsx`;
  throw new UserError(t(lang, "cli.notWorkbook", { file, suggestion }));
}

/** The same file under any name: same device and inode (symbolic and hard links included). */
export function sameFile(a: string, b: string): boolean {
  try {
    const x = statSync(a);
    const y = statSync(b);
    return x.dev === y.dev && x.ino === y.ino;
  } catch {
    return false;
  }
}

/** How a file was read (its encoding): on stderr, so that it never mixes with a model or a report on stdout. */
export function printInfos(infos: ModelIssue[] | undefined, lang: Lang): void {
  for (const i of infos ?? [])
    process.stderr.write(`${t(lang, "format.labelled", { label: t(lang, "cli.info"), text: formatIssue(i, lang) })}\n`);
}

export function printIssues(file: string, errors: ModelIssue[], warnings: ModelIssue[], lang: Lang): void {
  const labelled = (label: string, text: string) => t(lang, "format.labelled", { label, text });
  const line = (key: "cli.error" | "cli.warning", i: ModelIssue) =>
    process.stdout.write(`${labelled(file, labelled(t(lang, key), formatIssue(i, lang)))}\n`);
  errors.forEach((e) => line("cli.error", e));
  warnings.forEach((w) => line("cli.warning", w));
}

/** The files a command is given: paths, folders (every .xlsx inside) and quoted globs, in a stable order. */
import { existsSync, statSync } from "node:fs";
import fg from "fast-glob";
import { t, type Lang } from "../i18n";
import { UserError } from "./output";

const XLSX = "**/*.xlsx";
/** Excel's lock files (`~$Classeur.xlsx`) are not workbooks. */
const isLockFile = (path: string) => /(^|[\\/])~\$/.test(path);

export function expandInputs(args: string[]): string[] {
  const out: string[] = [];
  for (const arg of args) {
    if (existsSync(arg) && statSync(arg).isDirectory()) {
      out.push(
        ...fg
          .sync(XLSX, { cwd: arg, absolute: false, caseSensitiveMatch: false })
          .sort()
          .map((f) => `${arg.replace(/[\\/]$/, "")}/${f}`),
      );
    } else if (!existsSync(arg) && fg.isDynamicPattern(arg)) {
      out.push(...fg.sync(arg.replace(/\\/g, "/"), { caseSensitiveMatch: false }).sort());
    } else out.push(arg);
  }
  return [...new Set(out)].filter((f) => !isLockFile(f));
}

/** The files, or a UserError when the arguments name none. */
export function inputFilesOrFail(args: string[], lang: Lang): string[] {
  const files = expandInputs(args);
  if (!files.length) throw new UserError(t(lang, "cli.validate.noFiles", { args: args.join(" ") }));
  return files;
}

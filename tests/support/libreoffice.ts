/**
 * LibreOffice in tests and in the preview script: convert a workbook (to .xlsx,
 * which recalculates every formula, or to .pdf) with `soffice --headless`.
 *
 * Each process gets a fresh user profile whose only setting is "always
 * recalculate OOXML files on load" (Calc's default is never: it would keep
 * the cached results written by the generator and prove nothing).
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, extname, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

export type ConvertFormat = "xlsx" | "pdf" | "csv";

/** Export filters (no shell here: no quotes around the filter name). */
const FILTERS: Record<ConvertFormat, string> = {
  xlsx: "xlsx:Calc MS Excel 2007 XML",
  pdf: "pdf:calc_pdf_Export",
  // The first sheet, comma-separated, UTF-8 (76), each cell as it is shown (its number format applied).
  csv: "csv:Text - txt - csv (StarCalc):44,34,76,1",
};

const CANDIDATES = [
  "/usr/bin/soffice",
  "/usr/lib/libreoffice/program/soffice",
  "/opt/libreoffice/program/soffice",
  "/Applications/LibreOffice.app/Contents/MacOS/soffice",
  "C:\\Program Files\\LibreOffice\\program\\soffice.exe",
];

/** `0` = always recalculate formulas of OOXML files on load (1 = never, 2 = ask). */
export const RECALC_XCU = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

export type LibreOfficeStatus = { ok: true; soffice: string } | { ok: false; reason: string };

let status: LibreOfficeStatus | undefined;

/** Where soffice is: `$SOFFICE`, else `soffice` on the PATH, else the usual install places. */
export function libreOffice(): LibreOfficeStatus {
  if (status) return status;
  const fromEnv = process.env.SOFFICE;
  if (fromEnv) {
    status = existsSync(fromEnv)
      ? { ok: true, soffice: fromEnv }
      : { ok: false, reason: `SOFFICE=${fromEnv} does not exist` };
    return status;
  }
  const which = spawnSync(process.platform === "win32" ? "where" : "which", ["soffice"], { encoding: "utf8" });
  const onPath = which.status === 0 ? which.stdout.split(/\r?\n/)[0]?.trim() : undefined;
  const found = onPath || CANDIDATES.find((p) => existsSync(p));
  status = found
    ? { ok: true, soffice: found }
    : {
        ok: false,
        reason:
          "LibreOffice (soffice) is not installed: install the Debian package libreoffice-calc " +
          "(apt-get install -y --no-install-recommends libreoffice-calc) or set SOFFICE to its path.",
      };
  return status;
}

let profile: string | undefined;

/** A fresh user profile for this process, with the recalculation setting written before the first start. */
export function libreOfficeProfile(): string {
  if (profile && existsSync(profile)) return profile;
  profile = mkdtempSync(join(tmpdir(), "bilan-lo-profile-"));
  mkdirSync(join(profile, "user"), { recursive: true });
  writeFileSync(join(profile, "user", "registrymodifications.xcu"), RECALC_XCU, "utf8");
  return profile;
}

/** Removes this process's profile (the next conversion makes a new one). */
export function disposeLibreOfficeProfile(): void {
  if (profile) rmSync(profile, { recursive: true, force: true });
  profile = undefined;
}

export interface ConvertOptions {
  /** Default 90 s: the first start with a new profile takes a few seconds. */
  timeoutMs?: number;
}

/**
 * Converts `inputPath` into `outDir` and returns the path of the new file.
 * `outDir` must not be the input's folder when converting .xlsx to .xlsx.
 */
export async function convertWithLibreOffice(
  inputPath: string,
  outDir: string,
  format: ConvertFormat,
  options: ConvertOptions = {},
): Promise<string> {
  return (await convertAllWithLibreOffice([inputPath], outDir, format, options))[0]!;
}

/** Several files in one start of LibreOffice (a start takes seconds); their names must differ. */
export async function convertAllWithLibreOffice(
  inputPaths: string[],
  outDir: string,
  format: ConvertFormat,
  options: ConvertOptions = {},
): Promise<string[]> {
  const lo = libreOffice();
  if (!lo.ok) throw new Error(lo.reason);
  const inputs = inputPaths.map((p) => resolve(p));
  const out = resolve(outDir);
  const targets = inputs.map((input) => join(out, `${basename(input, extname(input))}.${format}`));
  if (new Set(targets).size !== targets.length) throw new Error("convertAllWithLibreOffice: two inputs share a name");
  for (const [i, target] of targets.entries())
    if (target === inputs[i])
      throw new Error(`convertAllWithLibreOffice: ${target} would be overwritten; choose another outDir`);
  mkdirSync(out, { recursive: true });
  for (const target of targets) rmSync(target, { force: true });
  const args = [
    `-env:UserInstallation=${pathToFileURL(libreOfficeProfile()).href}`,
    "--headless",
    "--norestore",
    "--nologo",
    "--nodefault",
    "--nolockcheck",
    "--convert-to",
    FILTERS[format],
    "--outdir",
    out,
    ...inputs,
  ];
  const timeoutMs = options.timeoutMs ?? 90_000;
  const { code, output, timedOut } = await run(lo.soffice, args, timeoutMs);
  const what = inputs.join(", ");
  if (timedOut)
    throw new Error(`LibreOffice did not convert ${what} to ${format} within ${timeoutMs / 1000} s\n${output}`);
  const missing = targets.filter((t) => !existsSync(t));
  if (code !== 0 || missing.length)
    throw new Error(
      `LibreOffice failed to convert ${what} to ${format} (exit code ${code}); expected ${missing.join(", ")}\n${output}`,
    );
  return targets;
}

function run(
  command: string,
  args: string[],
  timeoutMs: number,
): Promise<{ code: number | null; output: string; timedOut: boolean }> {
  return new Promise((done, fail) => {
    // Own process group: on timeout, soffice and the soffice.bin it starts are stopped together.
    const child = spawn(command, args, { stdio: ["ignore", "pipe", "pipe"], detached: process.platform !== "win32" });
    let output = "";
    let timedOut = false;
    child.stdout.on("data", (d: Buffer) => (output += d.toString()));
    child.stderr.on("data", (d: Buffer) => (output += d.toString()));
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        if (child.pid && process.platform !== "win32") process.kill(-child.pid, "SIGKILL");
        else child.kill("SIGKILL");
      } catch (_e) {
        // already gone
      }
    }, timeoutMs);
    child.on("error", (e) => {
      clearTimeout(timer);
      fail(e);
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      done({ code, output, timedOut });
    });
  });
}

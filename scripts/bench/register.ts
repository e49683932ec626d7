/**
 * Consolidation with the register of returns, at an ODPE's scale:
 *   tsx scripts/bench/register.ts [count]
 * writes `count` (40) partner returns of the Essonne workbook (cuts by partner, filled at random), consolidates
 * them with `bilan consolidate` (the register made), then again after 5 of them were resubmitted (the register
 * updated, their modifications listed). Each run is its own process, timed, with its peak memory (GNU time's
 * maximum resident set). Needs `npm run build:cli`. Prints one JSON line per run.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadBuiltin } from "../../src/model/builtins";
import { layoutWorkbook } from "../../src/engine/layout";
import { expectedReturns } from "../../src/engine/register";
import { renderPlanToXlsx } from "../../src/hosts/xlsx/renderPlan";
import { fillRandom } from "../../tests/support/fillRandom";

const BIN = join(__dirname, "..", "..", "bin", "bilan.js");

async function writeReturn(dir: string, partner: string, seed: number) {
  const schema = loadBuiltin("essonne_2022_2026");
  const layout = layoutWorkbook(schema, {
    campaignYear: schema.periode.debut + 2,
    cut: { kind: "partenaire", id: partner },
  });
  if (!layout.ok) throw new Error(layout.error.message);
  writeFileSync(join(dir, `${partner}.xlsx`), await renderPlanToXlsx(fillRandom(layout.plan, schema, seed)));
}

/** One `bilan consolidate` of the folder into its master, under GNU time: what it wrote on stderr, time's line last. */
function consolidate(dir: string, force: boolean): string {
  const args = ["-f", "bench:%e %M %U %S", process.execPath, BIN, "consolidate", dir, "-o", join(dir, "maitre.xlsx")];
  // A file with errors or refused exits 1: the run is measured all the same.
  const r = spawnSync("/usr/bin/time", [...args, ...(force ? ["--force"] : [])], {
    encoding: "utf8",
    maxBuffer: 1 << 26,
  });
  if (!/bench:/.test(r.stderr)) throw new Error(r.stderr || String(r.error));
  return r.stderr;
}

function figures(run: string, files: number, stderr: string) {
  const m = /bench:([\d.]+) (\d+) ([\d.]+) ([\d.]+)/.exec(stderr)!;
  return {
    run,
    files,
    seconds: Number(m[1]),
    cpuSeconds: Math.round((Number(m[3]) + Number(m[4])) * 10) / 10,
    peakMb: Math.round(Number(m[2]) / 1024),
    register: /Suivi des retours : (.+)/.exec(stderr)?.[1] ?? "",
    modifications: (stderr.match(/^Modifications de /gm) ?? []).length,
  };
}

async function main(count: number) {
  const dir = mkdtempSync(join(tmpdir(), "bilan-bench-retours-"));
  try {
    const schema = loadBuiltin("essonne_2022_2026");
    const partners = expectedReturns(schema)
      .filter((r) => r.cut.startsWith("partenaire:"))
      .slice(0, count)
      .map((r) => r.cut.slice("partenaire:".length));
    for (const [i, p] of partners.entries()) await writeReturn(dir, p, i + 1);
    console.log(JSON.stringify(figures("première consolidation", partners.length, consolidate(dir, false))));
    // Five partners send their workbook again, filled otherwise: the same file names, new content.
    for (const [i, p] of partners.slice(0, 5).entries()) await writeReturn(dir, p, 1000 + i);
    console.log(JSON.stringify(figures("5 renvois", partners.length, consolidate(dir, true))));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main(Number(process.argv[2] ?? 40));

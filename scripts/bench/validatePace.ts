/**
 * Does validation keep pace with reading, and does consolidation's memory stay flat as files are added?
 *   tsx scripts/bench/validatePace.ts [runs] [count…]
 * 1. The filled Essonne workbook and a ×10 one (scripts/bench/synthetic.ts): the wall and CPU time of a whole
 *    `bilan validate FILE` process beside those of a node process that only loads the file with exceljs, each
 *    run `runs` (5) times in turn, medians and their ratios.
 * 2. `bilan consolidate` of `count` (10, 40, 100) Essonne partner returns filled at random, each run in its
 *    own process under GNU time: peak memory, and what each file adds to it. Essonne has 52 partners: beyond,
 *    a partner's return comes again, filled otherwise (copies of one cut, merged cell by cell).
 * Needs `npm run build:cli`. Prints one JSON line per measure.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { layoutWorkbook, type LayoutOptions } from "../../src/engine/layout";
import { expectedReturns } from "../../src/engine/register";
import { renderPlanToXlsx } from "../../src/hosts/xlsx/renderPlan";
import { loadBuiltin } from "../../src/model/builtins";
import { parseSchemaOrThrow } from "../../src/model/parse";
import type { Schema } from "../../src/model/schema";
import { fillRandom } from "../../tests/support/fillRandom";
import { scaledEssonne } from "./synthetic";

const ROOT = join(__dirname, "..", "..");
const BIN = join(ROOT, "bin", "bilan.js");
/** The reference: a process that loads the workbook with exceljs and does nothing else. */
const LOAD_ONLY = `const ExcelJS = require("exceljs"); new ExcelJS.Workbook().xlsx.readFile(process.argv[1]);`;

async function writeFilled(file: string, schema: Schema, options: LayoutOptions, seed: number) {
  const layout = layoutWorkbook(schema, options);
  if (!layout.ok) throw new Error(layout.error.message);
  writeFileSync(file, await renderPlanToXlsx(fillRandom(layout.plan, schema, seed)));
}

/**
 * Wall and CPU time (user + system) of one process, in ms, under GNU time; it must end (validate's exit 1 for
 * an erreur finding is a result, not a failure). CPU time says the same on a machine others share.
 */
function timed(args: string[]): { wall: number; cpu: number } {
  const r = spawnSync("/usr/bin/time", ["-f", "bench:%e %U %S", process.execPath, ...args], {
    cwd: ROOT,
    encoding: "utf8",
    maxBuffer: 1 << 26,
  });
  const m = /bench:([\d.]+) ([\d.]+) ([\d.]+)\s*$/.exec(r.stderr);
  if (!m || r.status === null || r.status > 1) throw new Error(`${args.join(" ")}: ${r.stderr || String(r.error)}`);
  return { wall: Number(m[1]) * 1000, cpu: (Number(m[2]) + Number(m[3])) * 1000 };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function pace(name: string, file: string, runs: number) {
  const validate: { wall: number; cpu: number }[] = [];
  const load: { wall: number; cpu: number }[] = [];
  // In turn, so that whatever else the machine runs weighs on both alike.
  for (let i = 0; i < runs; i++) {
    load.push(timed(["-e", LOAD_ONLY, file]));
    validate.push(timed([BIN, "validate", file]));
  }
  const m = (xs: { wall: number; cpu: number }[], k: "wall" | "cpu") => median(xs.map((x) => x[k]));
  return {
    measure: "validate",
    workbook: name,
    runs,
    loadMs: Math.round(m(load, "wall")),
    validateMs: Math.round(m(validate, "wall")),
    ratio: +(m(validate, "wall") / m(load, "wall")).toFixed(2),
    loadCpuMs: Math.round(m(load, "cpu")),
    validateCpuMs: Math.round(m(validate, "cpu")),
    cpuRatio: +(m(validate, "cpu") / m(load, "cpu")).toFixed(2),
  };
}

/** Peak memory (MB) and wall time of one `bilan consolidate` of the folder, under GNU time. */
function consolidate(dir: string, files: number) {
  const r = spawnSync(
    "/usr/bin/time",
    ["-f", "bench:%e %M", process.execPath, BIN, "consolidate", dir, "-o", join(dir, "..", `maitre-${files}.xlsx`)],
    { encoding: "utf8", maxBuffer: 1 << 26 },
  );
  const m = /bench:([\d.]+) (\d+)/.exec(r.stderr);
  if (!m) throw new Error(r.stderr || String(r.error));
  return { seconds: Number(m[1]), peakMb: Math.round(Number(m[2]) / 1024) };
}

async function main(runs: number, counts: number[]) {
  const dir = mkdtempSync(join(tmpdir(), "bilan-bench-pace-"));
  try {
    const essonne = loadBuiltin("essonne_2022_2026");
    const x10 = parseSchemaOrThrow(scaledEssonne(10), "x10");
    const year = essonne.periode.debut + 2;
    await writeFilled(join(dir, "essonne.xlsx"), essonne, { campaignYear: year }, 1);
    await writeFilled(join(dir, "x10.xlsx"), x10, { campaignYear: year }, 1);
    console.log(JSON.stringify(pace("essonne_2022_2026", join(dir, "essonne.xlsx"), runs)));
    console.log(JSON.stringify(pace("synthétique ×10", join(dir, "x10.xlsx"), runs)));

    const partners = expectedReturns(essonne)
      .filter((r) => r.cut.startsWith("partenaire:"))
      .map((r) => r.cut.slice("partenaire:".length));
    const returns = join(dir, "retours");
    mkdirSync(returns);
    let written = 0;
    let first: { files: number; peakMb: number } | undefined;
    for (const count of [...counts].sort((a, b) => a - b)) {
      // Each count adds returns to the same folder: the larger runs read the smaller ones' files too.
      for (; written < count; written++) {
        const partner = partners[written % partners.length]!;
        const name = `${partner}${written < partners.length ? "" : `-${Math.floor(written / partners.length)}`}.xlsx`;
        const cut = { kind: "partenaire" as const, id: partner };
        await writeFilled(join(returns, name), essonne, { campaignYear: year, cut }, written + 1);
      }
      const run = consolidate(returns, count);
      first ??= { files: count, peakMb: run.peakMb };
      const perFile =
        count > first.files ? +((run.peakMb - first.peakMb) / (count - first.files)).toFixed(1) : undefined;
      console.log(
        JSON.stringify({
          measure: "consolidate",
          files: count,
          ...run,
          ...(perFile !== undefined ? { mbPerFile: perFile } : {}),
        }),
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const [runs, ...counts] = process.argv.slice(2).map(Number);
void main(runs || 5, counts.length ? counts : [10, 40, 100]);

/**
 * The engine's share of `bilan validate`: validateSnapshot alone, on a snapshot read once.
 *   tsx scripts/bench/validateEngine.ts FILE.xlsx [runs] [--dump OUT.json]
 * Prints one JSON line: the CPU time (user + system, every thread: garbage collection included) of the first
 * validation, the one a `bilan validate` process pays, then the median and the fastest of `runs` (7), in ms.
 * `--dump` writes the last report (findings, completion, values, comments, metadata, plan) to compare the
 * behaviour of two versions byte for byte. Run it under `node --cpu-prof --import tsx` for a profile.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { validateSnapshot, type ValidationReport } from "../../src/engine/validate";
import { snapshotXlsx } from "../../src/hosts/xlsx/snapshot";

async function main() {
  const [file, runsArg, ...rest] = process.argv.slice(2);
  if (!file) throw new Error("usage: validateEngine.ts FILE.xlsx [runs] [--dump OUT.json]");
  const runs = Math.max(1, Number(runsArg ?? 7));
  const read = await snapshotXlsx(readFileSync(file), file);
  if (!read.ok) throw new Error(`${file}: ${read.refusal.key}`);
  const cpu: number[] = [];
  let report: ValidationReport | undefined;
  for (let i = 0; i < runs; i++) {
    const start = process.cpuUsage();
    report = validateSnapshot(read.snapshot);
    const spent = process.cpuUsage(start);
    cpu.push((spent.user + spent.system) / 1000);
  }
  const sorted = [...cpu].sort((a, b) => a - b);
  console.log(
    JSON.stringify({
      file,
      runs,
      firstCpuMs: Math.round(cpu[0]!),
      medianCpuMs: Math.round(sorted[Math.floor(runs / 2)]!),
      minCpuMs: Math.round(sorted[0]!),
      findings: report!.findings.length,
    }),
  );
  const dump = rest.indexOf("--dump");
  if (dump >= 0) writeFileSync(rest[dump + 1]!, JSON.stringify({ ...report, values: [...report!.values] }, null, 1));
}

main().catch((e) => {
  console.error(e);
  process.exit(2);
});

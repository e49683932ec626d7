/**
 * Timings of `importText` on each shared seed: the first run (what a user waits for), in wall-clock and in CPU time
 * (a loaded machine stretches the first, not the second), and the median of the next runs.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { importText } from "../../src/model/importText";

const SEEDS = join(__dirname, "..", "..", "tests", "fixtures", "seeds");

export function importTextTimings(runs = 5): {
  seed: string;
  lignes: number;
  ms: string;
  "CPU ms": string;
  "médiane ms": string;
  fiches: number;
  décisions: number;
}[] {
  const cpu = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  };
  return readdirSync(SEEDS)
    .filter((f) => f.endsWith(".txt"))
    .map((f) => {
      const text = readFileSync(join(SEEDS, f), "utf8");
      const first = performance.now();
      const firstCpu = cpu();
      let result = importText(text);
      const coldCpu = cpu() - firstCpu;
      const cold = performance.now() - first;
      const times: number[] = [];
      for (let i = 0; i < runs; i++) {
        const start = performance.now();
        result = importText(text);
        times.push(performance.now() - start);
      }
      times.sort((a, b) => a - b);
      return {
        seed: f,
        lignes: text.split("\n").length,
        ms: cold.toFixed(0),
        "CPU ms": coldCpu.toFixed(0),
        "médiane ms": times[Math.floor(runs / 2)]!.toFixed(0),
        fiches: result.model.axes.reduce((n, a) => n + (a.fiches ?? []).length, 0),
        décisions: result.decisions.length,
      };
    });
}

/**
 * One generation through the .xlsx host, in its own process so that its peak
 * memory is its own: `tsx scripts/bench/generateXlsx.ts <builtin id | x10 | x100>`.
 * Prints one JSON line.
 */
import { performance } from "node:perf_hooks";
import { layoutWorkbook } from "../../src/engine/layout";
import { renderPlanToXlsx } from "../../src/hosts/xlsx/renderPlan";
import { loadBuiltin } from "../../src/model/builtins";
import { parseSchema } from "../../src/model/parse";
import { scaledEssonne } from "./synthetic";

async function main(which: string) {
  const schema = (() => {
    const scale = /^x(\d+)$/.exec(which);
    if (!scale) return loadBuiltin(which);
    const r = parseSchema(scaledEssonne(Number(scale[1])));
    if (!r.ok) throw new Error(r.errors[0]?.message);
    return r.schema;
  })();
  const start = performance.now();
  const layout = layoutWorkbook(schema, { campaignYear: schema.periode.debut + 2 });
  if (!layout.ok) throw new Error(layout.error.message);
  const laidOut = performance.now();
  const buffer = await renderPlanToXlsx(layout.plan);
  const done = performance.now();
  console.log(
    JSON.stringify({
      which,
      fiches: layout.plan.meta.fiches.length,
      sheets: layout.plan.sheets.length,
      cells: layout.plan.sheets.reduce((n, s) => n + s.cells.length, 0),
      layoutMs: Math.round(laidOut - start),
      xlsxMs: Math.round(done - laidOut),
      totalMs: Math.round(done - start),
      bytes: buffer.length,
      peakMb: Math.round(process.resourceUsage().maxRSS / 1024),
    }),
  );
}

void main(process.argv[2] ?? "essonne_2022_2026");

/**
 * One generation, in its own process so that its peak memory is its own:
 *   tsx scripts/bench/generate.ts <builtin id | xK | denseK> <xlsx | office>
 * `xlsx`: layout + .xlsx file; `office`: layout + the Office.js host writing
 * into the in-memory Excel of the tests (round trips and payloads counted).
 * `xK`: Essonne's axes K times (more sheets); `denseK`: each axe with K times
 * its fiches (longer sheets). Prints one JSON line.
 */
import { performance } from "node:perf_hooks";
import { layoutWorkbook } from "../../src/engine/layout";
import { renderPlanInExcel } from "../../src/hosts/office/renderPlan";
import { renderPlanToXlsx } from "../../src/hosts/xlsx/renderPlan";
import { loadBuiltin } from "../../src/model/builtins";
import { parseSchemaOrThrow } from "../../src/model/parse";
import { FakeExcel } from "../../tests/support/fakeExcel";
import { denseEssonne, scaledEssonne } from "./synthetic";

async function main(which: string, host: string) {
  const scale = /^(x|dense)(\d+)$/.exec(which);
  const synthetic = scale && (scale[1] === "x" ? scaledEssonne : denseEssonne)(Number(scale[2]));
  const schema = synthetic ? parseSchemaOrThrow(synthetic, which) : loadBuiltin(which);
  const start = performance.now();
  const layout = layoutWorkbook(schema, { campaignYear: schema.periode.debut + 2 });
  if (!layout.ok) throw new Error(layout.error.message);
  const plan = layout.plan;
  const laidOut = performance.now();
  const figures: Record<string, number> = {};
  if (host === "office") {
    const excel = new FakeExcel();
    const { syncs } = await excel.run((ctx) => renderPlanInExcel(ctx, plan));
    figures.syncs = syncs;
    figures.operations = excel.syncs.reduce((n, s) => n + s.operations, 0);
    figures.largestPayloadKb = Math.round(excel.largestPayload / 1024);
  } else figures.bytes = (await renderPlanToXlsx(plan)).length;
  const done = performance.now();
  console.log(
    JSON.stringify({
      which,
      host,
      fiches: plan.meta.fiches.length,
      sheets: plan.sheets.length,
      cells: plan.sheets.reduce((n, s) => n + s.cells.length, 0),
      layoutMs: Math.round(laidOut - start),
      renderMs: Math.round(done - laidOut),
      totalMs: Math.round(done - start),
      ...figures,
      peakMb: Math.round(process.resourceUsage().maxRSS / 1024),
    }),
  );
}

void main(process.argv[2] ?? "essonne_2022_2026", process.argv[3] ?? "xlsx");

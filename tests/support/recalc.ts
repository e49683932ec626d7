/**
 * The rollup formulas against a real spreadsheet, shared by the French and English cross-checks: each filled
 * workbook goes through `bilan rollup` (its `main`, in this process); LibreOffice then recalculates, in one run,
 * every copy (its formulas carry the engine's results) and one filled workbook as it is (its formulas carry no
 * result: proof that Calc computes them).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { WorkbookPlan } from "../../src/engine/plan";
import { renderPlanToXlsx } from "../../src/hosts/xlsx/renderPlan";
import { main } from "../../src/cli";
import { readXlsx, type ReadWorkbook } from "./readWorkbook";
import { convertAllWithLibreOffice } from "./libreoffice";

export interface RecalcCase {
  plan: WorkbookPlan;
  json: { cellules: Record<string, number | string> };
  cached: ReadWorkbook;
  recalculated: ReadWorkbook;
}

/** What `bilan rollup FILE -o COPY --json` printed (it must succeed). */
async function bilanRollup(file: string, copy: string): Promise<string> {
  let out = "";
  const stdout = jest.spyOn(process.stdout, "write").mockImplementation((chunk) => {
    out += String(chunk);
    return true;
  });
  const stderr = jest.spyOn(process.stderr, "write").mockImplementation(() => true);
  try {
    const code = await main(["node", "bilan", "rollup", file, "-o", copy, "--json"]);
    if (code !== 0) throw new Error(`bilan rollup ${file}: exit code ${code}`);
  } finally {
    stdout.mockRestore();
    stderr.mockRestore();
  }
  return out;
}

/** Each filled plan rolled up and recalculated, and the filled workbook `proof` recalculated as it is. */
export async function recalculate(
  dir: string,
  filled: { id: string; plan: WorkbookPlan }[],
  proof: string,
): Promise<{ done: Map<string, RecalcCase>; filledRecalculated: ReadWorkbook }> {
  const started: { id: string; plan: WorkbookPlan; json: RecalcCase["json"] }[] = [];
  for (const { id, plan } of filled) {
    const file = join(dir, `rempli-${id}.xlsx`);
    writeFileSync(file, await renderPlanToXlsx(plan));
    const json = JSON.parse(await bilanRollup(file, join(dir, `copie-${id}.xlsx`))) as RecalcCase["json"];
    started.push({ id, plan, json });
  }
  const copies = started.map(({ id }) => join(dir, `copie-${id}.xlsx`));
  await convertAllWithLibreOffice([...copies, join(dir, `rempli-${proof}.xlsx`)], join(dir, "lo"), "xlsx");
  const read = async (file: string) => readXlsx(readFileSync(file));
  const done = new Map<string, RecalcCase>();
  for (const { id, plan, json } of started)
    done.set(id, {
      plan,
      json,
      cached: await read(join(dir, `copie-${id}.xlsx`)),
      recalculated: await read(join(dir, "lo", `copie-${id}.xlsx`)),
    });
  return { done, filledRecalculated: await read(join(dir, "lo", `rempli-${proof}.xlsx`)) };
}

/** What a formula cell shows: a number, a text, or "" (a formula giving "" may be read back as no result at all). */
function shown(wb: ReadWorkbook, sheet: string, address: string): number | string {
  const result = wb.sheets.find((s) => s.name === sheet)?.cells[address]?.result;
  return typeof result === "boolean" ? String(result) : (result ?? "");
}

const same = (a: number | string, b: number | string) =>
  typeof a === "number" && typeof b === "number" ? Math.abs(a - b) <= 1e-9 : a === b;

/** Formula cells whose value in `wb` differs from `bilan rollup --json`'s. */
export function differences(c: RecalcCase, wb: ReadWorkbook): string[] {
  return c.plan.meta.bindings
    .filter((b) => b.formula)
    .map((b) => ({ b, got: shown(wb, b.sheet, b.address), want: c.json.cellules[b.key]! }))
    .filter(({ got, want }) => !same(got, want))
    .map(({ b, got, want }) => `${b.sheet}!${b.address} ${b.formula} → ${JSON.stringify(got)}, engine ${want}`);
}

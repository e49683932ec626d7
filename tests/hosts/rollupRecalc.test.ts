/**
 * The rollup formulas against a real spreadsheet. For each built-in schéma,
 * and for one that exercises every formula (the built-ins have no targets),
 * a workbook filled with random valid values goes through `bilan rollup`
 * (its `main`, in this process: tests/cli/rollup.test.ts runs the process);
 * LibreOffice then recalculates, in one run, every copy (its formulas carry
 * the engine's results) and one filled workbook (its formulas carry no
 * result: proof that Calc computes them). Every formula cell must show the
 * same number, within 1e-9, after recalculation, in the copy's cached results
 * and in `bilan rollup --json`.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { BUILTIN_IDS, loadBuiltin } from "../../src/model/builtins";
import type { Schema } from "../../src/model/schema";
import { parseSchemaOrThrow } from "../../src/model/parse";
import type { WorkbookPlan } from "../../src/engine/plan";
import { renderPlanToXlsx } from "../../src/hosts/xlsx/renderPlan";
import { main } from "../../src/cli";
import { readXlsx, type ReadWorkbook } from "../../src/hosts/xlsx/readWorkbook";
import { convertAllWithLibreOffice, disposeLibreOfficeProfile } from "../support/libreoffice";
import { couverture } from "../support/couverture";
import { fillRandom } from "../support/fillRandom";
import { planOf } from "../support/plans";

const dir = mkdtempSync(join(tmpdir(), "bilan-rollup-lo-"));
const cases: [string, Schema][] = [
  ...BUILTIN_IDS.map((id): [string, Schema] => [id, loadBuiltin(id)]),
  ["couverture", couverture()],
  // « dont » indicators, milestones finer than the grid, a calendar starting before the schéma (issue 14)
  [
    "fidelite",
    parseSchemaOrThrow(
      JSON.parse(readFileSync(join(__dirname, "..", "fixtures", "models", "fidelite.json"), "utf8")),
      "fidelite.json",
    ),
  ],
];

/** The filled workbook also recalculated as it is (small: each conversion costs time). */
const PROOF = "couverture";

interface Case {
  plan: WorkbookPlan;
  json: { cellules: Record<string, number | string> };
  cached: ReadWorkbook;
  recalculated: ReadWorkbook;
}
const done = new Map<string, Case>();
let filledRecalculated: ReadWorkbook;

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

beforeAll(async () => {
  const started: { id: string; plan: WorkbookPlan; json: Case["json"] }[] = [];
  for (const [i, [id, schema]] of cases.entries()) {
    const plan = fillRandom(planOf(schema), schema, i + 1);
    const filled = join(dir, `rempli-${id}.xlsx`);
    writeFileSync(filled, await renderPlanToXlsx(plan));
    const json = JSON.parse(await bilanRollup(filled, join(dir, `copie-${id}.xlsx`))) as Case["json"];
    started.push({ id, plan, json });
  }
  const copies = started.map(({ id }) => join(dir, `copie-${id}.xlsx`));
  await convertAllWithLibreOffice([...copies, join(dir, `rempli-${PROOF}.xlsx`)], join(dir, "lo"), "xlsx");
  const read = async (file: string) => readXlsx(readFileSync(file));
  filledRecalculated = await read(join(dir, "lo", `rempli-${PROOF}.xlsx`));
  for (const { id, plan, json } of started)
    done.set(id, {
      plan,
      json,
      cached: await read(join(dir, `copie-${id}.xlsx`)),
      recalculated: await read(join(dir, "lo", `copie-${id}.xlsx`)),
    });
}, 240_000);

afterAll(() => {
  disposeLibreOfficeProfile();
  rmSync(dir, { recursive: true, force: true });
});

/** What a formula cell shows: a number, a text, or "" (a formula giving "" may be read back as no result at all). */
function shown(wb: ReadWorkbook, sheet: string, address: string): number | string {
  const result = wb.sheets.find((s) => s.name === sheet)?.cells[address]?.result;
  return typeof result === "boolean" ? String(result) : (result ?? "");
}

const same = (a: number | string, b: number | string) =>
  typeof a === "number" && typeof b === "number" ? Math.abs(a - b) <= 1e-9 : a === b;

/** Formula cells whose value in `wb` differs from `bilan rollup --json`'s. */
function differences(c: Case, wb: ReadWorkbook): string[] {
  return c.plan.meta.bindings
    .filter((b) => b.formula)
    .map((b) => ({ b, got: shown(wb, b.sheet, b.address), want: c.json.cellules[b.key]! }))
    .filter(({ got, want }) => !same(got, want))
    .map(({ b, got, want }) => `${b.sheet}!${b.address} ${b.formula} → ${JSON.stringify(got)}, engine ${want}`);
}

describe.each(cases.map(([id]) => id))("%s", (id) => {
  test("bilan rollup --json gives every formula cell", () => {
    const { json, plan } = done.get(id)!;
    const keys = plan.meta.bindings.filter((b) => b.formula).map((b) => b.key);
    expect(Object.keys(json.cellules).sort()).toEqual(keys.sort());
  });

  test("the copy's formulas carry bilan rollup --json's results", () => {
    const c = done.get(id)!;
    expect(differences(c, c.cached)).toEqual([]);
  });

  test("LibreOffice recalculates the copy to the same numbers", () => {
    const c = done.get(id)!;
    expect(differences(c, c.recalculated)).toEqual([]);
  });
});

test("LibreOffice computes the same numbers from the filled workbook, whose formulas hold no result", () => {
  expect(differences(done.get(PROOF)!, filledRecalculated)).toEqual([]);
});

test("the workbooks give figures to compare, not only empty cells", () => {
  const numbers = [...done.values()].flatMap((c) =>
    Object.values(c.json.cellules).filter((v) => typeof v === "number"),
  );
  expect(numbers.length).toBeGreaterThan(1000);
  const cellules = Object.entries(done.get(PROOF)!.json.cellules);
  const words = cellules.filter(([k]) => k.endsWith("@synthese:atteinte")).map(([, v]) => v);
  expect(words.filter((w) => w === "Atteinte").length).toBeGreaterThanOrEqual(3);
  expect(words.filter((w) => w === "Non atteinte").length).toBeGreaterThanOrEqual(3);
  // Sous-actions judged by their state, over every workbook: some late, some done, some in progress.
  const all = [...done.values()].flatMap((c) => Object.entries(c.json.cellules));
  for (const figure of ["retard", "realisee", "enCours"])
    expect(all.filter(([k, v]) => k.endsWith(`@synthese:${figure}`) && v === 1).length).toBeGreaterThan(0);
});

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
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { BUILTIN_IDS, loadBuiltin } from "../../src/model/builtins";
import type { Schema } from "../../src/model/schema";
import { parseSchemaOrThrow } from "../../src/model/parse";
import type { ReadWorkbook } from "../support/readWorkbook";
import { disposeLibreOfficeProfile } from "../support/libreoffice";
import { differences, recalculate, type RecalcCase } from "../support/recalc";
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

let done: Map<string, RecalcCase>;
let filledRecalculated: ReadWorkbook;

beforeAll(async () => {
  ({ done, filledRecalculated } = await recalculate(
    dir,
    cases.map(([id, schema], i) => ({ id, plan: fillRandom(planOf(schema), schema, i + 1) })),
    PROOF,
  ));
}, 240_000);

afterAll(() => {
  disposeLibreOfficeProfile();
  rmSync(dir, { recursive: true, force: true });
});

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

/**
 * `bilan rollup` (its `main`, in this process) shows the campaign's budget:
 * one line per axe and one for the schéma in the text output, and a `budget`
 * on every level of the JSON, with the values of the budget's formula cells.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli";
import { loadBuiltin } from "../../src/model/builtins";
import { renderPlanToXlsx } from "../../src/hosts/xlsx/renderPlan";
import { fillValid } from "../support/fill";
import { planOf, setInput } from "../support/plans";

jest.setTimeout(60_000);

const dir = mkdtempSync(join(tmpdir(), "bilan-rollup-budget-"));
const file = join(dir, "rempli.xlsx");
const schema = loadBuiltin("fiche_action_5_2022_2026");
const fiche = schema.axes[0]!.fiches[0]!.id;

async function run(...args: string[]): Promise<string> {
  let out = "";
  const stdout = jest.spyOn(process.stdout, "write").mockImplementation((chunk) => {
    out += String(chunk);
    return true;
  });
  let err = "";
  const stderr = jest.spyOn(process.stderr, "write").mockImplementation((chunk) => {
    err += String(chunk);
    return true;
  });
  try {
    const code = await main(["node", "bilan", "rollup", file, ...args]);
    expect([code, code ? err : ""]).toEqual([0, ""]);
  } finally {
    stdout.mockRestore();
    stderr.mockRestore();
  }
  return out;
}

beforeAll(async () => {
  const plan = fillValid(planOf(schema), schema);
  setInput(plan, `${fiche}@vote:2024`, 1_500_000);
  setInput(plan, `${fiche}@engage:2024`, 1_000_000.5);
  setInput(plan, `${fiche}@mandate:2024`, 375_000);
  writeFileSync(file, await renderPlanToXlsx(plan));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test("the text output gives the budget of each axe and of the schéma", async () => {
  const copy = join(dir, "copie.xlsx");
  const out = await run("-o", copy);
  const line = "prévu —, voté 1 500 000 €, engagé 1 000 000,50 €, mandaté 375 000 €, taux de consommation 25 %";
  expect(out).toContain(`Budget 2024 — Axe 5 : ${line}`);
  expect(out).toContain(`Budget 2024 — Ensemble du schéma : ${line}`);
  const en = await run("-o", copy, "--force", "--lang", "en");
  expect(en).toContain("Budget 2024 — Whole schéma: planned —, voted 1 500 000 €, committed 1 000 000,50 €");
});

test("the JSON gives a budget on every level and the budget's formula cells", async () => {
  const json = JSON.parse(await run("--json"));
  const figures = { vote: 1_500_000, engage: 1_000_000.5, mandate: 375_000, taux: 0.25 };
  expect(json.budget).toEqual(figures);
  expect(json.axes[0].budget).toEqual(figures);
  expect(json.axes[0].fiches[0].budget).toMatchObject({ ...figures, annees: { 2024: { vote: 1_500_000 } } });
  expect(json.cellules[`${schema.id}#budget@rollup:taux`]).toBe(0.25);
  expect(json.cellules[`${fiche}#consommation@synthese:2024`]).toBe(0.25);
});

/**
 * The rollup formulas of an English workbook against a real spreadsheet, as rollupRecalc.test.ts does for French
 * ones: its formulas compare with "Done", "Yes", "Met"…, the engine reads its statuses and answers in its language.
 * Essonne and the schéma that exercises every formula, filled with random valid values said in English (padded and
 * in other cases too, as people type them), go through `bilan rollup`; LibreOffice recalculates the copies and the
 * filled workbook: every formula cell shows what `bilan rollup --json` says, and the judgements are English words.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadBuiltin } from "../../src/model/builtins";
import type { Schema } from "../../src/model/schema";
import { inLangOf } from "../../src/model/vocabulaire";
import type { WorkbookPlan } from "../../src/engine/plan";
import { wordKinds } from "../../src/engine/valueWords";
import { renderPlanToXlsx } from "../../src/hosts/xlsx/renderPlan";
import { main } from "../../src/cli";
import { readXlsx, type ReadWorkbook } from "../../src/hosts/xlsx/readWorkbook";
import { convertAllWithLibreOffice, disposeLibreOfficeProfile } from "../support/libreoffice";
import { couverture } from "../support/couverture";
import { fillRandom } from "../support/fillRandom";
import { bindingCell, planOf } from "../support/plans";

const dir = mkdtempSync(join(tmpdir(), "bilan-rollup-lo-en-"));
const cases: [string, Schema][] = [
  ["essonne_2022_2026", loadBuiltin("essonne_2022_2026")],
  ["couverture", couverture()],
];

interface Case {
  plan: WorkbookPlan;
  json: { cellules: Record<string, number | string> };
  cached: ReadWorkbook;
  recalculated: ReadWorkbook;
}
const done = new Map<string, Case>();
let filledRecalculated: ReadWorkbook;

/** A status or an answer typed in French, said in English the way it was typed (spaces, case). */
function inEnglish(typed: string, kind: "statut" | "ouiNon"): string {
  const word = typed.trim();
  const english = String(inLangOf(word, kind, "en"));
  const cased =
    word === word.toUpperCase() ? english.toUpperCase() : word === word.toLowerCase() ? english.toLowerCase() : english;
  return typed.replace(word, cased);
}

/** A workbook filled with random valid values (fillRandom's, in French), its statuses and Oui/Non said in English. */
function filledInEnglish(schema: Schema, seed: number): WorkbookPlan {
  const plan = fillRandom(planOf(schema, { lang: "en" }), schema, seed);
  const kindOf = wordKinds(schema);
  for (const b of plan.meta.bindings) {
    const kind = kindOf(b.key);
    if (!kind || !b.input) continue;
    const cell = bindingCell(plan, b.key);
    if (typeof cell.value === "string") cell.value = inEnglish(cell.value, kind);
  }
  return plan;
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

beforeAll(async () => {
  const started: { id: string; plan: WorkbookPlan; json: Case["json"] }[] = [];
  for (const [i, [id, schema]] of cases.entries()) {
    const plan = filledInEnglish(schema, i + 11);
    const filled = join(dir, `rempli-${id}.xlsx`);
    writeFileSync(filled, await renderPlanToXlsx(plan));
    const json = JSON.parse(await bilanRollup(filled, join(dir, `copie-${id}.xlsx`))) as Case["json"];
    started.push({ id, plan, json });
  }
  const copies = started.map(({ id }) => join(dir, `copie-${id}.xlsx`));
  await convertAllWithLibreOffice([...copies, join(dir, "rempli-couverture.xlsx")], join(dir, "lo"), "xlsx");
  const read = async (file: string) => readXlsx(readFileSync(file));
  filledRecalculated = await read(join(dir, "lo", "rempli-couverture.xlsx"));
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

function shown(wb: ReadWorkbook, sheet: string, address: string): number | string {
  const result = wb.sheets.find((s) => s.name === sheet)?.cells[address]?.result;
  return typeof result === "boolean" ? String(result) : (result ?? "");
}

const same = (a: number | string, b: number | string) =>
  typeof a === "number" && typeof b === "number" ? Math.abs(a - b) <= 1e-9 : a === b;

function differences(c: Case, wb: ReadWorkbook): string[] {
  return c.plan.meta.bindings
    .filter((b) => b.formula)
    .map((b) => ({ b, got: shown(wb, b.sheet, b.address), want: c.json.cellules[b.key]! }))
    .filter(({ got, want }) => !same(got, want))
    .map(({ b, got, want }) => `${b.sheet}!${b.address} ${b.formula} → ${JSON.stringify(got)}, engine ${want}`);
}

describe.each(cases.map(([id]) => id))("%s in English", (id) => {
  test("the copy's formulas carry bilan rollup --json's results", () => {
    const c = done.get(id)!;
    expect(differences(c, c.cached)).toEqual([]);
  });

  test("LibreOffice recalculates the copy to the same numbers and words", () => {
    const c = done.get(id)!;
    expect(differences(c, c.recalculated)).toEqual([]);
  });
});

test("LibreOffice computes the same from the filled English workbook, whose formulas hold no result", () => {
  expect(differences(done.get("couverture")!, filledRecalculated)).toEqual([]);
});

test("the English workbooks give figures and English words to compare", () => {
  const all = [...done.values()].flatMap((c) => Object.entries(c.json.cellules));
  expect(all.filter(([, v]) => typeof v === "number").length).toBeGreaterThan(500);
  const words = all.filter(([k]) => k.endsWith("@synthese:atteinte")).map(([, v]) => v);
  expect(words.filter((w) => w === "Met").length).toBeGreaterThanOrEqual(3);
  expect(words.filter((w) => w === "Not met").length).toBeGreaterThanOrEqual(3);
  for (const figure of ["retard", "realisee", "enCours"])
    expect(all.filter(([k, v]) => k.endsWith(`@synthese:${figure}`) && v === 1).length).toBeGreaterThan(0);
});

/**
 * The rollup formulas of an English workbook against a real spreadsheet, as rollupRecalc.test.ts does for French
 * ones: its formulas compare with "Done", "Yes", "Met"…, the engine reads its statuses and answers in its language.
 * Essonne and the schéma that exercises every formula, filled with random valid values said in English (padded and
 * in other cases too, as people type them), go through `bilan rollup`; LibreOffice recalculates the copies and the
 * filled workbook: every formula cell shows what `bilan rollup --json` says, and the judgements are English words.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadBuiltin } from "../../src/model/builtins";
import type { Schema } from "../../src/model/schema";
import { inLangOf } from "../../src/model/vocabulaire";
import type { WorkbookPlan } from "../../src/engine/plan";
import { wordKinds } from "../../src/engine/valueWords";
import type { ReadWorkbook } from "../support/readWorkbook";
import { disposeLibreOfficeProfile } from "../support/libreoffice";
import { differences, recalculate, type RecalcCase } from "../support/recalc";
import { couverture } from "../support/couverture";
import { fillRandom } from "../support/fillRandom";
import { bindingCell, planOf } from "../support/plans";

const dir = mkdtempSync(join(tmpdir(), "bilan-rollup-lo-en-"));
const cases: [string, Schema][] = [
  ["essonne_2022_2026", loadBuiltin("essonne_2022_2026")],
  ["couverture", couverture()],
];

let done: Map<string, RecalcCase>;
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

beforeAll(async () => {
  ({ done, filledRecalculated } = await recalculate(
    dir,
    cases.map(([id, schema], i) => ({ id, plan: filledInEnglish(schema, i + 11) })),
    "couverture",
  ));
}, 240_000);

afterAll(() => {
  disposeLibreOfficeProfile();
  rmSync(dir, { recursive: true, force: true });
});

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

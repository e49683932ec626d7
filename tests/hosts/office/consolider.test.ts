/**
 * Consolider in the open workbook (the in-memory Excel) renders the engine's
 * consolidation: the merged values in the input cells, the engine's
 * « Valeurs par source » sheet, and the metadata made again with the sources,
 * which the workbook's proof still accepts; nothing is written when nothing
 * was merged. The register of returns is written too, and a state typed in
 * its sheet is read back into the next consolidation.
 */
import { loadBuiltin } from "../../../src/model/builtins";
import type { WorkbookPlan } from "../../../src/engine/plan";
import { consolidate, type ConsolidationSource } from "../../../src/engine/consolidate";
import { PAR_SOURCE } from "../../../src/engine/consolidateMaster";
import { validateSnapshot } from "../../../src/engine/validate";
import { renderPlanInExcel } from "../../../src/hosts/office/renderPlan";
import { mergeIntoWorkbook } from "../../../src/hosts/office/consolider";
import { readSnapshot } from "../../../src/hosts/office/snapshot";
import { snapshotOf } from "../../support/snapshotOf";
import { parseA1 } from "../../../src/util/a1";
import { REGISTER_HEADER_ROW, REGISTER_SHEET } from "../../../src/engine/register";
import { RETOURS_SHEETS } from "../../../src/engine/layout/retours";
import { FakeExcel } from "../../support/fakeExcel";
import { fillValid, readBack } from "../../support/fill";
import { planOf, setInput } from "../../support/plans";

jest.setTimeout(60_000);

const schema = loadBuiltin("orne_2017_2021");
const YEAR = schema.periode.debut + 2;
const fiche = schema.axes
  .flatMap((a) => a.fiches)
  .find((f) => new Set([...f.pilotes, ...f.partenaires]).size >= 2 && f.indicateurs.some((i) => i.type === "count"))!;
const [pA, pB] = [...new Set([...fiche.pilotes, ...fiche.partenaires])] as [string, string];
const KEY = `${fiche.indicateurs.find((i) => i.type === "count")!.id}@valeur:${YEAR}`;

async function partner(file: string, id: string, value: number): Promise<ConsolidationSource> {
  const plan = fillValid(planOf(schema, { cut: { kind: "partenaire", id } }), schema);
  setInput(plan, KEY, value);
  return { file, report: validateSnapshot(snapshotOf(await readBack(plan), file)) };
}

let open: WorkbookPlan;
let excel: FakeExcel;
beforeEach(async () => {
  open = planOf(schema);
  excel = new FakeExcel();
  await excel.run((ctx) => renderPlanInExcel(ctx, open));
});

test("two partners merged into the open workbook: values summed, the engine's table, the sources in its proven metadata", async () => {
  const c = consolidate([await partner("a.xlsx", pA, 7), await partner("b.xlsx", pB, 5)], {
    schema,
    campaignYear: YEAR,
  });
  const { written, skipped } = await excel.run((ctx) => mergeIntoWorkbook(ctx, c, open, schema));
  expect(written).toBe(c.values.size);
  expect(skipped).toEqual([]);

  const { snapshot } = await excel.run((ctx) => readSnapshot(ctx, "classeur ouvert"));
  const report = validateSnapshot(snapshot);
  expect(report.findings.filter((f) => f.structure)).toEqual([]);
  expect(report.values.get(KEY)).toBe(12);
  expect(report.meta?.sources).toEqual(c.sources);
  // The sheet holds the engine's table, cell for cell.
  const sheet = excel.state.mustSheet(PAR_SOURCE);
  for (const cell of c.parSource!.cells) expect(sheet.peek(cell.row, cell.col)?.value).toBe(cell.value);
  const b = open.meta.bindings.find((x) => x.key === KEY)!;
  const { row, col } = parseA1(b.address);
  expect(excel.state.mustSheet(b.sheet).peek(row, col)?.value).toBe(12);
});

test("a file of another model is refused by the engine, and nothing is written", async () => {
  const essonne = loadBuiltin("essonne_2022_2026");
  const other = fillValid(planOf(essonne), essonne);
  const c = consolidate([{ file: "essonne.xlsx", report: validateSnapshot(snapshotOf(await readBack(other), "e")) }], {
    schema,
    campaignYear: YEAR,
  });
  expect(c.rejected.map((r) => r.file)).toEqual(["essonne.xlsx"]);
  excel.syncs.length = 0;
  expect(await excel.run((ctx) => mergeIntoWorkbook(ctx, c, open, schema))).toEqual({ written: 0, skipped: [] });
  expect(excel.syncs).toEqual([]);
  expect(excel.state.sheets.map((s) => s.name)).not.toContain(PAR_SOURCE);
});

test("the register of returns in the open workbook: its sheet written, a state typed there read back and locking the return", async () => {
  const a = await partner("a.xlsx", pA, 7);
  const first = consolidate([a], { schema, campaignYear: YEAR });
  await excel.run((ctx) => mergeIntoWorkbook(ctx, first, open, schema));
  const read = async () => validateSnapshot((await excel.run((ctx) => readSnapshot(ctx, "classeur ouvert"))).snapshot);
  const before = await read();
  expect(before.findings.filter((f) => f.structure)).toEqual([]);
  expect(before.meta?.register).toEqual(first.register);
  expect(excel.state.sheets.map((s) => s.name)).toEqual(expect.arrayContaining(RETOURS_SHEETS));
  // The ODPE validates pA's return in the sheet (the state column is its one input).
  const row = REGISTER_HEADER_ROW + 1 + first.register!.retours.findIndex((r) => r.cut === `partenaire:${pA}`);
  await excel.run(async (ctx) => {
    ctx.workbook.worksheets.getItem(REGISTER_SHEET).getRange(`C${row}`).values = [["validé"]];
    await ctx.sync();
  });
  const after = await read();
  expect(after.etatsSaisis).toEqual([expect.objectContaining({ cut: `partenaire:${pA}`, etat: "validé" })]);
  // A new file of pA is refused; its validated value stays.
  const second = consolidate(
    [await partner("a-v2.xlsx", pA, 9), await partner("b.xlsx", pB, 5)],
    { schema, campaignYear: YEAR },
    { previous: after.meta!.register!, saisis: after.etatsSaisis! },
  );
  expect(second.rejected.map((r) => r.file)).toEqual(["a-v2.xlsx"]);
  expect(second.values.get(KEY)).toBe(12);
  expect(second.register!.retours.find((r) => r.cut === `partenaire:${pA}`)?.etat).toBe("validé");
});

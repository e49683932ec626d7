/**
 * Exporter into a sheet (the in-memory Excel): the pane's path writes an
 * Excel table whose rows are those of `bilan export` for the same filled
 * workbook; text stays text; the sheet is the add-in's own and replaced;
 * large exports go in several requests, each under Excel's limit.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadBuiltin } from "../../../src/model/builtins";
import type { WorkbookPlan } from "../../../src/engine/plan";
import { TIDY_COLUMNS, type TidyRow } from "../../../src/engine/tidy";
import { renderPlanInExcel, RenderError, SHEET_TAG } from "../../../src/hosts/office/renderPlan";
import { renderPlanToXlsx } from "../../../src/hosts/xlsx/renderPlan";
import { EXPORT_SHEET, EXPORT_STYLE, EXPORT_TABLE, writeTidyTable } from "../../../src/hosts/office/tidyTable";
import { ecrireExport, lireExport } from "../../../src/taskpane/excel";
import { readCsv } from "../../../src/model/referentiel/csv";
import { FakeExcel, type FakeWorkbookState } from "../../support/fakeExcel";
import { tablesOf } from "../../support/fakeExcel/tables";
import { fillValid } from "../../support/fill";
import { planOf, setInput } from "../../support/plans";

const BIN = join(__dirname, "../../../bin/bilan.js");
const dir = mkdtempSync(join(tmpdir(), "bilan-tidytable-"));
const schema = loadBuiltin("essonne_2022_2026");
const indicators = schema.axes.flatMap((a) => a.fiches).flatMap((f) => f.indicateurs);
const count = indicators.find((i) => i.type === "count")!;
const text = indicators.find((i) => i.type === "text")!;
let plan: WorkbookPlan;
let excel: FakeExcel;

function useExcel(fake: FakeExcel) {
  Object.defineProperty(globalThis, "Excel", {
    value: { run: (a: never, b?: never) => fake.run(a, b) },
    configurable: true,
    writable: true,
  });
}

/** The table as objects by header, empty cells left out (as `bilan export --format json` leaves them out). */
function tableRows(state: FakeWorkbookState, name = EXPORT_TABLE): TidyRow[] {
  const table = tablesOf(state).find((t) => t.name === name)!;
  const { rect, sheet } = table;
  const headers: string[] = [];
  for (let c = rect.c1; c <= rect.c2; c++) headers.push(String(sheet.peek(rect.r1, c)?.value));
  const rows: TidyRow[] = [];
  for (let r = rect.r1 + 1; r <= rect.r2; r++) {
    const row: Record<string, string | number | boolean> = {};
    headers.forEach((h, i) => {
      const cell = sheet.peek(r, rect.c1 + i);
      if (cell?.formula) throw new Error(`formula in the export at row ${r}: ${cell.formula}`);
      if (cell && cell.value !== null) row[h] = cell.value;
    });
    rows.push(row as TidyRow);
  }
  return rows;
}

const withoutFile = (rows: TidyRow[]) => rows.map(({ fichier: _f, ...rest }) => rest);

beforeAll(async () => {
  plan = fillValid(planOf(schema), schema);
  setInput(plan, `${count.id}@commentaire:2024`, "=1+1 à vérifier");
  setInput(plan, `${count.id}@source:2024`, "0123");
  setInput(plan, `${text.id}@valeur:2024`, "+33 1 23 45 67 89");
  writeFileSync(join(dir, "essonne.xlsx"), await renderPlanToXlsx(plan));
}, 60_000);

beforeEach(async () => {
  excel = new FakeExcel();
  await excel.run((ctx) => renderPlanInExcel(ctx, plan));
  useExcel(excel);
});

afterAll(() => {
  Reflect.deleteProperty(globalThis, "Excel");
  rmSync(dir, { recursive: true, force: true });
});

test("Exporter writes an Excel table whose rows equal `bilan export` (JSON and CSV) for the same workbook", async () => {
  const { rows, report } = await lireExport();
  const done = await ecrireExport(rows, report.meta.modelId);
  expect(done).toMatchObject({ sheet: EXPORT_SHEET, table: EXPORT_TABLE, rows: rows.length });

  const json = spawnSync(process.execPath, [BIN, "export", "essonne.xlsx", "--format", "json"], {
    cwd: dir,
    encoding: "utf8",
  });
  expect(json.status).toBe(0);
  const cli = JSON.parse(json.stdout) as TidyRow[];
  const inSheet = tableRows(excel.state);
  expect(cli.length).toBeGreaterThan(500);
  expect(withoutFile(inSheet)).toEqual(withoutFile(cli));
  expect(new Set(inSheet.map((r) => r.fichier))).toEqual(new Set(["classeur ouvert"]));

  // The CSV says the same, cell by cell (its formula triggers escaped with a quote, as the sheet's are quoted).
  const csv = spawnSync(process.execPath, [BIN, "export", "essonne.xlsx"], { cwd: dir, encoding: "utf8" });
  expect(csv.status).toBe(0);
  const table = readCsv(csv.stdout, "export.csv").rows;
  expect(table[0]).toEqual([...TIDY_COLUMNS]);
  const sheet = excel.state.mustSheet(EXPORT_SHEET);
  table.slice(1).forEach((line, i) => {
    line.forEach((text, c) => {
      const cell = sheet.peek(i + 2, c + 1);
      if (c === 0) return; // fichier
      const shown = cell?.value === null || cell === undefined ? "" : String(cell.value);
      expect(`${cell?.format.quotePrefix && /^[=+\-@]/.test(shown) ? "'" : ""}${shown}`).toBe(text);
    });
  });
}, 60_000);

test("text that looks like a formula or a number is written as text, never as a formula", async () => {
  const { rows, report } = await lireExport();
  await ecrireExport(rows, report.meta.modelId);
  const written = tableRows(excel.state);
  const at = (id: string, periode: string) => written.find((r) => r.element === id && r.periode === periode)!;
  expect(at(count.id, "2024")).toMatchObject({ commentaire: "=1+1 à vérifier", source: "0123" });
  expect(at(text.id, "2024").valeur).toBe("+33 1 23 45 67 89");
  const sheet = excel.state.mustSheet(EXPORT_SHEET);
  const quoted = sheet.sortedCells().filter(([, , cell]) => cell.format.quotePrefix);
  expect(quoted.map(([, , cell]) => cell.value)).toEqual(
    expect.arrayContaining(["=1+1 à vérifier", "0123", "+33 1 23 45 67 89"]),
  );
});

test("the table: its name, style, frozen header, on a sheet tagged as the add-in's; three requests", async () => {
  const { rows, report } = await lireExport();
  const before = excel.syncs.length;
  const done = await excel.run((ctx) => writeTidyTable(ctx, rows, report.meta.modelId));
  expect(done.syncs).toBe(3);
  expect(excel.syncs.length - before).toBe(3);
  const sheet = excel.state.mustSheet(EXPORT_SHEET);
  expect(sheet.customProperties.get(SHEET_TAG)).toBe(plan.meta.modelId);
  expect(sheet.freeze).toEqual({ rows: 1, columns: 0 });
  expect(excel.state.activeSheet).toBe(sheet);
  const [table] = tablesOf(excel.state);
  expect(table).toMatchObject({ name: EXPORT_TABLE, style: EXPORT_STYLE, sheet });
  expect(table!.rect).toEqual({ r1: 1, c1: 1, r2: rows.length + 1, c2: TIDY_COLUMNS.length });
});

test("a second export replaces the first (same sheet, same table name); a user's table keeps its name", async () => {
  // A user's table already called BilanExport elsewhere: ours takes the next free name.
  await excel.run(async (ctx) => {
    const ws = ctx.workbook.worksheets.add("Mes données");
    ws.getRange("A1:B2").values = [
      ["a", "b"],
      [1, 2],
    ];
    ws.tables.add("A1:B2", true).name = EXPORT_TABLE;
    await ctx.sync();
  });
  const { rows, report } = await lireExport();
  const first = await ecrireExport(rows, report.meta.modelId);
  expect(first.table).toBe(`${EXPORT_TABLE}_2`);
  const second = await ecrireExport(rows.slice(0, 10), report.meta.modelId);
  expect(second.table).toBe(`${EXPORT_TABLE}_2`);
  expect(excel.state.sheets.filter((s) => s.name.startsWith("~") || s.name === EXPORT_SHEET)).toHaveLength(1);
  expect(tablesOf(excel.state).map((t) => [t.name, t.sheet.name])).toEqual([
    [EXPORT_TABLE, "Mes données"],
    [`${EXPORT_TABLE}_2`, EXPORT_SHEET],
  ]);
  expect(tableRows(excel.state, `${EXPORT_TABLE}_2`)).toHaveLength(10);
  expect(excel.state.mustSheet(EXPORT_SHEET).peek(12, 1)).toBeUndefined();
});

test("a user's sheet with the export's name is refused, untouched, with a sentence in both languages", async () => {
  await excel.run(async (ctx) => {
    ctx.workbook.worksheets.add(EXPORT_SHEET).getRange("A1").values = [["à moi"]];
    await ctx.sync();
  });
  const { rows, report } = await lireExport();
  const error = await ecrireExport(rows, report.meta.modelId).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(RenderError);
  expect((error as RenderError).text.message).toMatch(/« Export du bilan » qui n'a pas été créée par le complément/);
  expect((error as RenderError).text.messageEn).toMatch(/"Export du bilan" that the add-in did not create/);
  expect(excel.state.mustSheet(EXPORT_SHEET).peek(1, 1)?.value).toBe("à moi");
  expect(tablesOf(excel.state)).toEqual([]);
});

test("a large export goes in several requests, each under Excel on the web's limit", async () => {
  const big = new FakeExcel();
  const row: TidyRow = { fichier: "x", schema: "s", libelle: "é".repeat(400), valeur: 1 };
  const rows = Array.from({ length: 12_000 }, (_, i) => ({ ...row, element: `e${i}` }));
  const done = await big.run((ctx) => writeTidyTable(ctx, rows, "m"));
  expect(done.syncs).toBeGreaterThanOrEqual(4);
  expect(big.largestPayload).toBeLessThan(big.payloadLimitBytes);
  expect(tableRows(big.state).map((r) => r.element)).toEqual(rows.map((r) => r.element));
}, 60_000);

test("an empty export still makes a valid table (one empty data row, as Excel makes it)", async () => {
  const done = await excel.run((ctx) => writeTidyTable(ctx, [], "m"));
  expect(done.rows).toBe(0);
  expect(tablesOf(excel.state)[0]!.rect.r2).toBe(2);
  expect(tableRows(excel.state)).toEqual([{}]);
});

/**
 * The in-memory Excel's tables hold to Excel's rules (PARITY-tables.md), so
 * that a host test passing against it does not pass by the fake's leniency.
 */
import { FakeExcel } from "../../support/fakeExcel";
import { tablesOf } from "../../support/fakeExcel/tables";

let excel: FakeExcel;

beforeEach(async () => {
  excel = new FakeExcel();
  await excel.run(async (ctx) => {
    const ws = ctx.workbook.worksheets.getItem("Feuil1");
    ws.getRange("A1:C3").values = [
      ["id", "id", ""],
      [1, 2, 3],
      [4, 5, 6],
    ];
    await ctx.sync();
  });
});

/** Runs `work` on Feuil1 and syncs; the error's code, or "ok". */
async function attempt(work: (ws: Excel.Worksheet, ctx: Excel.RequestContext) => void): Promise<string> {
  return excel
    .run(async (ctx) => {
      work(ctx.workbook.worksheets.getItem("Feuil1"), ctx);
      await ctx.sync();
      return "ok";
    })
    .catch((e: { code?: string }) => e.code ?? String(e));
}

test("add: a table over the range, named Table1, its headers made unique text", async () => {
  expect(await attempt((ws) => ws.tables.add("A1:C3", true))).toBe("ok");
  const [table] = tablesOf(excel.state);
  expect(table).toMatchObject({ name: "Table1", rect: { r1: 1, c1: 1, r2: 3, c2: 3 } });
  const sheet = excel.state.mustSheet("Feuil1");
  expect([1, 2, 3].map((c) => sheet.peek(1, c)?.value)).toEqual(["id", "id2", "Column3"]);
});

test("names: valid ones pass; invalid, cell-like or duplicate ones (ignoring case, defined names too) are refused", async () => {
  await attempt((ws) => ws.tables.add("A1:C3", true));
  let current = "Table1";
  const rename = async (name: string) => {
    const code = await attempt((ws) => (ws.tables.getItem(current).name = name));
    if (code === "ok") current = name;
    return code;
  };
  expect(await rename("_Bilan.export_2024")).toBe("ok");
  expect(await rename("\\chemin")).toBe("ok");
  for (const bad of ["", "2024", "Bilan export", "A1", "XFD1048576", "R1C1", "r2d2", "C", "TRUE", "x".repeat(256)])
    expect([bad, await rename(bad)]).toEqual([bad, "InvalidArgument"]);
  expect(await rename("x".repeat(255))).toBe("ok");
  const setup = await attempt((ws, ctx) => {
    ctx.workbook.names.add("Deja", "=Feuil1!$E$1");
    ws.getRange("E5:F6").values = [
      ["a", "b"],
      [1, 2],
    ];
    ws.tables.add("E5:F6", true).name = "Autre";
  });
  expect(setup).toBe("ok");
  expect(await rename("autre")).toBe("ItemAlreadyExists");
  expect(await rename("DEJA")).toBe("ItemAlreadyExists");
  // And a defined name cannot take a table's name.
  expect(await attempt((_, ctx) => ctx.workbook.names.add("AUTRE", "=Feuil1!$E$1"))).toBe("ItemAlreadyExists");
});

test("a table overlaps no other table and no merged area; cells of a table cannot be merged", async () => {
  await attempt((ws) => ws.tables.add("A1:C3", true));
  expect(await attempt((ws) => ws.tables.add("C3:D5", true))).toBe("InvalidArgument");
  await attempt((ws) => ws.getRange("H1:I1").merge());
  expect(await attempt((ws) => ws.tables.add("G1:H4", true))).toBe("InvalidArgument");
  expect(await attempt((ws) => ws.getRange("A2:B2").merge())).toBe("InvalidOperation");
  expect(tablesOf(excel.state)).toHaveLength(1);
});

test("a header-only range gets an empty data row; the ranges and the workbook's collection", async () => {
  const result = await excel.run(async (ctx) => {
    const ws = ctx.workbook.worksheets.getItem("Feuil1");
    const table = ws.tables.add("E1:F1", true);
    const body = table.getDataBodyRange().load("address");
    const header = table.getHeaderRowRange().load("address");
    const all = ctx.workbook.tables.load("items/name,items/worksheet/name");
    const missing = ctx.workbook.tables.getItemOrNullObject("Nulle").load("name");
    await ctx.sync();
    return {
      body: body.address,
      header: header.address,
      all: all.items.map((t) => `${t.name}@${t.worksheet.name}`),
      missing: missing.isNullObject,
    };
  });
  expect(result).toEqual({
    body: "Feuil1!$E$2:$F$2",
    header: "Feuil1!$E$1:$F$1",
    all: ["Table1@Feuil1"],
    missing: true,
  });
});

test("style: built-in names only; a deleted sheet takes its tables with it", async () => {
  await excel.run(async (ctx) => {
    ctx.workbook.worksheets.add("Autre");
    await ctx.sync();
  });
  await attempt((ws) => ws.tables.add("A1:C3", true));
  expect(await attempt((ws) => (ws.tables.getItem("Table1").style = "TableStyleMedium28"))).toBe("ok");
  expect(await attempt((ws) => (ws.tables.getItem("Table1").style = "TableStyleMedium29"))).toBe("InvalidArgument");
  await attempt((ws) => ws.delete());
  expect(tablesOf(excel.state)).toEqual([]);
});

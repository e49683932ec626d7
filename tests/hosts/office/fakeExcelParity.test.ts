/**
 * The in-memory Excel behaves like Excel where the add-in relies on it: one
 * test per behaviour claimed in tests/support/fakeExcel/PARITY.md (the
 * numbers there refer to these tests).
 */
/* eslint-disable office-addins/call-sync-before-read, office-addins/load-object-before-read, office-addins/call-sync-after-load -- test 1 checks that reading too early fails */
import { FakeExcel, FakeWorkbookState, PAYLOAD_LIMIT_BYTES, type WorksheetChangedEvent } from "../../support/fakeExcel";

let excel: FakeExcel;
beforeEach(() => {
  excel = new FakeExcel(new FakeWorkbookState(["Feuil1", "Feuil2"]));
});

const run = <T>(batch: (ctx: Excel.RequestContext) => Promise<T>) => excel.run(batch);
const codeOf = async (p: Promise<unknown>) =>
  p.then(
    () => "no error",
    (e: { code?: string }) => e.code,
  );

test("1. properties are read only after load and sync; a value set locally reads back before sync", async () => {
  await run(async (ctx) => {
    const ws = ctx.workbook.worksheets.getItem("Feuil1");
    expect(() => ws.name).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    ws.load("name");
    expect(() => ws.name).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    await ctx.sync();
    expect(ws.name).toBe("Feuil1");
    ws.tabColor = "#FF0000";
    expect(ws.tabColor).toBe("#FF0000");
    const count = ctx.workbook.worksheets.getCount();
    expect(() => count.value).toThrow(expect.objectContaining({ code: "ValueNotLoaded" }));
    await ctx.sync();
    expect(count.value).toBe(2);
  });
});

test("2. a missing item fails at sync (ItemNotFound); *OrNullObject gives isNullObject after sync", async () => {
  await run(async (ctx) => {
    const missing = ctx.workbook.worksheets.getItem("Absente");
    expect(await codeOf(ctx.sync())).toBe("ItemNotFound");
    void missing;
    const maybe = ctx.workbook.worksheets.getItemOrNullObject("Absente");
    await ctx.sync();
    expect(maybe.isNullObject).toBe(true);
  });
});

test("3. a failing operation rejects the sync; the operations queued before it stay applied", async () => {
  await run(async (ctx) => {
    const ws = ctx.workbook.worksheets.getItem("Feuil1");
    ws.getRange("A1").values = [["avant"]];
    ctx.workbook.worksheets.add("Feuil2");
    ws.getRange("A2").values = [["après"]];
    expect(await codeOf(ctx.sync())).toBe("ItemAlreadyExists");
  });
  const sheet = excel.state.mustSheet("Feuil1");
  expect(sheet.peek(1, 1)?.value).toBe("avant");
  expect(sheet.peek(2, 1)?.value ?? null).toBeNull();
});

test("4. a request over 5 MB is refused whole (RequestPayloadSizeLimitExceeded)", async () => {
  const big = "x".repeat(PAYLOAD_LIMIT_BYTES);
  await run(async (ctx) => {
    ctx.workbook.worksheets.getItem("Feuil1").getRange("A1").values = [[big]];
    expect(await codeOf(ctx.sync())).toBe("RequestPayloadSizeLimitExceeded");
  });
  expect(excel.state.mustSheet("Feuil1").peek(1, 1)).toBeUndefined();
});

test("5. a range read is limited to five million cells", async () => {
  await run(async (ctx) => {
    ctx.workbook.worksheets.getItem("Feuil1").getRange("A1:E1000001").load("values");
    expect(await codeOf(ctx.sync())).toBe("ResponsePayloadSizeLimitExceeded");
  });
});

test("6. a protected sheet refuses writes to locked cells and changes of locking; unlocked cells take input", async () => {
  await run(async (ctx) => {
    const ws = ctx.workbook.worksheets.getItem("Feuil1");
    ws.getRange("B2").format.protection.locked = false;
    ws.protection.protect();
    await ctx.sync();
    ws.getRange("B2").values = [[1]];
    await ctx.sync();
    ws.getRange("A1").values = [[1]];
    expect(await codeOf(ctx.sync())).toBe("AccessDenied");
    ws.getRange("C3").format.protection.locked = false;
    expect(await codeOf(ctx.sync())).toBe("AccessDenied");
  });
  expect(excel.state.mustSheet("Feuil1").peek(2, 2)?.value).toBe(1);
  await expect(excel.type("Feuil1", "A1", 5)).rejects.toThrow(/locked/);
});

test("7. sheet names: at most 31 characters, none of : \\ / ? * [ ], unique whatever the case", async () => {
  for (const [name, code] of [
    ["x".repeat(32), "InvalidArgument"],
    ["Axe 1 : Prévention", "InvalidArgument"],
    ["a/b", "InvalidArgument"],
    ["FEUIL1", "ItemAlreadyExists"],
  ])
    await run(async (ctx) => {
      ctx.workbook.worksheets.add(name!);
      expect(await codeOf(ctx.sync())).toBe(code);
    });
  await run(async (ctx) => {
    ctx.workbook.worksheets.add("x".repeat(31));
    await ctx.sync();
  });
});

test("8. defined names: no cell reference, no space, no R or C alone, unique", async () => {
  for (const [name, code] of [
    ["AB12", "InvalidArgument"],
    ["deux mots", "InvalidArgument"],
    ["r", "InvalidArgument"],
  ])
    await run(async (ctx) => {
      ctx.workbook.names.add(name!, "=Feuil1!$A$1");
      expect(await codeOf(ctx.sync())).toBe(code);
    });
  await run(async (ctx) => {
    ctx.workbook.names.add("bilan_total", "=Feuil1!$A$1");
    await ctx.sync();
    ctx.workbook.names.add("BILAN_TOTAL", "=Feuil1!$A$2");
    expect(await codeOf(ctx.sync())).toBe("ItemAlreadyExists");
  });
});

describe("9. onChanged", () => {
  const listen = async () => {
    const seen: WorksheetChangedEvent[] = [];
    await run(async (ctx) => {
      ctx.workbook.worksheets.onChanged.add(async (e) => void seen.push(e as never));
      await ctx.sync();
    });
    return seen;
  };

  test("raised for the add-in's own writes, after the sync and not during it, with triggerSource ThisLocalAddin", async () => {
    const seen = await listen();
    await run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Feuil2");
      ws.getRange("A1:B2").values = [
        [1, 2],
        [3, 4],
      ];
      ws.getRange("C5").formulas = [["=A1+1"]];
      ws.getRange("D1:D3").format.fill.color = "#FF0000";
      await ctx.sync();
      expect(seen).toHaveLength(0);
    });
    await excel.eventsDelivered();
    const id = excel.state.mustSheet("Feuil2").id;
    expect(seen).toEqual([
      {
        type: "WorksheetChanged",
        worksheetId: id,
        address: "A1:B2",
        changeType: "RangeEdited",
        source: "Local",
        triggerSource: "ThisLocalAddin",
      },
      {
        type: "WorksheetChanged",
        worksheetId: id,
        address: "C5",
        changeType: "RangeEdited",
        source: "Local",
        triggerSource: "ThisLocalAddin",
      },
    ]);
  });

  test("raised for a user's typing with triggerSource Unknown; without triggerSource on builds before ExcelApi 1.14", async () => {
    const seen = await listen();
    await excel.type("Feuil1", "B3", 7);
    expect(seen.map((e) => [e.address, e.triggerSource])).toEqual([["B3", "Unknown"]]);
    excel.triggerSource = false;
    await excel.type("Feuil1", "B4", 8);
    await run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Feuil1").getRange("B5").values = [[9]];
      await ctx.sync();
    });
    await excel.eventsDelivered();
    expect(seen.slice(1).map((e) => [e.address, "triggerSource" in e])).toEqual([
      ["B4", false],
      ["B5", false],
    ]);
  });

  test("a removed handler is no longer called", async () => {
    const seen: unknown[] = [];
    const handler = await run(async (ctx) => {
      const h = ctx.workbook.worksheets.onChanged.add(async (e) => void seen.push(e));
      await ctx.sync();
      return h;
    });
    await excel.run(handler.context as never, async (ctx: Excel.RequestContext) => {
      handler.remove();
      await ctx.sync();
    });
    await excel.type("Feuil1", "A1", 1);
    expect(seen).toHaveLength(0);
  });
});

test("10. in cell edit mode a run fails at once, unless it asked to wait (delayForCellEdit)", async () => {
  excel.startCellEdit();
  const write = (ctx: Excel.RequestContext) => {
    ctx.workbook.worksheets.getItem("Feuil1").getRange("A1").values = [[1]];
    return ctx.sync();
  };
  expect(await codeOf(excel.run(write))).toBe("InvalidOperationInCellEditMode");
  let done = false;
  const waiting = excel.run({ delayForCellEdit: true }, write).then(() => (done = true));
  await new Promise((r) => setTimeout(r, 20));
  expect(done).toBe(false);
  excel.endCellEdit();
  await waiting;
  expect(excel.state.mustSheet("Feuil1").peek(1, 1)?.value).toBe(1);
  expect(excel.runs.at(-1)).toEqual({ delayForCellEdit: true });
});

test("11. suspensions of calculation and screen updating last one request; calculate records its type", async () => {
  await run(async (ctx) => {
    ctx.workbook.application.suspendApiCalculationUntilNextSync();
    ctx.workbook.application.suspendScreenUpdatingUntilNextSync();
    ctx.workbook.application.calculate("Recalculate");
    await ctx.sync();
  });
  expect(excel.state.calculationSuspensions).toBe(1);
  expect(excel.state.screenUpdatingSuspensions).toBe(1);
  expect(excel.state.calculations).toEqual(["Recalculate"]);
});

test("12. the last visible sheet can be neither hidden nor deleted", async () => {
  await run(async (ctx) => {
    ctx.workbook.worksheets.getItem("Feuil2").visibility = "Hidden";
    await ctx.sync();
    ctx.workbook.worksheets.getItem("Feuil1").visibility = "Hidden";
    expect(await codeOf(ctx.sync())).toBe("InvalidOperation");
    ctx.workbook.worksheets.getItem("Feuil1").delete();
    expect(await codeOf(ctx.sync())).toBe("InvalidOperation");
  });
});

test("13. a cell takes one data validation rule: a second one is refused until cleared", async () => {
  await run(async (ctx) => {
    const range = ctx.workbook.worksheets.getItem("Feuil1").getRange("A1:A3");
    range.dataValidation.rule = { wholeNumber: { formula1: 0, operator: "GreaterThanOrEqualTo" } };
    await ctx.sync();
    ctx.workbook.worksheets.getItem("Feuil1").getRange("A2").dataValidation.rule = {
      decimal: { formula1: 0, operator: "GreaterThanOrEqualTo" },
    };
    expect(await codeOf(ctx.sync())).toBe("InvalidOperation");
  });
});

test("14. merged areas cannot overlap", async () => {
  await run(async (ctx) => {
    const ws = ctx.workbook.worksheets.getItem("Feuil1");
    ws.getRange("A1:B2").merge();
    await ctx.sync();
    ws.getRange("B2:C3").merge();
    expect(await codeOf(ctx.sync())).toBe("InvalidOperation");
  });
});

test("15. values starting with = are formulas, as typed; a leading apostrophe keeps them text", async () => {
  await run(async (ctx) => {
    ctx.workbook.worksheets.getItem("Feuil1").getRange("A1:B1").values = [["=1+1", "'=1+1"]];
    await ctx.sync();
  });
  const sheet = excel.state.mustSheet("Feuil1");
  expect(sheet.peek(1, 1)?.formula).toBe("=1+1");
  expect(sheet.peek(1, 2)).toMatchObject({ formula: null, value: "=1+1" });
});

test("16. a validation rule is of one kind; a custom rule is a formula, kept as written", async () => {
  await run(async (ctx) => {
    const ws = ctx.workbook.worksheets.getItem("Feuil1");
    ws.getRange("B2").dataValidation.rule = { custom: { formula: "=AND(ISNUMBER(B2),B2<=B3)" } };
    await ctx.sync();
    ws.getRange("C2").dataValidation.rule = {
      custom: { formula: "=TRUE" },
      decimal: { formula1: 0, operator: "GreaterThanOrEqualTo" },
    };
    expect(await codeOf(ctx.sync())).toBe("InvalidArgument");
    ws.getRange("D2").dataValidation.rule = { custom: { formula: "" } };
    expect(await codeOf(ctx.sync())).toBe("InvalidArgument");
  });
  expect(excel.state.mustSheet("Feuil1").peek(2, 2)?.validation?.rule).toEqual({
    custom: { formula: "=AND(ISNUMBER(B2),B2<=B3)" },
  });
});

test("17. notes: one per cell, on one cell, found by address, edited and deleted; a protected sheet refuses them", async () => {
  await run(async (ctx) => {
    const notes = ctx.workbook.notes;
    notes.add("Feuil1!B2", "Première");
    await ctx.sync();
    notes.add("Feuil1!B2", "Seconde");
    expect(await codeOf(ctx.sync())).toBe("InvalidArgument");
    notes.add("Feuil1!B2:C3", "Plage");
    expect(await codeOf(ctx.sync())).toBe("InvalidArgument");
    const found = notes.getItemOrNullObject("Feuil1!B2").load("content");
    const none = notes.getItemOrNullObject("Feuil1!C9");
    await ctx.sync();
    expect([found.content, none.isNullObject]).toEqual(["Première", true]);
    found.content = "Modifiée";
    await ctx.sync();
    const where = found.getLocation().load("address");
    notes.load("items/content");
    await ctx.sync();
    expect(notes.items.map((n) => n.content)).toEqual(["Modifiée"]);
    expect(where.address.replace(/\$/g, "")).toBe("Feuil1!B2");
    found.delete();
    await ctx.sync();
    ctx.workbook.worksheets.getItem("Feuil2").protection.protect();
    notes.add("Feuil2!A1", "Protégée");
    expect(await codeOf(ctx.sync())).toBe("AccessDenied");
    const count = notes.getCount();
    await ctx.sync();
    expect(count.value).toBe(0);
  });
});

test("18. page layout: a scale of 10 to 400 %, margins in points, title rows and columns, a footer of 255 characters at most, breaks before a range's top-left cell", async () => {
  await run(async (ctx) => {
    const ws = ctx.workbook.worksheets.getItem("Feuil1");
    const layout = ws.pageLayout;
    layout.zoom = { scale: 89 };
    layout.leftMargin = 18;
    layout.printOrder = "OverThenDown";
    layout.setPrintTitleRows("$1:$2");
    layout.setPrintTitleColumns("$B:$B");
    layout.headersFooters.defaultForAllPages.leftFooter = "Schéma && plan — &A";
    layout.headersFooters.defaultForAllPages.rightFooter = "page &P / &N";
    ws.horizontalPageBreaks.add("A21:E21");
    ws.verticalPageBreaks.add("M1");
    await ctx.sync();
    const page = excel.state.mustSheet("Feuil1").pageLayout;
    expect(page).toMatchObject({
      zoom: { scale: 89 },
      printOrder: "OverThenDown",
      printTitleRows: "$1:$2",
      printTitleColumns: "$B:$B",
      footer: { left: "Schéma && plan — &A", center: "", right: "page &P / &N" },
      rowBreaks: [21],
      columnBreaks: [13],
    });
    expect(page.margins.left).toBe(18);

    layout.zoom = { scale: 401 };
    expect(await codeOf(ctx.sync())).toBe("InvalidArgument");
    layout.setPrintTitleRows("$B:$B");
    expect(await codeOf(ctx.sync())).toBe("InvalidArgument");
    layout.setPrintTitleColumns("$1:$2");
    expect(await codeOf(ctx.sync())).toBe("InvalidArgument");
    layout.headersFooters.defaultForAllPages.centerFooter = "x".repeat(240);
    expect(await codeOf(ctx.sync())).toBe("InvalidArgument");
  });
});

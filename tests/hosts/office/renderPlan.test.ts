/**
 * The Office.js host against the in-memory Excel: the workbook it leaves holds
 * the plan, in few round trips, and a workbook with other sheets or an older
 * bilan is never damaged.
 */
import { BUILTIN_IDS } from "../../../src/model/builtins";
import type { WorkbookPlan } from "../../../src/engine/plan";
import { officeRule, widthInPoints } from "../../../src/hosts/office/officeShapes";
import { RenderError, renderPlanInExcel, SHEET_TAG, type RenderOptions } from "../../../src/hosts/office/renderPlan";
import { parseA1, sheetRef } from "../../../src/util/a1";
import { FakeExcel, FakeWorkbookState } from "../../support/fakeExcel";
import { denseEssonne, scaledEssonne } from "../../../scripts/bench/synthetic";
import { parseSchemaOrThrow } from "../../../src/model/parse";
import { builtinPlan, expand, planOf } from "../../support/plans";

async function render(plan: WorkbookPlan, excel = new FakeExcel(), options: RenderOptions = {}) {
  const result = await excel.run((ctx) => renderPlanInExcel(ctx, plan, options));
  return { excel, state: excel.state, ...result };
}

/** A user's workbook: a sheet of their own, with a value, before the bilan arrives. */
function usersWorkbook(): FakeExcel {
  const state = new FakeWorkbookState(["Notes"]);
  state.mustSheet("Notes").cell(1, 1).value = "à garder";
  return new FakeExcel(state);
}

describe.each(BUILTIN_IDS)("%s", (id) => {
  let plan: WorkbookPlan;
  let out: Awaited<ReturnType<typeof render>>;
  beforeAll(async () => {
    plan = builtinPlan(id);
    out = await render(plan, usersWorkbook());
  });

  test("sheets in order after the user's, tagged, with their visibility; the user's sheet untouched", () => {
    const { state } = out;
    expect(state.sheets.map((s) => s.name)).toEqual(["Notes", ...plan.sheets.map((s) => s.name)]);
    expect(state.mustSheet("Notes").peek(1, 1)?.value).toBe("à garder");
    for (const s of plan.sheets) {
      const got = state.mustSheet(s.name);
      expect(got.customProperties.get(SHEET_TAG)).toBe(plan.meta.modelId);
      expect(got.visibility).toBe(s.visibility === "veryHidden" ? "VeryHidden" : "Visible");
    }
    expect(state.activeSheet?.name).toBe(plan.sheets[0]!.name);
  });

  test("every cell: value or formula, locking, number format, font and fill", () => {
    for (const s of plan.sheets) {
      const sheet = out.state.mustSheet(s.name);
      for (const c of s.cells) {
        const style = plan.styles[c.style]!;
        const got = sheet.peek(c.row, c.col);
        const where = `${s.name}!R${c.row}C${c.col}`;
        const expected = {
          where,
          locked: style.locked,
          numberFormat: style.numberFormat ?? "General",
          bold: Boolean(style.bold),
          fill: style.fill ?? null,
          ...(c.formula ? { formula: c.formula } : { value: c.value === undefined || c.value === "" ? null : c.value }),
        };
        expect({
          where,
          locked: got?.format.locked,
          numberFormat: got?.format.numberFormat,
          bold: got?.format.bold,
          fill: got?.format.fill,
          ...(c.formula ? { formula: got?.formula } : { value: got?.value ?? null }),
        }).toEqual(expected);
      }
    }
  });

  test("validations cell by cell, conditional formats in priority order", () => {
    for (const s of plan.sheets) {
      const sheet = out.state.mustSheet(s.name);
      for (const v of s.validations)
        for (const address of expand(v.ranges)) {
          const { row, col } = parseA1(address);
          const got = sheet.peek(row, col)?.validation;
          expect({ at: `${s.name}!${address}`, rule: got?.rule, error: got?.errorAlert.message }).toEqual({
            at: `${s.name}!${address}`,
            rule: officeRule(v.rule, { row, col }),
            error: v.error.message,
          });
        }
      const planned = [...s.conditionalFormats].sort((a, b) => a.priority - b.priority);
      expect(sheet.conditionalFormats.map((f) => f.custom?.formula ?? `bar:${f.dataBar?.fillColor}`)).toEqual(
        planned.map((f) => (f.kind === "expression" ? f.formula : `bar:${f.color.toUpperCase()}`)),
      );
    }
  });

  test("names, merges, widths, freeze panes, print setup and protection", () => {
    const { state } = out;
    expect([...state.names.values()].map((n) => [n.name, n.formula])).toEqual(
      plan.names.map((n) => [n.name, `=${sheetRef(n.sheet, n.ref)}`]),
    );
    for (const s of plan.sheets) {
      const sheet = state.mustSheet(s.name);
      expect(sheet.merges.length).toBe(s.merges.length);
      for (const [col, width] of Object.entries(s.columnWidths))
        expect(sheet.columnWidths.get(Number(col))).toBe(widthInPoints(width));
      expect([...sheet.hiddenColumns]).toEqual(s.hiddenColumns);
      if (s.freeze?.rows) expect(sheet.freeze).toEqual(s.freeze);
      expect(sheet.protection.protected).toBe(Boolean(s.protection));
      if (s.protection)
        expect(sheet.protection.options).toMatchObject({ allowFormatRows: true, allowAutoFilter: true });
      if (s.print) {
        expect(sheet.pageLayout).toMatchObject({ orientation: "Landscape", paperSize: "A4" });
        // The same page setup as the .xlsx host's (layout/print.ts chose it).
        expect(sheet.pageLayout.zoom).toEqual({ scale: s.print.scale });
        expect(sheet.pageLayout.printOrder).toBe("OverThenDown");
        if (s.print.titleRows) expect(sheet.pageLayout.printTitleRows).toBe(`$${s.print.titleRows.replace(":", ":$")}`);
        if (s.print.titleColumns)
          expect(sheet.pageLayout.printTitleColumns).toBe(`$${s.print.titleColumns.replace(":", ":$")}`);
        expect(sheet.pageLayout.rowBreaks).toEqual(s.print.rowBreaks ?? []);
        expect(sheet.pageLayout.columnBreaks).toEqual(s.print.columnBreaks ?? []);
        expect(sheet.pageLayout.footer).toEqual({ ...s.print.footer, center: "" });
        expect(sheet.pageLayout.margins.left).toBeCloseTo(s.print.margins!.side * 72);
        expect(sheet.pageLayout.margins.bottom).toBeCloseTo(s.print.margins!.bottom * 72);
      }
    }
  });

  test("one sync per sheet plus three, calculation and screen updating suspended for each sheet", () => {
    expect(out.syncs).toBe(plan.sheets.length + 3);
    expect(out.excel.syncs.length).toBe(out.syncs);
    expect(out.state.calculationSuspensions).toBe(plan.sheets.length);
    expect(out.state.screenUpdatingSuspensions).toBe(plan.sheets.length);
    expect(out.excel.largestPayload).toBeLessThan(4_000_000);
  });
});

test("a large schéma (Essonne ×10) stays within the payload limit, splitting sheets only when needed", async () => {
  const plan = planOf(parseSchemaOrThrow(scaledEssonne(10), "essonne ×10"));
  const { excel, syncs } = await render(plan);
  expect(excel.largestPayload).toBeLessThan(4_000_000);
  expect(syncs).toBeLessThanOrEqual(2 * plan.sheets.length + 3);
  const cells = plan.sheets.reduce((n, s) => n + s.cells.filter((c) => c.value !== undefined || c.formula).length, 0);
  const written = excel.state.sheets.reduce(
    (n, s) => n + [...s.cells.values()].filter((c) => c.value !== null || c.formula).length,
    0,
  );
  expect(written).toBe(cells);
});

test("twice the fiches on each axe sheet take no more round trips", async () => {
  const plan = planOf(parseSchemaOrThrow(denseEssonne(2), "essonne, fiches ×2 par axe"));
  const { excel, syncs } = await render(plan);
  expect(plan.sheets.length).toBe(builtinPlan("essonne_2022_2026").sheets.length);
  expect(syncs).toBe(plan.sheets.length + 3);
  expect(excel.largestPayload).toBeLessThan(4_000_000);
});

test("progress is reported sheet by sheet", async () => {
  const plan = builtinPlan("fiche_action_5_2022_2026");
  const seen: string[] = [];
  await render(plan, new FakeExcel(), { onProgress: (p) => seen.push(`${p.done}/${p.total} ${p.sheet}`) });
  expect(seen).toEqual([
    ...plan.sheets.map((s, i) => `${i}/${plan.sheets.length} ${s.name}`),
    `${plan.sheets.length}/${plan.sheets.length} `,
  ]);
});

test("a sheet of the user's with a bilan sheet's name is never replaced", async () => {
  const plan = builtinPlan("fiche_action_5_2022_2026");
  const excel = new FakeExcel(new FakeWorkbookState(["Sommaire"]));
  excel.state.mustSheet("Sommaire").cell(2, 2).value = 42;
  const error = await render(plan, excel).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(RenderError);
  expect((error as RenderError).text.message).toMatch(/n'a pas été créée par le complément/);
  expect(excel.state.sheets.map((s) => s.name)).toEqual(["Sommaire"]);
  expect(excel.state.mustSheet("Sommaire").peek(2, 2)?.value).toBe(42);
});

test("an existing bilan is replaced only when asked, and only its own sheets and names", async () => {
  const plan = builtinPlan("fiche_action_5_2022_2026");
  const excel = usersWorkbook();
  await render(plan, excel);
  const refused = await render(plan, excel).catch((e: unknown) => e);
  expect((refused as RenderError).text.message).toMatch(/contient déjà un bilan/);

  const next = builtinPlan("fiche_action_5_2022_2026", { campaignYear: 2025 });
  await render(next, excel, { replace: true });
  expect(excel.state.sheets.map((s) => s.name)).toEqual(["Notes", ...next.sheets.map((s) => s.name)]);
  expect(excel.state.mustSheet("Notes").peek(1, 1)?.value).toBe("à garder");
  expect(excel.state.names.size).toBe(next.names.length);
  const meta = excel.state.mustSheet("_bilan_meta");
  expect([...meta.cells.values()].some((c) => c.value === 2025)).toBe(true);
});

test("cancelling half-way leaves the workbook as it was", async () => {
  const plan = builtinPlan("essonne_2022_2026");
  const excel = usersWorkbook();
  const abort = new AbortController();
  const error = await render(plan, excel, {
    signal: abort.signal,
    onProgress: (p) => p.done === 2 && abort.abort(),
  }).catch((e: unknown) => e);
  expect((error as RenderError).text.message).toMatch(/annulée/);
  expect(excel.state.sheets.map((s) => s.name)).toEqual(["Notes"]);
  expect(excel.state.names.size).toBe(0);
});

test("a failure while replacing puts the previous bilan back", async () => {
  const plan = builtinPlan("fiche_action_5_2022_2026");
  const excel = usersWorkbook();
  await render(plan, excel);
  const before = excel.state.sheets.map((s) => s.name);
  const names = [...excel.state.names.values()].map((n) => [n.name, n.formula]);
  excel.payloadLimitBytes = 1000; // the next sheet batch is refused by "Excel"
  await expect(render(plan, excel, { replace: true })).rejects.toMatchObject({
    code: "RequestPayloadSizeLimitExceeded",
  });
  excel.payloadLimitBytes = Infinity;
  expect(excel.state.sheets.map((s) => s.name)).toEqual(before);
  expect([...excel.state.names.values()].map((n) => [n.name, n.formula]).sort()).toEqual(names.sort());
});

test("a text starting with an apostrophe keeps it (Excel takes a first one as its text prefix)", async () => {
  const excel = new FakeExcel();
  const plan = builtinPlan("fiche_action_5_2022_2026");
  const sheet = plan.sheets.find((s) => s.kind === "meta")!;
  // The metadata's JSON is cut into chunks: one may start with the apostrophe of « l'enfance ».
  const cell = sheet.cells.find((c) => c.col === 2 && typeof c.value === "string" && c.value.length > 100)!;
  cell.value = `'${cell.value as string}`;
  await excel.run((ctx) => renderPlanInExcel(ctx, plan));
  expect(excel.state.mustSheet(sheet.name).peek(cell.row, 2)?.value).toBe(cell.value);
});

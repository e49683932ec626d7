/**
 * The .xlsx host writes everything the plan says: read back with exceljs,
 * every cell, validation, name, merge, protection and print setting matches.
 */
import ExcelJS from "exceljs";
import { XMLParser } from "fast-xml-parser";
import JSZip from "jszip";
import { BUILTIN_IDS } from "../../../src/model/builtins";
import type { ValidationRule, WorkbookPlan } from "../../../src/engine/plan";
import { renderPlanToXlsx } from "../../../src/hosts/xlsx/renderPlan";
import { rectangles } from "../../../src/util/rectangles";
import { readXlsx, type ReadValidation, type ReadWorkbook } from "../../support/readWorkbook";
import { a1, parseA1 } from "../../../src/util/a1";
import { builtinPlan, expand } from "../../support/plans";

/** What a plan's validation rule looks like once in a file. */
export function expectedValidation(rule: ValidationRule, address: string): Pick<ReadValidation, "type" | "formulae"> {
  switch (rule.type) {
    case "ratioPart": {
      // Written by hand here, not by ratioPartFormula: the test says what the formula must be.
      const { row, col } = parseA1(address);
      const self = address;
      const other = a1(row + rule.other.rows, col + rule.other.cols);
      const [num, den] = rule.part === "numerateur" ? [self, other] : [other, self];
      return {
        type: "custom",
        formulae: [`AND(ISNUMBER(${self}),${self}>=0,OR(NOT(ISNUMBER(${other})),${num}<=${den}))`],
      };
    }
    case "list":
      return { type: "list", formulae: [`"${rule.values.join(",")}"`] };
    case "textLength":
      return { type: "textLength", formulae: [rule.max] };
    case "date":
      return { type: "date", formulae: [rule.min, rule.max] };
    default: {
      // No bound at all: Excel needs one, the largest number it knows stands for "any".
      const any = rule.min === undefined && rule.max === undefined;
      const bounds = any ? [-9.99999999999999e307, 9.99999999999999e307] : [rule.min, rule.max];
      return { type: rule.type, formulae: bounds.filter((v) => v !== undefined) };
    }
  }
}

const rendered = new Map<string, { plan: WorkbookPlan; read: ReadWorkbook; buffer: Buffer }>();
beforeAll(async () => {
  for (const id of BUILTIN_IDS) {
    const plan = builtinPlan(id);
    const buffer = await renderPlanToXlsx(plan);
    rendered.set(id, { plan, buffer, read: await readXlsx(buffer) });
  }
});
const get = (id: string) => rendered.get(id)!;

describe.each(BUILTIN_IDS)("%s", (id) => {
  test("sheets keep their names, order and visibility", () => {
    const { plan, read } = get(id);
    expect(read.sheets.map((s) => [s.name, s.state])).toEqual(plan.sheets.map((s) => [s.name, s.visibility]));
  });

  test("every cell holds the plan's value or formula and its locking", () => {
    const { plan, read } = get(id);
    for (const [i, sheet] of plan.sheets.entries()) {
      const cells = read.sheets[i]!.cells;
      for (const c of sheet.cells) {
        const where = `${sheet.name}!${a1(c.row, c.col)}`;
        const got = cells[a1(c.row, c.col)];
        expect({ where, locked: got?.locked }).toEqual({ where, locked: plan.styles[c.style]!.locked });
        if (c.formula) expect({ where, formula: got?.formula }).toEqual({ where, formula: c.formula });
        else if (c.value !== undefined && c.value !== "")
          expect({ where, value: got?.value }).toEqual({ where, value: c.value });
      }
    }
  });

  test("every validated cell has its rule, prompt and alert; no other cell has one", () => {
    const { plan, read } = get(id);
    for (const [i, sheet] of plan.sheets.entries()) {
      const got = read.sheets[i]!.validations;
      const planned = new Set<string>();
      for (const v of sheet.validations)
        for (const address of expand(v.ranges)) {
          planned.add(address);
          expect({ where: `${sheet.name}!${address}`, ...got[address] }).toMatchObject({
            where: `${sheet.name}!${address}`,
            ...expectedValidation(v.rule, address),
            promptTitle: v.prompt.title,
            prompt: v.prompt.message,
            errorStyle: v.error.style,
            error: v.error.message,
            showErrorMessage: true,
            allowBlank: true,
          });
        }
      expect(Object.keys(got).filter((a) => !planned.has(a))).toEqual([]);
    }
  });

  test("names, merges, protection and conditional formats are all there", () => {
    const { plan, read } = get(id);
    expect(read.names).toEqual(Object.fromEntries(plan.names.map((n) => [n.name, { sheet: n.sheet, ref: n.ref }])));
    for (const [i, sheet] of plan.sheets.entries()) {
      const got = read.sheets[i]!;
      expect(got.merges.sort()).toEqual([...sheet.merges].sort());
      expect(got.protected).toBe(Boolean(sheet.protection));
      expect(got.conditionalFormats.map((f) => f.ranges.join(" "))).toEqual(
        [...sheet.conditionalFormats].sort((a, b) => a.priority - b.priority).map((f) => f.ranges.join(" ")),
      );
    }
  });
});

test("freeze panes, widths, hidden columns and landscape A4 print: scale, strips, title rows and columns, footer", async () => {
  const { plan, buffer } = get("essonne_2022_2026");
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  for (const sheet of plan.sheets.filter((s) => s.kind === "axe")) {
    const ws = wb.getWorksheet(sheet.name)!;
    expect(ws.views[0]).toMatchObject({ state: "frozen", xSplit: sheet.freeze!.columns, ySplit: sheet.freeze!.rows });
    const print = sheet.print!;
    expect(ws.pageSetup).toMatchObject({
      orientation: "landscape",
      paperSize: 9,
      fitToPage: false,
      scale: print.scale,
      pageOrder: "overThenDown",
      margins: { left: print.margins!.side, right: print.margins!.side, bottom: print.margins!.bottom },
    });
    expect(ws.headerFooter.oddFooter).toBe(`&L${print.footer!.left}&R${print.footer!.right}`);
    for (const col of sheet.hiddenColumns) expect(ws.getColumn(col).hidden).toBe(true);
    for (const [col, width] of Object.entries(sheet.columnWidths)) expect(ws.getColumn(Number(col)).width).toBe(width);
  }
  // Print titles are sheet-scoped names: written for each axe sheet, with the sheet name quoted.
  const xml = await JSZip.loadAsync(buffer).then((z) => z.file("xl/workbook.xml")!.async("string"));
  const titled = plan.sheets.filter((s) => s.print?.titleRows || s.print?.titleColumns);
  expect(xml.match(/_xlnm\.Print_Titles/g)?.length).toBe(titled.length);
  const axe = plan.sheets.find((s) => s.kind === "axe")!;
  const quoted = `'${axe.name.replace(/'/g, "''")}'`;
  expect(xml.replace(/&apos;/g, "'")).toContain(`${quoted}!$B:$B,${quoted}!$1:$2</definedName>`);
  // Page breaks (which exceljs does not read back): a page starts at each fiche but the first, and at each strip's
  // first column; a break's id is the row or column it follows.
  const zip = await JSZip.loadAsync(buffer);
  const index = plan.sheets.indexOf(axe) + 1;
  const sheetXml = await zip.file(`xl/worksheets/sheet${index}.xml`)!.async("string");
  const breaks = (tag: string) =>
    [...sheetXml.matchAll(new RegExp(`<${tag}[^>]*>(.*?)</${tag}>`, "g"))].flatMap(([, inner]) =>
      [...inner!.matchAll(/<brk id="(\d+)"/g)].map(([, id]) => Number(id) + 1),
    );
  expect(breaks("rowBreaks")).toEqual(axe.print!.rowBreaks);
  expect(breaks("colBreaks")).toEqual(axe.print!.columnBreaks);
});

test("a password protects every sheet without being stored in clear", async () => {
  const plan = builtinPlan("fiche_action_5_2022_2026", { password: "s3cret-ODPE" });
  const buffer = await renderPlanToXlsx(plan);
  expect(buffer.includes("s3cret-ODPE")).toBe(false);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  const axe = wb.worksheets.find((w) => w.name.startsWith("Axe"))!;
  const protection = (axe as unknown as { sheetProtection: Record<string, unknown> }).sheetProtection;
  expect(protection).toMatchObject({ sheet: true, algorithmName: "SHA-512", formatRows: true, autoFilter: true });
  expect(protection.hashValue).toEqual(expect.any(String));
});

/** The children of a worksheet and of a workbook, in the order the OOXML schema (and Excel) requires. */
const CT_WORKSHEET = [
  ...["sheetPr", "dimension", "sheetViews", "sheetFormatPr", "cols", "sheetData", "sheetCalcPr", "sheetProtection"],
  ...["protectedRanges", "scenarios", "autoFilter", "sortState", "dataConsolidate", "customSheetViews", "mergeCells"],
  ...["phoneticPr", "conditionalFormatting", "dataValidations", "hyperlinks", "printOptions", "pageMargins"],
  ...["pageSetup", "headerFooter", "rowBreaks", "colBreaks", "customProperties", "cellWatches", "ignoredErrors"],
  ...["smartTags", "drawing", "legacyDrawing", "legacyDrawingHF", "drawingHF", "picture", "oleObjects", "controls"],
  ...["webPublishItems", "tableParts", "extLst"],
];
const CT_WORKBOOK = [
  ...["fileVersion", "fileSharing", "workbookPr", "workbookProtection", "bookViews", "sheets", "functionGroups"],
  ...["externalReferences", "definedNames", "calcPr", "oleSize", "customWorkbookViews", "pivotCaches", "smartTagPr"],
  ...["smartTagTypes", "webPublishing", "fileRecoveryPr", "webPublishObjects", "extLst"],
];

function children(xml: string, root: string): string[] {
  // The rows are left out: only the order of the parts around them matters here.
  const parsed = new XMLParser({ preserveOrder: true }).parse(
    xml.replace(/<sheetData>[\s\S]*<\/sheetData>/, "<sheetData/>"),
  ) as Record<string, unknown>[];
  const top = parsed.find((n) => root in n)![root] as Record<string, unknown>[];
  return top.map((n) => Object.keys(n).find((k) => k !== ":@")!);
}

test("every sheet and the workbook list their parts in the order Excel requires, in forms Excel reads as meant", async () => {
  const zip = await JSZip.loadAsync(get("essonne_2022_2026").buffer);
  const sheets = zip.file(/^xl\/worksheets\/sheet\d+\.xml$/);
  expect(sheets.length).toBe(get("essonne_2022_2026").plan.sheets.length);
  const inOrder = (tags: string[], order: string[]) =>
    tags.every((t, i) => order.includes(t) && (i === 0 || order.indexOf(tags[i - 1]!) <= order.indexOf(t)));
  let dataBars = 0;
  for (const file of sheets) {
    const xml = await file.async("string");
    const tags = children(xml, "worksheet");
    expect({ file: file.name, tags, inOrder: inOrder(tags, CT_WORKSHEET) }).toEqual({
      file: file.name,
      tags,
      inOrder: true,
    });
    // Each data bar refers to its Excel 2010 rule by an id that the sheet's extension holds.
    const refs = [...xml.matchAll(/<x14:id>([^<]*)<\/x14:id>/g)].map((m) => m[1]);
    const rules = [...xml.matchAll(/<x14:cfRule type="dataBar" id="([^"]+)"/g)].map((m) => m[1]);
    expect(refs).toEqual(rules);
    expect(xml.includes("<x14:id/>")).toBe(false);
    dataBars += rules.length;
    // A text cell is a shared or an inline string; `t="str"` is for a formula's text result only.
    expect(xml.match(/<c [^>]*t="str"[^>]*>(?!<f)/g)).toBeNull();
  }
  expect(dataBars).toBeGreaterThan(0);
  const workbook = children(await zip.file("xl/workbook.xml")!.async("string"), "workbook");
  expect(inOrder(workbook, CT_WORKBOOK)).toBe(true);
});

test("strings keep their spaces and line breaks, in shared and in inline strings (the metadata's)", async () => {
  const plan = builtinPlan("fiche_action_5_2022_2026");
  const text = "  début, puis\nsuite  ";
  for (const sheet of plan.sheets.filter((s) => s.kind === "meta" || s.kind === "axe")) {
    const row = Math.max(...sheet.cells.map((c) => c.row)) + 1;
    sheet.cells.push({ row, col: 2, style: sheet.cells[0]!.style, value: text });
  }
  const read = await readXlsx(await renderPlanToXlsx(plan));
  for (const sheet of plan.sheets.filter((s) => s.kind === "meta" || s.kind === "axe")) {
    const last = sheet.cells[sheet.cells.length - 1]!;
    expect(read.sheets.find((s) => s.name === sheet.name)!.cells[a1(last.row, 2)]?.value).toBe(text);
  }
});

test("a row of blank input cells keeps them unlocked, and Excel recomputes every formula on opening", async () => {
  const plan = builtinPlan("fiche_action_5_2022_2026");
  const axe = plan.sheets.find((s) => s.kind === "axe")!;
  const row = Math.max(...axe.cells.map((c) => c.row)) + 2;
  const input = Object.keys(plan.styles).find((k) => !plan.styles[k]!.locked)!;
  axe.cells.push({ row, col: 3, style: input }, { row, col: 4, style: input });
  const buffer = await renderPlanToXlsx(plan);
  const cells = (await readXlsx(buffer)).sheets.find((s) => s.name === axe.name)!.cells;
  expect([cells[a1(row, 3)]?.locked, cells[a1(row, 4)]?.locked]).toEqual([false, false]);
  const xml = await JSZip.loadAsync(buffer).then((z) => z.file("xl/workbook.xml")!.async("string"));
  expect(xml).toMatch(/<calcPr [^>]*fullCalcOnLoad="1"/);
});

test("validations over scattered cells become the fewest non-overlapping rectangles", () => {
  const cells = new Map<number, Set<number>>([
    [3, new Set([2, 3, 5])],
    [4, new Set([2, 3, 5])],
    [5, new Set([2, 3])],
    [7, new Set([2, 3])],
  ]);
  expect(rectangles(cells).sort()).toEqual(["B3:C5", "B7:C7", "E3:E4"].sort());
});

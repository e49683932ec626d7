/**
 * How sheets print (layout/print.ts): every printed text at 8 pt or more, each strip within the page's width, a page
 * per fiche, the footer; and a sheet narrow enough prints as one strip.
 */
import { BUILTIN_IDS } from "../../src/model/builtins";
import type { SheetPlan } from "../../src/engine/plan";
import { STYLES } from "../../src/engine/layout/styles";
import {
  A4_LANDSCAPE,
  columnPoints,
  FOOTER_MAX,
  MIN_PRINTED_PT,
  paginate,
  PRINT_MARGINS,
} from "../../src/engine/layout/print";
import { builtinPlan } from "../support/plans";
import { colLetter, parseA1 } from "../../src/util/a1";

const PAGE = A4_LANDSCAPE.width - 2 * 72 * PRINT_MARGINS.side;
const span = (text: string) => text.split(":").map((c) => parseA1(`${c}1`).col) as [number, number];

/** The printed width in points, at 100 %, of the columns from `from` to `to` that are not hidden. */
function width(sheet: SheetPlan, from: number, to: number): number {
  let total = 0;
  for (let c = from; c <= to; c++)
    if (!sheet.hiddenColumns.includes(c)) total += columnPoints(sheet.columnWidths[c] ?? 8.43);
  return total;
}

describe.each(BUILTIN_IDS)("%s", (id) => {
  const plan = builtinPlan(id);
  const printed = plan.sheets.filter((s) => s.print && s.visibility === "visible");

  test("a merged cell of the title rows ends at the first strip, its wrapped text on a row tall enough", () => {
    for (const s of printed.filter((x) => x.print!.columnBreaks?.length && x.print!.titleRows)) {
      const [from, to] = s.print!.titleRows!.split(":").map(Number) as [number, number];
      const firstBreak = s.print!.columnBreaks![0]!;
      for (const m of s.merges) {
        const [a, b] = m.split(":").map(parseA1) as [{ row: number; col: number }, { row: number; col: number }];
        if (a.row >= from && b.row <= to)
          expect({ sheet: s.name, m, crosses: b.col >= firstBreak }).toEqual({ sheet: s.name, m, crosses: false });
      }
      const title = s.cells.find((c) => c.row === 1 && c.style === "axeTitle");
      if (title && String(title.value).length > 120) expect(s.rowHeights[1]).toBeGreaterThan(16 * 1.3);
    }
  });

  test("every sheet that prints has a scale, margins and the footer", () => {
    const schema = JSON.parse(plan.modelJson) as { titre: string };
    expect(printed.length).toBeGreaterThan(0);
    for (const s of printed) {
      expect(s.print!.scale).toBeGreaterThanOrEqual(10);
      expect(s.print!.scale).toBeLessThanOrEqual(100);
      expect(s.print!.margins).toEqual(PRINT_MARGINS);
      expect(s.print!.footer).toEqual({
        left: `${schema.titre.replace(/&/g, "&&")} — campagne ${plan.meta.campaignYear} — &A`,
        right: "page &P / &N",
      });
    }
  });

  test(`the smallest text of each sheet prints at ${MIN_PRINTED_PT} pt or more`, () => {
    for (const s of printed) {
      const sizes = s.cells
        .filter((c) => !s.hiddenColumns.includes(c.col) && (c.value !== undefined || c.formula !== undefined))
        .map((c) => plan.styles[c.style]?.size ?? 11);
      expect((Math.min(...sizes) * s.print!.scale!) / 100).toBeGreaterThanOrEqual(MIN_PRINTED_PT);
    }
  });

  test("each strip, with the repeated label columns, fits the page's width at the sheet's scale", () => {
    for (const s of printed) {
      const print = s.print!;
      const last = Math.max(...s.cells.filter((c) => !s.hiddenColumns.includes(c.col)).map((c) => c.col));
      const [t1, t2] = print.titleColumns ? span(print.titleColumns) : [1, 0];
      const starts = [t2 + 1, ...(print.columnBreaks ?? [])];
      starts.forEach((start, i) => {
        const end = i + 1 < starts.length ? starts[i + 1]! - 1 : last;
        const points = ((width(s, t1, t2) + width(s, start, end)) * print.scale!) / 100;
        expect({ sheet: s.name, strip: `${colLetter(start)}:${colLetter(end)}`, fits: points <= PAGE }).toMatchObject({
          fits: true,
        });
      });
      // Strips only when one page width is too narrow at the smallest text's scale.
      if (print.columnBreaks) expect(print.titleColumns).toBeDefined();
    }
  });

  test("every fiche but the first of its axe starts a page; other breaks come only before a table's header", () => {
    for (const s of plan.sheets.filter((x) => x.kind === "axe")) {
      const fiches = s.cells.filter((c) => c.style === "ficheHeader").map((c) => c.row);
      const tables = s.cells.filter((c) => c.style === "tableHeader" && c.col === 2).map((c) => c.row);
      expect(s.print!.rowBreaks).toEqual(expect.arrayContaining(fiches.slice(1)));
      expect(fiches[0]! < Math.min(...s.print!.rowBreaks!)).toBe(true);
      for (const row of s.print!.rowBreaks!) expect([...fiches, ...tables]).toContain(row);
    }
  });
});

test("a sheet narrow enough prints as one strip, as large as fits but never over 100 %", () => {
  const sheet = (widths: Record<number, number>): SheetPlan => ({
    name: "Feuille",
    kind: "annexe",
    visibility: "visible",
    columnWidths: widths,
    hiddenColumns: [],
    rowHeights: {},
    cells: Object.keys(widths).map((c) => ({ row: 1, col: Number(c), style: "rowLabel", value: "x" })),
    merges: [],
    validations: [],
    conditionalFormats: [],
    print: { orientation: "landscape", paperSize: "A4", titleColumns: "A:A" },
  });
  const narrow = sheet({ 1: 20, 2: 30 });
  const wide = sheet({ 1: 20, 2: 60, 3: 60, 4: 60 });
  paginate([narrow, wide], { schema: "Schéma R&D", campaignYear: 2024, styles: STYLES });
  expect(narrow.print).toMatchObject({ scale: 100 });
  expect(narrow.print!.columnBreaks).toBeUndefined();
  expect(narrow.print!.titleColumns).toBeUndefined();
  // 200 characters at 11 pt: one width at 72 %, which would print 11 pt at 7.9 pt, so two strips.
  expect(wide.print!.columnBreaks).toHaveLength(1);
  expect(wide.print!.footer!.left).toBe("Schéma R&&D — campagne 2024 — &A");
  expect((11 * wide.print!.scale!) / 100).toBeGreaterThanOrEqual(MIN_PRINTED_PT);
});

test("a long schéma title is shortened so that the footer stays within Excel's 255 characters", () => {
  const sheet: SheetPlan = {
    name: "Feuille",
    kind: "annexe",
    visibility: "visible",
    columnWidths: { 1: 20 },
    hiddenColumns: [],
    rowHeights: {},
    cells: [{ row: 1, col: 1, style: "rowLabel", value: "x" }],
    merges: [],
    validations: [],
    conditionalFormats: [],
    print: { orientation: "landscape", paperSize: "A4" },
  };
  paginate([sheet], { schema: "Schéma & plan ".repeat(30), campaignYear: 2024, styles: STYLES });
  const { left, right } = sheet.print!.footer!;
  expect(`&L${left}&R${right}`.length).toBeLessThanOrEqual(FOOTER_MAX);
  expect(left).toMatch(/^Schéma && plan .*… — campagne 2024 — &A$/);
  // No lone `&` left at the cut, which Excel would read as a code.
  expect(left.replace(/&&/g, "").replace(/&A$/, "")).not.toContain("&");
});

test("a table's header that would end a page starts the next one, with its first rows", () => {
  const rows = 60;
  const sheet: SheetPlan = {
    name: "Feuille",
    kind: "axe",
    visibility: "visible",
    columnWidths: { 1: 40 },
    hiddenColumns: [],
    rowHeights: {},
    cells: Array.from({ length: rows }, (_, i) => ({ row: i + 1, col: 1, style: "rowLabel", value: `ligne ${i + 1}` })),
    merges: [],
    validations: [],
    conditionalFormats: [],
    print: { orientation: "landscape", paperSize: "A4", titleRows: "1:1" },
  };
  paginate([sheet], { schema: "S", campaignYear: 2024, styles: STYLES });
  // Rows of 15 pt at 100 %, under a title row of 15 pt: a header (15 pt) and its two rows (30 pt) move when they
  // would fill more than 90 % of the page; the first header row that does.
  const paper = A4_LANDSCAPE.height - 72 * (PRINT_MARGINS.top + PRINT_MARGINS.bottom);
  const first = Math.floor((0.9 * (paper - 15) - 45) / 15) + 3;
  expect(sheet.print!.rowBreaks).toBeUndefined();
  for (const row of [first, first + 1]) {
    const s = structuredClone(sheet);
    delete s.print!.rowBreaks;
    s.cells.find((c) => c.row === row)!.style = "tableHeader";
    paginate([s], { schema: "S", campaignYear: 2024, styles: STYLES });
    expect(s.print!.rowBreaks).toEqual([row]);
  }
  // With room for it and two rows, it stays.
  const s = structuredClone(sheet);
  s.cells.find((c) => c.row === first - 1)!.style = "tableHeader";
  paginate([s], { schema: "S", campaignYear: 2024, styles: STYLES });
  expect(s.print!.rowBreaks).toBeUndefined();
});

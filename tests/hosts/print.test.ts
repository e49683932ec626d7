/**
 * The printed bilan: the Essonne, Orne and Puy-de-Dôme workbooks, filled as a careful partner would, printed to PDF
 * by LibreOffice (one start for the three) and read back word by word with `pdftotext -bbox-layout`:
 * - no word prints under 8 pt;
 * - every fiche but the first of its axe starts a page, right under the repeated title rows; the first follows
 *   the axe's summary on the sheet's first page;
 * - every page has its footer: the schéma, the campaign and the sheet, and « page n / N ».
 *
 * LibreOffice lays a Calibri workbook out as Excel does only with Calibri's metric twin, Carlito (Debian
 * fonts-crosextra-carlito); with another font its columns, hence its pages, are not Excel's.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadBuiltin } from "../../src/model/builtins";
import type { Schema } from "../../src/model/schema";
import type { SheetPlan, WorkbookPlan } from "../../src/engine/plan";
import { A4_LANDSCAPE, MIN_PRINTED_PT } from "../../src/engine/layout/print";
import { renderPlanToXlsx } from "../../src/hosts/xlsx/renderPlan";
import { convertAllWithLibreOffice, disposeLibreOfficeProfile } from "../support/libreoffice";
import { fillValid } from "../support/fill";
import { planOf } from "../support/plans";
import { readPdfText, type PdfLine, type PdfPage } from "../support/pdfText";

const IDS = ["essonne_2022_2026", "orne_2017_2021", "puy_de_dome_2019_2023"] as const;
/** The title style's size (styles.ts): the text that calibrates word boxes into font sizes. */
const TITLE_PT = 16;

const carlito = (() => {
  try {
    return /Carlito/.test(execFileSync("fc-list", [":family=Carlito"], { encoding: "utf8" }));
  } catch {
    return false;
  }
})();

interface Printed {
  schema: Schema;
  plan: WorkbookPlan;
  pages: PdfPage[];
}

const dir = mkdtempSync(join(tmpdir(), "bilan-print-"));
const printed = new Map<string, Printed>();

beforeAll(async () => {
  if (!carlito) throw new Error("the Carlito font is not installed: apt-get install -y fonts-crosextra-carlito");
  const files: string[] = [];
  const made: Omit<Printed, "pages">[] = [];
  for (const id of IDS) {
    const schema = loadBuiltin(id);
    const plan = fillValid(planOf(schema), schema);
    const file = join(dir, `${id}.xlsx`);
    writeFileSync(file, await renderPlanToXlsx(plan));
    files.push(file);
    made.push({ schema, plan });
  }
  const pdfs = await convertAllWithLibreOffice(files, join(dir, "pdf"), "pdf", { timeoutMs: 300_000 });
  pdfs.forEach((pdf, i) => printed.set(IDS[i]!, { ...made[i]!, pages: readPdfText(pdf) }));
}, 320_000);

afterAll(() => {
  disposeLibreOfficeProfile();
  rmSync(dir, { recursive: true, force: true });
});

/** The footer: the lines in the bottom margin of the page. */
function footerOf(page: PdfPage, plan: WorkbookPlan): PdfLine[] {
  const margins = plan.sheets.find((s) => s.print?.margins)!.print!.margins!;
  return page.lines.filter((l) => l.yMin >= page.height - margins.bottom * 72);
}

/** The sheet a page belongs to, as its footer names it (`&A`), by the sheet's name. */
function sheetOfPage(page: PdfPage, p: Printed): SheetPlan | undefined {
  const left = footerOf(page, p.plan).find((l) => l.text.includes(` — campagne ${p.plan.meta.campaignYear} — `));
  const name = left?.text.split(` — campagne ${p.plan.meta.campaignYear} — `)[1]?.trim();
  return p.plan.sheets.find((s) => s.name === name);
}

const words = (text: string) => text.split(/\s+/).filter(Boolean);

describe.each(IDS)("%s printed by LibreOffice", (id) => {
  const get = () => printed.get(id)!;

  test("pages are A4 landscape, so that a word box's height is in points of paper", () => {
    for (const page of get().pages) {
      expect(page.width).toBeCloseTo(A4_LANDSCAPE.width, 0);
      expect(page.height).toBeCloseTo(A4_LANDSCAPE.height, 0);
    }
  });

  test(`no word prints under ${MIN_PRINTED_PT} pt`, () => {
    const { pages, plan, schema } = get();
    // A word's box is as high as its font's ascent plus descent: a fixed multiple of its size, measured on the
    // Sommaire's title (16 pt at the Sommaire's scale).
    const sommaire = plan.sheets.find((s) => s.kind === "sommaire")!;
    const first = words(schema.titre)[0]!;
    const title = pages[0]!.words.find((w) => w.text === first)!;
    const perPoint = (title.yMax - title.yMin) / ((TITLE_PT * sommaire.print!.scale!) / 100);
    // Carlito's ascent plus descent is about 1.2 em: a calibration outside these bounds measured something else.
    expect(perPoint).toBeGreaterThan(1);
    expect(perPoint).toBeLessThan(1.5);
    const small = pages.flatMap((page) =>
      page.words
        // 0.5 %: the scale is a whole percent and the boxes are rounded to the micro-point.
        .filter((w) => (w.yMax - w.yMin) / perPoint < MIN_PRINTED_PT * 0.995)
        .map((w) => `p. ${page.number} « ${w.text} » ${((w.yMax - w.yMin) / perPoint).toFixed(2)} pt`),
    );
    expect(small).toEqual([]);
  });

  test("every page has its footer: the schéma, the campaign and the sheet, and page n / N", () => {
    const { pages, plan, schema } = get();
    const expected = `${schema.titre} — campagne ${plan.meta.campaignYear} — `;
    const missing = pages.filter((page) => {
      const footer = footerOf(page, plan).map((l) => l.text);
      const left = footer.some((t) => t.startsWith(expected) && t.length > expected.length);
      const right = footer.some((t) => t === `page ${page.number} / ${pages.length}`);
      return !(left && right);
    });
    expect(missing.map((p) => p.number)).toEqual([]);
    // Every visible sheet prints, and its pages say which sheet they are.
    const named = new Set(pages.map((p) => sheetOfPage(p, get())?.name));
    for (const s of plan.sheets.filter((x) => x.visibility === "visible" && x.print)) expect(named).toContain(s.name);
  });

  test("each fiche starts a page, under the repeated title rows; the first follows its axe's summary", () => {
    const p = get();
    const { schema, plan } = p;
    const problems: string[] = [];
    let checked = 0;
    for (const sheet of plan.sheets.filter((s) => s.kind === "axe")) {
      const pages = p.pages.filter((page) => sheetOfPage(page, p)?.name === sheet.name);
      const headers = sheet.cells.filter((c) => c.style === "ficheHeader").sort((a, b) => a.row - b.row);
      headers.forEach((header, i) => {
        // The header's first words up to the dash: `Fiche action N° 12 —`, not the summary table's label.
        const text = String(header.value);
        const prefix = words(text.slice(0, text.indexOf(" — ") + 2)).join(" ");
        const found = pages.flatMap((page) =>
          page.lines.filter((l) => l.text.startsWith(prefix)).map((line) => ({ page, line })),
        );
        if (!found.length) problems.push(`${sheet.name}: « ${prefix} » not printed`);
        for (const { page, line } of found) {
          checked++;
          const above = page.lines.filter((l) => l.yMax <= line.yMin + 0.5);
          // The repeated title rows end with the campaign's note (row 2). On the right strip its text is cut at the
          // label column, but the PDF keeps the cut words, drawn outside the clip, as lines of their own.
          const note = above.findIndex((l) => l.words[0]!.text === "Campagne");
          const between = note < 0 ? above : above.filter((l) => l.yMin > above[note]!.yMax);
          if (note < 0) problems.push(`p. ${page.number}: « ${prefix} » without the title rows above it`);
          else if (i > 0 && between.length)
            problems.push(`p. ${page.number}: « ${prefix} » under « ${between.map((l) => l.text).join(" / ")} »`);
          else if (i === 0 && !between.some((l) => l.text.includes("Synthèse")))
            problems.push(`p. ${page.number}: the first fiche « ${prefix} » is not on its axe's first page`);
        }
      });
    }
    expect(problems).toEqual([]);
    expect(checked).toBeGreaterThanOrEqual(schema.axes.flatMap((a) => a.fiches).length);
  });

  test("the Sommaire's long axe titles wrap in their column (a HYPERLINK formula's text does; a cell hyperlink's did not)", () => {
    const p = get();
    const sommaire = p.plan.sheets.find((s) => s.kind === "sommaire")!;
    const lines = p.pages.filter((page) => sheetOfPage(page, p) === sommaire).flatMap((page) => page.lines);
    const long = sommaire.cells
      .filter((c) => c.formula?.startsWith("=HYPERLINK(") && String(c.value).length > 90)
      .map((c) => words(String(c.value)));
    expect(long.length).toBeGreaterThan(0);
    for (const title of long) {
      const first = lines.find((l) => l.text.includes(title.slice(0, 3).join(" ")));
      expect({ title: title.join(" "), printed: first !== undefined }).toEqual({
        title: title.join(" "),
        printed: true,
      });
      expect(first!.text).not.toContain(title.slice(-2).join(" "));
    }
  });

  test("no page ends with a table's header", () => {
    const p = get();
    const orphans: string[] = [];
    for (const sheet of p.plan.sheets.filter((s) => s.kind === "axe")) {
      const titles = new Set(
        sheet.cells
          .filter((c) => c.style === "tableHeader" && c.col === 2)
          .map((c) => words(String(c.value)).join(" ")),
      );
      for (const page of p.pages.filter((x) => sheetOfPage(x, p)?.name === sheet.name)) {
        const footer = new Set(footerOf(page, p.plan));
        const body = page.lines.filter((l) => !footer.has(l));
        const bottom = Math.max(...body.map((l) => l.yMin));
        // The lowest line of text, cut where the PDF keeps the clipped words of a merged header as lines of their own.
        const last = body
          .filter((l) => l.yMin > bottom - 1)
          .map((l) => l.text)
          .join(" ");
        if ([...titles].some((t) => last.startsWith(words(t).slice(0, 2).join(" "))))
          orphans.push(`p. ${page.number}: « ${last} »`);
      }
    }
    expect(orphans).toEqual([]);
  });
});

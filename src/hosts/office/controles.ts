/**
 * Findings into the open workbook: the Contrôles sheet rewritten (one
 * request), and, on demand, highlights on the offending cells — conditional
 * formats recognisable by their rule and colour, so that they can be removed
 * without touching anything the user formatted.
 */
import type { Finding } from "../../engine/validate/findings";
import { controlesContent } from "../../engine/validate/controlesRows";
import { CONTROLES, CONTROLES_COLUMNS, CONTROLES_HEADER_ROW } from "../../engine/layout/controles";
import type { WorkbookPlan } from "../../engine/plan";
import type { Lang } from "../../i18n";
import type { Schema } from "../../model/schema";
import { addCell, rectangles } from "../../util/rectangles";
import { colLetter, parseA1 } from "../../util/a1";
import { constantInput } from "./officeShapes";
import { whileUnprotected } from "./renderPlan";

const LAST_COL = colLetter(CONTROLES_COLUMNS.length);
export const HIGHLIGHT = { formula: "=TRUE", fill: "#FFC7CE", font: "#9C0006" } as const;

/** Rewrites the Contrôles table; `previousLastRow` is the last row it used (from the snapshot). */
export async function writeControles(
  context: Excel.RequestContext,
  findings: Finding[],
  schema: Schema | undefined,
  previousLastRow: number,
  lang: Lang = "fr",
): Promise<void> {
  const ws = context.workbook.worksheets.getItem(CONTROLES);
  const first = CONTROLES_HEADER_ROW + 1;
  if (previousLastRow >= first) ws.getRange(`A${first}:${LAST_COL}${previousLastRow}`).clear("All");
  const content = controlesContent(findings, schema, lang);
  ws.getRange("A2").values = [[content.summary]];
  if (content.rows.length) {
    const range = ws.getRange(`A${first}:${LAST_COL}${first + content.rows.length - 1}`);
    range.values = content.rows.map((r) => r.map(constantInput));
    range.format.wrapText = true;
    range.format.verticalAlignment = "Top";
    content.links.forEach((link, i) => {
      if (link)
        ws.getRange(`D${first + i}`).hyperlink = {
          documentReference: link,
          textToDisplay: String(content.rows[i]![3]),
        };
    });
  }
  await context.sync();
}

/** Highlights the cells of erreur and avertissement findings (one request). */
export async function highlightFindings(
  context: Excel.RequestContext,
  findings: Finding[],
  plan: WorkbookPlan,
  password?: string,
): Promise<number> {
  const bySheet = new Map<string, Map<number, Set<number>>>();
  for (const f of findings) {
    if (!f.sheet || !f.cell || f.severity === "info" || f.sheet === CONTROLES) continue;
    const cells = bySheet.get(f.sheet) ?? new Map<number, Set<number>>();
    const { row, col } = parseA1(f.cell);
    addCell(cells, row, col);
    bySheet.set(f.sheet, cells);
  }
  let count = 0;
  for (const [name, cells] of bySheet) {
    const sheet = plan.sheets.find((s) => s.name === name);
    const ws = context.workbook.worksheets.getItem(name);
    whileUnprotected(ws, sheet, password, () => {
      const cf = ws.getRanges(rectangles(cells).join(",")).conditionalFormats.add("Custom");
      cf.custom.rule.formula = HIGHLIGHT.formula;
      cf.custom.format.fill.color = HIGHLIGHT.fill;
      cf.custom.format.font.color = HIGHLIGHT.font;
      cf.priority = 0;
    });
    count += [...cells.values()].reduce((n, s) => n + s.size, 0);
  }
  await context.sync();
  return count;
}

/** Removes the highlights (two requests), and only them. */
export async function clearHighlights(
  context: Excel.RequestContext,
  plan: WorkbookPlan,
  password?: string,
): Promise<number> {
  const sheets = plan.sheets.filter((s) => s.kind === "axe");
  const lists = sheets.map((s) => {
    const list = context.workbook.worksheets.getItem(s.name).getRange().conditionalFormats;
    list.load("items/type,items/custom/rule/formula,items/custom/format/fill/color");
    return { sheet: s, list };
  });
  await context.sync();
  let removed = 0;
  for (const { sheet, list } of lists) {
    const ours = list.items.filter(
      (cf) =>
        cf.type === "Custom" &&
        cf.custom.rule.formula === HIGHLIGHT.formula &&
        cf.custom.format.fill.color?.toUpperCase() === HIGHLIGHT.fill,
    );
    if (!ours.length) continue;
    const ws = context.workbook.worksheets.getItem(sheet.name);
    whileUnprotected(ws, sheet, password, () => ours.forEach((cf) => cf.delete()));
    removed += ours.length;
  }
  await context.sync();
  return removed;
}

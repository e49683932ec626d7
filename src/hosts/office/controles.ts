/**
 * Findings into the open workbook: the Contrôles sheet rewritten (one
 * request), and, on demand, highlights on the offending cells — conditional
 * formats recognisable by their rule and colour, so that they can be removed
 * without touching anything the user formatted — and, at each Contrôler, the
 * marks of refused values (an error fill and a note), replacing the last ones.
 */
import type { Finding } from "../../engine/validate/findings";
import { controlesContent } from "../../engine/validate/controlesRows";
import { controlesOf, CONTROLES_COLUMNS, CONTROLES_HEADER_ROW } from "../../engine/layout/controles";
import { langOf, type PlanMeta } from "../../engine/plan";
import type { SheetPlan, WorkbookPlan } from "../../engine/plan";
import type { Schema } from "../../model/schema";
import { addCell, rectangles } from "../../util/rectangles";
import { colLetter, parseA1, sheetRef } from "../../util/a1";
import { errorMarks, MARK_FORMULA, MARK_STYLE, withMark, withoutMark } from "../../engine/validate/marks";
import { constantInput } from "./officeShapes";
import { protect, whileUnprotected } from "./renderPlan";

const LAST_COL = colLetter(CONTROLES_COLUMNS.length);
export const HIGHLIGHT = { formula: "=TRUE", fill: "#FFC7CE", font: "#9C0006" } as const;

/**
 * Rewrites the Contrôles table; `previousLastRow` is the last row it used (from the snapshot). In the workbook's
 * language, as the rest of the sheet is.
 */
export async function writeControles(
  context: Excel.RequestContext,
  findings: Finding[],
  schema: Schema | undefined,
  previousLastRow: number,
  meta: Pick<PlanMeta, "lang">,
): Promise<void> {
  const lang = langOf(meta);
  const ws = context.workbook.worksheets.getItem(controlesOf(meta));
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
    if (!f.sheet || !f.cell || f.severity === "info" || f.sheet === controlesOf(plan.meta)) continue;
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
  // The sheets with input cells: the only ones marks go on.
  const withInputs = new Set(plan.meta.bindings.filter((b) => b.input).map((b) => b.sheet));
  const sheets = plan.sheets.filter((s) => withInputs.has(s.name));
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

/** Notes need ExcelApi 1.18; without it a refused value gets only its fill (the Contrôles sheet still says why). */
function canWriteNotes(): boolean {
  return typeof Office !== "undefined" && Office.context?.requirements?.isSetSupported("ExcelApi", "1.18") === true;
}

/**
 * The marks of refused values (engine/validate/marks.ts) in the open workbook, in two requests: the earlier
 * marks are read, then taken away and the new ones written together — an error fill (a conditional format
 * recognisable by its rule and colour, so that the user's own formats are never touched) and a note after
 * any note of the user's. Returns the number of cells marked.
 */
export async function markErrors(
  context: Excel.RequestContext,
  findings: Finding[],
  plan: WorkbookPlan,
  password?: string,
): Promise<number> {
  const marks = errorMarks(findings, plan.meta);
  // The sheets with input cells: the only ones marks go on.
  const withInputs = new Set(plan.meta.bindings.filter((b) => b.input).map((b) => b.sheet));
  const sheets = plan.sheets.filter((s) => withInputs.has(s.name));
  const lists = sheets.map((s) => {
    const list = context.workbook.worksheets.getItem(s.name).getRange().conditionalFormats;
    list.load("items/type,items/custom/rule/formula,items/custom/format/fill/color");
    const protection = context.workbook.worksheets.getItem(s.name).protection.load("protected");
    return { sheet: s, list, protection };
  });
  const notes = canWriteNotes() ? context.workbook.notes.load("items/content") : undefined;
  // The notes already on the cells to mark: the user's own stays before the mark.
  const onMarked = notes
    ? marks.map((m) => context.workbook.notes.getItemOrNullObject(sheetRef(m.sheet, m.address)).load("content"))
    : [];
  await context.sync();

  const marked = new Map<string, Map<number, Set<number>>>();
  for (const m of marks) {
    const cells = marked.get(m.sheet) ?? new Map<number, Set<number>>();
    const { row, col } = parseA1(m.address);
    addCell(cells, row, col);
    marked.set(m.sheet, cells);
  }
  // Earlier marks in notes, wherever they are: taken out first (requests run in order, so a cell marked again
  // gets its new mark after).
  const stale = (notes?.items ?? []).filter((n) => withoutMark(n.content) !== n.content);
  // A sheet the user left unprotected stays so; a protected one is protected again as its plan says.
  const isProtected = new Set(lists.filter((l) => l.protection.protected).map((l) => l.sheet.name));
  const unprotected = new Set<string>();
  const unprotect = (sheet: SheetPlan) => {
    if (!isProtected.has(sheet.name) || unprotected.has(sheet.name)) return;
    context.workbook.worksheets.getItem(sheet.name).protection.unprotect(password ?? sheet.protection?.password);
    unprotected.add(sheet.name);
  };
  // Notes are the sheets' objects: every sheet that may hold one is unprotected while they change.
  if (stale.length || marks.length) sheets.forEach(unprotect);
  for (const n of stale) {
    const own = withoutMark(n.content);
    if (own === undefined) n.delete();
    else n.content = own;
  }
  for (const { sheet, list } of lists) {
    const ws = context.workbook.worksheets.getItem(sheet.name);
    const ours = list.items.filter(
      (cf) =>
        cf.type === "Custom" &&
        cf.custom.rule.formula === MARK_FORMULA &&
        cf.custom.format.fill.color?.toUpperCase() === MARK_STYLE.fill,
    );
    const cells = marked.get(sheet.name);
    if (!ours.length && !cells) continue;
    unprotect(sheet);
    ours.forEach((cf) => cf.delete());
    if (!cells) continue;
    const cf = ws.getRanges(rectangles(cells).join(",")).conditionalFormats.add("Custom");
    cf.custom.rule.formula = MARK_FORMULA;
    cf.custom.format.fill.color = MARK_STYLE.fill;
    cf.custom.format.font.color = MARK_STYLE.color;
    cf.custom.format.font.bold = true;
    cf.priority = 0;
  }
  marks.forEach((m, i) => {
    const existing = onMarked[i];
    if (!existing) return;
    const own = existing.isNullObject ? undefined : withoutMark(existing.content);
    if (own === undefined) context.workbook.notes.add(sheetRef(m.sheet, m.address), m.text);
    else existing.content = withMark(own, m.text);
  });
  for (const name of unprotected) {
    const sheet = sheets.find((s) => s.name === name)!;
    const ws = context.workbook.worksheets.getItem(name);
    if (sheet.protection) protect(ws, sheet);
    else ws.protection.protect(undefined, password);
  }
  await context.sync();
  return marks.length;
}

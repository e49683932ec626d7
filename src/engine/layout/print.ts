/**
 * How each sheet prints on A4 landscape: the scale, where a sheet too wide for one page is cut, and the footer.
 *
 * Why strips rather than one page width: an axe sheet has about 19 visible columns (272 characters: the label,
 * the calendar's periods, which the indicator table shares with its cible/valeur per year, the source and the
 * comment). Fitted to one A4 width they print at 54 %, and its 9 pt text at under 5 pt. Leaving years out would
 * leave out calendar periods too (the two tables share columns), and every column holds what a reader of the bilan
 * asks for. So the scale comes first: the smallest text of a sheet must print at 8 pt or more; then the sheet is cut
 * into as few vertical strips as that allows, each as wide as the others, with the label column repeated at the left
 * of every strip and the strips of a band of rows printed one after the other (across, then down), so that the two
 * halves of a fiche are facing pages. A sheet that fits one width at that scale prints as one strip, as large as fits
 * (never over 100 %).
 */
import type { Lang } from "../../i18n";
import { wordsOf } from "./words";
import type { CellStyle, SheetPlan } from "../plan";
import { a1, parseA1 } from "../../util/a1";

/** The smallest text on paper, in points. */
export const MIN_PRINTED_PT = 8;
/** A4 landscape, in points. */
export const A4_LANDSCAPE = { width: 841.89, height: 595.28 } as const;
/** Margins in inches: narrow sides for the width, room at the bottom for the footer. */
export const PRINT_MARGINS = { side: 0.25, top: 0.4, bottom: 0.55, footer: 0.2 } as const;
/** Excel's default text size (Calibri 11): cells without a size of their own. */
const DEFAULT_PT = 11;
/** A row without a height of its own: Excel's default for Calibri 11, in points (more for larger text). */
const DEFAULT_ROW_PT = 15;
/** A table's header rows stay on a page with this many of the table's rows. */
const KEEP_WITH_HEADER = 2;
/**
 * Where pages fall is estimated from the rows' heights (within 2 % of LibreOffice's pages on the built-in
 * schémas); a header is moved to the next page when it and its first rows would fill more than this share of
 * what is left, so that an estimate a little short still keeps them together.
 */
const KEEP_SAFETY = 0.9;

/**
 * Printed width in points of a column `chars` characters wide (at 100 %). A width counts digits of the default
 * font, Calibri 11, whose digit is 1038/2048 em: 5.575 pt. LibreOffice lays columns out at that exact width;
 * Excel rounds the digit to 7 pixels (5.25 pt), so a page cut for the former also fits the latter.
 */
export const columnPoints = (chars: number): number => chars * ((1038 / 2048) * 11);

export interface PrintContext {
  /** The schéma's title, for the footer. */
  schema: string;
  campaignYear: number;
  styles: Record<string, CellStyle>;
  /** The workbook's language, for the footer's words; French by default. */
  lang?: Lang;
}

/** Excel's header/footer text: `&` starts a code, so a literal one is doubled. */
const footerText = (text: string) => text.replace(/&/g, "&&");
/** Excel keeps a footer of 255 characters at most, its codes (`&L`, `&P`…) included (MS-XLSB HeaderFooterString). */
export const FOOTER_MAX = 255;
const RIGHT_FOOTER = "page &P / &N";

/** The left footer, the schéma's title shortened if the whole footer would pass Excel's limit. */
function leftFooter(schema: string, campaignYear: number, lang: Lang = "fr"): string {
  const tail = wordsOf(lang)("footer", { year: campaignYear });
  const room = FOOTER_MAX - "&L".length - tail.length - "&R".length - RIGHT_FOOTER.length;
  let title = footerText(schema);
  if (title.length > room) title = `${title.slice(0, room - 1).replace(/&$/, "")}…`;
  return title + tail;
}

/** Fills in the scale, strips, margins and footer of every sheet that prints. */
export function paginate(sheets: SheetPlan[], ctx: PrintContext): void {
  for (const sheet of sheets) if (sheet.print && sheet.visibility === "visible") paginateSheet(sheet, ctx);
}

function paginateSheet(sheet: SheetPlan, ctx: PrintContext): void {
  const print = sheet.print!;
  const hidden = new Set(sheet.hiddenColumns);
  let lastCol = 0;
  let smallest = DEFAULT_PT;
  for (const cell of sheet.cells) {
    if (hidden.has(cell.col)) continue;
    lastCol = Math.max(lastCol, cell.col);
    const size = ctx.styles[cell.style]?.size ?? DEFAULT_PT;
    if (cell.value !== undefined || cell.formula !== undefined) smallest = Math.min(smallest, size);
  }
  for (const range of sheet.merges) {
    const [from, to = from] = range.split(":");
    const a = parseA1(from!);
    const b = parseA1(to!);
    if (!hidden.has(a.col)) lastCol = Math.max(lastCol, b.col);
  }
  const width = (col: number) => (hidden.has(col) ? 0 : columnPoints(sheet.columnWidths[col] ?? 8.43));
  const titles = print.titleColumns ? columnSpan(print.titleColumns) : undefined;
  const titleWidth = titles ? sum(titles.from, titles.to, width) : 0;
  const firstBody = titles ? titles.to + 1 : 1;
  const page = A4_LANDSCAPE.width - 2 * 72 * PRINT_MARGINS.side;
  const minScale = MIN_PRINTED_PT / smallest;

  // The widest strip the smallest text allows, then the fewest strips under it, then strips as even as they go.
  const room = page / minScale - titleWidth;
  const columns: number[] = [];
  for (let c = firstBody; c <= lastCol; c++) if (!hidden.has(c)) columns.push(c);
  const strips = (cap: number) => cut(columns, width, cap);
  const fewest = strips(room).length;
  let lo = 0;
  let hi = room;
  for (let i = 0; i < 30; i++) {
    const mid = (lo + hi) / 2;
    if (strips(mid).length <= fewest) hi = mid;
    else lo = mid;
  }
  const chosen = strips(hi);
  const widest = Math.max(...chosen.map((s) => sum(s[0]!, s[s.length - 1]!, width)), 0);
  print.scale = Math.min(100, Math.floor((100 * page) / (titleWidth + widest || 1)));
  if (chosen.length > 1) {
    print.columnBreaks = chosen.slice(1).map((s) => s[0]!);
    keepTitleRowsInFirstStrip(sheet, print.columnBreaks[0]!, width, ctx.styles);
  } else delete print.titleColumns;
  print.margins = { ...PRINT_MARGINS };
  keepHeadersWithRows(sheet, ctx.styles);
  print.footer = { left: leftFooter(ctx.schema, ctx.campaignYear, ctx.lang), right: RIGHT_FOOTER };
}

/**
 * A merged cell of the repeated title rows ends where the first strip does: LibreOffice draws the text of a merged
 * cell that crosses a strip again from the repeated label column, over its own words (Orne's 182-character axe
 * title printed as two interleaved lines). Cut there, its text wraps (the style's) on a row tall enough for it.
 */
function keepTitleRowsInFirstStrip(
  sheet: SheetPlan,
  firstBreak: number,
  width: (col: number) => number,
  styles: Record<string, CellStyle>,
): void {
  const [from, to] = (sheet.print!.titleRows ?? "0:0").split(":").map(Number);
  sheet.merges = sheet.merges.map((range) => {
    const [a, b = a] = range.split(":").map((x) => parseA1(x));
    if (a!.row < from! || b!.row > to! || b!.col < firstBreak || a!.col >= firstBreak) return range;
    const cell = sheet.cells.find((c) => c.row === a!.row && c.col === a!.col);
    const size = styles[cell?.style ?? ""]?.size ?? DEFAULT_PT;
    if (cell && typeof cell.value === "string" && a!.row === b!.row) {
      // Characters of the text's size per line: a width counts digits of the 11 pt default font.
      const perLine = (sum(a!.col, firstBreak - 1, width) / columnPoints(1)) * (DEFAULT_PT / size);
      const lines = Math.ceil((cell.value.length * 1.1) / perLine);
      const height = Math.ceil(lines * size * 1.3);
      if (lines > 1) sheet.rowHeights[a!.row] = Math.max(sheet.rowHeights[a!.row] ?? 0, height);
    }
    return `${a1(a!.row, a!.col)}:${a1(b!.row, firstBreak - 1)}`;
  });
}

/**
 * A table's header never ends a page: where the header rows of a table (its label cell in the `tableHeader` style)
 * and its first rows would not fit under what the page already holds, a page starts at the header. Pages are
 * measured from the rows' heights at the sheet's scale, title rows repeated, from each manual break.
 */
function keepHeadersWithRows(sheet: SheetPlan, styles: Record<string, CellStyle>): void {
  const print = sheet.print!;
  const heights = sheet.rowHeights;
  // A row without a height of its own grows with its largest text (the app fits it).
  const largest = new Map<number, number>();
  for (const cell of sheet.cells) {
    const size = styles[cell.style]?.size ?? DEFAULT_PT;
    if (size > (largest.get(cell.row) ?? DEFAULT_PT)) largest.set(cell.row, size);
  }
  const height = (row: number) => heights[row] ?? (DEFAULT_ROW_PT * (largest.get(row) ?? DEFAULT_PT)) / DEFAULT_PT;
  const [titleFrom, titleTo] = print.titleRows ? print.titleRows.split(":").map(Number) : [0, 0];
  let titles = 0;
  for (let r = titleFrom!; r >= 1 && r <= titleTo!; r++) titles += height(r);
  const paper = A4_LANDSCAPE.height - 72 * (PRINT_MARGINS.top + PRINT_MARGINS.bottom);
  const room = (paper * 100) / print.scale! - titles;
  const header = new Set<number>();
  const labelCol = firstLabelColumn(sheet);
  let lastRow = 0;
  for (const cell of sheet.cells) {
    lastRow = Math.max(lastRow, cell.row);
    if (cell.style === "tableHeader" && cell.col === labelCol) header.add(cell.row);
  }
  const breaks = new Set(print.rowBreaks ?? []);
  let used = 0;
  for (let r = Math.max(titleTo!, 0) + 1; r <= lastRow; r++) {
    if (breaks.has(r)) used = 0;
    if (header.has(r) && !header.has(r - 1) && used > 0) {
      let block = 0;
      let end = r;
      while (header.has(end)) block += height(end++);
      for (let k = 0; k < KEEP_WITH_HEADER && end <= lastRow; k++) block += height(end++);
      if (used + block > room * KEEP_SAFETY) {
        breaks.add(r);
        used = 0;
      }
    }
    // Where the app will break by itself: the row that does not fit starts the next page.
    if (used + height(r) > room && used > 0) used = 0;
    used += height(r);
  }
  if (breaks.size) print.rowBreaks = [...breaks].sort((a, b) => a - b);
}

/** The column of row labels: the first not hidden. */
function firstLabelColumn(sheet: SheetPlan): number {
  let col = 1;
  while (sheet.hiddenColumns.includes(col)) col++;
  return col;
}

/** Columns cut into contiguous strips no wider than `cap` (a column wider than `cap` is a strip of its own). */
function cut(columns: number[], width: (c: number) => number, cap: number): number[][] {
  const out: number[][] = [];
  let current: number[] = [];
  let used = 0;
  for (const c of columns) {
    const w = width(c);
    if (current.length && used + w > cap) {
      out.push(current);
      current = [];
      used = 0;
    }
    current.push(c);
    used += w;
  }
  if (current.length) out.push(current);
  return out;
}

function sum(from: number, to: number, width: (c: number) => number): number {
  let total = 0;
  for (let c = from; c <= to; c++) total += width(c);
  return total;
}

/** `"B:C"` → columns 2 to 3. */
function columnSpan(span: string): { from: number; to: number } {
  const [a, b = a] = span.split(":");
  return { from: parseA1(`${a}1`).col, to: parseA1(`${b}1`).col };
}

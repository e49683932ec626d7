/**
 * The text layouts of tables, as a PDF or HTML extraction leaves them, turned into items: one line of the source may
 * hold a whole table row (cells separated by tabs, or `<tr>`/`<td>` markup) whose cells hold lists (`<ul>`, `<p>`,
 * or bullets run together: « ➤ Objectif A ➤ Objectif B → détail »). Each item keeps its source line and its depth
 * (0: not a list item; 1: first-level bullet; 2: sub-bullet). A row that is part of a grid (cells of X marks, years,
 * S1/S2) is kept whole, as cells, for the calendar grid recogniser.
 */
import type { SourceLine } from "./clean";

export interface Item {
  n: number;
  text: string;
  depth: number;
  /** The cells of a grid row, as printed (empty cells kept: columns are positional). */
  cells?: string[];
}

/** Bullet glyphs and the depth each usually marks (U+F0A7, U+F0D8, U+F0B7: Word's Wingdings and Symbol bullets). */
const GLYPH_DEPTH: Record<string, number> = {
  "➤": 1,
  "●": 1,
  "■": 1,
  "❖": 1,
  "✓": 1,
  "\uF0A7": 1,
  "\uF0D8": 1,
  "→": 2,
  "➔": 2,
  "↳": 2,
  "•": 2,
  "▪": 2,
  "◦": 3,
  "○": 3,
  "\uF0B7": 2,
};
const GLYPHS = Object.keys(GLYPH_DEPTH).join("");
const INLINE_BULLET = new RegExp(`\\s*([${GLYPHS}])\\s*`, "u");
/** A line-start bullet in plain text: « - », « – », « * », « • », « 1) », « a) », with its indentation. */
const LEADING_BULLET = new RegExp(`^(\\s*)([-–—*${GLYPHS}]|\\d{1,2}\\)|[a-z]\\))\\s+(.*)$`, "u");

const GRID_MARK = /^(?:x|X|✓|✔|■|●)$/;
const GRID_HEAD = /^(?:(?:19|20)\d{2}|S[12]|T[1-4]|[1-4]er? (?:semestre|trimestre)|\d{4}\s*-\s*S[12])$/i;

/** A row of a calendar grid: some X marks (or only column heads), nothing else beside one label. */
export function isGridRow(cells: string[]): boolean {
  const filled = cells.map((c) => c.trim()).filter((c) => c !== "");
  const marks = filled.filter((c) => GRID_MARK.test(c)).length;
  const heads = filled.filter((c) => GRID_HEAD.test(c)).length;
  if (heads >= 2 && heads >= filled.length - 1) return true;
  return marks >= 1 && marks >= filled.length - 2;
}

/** Plain text of an HTML fragment, list and paragraph boundaries kept as line breaks. */
function htmlText(fragment: string): string {
  return fragment
    .replace(/<\s*(?:li|p|br|div|ul|ol|h\d)\b[^>]*>/gi, "\n")
    .replace(/<\/\s*(?:li|p|div|ul|ol|h\d)\s*>/gi, "\n")
    .replace(/<[^>]+>/g, " ")
    .replace(/&nbsp;/g, " ")
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'");
}

/** The cells of each `<tr>` of an HTML fragment, a cell spanning several columns repeated as empty ones. */
export function htmlRows(fragment: string): string[][] {
  const rows: string[][] = [];
  for (const tr of fragment.matchAll(/<tr\b[^>]*>([\s\S]*?)<\/tr>/gi)) {
    const cells: string[] = [];
    for (const td of tr[1]!.matchAll(/<t([dh])\b([^>]*)>([\s\S]*?)<\/t\1>/gi)) {
      const span = Number(/colspan="?(\d+)/i.exec(td[2]!)?.[1] ?? 1);
      cells.push(htmlText(td[3]!).replace(/\s+/g, " ").trim());
      for (let k = 1; k < span; k++) cells.push("");
    }
    rows.push(cells);
  }
  return rows;
}

/** The items of one cell (or of a plain line): its list items, each with its depth. */
export function cellItems(text: string, n: number): Item[] {
  const out: Item[] = [];
  const hasHtml = /<\/?(?:ul|li|p|br|i|b|span|div)\b/i.test(text);
  const blocks = hasHtml ? htmlText(text).split("\n") : [text];
  for (const block of blocks) {
    if (!block.trim()) continue;
    const lead = LEADING_BULLET.exec(block);
    let depth = 0;
    let body = block;
    if (lead && !/^\s*-\s*\d/.test(block)) {
      const glyph = lead[2]!;
      const indent = lead[1]!.replace(/\t/g, "  ").length;
      depth = (GLYPH_DEPTH[glyph] ?? 1) + (GLYPH_DEPTH[glyph] ? 0 : indent > 0 ? 1 : 0);
      body = lead[3]!;
    }
    // Bullets run together on one line: the first piece keeps the line's depth, each glyph starts an item.
    const parts = body.split(INLINE_BULLET);
    const first = parts[0]!.replace(/\s+/g, " ").trim();
    if (/[\p{L}\d]/u.test(first)) out.push({ n, text: first, depth });
    for (let k = 1; k + 1 < parts.length; k += 2) {
      const t = parts[k + 1]!.replace(/\s+/g, " ").trim();
      if (/[\p{L}\d]/u.test(t)) out.push({ n, text: t, depth: GLYPH_DEPTH[parts[k]!] ?? 1 });
    }
  }
  return out;
}

/** A row of cells: kept whole when it is a grid row, else its cells' items one after the other. */
function rowItems(cells: string[], n: number): Item[] {
  if (cells.every((c) => /^[-\s]*$/.test(c))) return [];
  if (isGridRow(cells)) return [{ n, text: cells.filter((c) => c.trim()).join(" "), depth: 0, cells }];
  return cells.flatMap((c) => cellItems(c, n));
}

/** The items of the cleaned lines. Blank lines become empty items: they end a paragraph. */
export function toItems(lines: SourceLine[]): Item[] {
  const out: Item[] = [];
  for (const { n, text } of lines) {
    if (!text.trim()) {
      out.push({ n, text: "", depth: 0 });
      continue;
    }
    const cells = text.split("\t");
    // A table of contents' row, « Titre<TAB>12 »: the page number stays with its entry.
    if (cells.length === 2 && /^\s*\d{1,3}\s*$/.test(cells[1]!)) {
      out.push({ n, text: text.trim(), depth: 0 });
      continue;
    }
    // A row of plain cells may be a grid row; a row holding a whole HTML table is read cell by cell.
    const grid = cells.length > 1 && !cells.some((c) => /<tr\b/i.test(c)) && isGridRow(cells);
    for (const cell of grid ? [null] : cells) {
      if (cell === null) {
        out.push(...rowItems(cells, n));
        continue;
      }
      if (/<tr\b/i.test(cell)) {
        const before = cell.slice(0, cell.search(/<table\b|<tr\b/i));
        out.push(...cellItems(before, n));
        for (const row of htmlRows(cell)) out.push(...rowItems(row, n));
        const after = cell.slice(cell.lastIndexOf("</tr>") + 5).replace(/<\/?(?:tbody|table|thead)[^>]*>/gi, "");
        out.push(...cellItems(after, n));
      } else out.push(...cellItems(cell, n));
    }
  }
  return out;
}

/**
 * Marks of the errors left in a workbook: each input cell holding a value
 * that a check finds wrong (severity « erreur ») gets a fill of the error
 * colour and a note with the findings' messages in the workbook's language, so that « Fait »,
 * « 12 réunions » or −4 no longer look like entries. The hosts write them
 * after Contrôler (Office.js) and in the copy `bilan rollup -o` writes (.xlsx).
 *
 * A mark is always replaced, never added to: its note part starts with
 * `MARK_HEAD`, so that the next run, and every reader of notes, can take it
 * away again. A user's own note on the cell is kept, the mark put after it.
 */
import { inLang, t, type Lang } from "../../i18n";
import { LANGS } from "../../model/vocabulaire";
import { langOf, type CellBinding, type PlanMeta, type WorkbookPlan } from "../plan";
import { parseA1 } from "../../util/a1";
import type { Finding } from "./findings";

/** The fill and text colours of a marked cell: distinct from the highlights and the status colours. */
export const MARK_STYLE = { fill: "#FF8B8B", color: "#7A0000" } as const;
/** The conditional format that fills marked cells (always true: the mark, not the value, decides). */
export const MARK_FORMULA = "=TRUE";
/** The first line of a mark's note in a workbook of this language; what tells a mark from a user's note. */
export const markHead = (lang: Lang): string => t(lang, "validate.mark.head");
/** The first line of a mark's note in a French workbook. */
export const MARK_HEAD = markHead("fr");
/** Between a user's note and the mark after it. */
const SEPARATOR = "\n\n";

export interface ErrorMark {
  sheet: string;
  /** Where the value is in the workbook the findings were made on. */
  address: string;
  /** The input cell's binding: where the value goes in a workbook made again from the model. */
  binding: CellBinding;
  /** The note's mark: its head, then each finding's message on its own line, in the workbook's language. */
  text: string;
}

/**
 * The cells to mark: input cells with at least one erreur finding. A finding is on an input cell when its
 * sheet, node and cell are those of an input binding (or, rows having moved, its only binding of that node in
 * that column).
 */
export function errorMarks(findings: Finding[], meta: PlanMeta): ErrorMark[] {
  const inputs = new Map<string, CellBinding[]>();
  for (const b of meta.bindings.filter((x) => x.input)) {
    const k = `${b.sheet}\n${b.node}`;
    inputs.set(k, [...(inputs.get(k) ?? []), b]);
  }
  const lang = langOf(meta);
  const marks = new Map<string, { mark: ErrorMark; messages: string[] }>();
  for (const f of findings) {
    if (f.severity !== "erreur" || !f.sheet || !f.cell || !f.node) continue;
    const candidates = inputs.get(`${f.sheet}\n${f.node}`) ?? [];
    const col = parseA1(f.cell).col;
    const sameColumn = candidates.filter((b) => parseA1(b.address).col === col);
    const binding =
      candidates.find((b) => b.address === f.cell) ?? (sameColumn.length === 1 ? sameColumn[0] : undefined);
    if (!binding) continue;
    const where = `${f.sheet}!${f.cell}`;
    const entry = marks.get(where) ?? {
      mark: { sheet: f.sheet, address: f.cell, binding, text: "" },
      messages: [],
    };
    const message = inLang(lang, f);
    if (!entry.messages.includes(message)) entry.messages.push(message);
    marks.set(where, entry);
  }
  return [...marks.values()].map(({ mark, messages }) => ({
    ...mark,
    text: [markHead(lang), ...messages].join("\n"),
  }));
}

/**
 * A note without its mark: undefined when nothing else was in it (the whole note was a mark). The mark is the
 * block from its head (in either language) to the next blank line (its messages are single lines), so that what the user wrote
 * before it, or after it past a blank line, is kept.
 */
export function withoutMark(note: string | undefined): string | undefined {
  if (note === undefined) return undefined;
  const at = Math.min(...LANGS.map((l) => note.indexOf(markHead(l))).filter((i) => i >= 0));
  if (!Number.isFinite(at)) return note;
  const end = note.indexOf(SEPARATOR, at);
  const before = note.slice(0, at).replace(/\n+$/, "");
  const after = end < 0 ? "" : note.slice(end + SEPARATOR.length);
  const rest = [before, after].filter((x) => x.trim() !== "").join(SEPARATOR);
  // Several marks (a note edited by hand): each taken out.
  return rest === "" ? undefined : withoutMark(rest);
}

/** The note of a marked cell: the user's own note (an earlier mark taken out), then the mark. */
export function withMark(note: string | undefined, mark: string): string {
  const own = withoutMark(note);
  return own === undefined || own === "" ? mark : `${own}${SEPARATOR}${mark}`;
}

/**
 * Marks into a plan about to be rendered (the .xlsx copy): the note of each marked cell, and one conditional
 * format per sheet over them, evaluated before the layout's own (a status cell's colour must not hide it).
 */
export function markPlan(plan: WorkbookPlan, marks: ErrorMark[]): void {
  const sheets = new Map(plan.sheets.map((s) => [s.name, s]));
  const bySheet = new Map<string, string[]>();
  for (const m of marks) {
    const { sheet: name, address } = m.binding;
    const sheet = sheets.get(name);
    const { row, col } = parseA1(address);
    const cell = sheet?.cells.find((c) => c.row === row && c.col === col);
    if (!sheet || !cell) continue;
    cell.note = withMark(cell.note, m.text);
    bySheet.set(name, [...(bySheet.get(name) ?? []), address]);
  }
  for (const [name, ranges] of bySheet) {
    const sheet = sheets.get(name)!;
    const first = Math.min(0, ...sheet.conditionalFormats.map((f) => f.priority)) - 1;
    sheet.conditionalFormats.push({
      ranges,
      kind: "expression",
      formula: MARK_FORMULA,
      style: { fill: MARK_STYLE.fill, color: MARK_STYLE.color, bold: true },
      priority: first,
    });
  }
}

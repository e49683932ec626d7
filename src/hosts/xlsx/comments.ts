/**
 * The notes and threaded comments of an .xlsx file, by sheet and cell, read
 * from its zip: exceljs reads only notes, and gives a threaded comment as the
 * placeholder note Excel writes beside it for older versions (« [Threaded
 * comment] Your version of Excel allows you to read… »). A cell with a
 * threaded comment is reported once, with the thread's text, authors (from
 * the persons part) and replies. The marks of the checks (engine/validate/marks.ts)
 * are left out of notes.
 *
 * Parts are found as Excel links them: workbook.xml names each sheet and its
 * relationship; the sheet's relationships give its comments (notes) and
 * threadedComments parts; the workbook's give the persons.
 */
import type { SnapComment } from "../../engine/snapshot";
import { withoutMark } from "../../engine/validate/marks";
import {
  node,
  parsePart,
  relationships,
  textOf,
  workbookSheets,
  type Parts,
  type SheetEntry,
  type XmlNode as Node,
} from "./parts";

/** Sheet name → A1 address → what was written there. */
export type CommentsBySheet = Map<string, Map<string, SnapComment>>;

const REL_NOTES = /\/relationships\/comments$/i;
const REL_THREADED = /\/relationships\/threadedComments?$/i;
const REL_PERSONS = /\/relationships\/person$/i;

export function readComments(parts: Parts, sheets: SheetEntry[] = workbookSheets(parts).sheets): CommentsBySheet {
  const out: CommentsBySheet = new Map();
  const personsPart = relationships(parts, "xl/workbook.xml").find((r) => REL_PERSONS.test(r.type))?.target;
  const persons = personsPart ? readPersons(parts, personsPart) : new Map<string, string>();
  for (const sheet of sheets) {
    if (!sheet.path) continue;
    const rels = relationships(parts, sheet.path);
    const comments = new Map<string, SnapComment>();
    for (const r of rels.filter((x) => REL_THREADED.test(x.type)))
      for (const [address, c] of readThreads(parts, r.target, persons)) comments.set(address, c);
    for (const r of rels.filter((x) => REL_NOTES.test(x.type)))
      for (const [address, c] of readNotes(parts, r.target))
        // Excel's placeholder of a threaded comment: the thread itself is already there.
        if (!comments.has(address)) comments.set(address, c);
    if (comments.size) out.set(sheet.name, comments);
  }
  return out;
}

/** Notes (`xl/commentsN.xml`): authors by index, text as runs. */
function readNotes(parts: Parts, path: string): Map<string, SnapComment> {
  const out = new Map<string, SnapComment>();
  const doc = parsePart(parts, path);
  const root = node(doc?.comments);
  const authors = ((node(root.authors).author as unknown[] | undefined) ?? []).map(textOf);
  for (const c of (node(root.commentList).comment as Node[] | undefined) ?? []) {
    const address = String(c.ref ?? "")
      .split(":")[0]!
      .toUpperCase();
    if (!address) continue;
    // The mark of an earlier check is no one's note: left out, the user's own note before it kept.
    const text = withoutMark(richText(c.text));
    if (text === undefined) continue;
    const author = authors[Number(c.authorId)]?.trim();
    out.set(address, { kind: "note", ...(author ? { author } : {}), text });
  }
  return out;
}

/** Threaded comments (`xl/threadedComments/threadedCommentN.xml`): a thread per cell, replies after it. */
function readThreads(parts: Parts, path: string, persons: Map<string, string>): Map<string, SnapComment> {
  const out = new Map<string, SnapComment>();
  const doc = parsePart(parts, path);
  const entries = (node(doc?.ThreadedComments).threadedComment as Node[] | undefined) ?? [];
  // Starts of threads first, so that a reply written before its thread still follows it.
  const ordered = [...entries.filter((e) => !e.parentId), ...entries.filter((e) => e.parentId)];
  for (const e of ordered) {
    const address = String(e.ref ?? "")
      .split(":")[0]!
      .toUpperCase();
    if (!address) continue;
    const author = persons.get(String(e.personId ?? ""));
    const entry = { ...(author ? { author } : {}), text: textOf(e.text) };
    const thread = out.get(address);
    if (thread) (thread.replies ??= []).push(entry);
    else out.set(address, { kind: "fil", ...entry });
  }
  return out;
}

/** Person id → display name. */
function readPersons(parts: Parts, path: string): Map<string, string> {
  const doc = parsePart(parts, path);
  const list = (node(doc?.personList).person as Node[] | undefined) ?? [];
  return new Map(list.map((p) => [String(p.id), String(p.displayName ?? "").trim()]));
}

/** A note's `<text>`: plain `<t>`, or runs `<r><t>` (phonetic runs left out). */
function richText(v: unknown): string {
  const text = node(v);
  if (text.t !== undefined) return textOf(text.t);
  return ((text.r as Node[] | undefined) ?? []).map((r) => textOf(r.t)).join("");
}

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
import type JSZip from "jszip";
import { XMLParser } from "fast-xml-parser";
import type { SnapComment } from "../../engine/snapshot";
import { withoutMark } from "../../engine/validate/marks";

/** Sheet name → A1 address → what was written there. */
export type CommentsBySheet = Map<string, Map<string, SnapComment>>;

const REL_NOTES = /\/relationships\/comments$/i;
const REL_THREADED = /\/relationships\/threadedComments?$/i;
const REL_PERSONS = /\/relationships\/person$/i;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "",
  removeNSPrefix: true,
  // Texts as written: no number parsing, spaces and line breaks kept.
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  // Character references (`&#10;`, Excel's line break in a note) are decoded only with this option.
  htmlEntities: true,
  isArray: (name) => ["sheet", "Relationship", "comment", "author", "r", "threadedComment", "person"].includes(name),
});

type Node = Record<string, unknown>;

export async function readComments(zip: JSZip): Promise<CommentsBySheet> {
  const out: CommentsBySheet = new Map();
  const workbook = await part(zip, "xl/workbook.xml");
  if (!workbook) return out;
  const workbookRels = await relationships(zip, "xl/workbook.xml");
  const personsPart = workbookRels.find((r) => REL_PERSONS.test(r.type))?.target;
  const persons = personsPart ? await readPersons(zip, personsPart) : new Map<string, string>();

  const sheets = (node(node(workbook.workbook).sheets).sheet as Node[] | undefined) ?? [];
  for (const sheet of sheets) {
    const path = workbookRels.find((r) => r.id === String(sheet.id))?.target;
    if (!path) continue;
    const rels = await relationships(zip, path);
    const comments = new Map<string, SnapComment>();
    for (const r of rels.filter((x) => REL_THREADED.test(x.type)))
      for (const [address, c] of await readThreads(zip, r.target, persons)) comments.set(address, c);
    for (const r of rels.filter((x) => REL_NOTES.test(x.type)))
      for (const [address, c] of await readNotes(zip, r.target))
        // Excel's placeholder of a threaded comment: the thread itself is already there.
        if (!comments.has(address)) comments.set(address, c);
    if (comments.size) out.set(String(sheet.name), comments);
  }
  return out;
}

/** Notes (`xl/commentsN.xml`): authors by index, text as runs. */
async function readNotes(zip: JSZip, path: string): Promise<Map<string, SnapComment>> {
  const out = new Map<string, SnapComment>();
  const doc = await part(zip, path);
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
async function readThreads(zip: JSZip, path: string, persons: Map<string, string>): Promise<Map<string, SnapComment>> {
  const out = new Map<string, SnapComment>();
  const doc = await part(zip, path);
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
async function readPersons(zip: JSZip, path: string): Promise<Map<string, string>> {
  const doc = await part(zip, path);
  const list = (node(doc?.personList).person as Node[] | undefined) ?? [];
  return new Map(list.map((p) => [String(p.id), String(p.displayName ?? "").trim()]));
}

interface Relationship {
  id: string;
  type: string;
  /** Path in the zip. */
  target: string;
}

/** The relationships of a part (`xl/worksheets/sheet1.xml` → `xl/worksheets/_rels/sheet1.xml.rels`), targets resolved. */
async function relationships(zip: JSZip, from: string): Promise<Relationship[]> {
  const dir = from.slice(0, from.lastIndexOf("/") + 1);
  const doc = await part(zip, `${dir}_rels/${from.slice(dir.length)}.rels`);
  const list = (node(doc?.Relationships).Relationship as Node[] | undefined) ?? [];
  return list
    .filter((r) => r.TargetMode !== "External")
    .map((r) => ({ id: String(r.Id), type: String(r.Type ?? ""), target: resolve(dir, String(r.Target ?? "")) }));
}

function resolve(dir: string, target: string): string {
  const parts = target.startsWith("/") ? [] : dir.split("/").filter(Boolean);
  for (const p of target.split("/")) {
    if (p === "..") parts.pop();
    else if (p && p !== ".") parts.push(p);
  }
  return parts.join("/");
}

/** A part parsed, or undefined when the zip does not hold it; a part that cannot be parsed names itself. */
async function part(zip: JSZip, path: string): Promise<Node | undefined> {
  const file = zip.file(path) ?? zip.file(new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`, "i"))[0];
  if (!file) return undefined;
  const xml = await file.async("string");
  try {
    return parser.parse(xml) as Node;
  } catch (e) {
    throw new Error(`${path} : ${e instanceof Error ? e.message : String(e)}`);
  }
}

const node = (v: unknown): Node => (v && typeof v === "object" ? (v as Node) : {});

/** The text of an element that holds only text (attributes aside). */
function textOf(v: unknown): string {
  if (typeof v === "string") return v;
  const text = node(v)["#text"];
  return text === undefined ? "" : String(text);
}

/** A note's `<text>`: plain `<t>`, or runs `<r><t>` (phonetic runs left out). */
function richText(v: unknown): string {
  const text = node(v);
  if (text.t !== undefined) return textOf(text.t);
  return ((text.r as Node[] | undefined) ?? []).map((r) => textOf(r.t)).join("");
}

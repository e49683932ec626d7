/**
 * The XML parts of an .xlsx file, as the guard inflated them (guard.ts keeps
 * them while counting cells, so that nothing is inflated twice), and how
 * Excel links them: workbook.xml names each sheet and its relationship, a
 * part's relationships (`_rels/….rels`) give the parts it points to.
 */
import { XMLParser } from "fast-xml-parser";
import { SaxesParser } from "saxes";

/** Path in the zip → the part's bytes, uncompressed. */
export type Parts = Map<string, Uint8Array>;

export type XmlNode = Record<string, unknown>;

export interface Relationship {
  id: string;
  type: string;
  /** Path in the zip. */
  target: string;
}

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

const decoder = new TextDecoder("utf-8");

/** A part's text, found as Excel finds it (zip paths compare without case); undefined when the zip lacks it. */
export function partText(parts: Parts, path: string): string | undefined {
  let bytes = parts.get(path);
  if (!bytes) {
    const lower = path.toLowerCase();
    for (const [name, b] of parts)
      if (name.toLowerCase() === lower) {
        bytes = b;
        break;
      }
  }
  return bytes && decoder.decode(bytes);
}

/** A small part parsed to a tree (workbook, relationships, styles, comments); a part that cannot be parsed names itself. */
export function parsePart(parts: Parts, path: string): XmlNode | undefined {
  const xml = partText(parts, path);
  if (xml === undefined) return undefined;
  try {
    return parser.parse(xml) as XmlNode;
  } catch (e) {
    throw new Error(`${path} : ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** The relationships of a part (`xl/worksheets/sheet1.xml` → `xl/worksheets/_rels/sheet1.xml.rels`), targets resolved. */
export function relationships(parts: Parts, from: string): Relationship[] {
  const dir = from.slice(0, from.lastIndexOf("/") + 1);
  const doc = parsePart(parts, `${dir}_rels/${from.slice(dir.length)}.rels`);
  const list = (node(doc?.Relationships).Relationship as XmlNode[] | undefined) ?? [];
  return list
    .filter((r) => r.TargetMode !== "External")
    .map((r) => ({ id: String(r.Id), type: String(r.Type ?? ""), target: resolve(dir, String(r.Target ?? "")) }));
}

export interface SheetEntry {
  name: string;
  state: string;
  /** Its part, through the workbook's relationships (absent when the link is broken). */
  path?: string;
  /** Its relationship's type: a worksheet, or a chart sheet, a dialog sheet… */
  type?: string;
}

/**
 * The sheets workbook.xml lists, in tab order, with the parts they live in. Read as a stream: the part also holds
 * every defined name (2,000 in a ×10 workbook), which a tree would build for nothing.
 */
export function workbookSheets(parts: Parts): { sheets: SheetEntry[]; date1904: boolean } {
  const path = "xl/workbook.xml";
  const xml = partText(parts, path);
  const listed: { name: string; state: string; id: string }[] = [];
  let date1904 = false;
  if (xml !== undefined) {
    const parser = saxParser(path);
    parser.on("opentag", (tag) => {
      const name = localName(tag.name);
      if (name === "workbookPr") date1904 = xmlTrue(tag.attributes.date1904);
      else if (name === "sheet") {
        const id = Object.entries(tag.attributes).find(([k]) => localName(k) === "id" && k !== "sheetId")?.[1];
        listed.push({ name: tag.attributes.name ?? "", state: tag.attributes.state ?? "visible", id: id ?? "" });
      }
    });
    parser.write(xml).close();
  }
  const rels = relationships(parts, path);
  const sheets = listed.map((s) => {
    const rel = rels.find((r) => r.id === s.id);
    return { name: s.name, state: s.state, ...(rel ? { path: rel.target, type: rel.type } : {}) };
  });
  return { sheets, date1904 };
}

/** A streaming parser whose errors name the part. */
export function saxParser(path: string): SaxesParser {
  const parser = new SaxesParser({ position: false });
  parser.on("error", (e) => {
    throw new Error(`${path} : ${e.message}`);
  });
  return parser;
}

/** An element's or attribute's name without its namespace prefix (`x:c` → `c`). */
export function localName(name: string): string {
  const colon = name.indexOf(":");
  return colon < 0 ? name : name.slice(colon + 1);
}

/** An xsd:boolean: Excel writes `1`, LibreOffice `true`. */
export const xmlTrue = (v: unknown): boolean => v === "1" || v === "true";

function resolve(dir: string, target: string): string {
  const segments = target.startsWith("/") ? [] : dir.split("/").filter(Boolean);
  for (const p of target.split("/")) {
    if (p === "..") segments.pop();
    else if (p && p !== ".") segments.push(p);
  }
  return segments.join("/");
}

export const node = (v: unknown): XmlNode => (v && typeof v === "object" ? (v as XmlNode) : {});

/** The text of an element that holds only text (attributes aside). */
export function textOf(v: unknown): string {
  if (typeof v === "string") return v;
  const text = node(v)["#text"];
  return text === undefined ? "" : String(text);
}

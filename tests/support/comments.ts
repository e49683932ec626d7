/**
 * Notes and threaded comments put into an .xlsx file the way Excel 365
 * writes them: the thread in xl/threadedComments/threadedCommentN.xml, its
 * authors in xl/persons/person.xml, and for older versions a placeholder note
 * (author `tc={id}`, « [Threaded comment] Your version of Excel… ») in the
 * sheet's legacy comments part beside the ordinary notes, whose text runs
 * start with the author's name in bold.
 */
import JSZip from "jszip";

export interface NoteSpec {
  address: string;
  author: string;
  text: string;
}

export interface ThreadSpec {
  address: string;
  /** The first entry starts the thread, the others reply to it. */
  entries: { author: string; text: string }[];
}

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const THREADED = "http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments";
const REL = "http://schemas.openxmlformats.org/package/2006/relationships";
const REL_COMMENTS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments";
const REL_THREADED = "http://schemas.microsoft.com/office/2017/10/relationships/threadedComment";
const REL_PERSON = "http://schemas.microsoft.com/office/2017/10/relationships/person";

const xml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
/** A GUID as Excel writes them; `kind` (a hex digit) keeps persons, threads and replies apart. */
const guid = (kind: string, n: number) => `{${kind}${String(n).padStart(7, "0")}-0B5E-4C8D-9E21-3F4A5B6C7D8E}`;
/** A person's id, the same for a name in every call. */
const personId = (name: string) =>
  guid(
    "A",
    [...name].reduce((h, c) => (h * 31 + c.charCodeAt(0)) % 9_999_999, 7),
  );

/** `xl/threadedComments/threadedComment3.xml`: the first number the zip does not use. */
function freePath(zip: JSZip, prefix: string, ext: string): string {
  for (let n = 1; ; n++) if (!zip.file(`${prefix}${n}${ext}`)) return `${prefix}${n}${ext}`;
}

/** The zip path of a sheet's part, from workbook.xml and its relationships. */
async function sheetPath(zip: JSZip, sheet: string): Promise<string> {
  const workbook = await zip.file("xl/workbook.xml")!.async("string");
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  const escaped = xml(sheet).replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const id = new RegExp(`<sheet [^>]*name="${escaped}"[^>]*r:id="([^"]+)"`).exec(workbook)?.[1];
  const target = id && new RegExp(`<Relationship [^>]*Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1];
  if (!target) throw new Error(`no sheet ${sheet}`);
  return `xl/${target.replace(/^\/?xl\//, "")}`;
}

async function addRelationship(zip: JSZip, relsPath: string, type: string, target: string): Promise<void> {
  const existing = await zip.file(relsPath)?.async("string");
  const n = (existing?.match(/<Relationship /g) ?? []).length + 1;
  const rel = `<Relationship Id="rIdTest${n}" Type="${type}" Target="${target}"/>`;
  zip.file(
    relsPath,
    existing
      ? existing.replace("</Relationships>", `${rel}</Relationships>`)
      : `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="${REL}">${rel}</Relationships>`,
  );
}

async function addOverride(zip: JSZip, part: string, contentType: string): Promise<void> {
  const types = await zip.file("[Content_Types].xml")!.async("string");
  zip.file(
    "[Content_Types].xml",
    types.replace("</Types>", `<Override PartName="/${part}" ContentType="${contentType}"/></Types>`),
  );
}

/** `data` with `notes` and `threads` on `sheet` (one threaded part per call: call it once per sheet). */
export async function withComments(
  data: Uint8Array,
  sheet: string,
  notes: NoteSpec[],
  threads: ThreadSpec[],
): Promise<Buffer> {
  const zip = await JSZip.loadAsync(data);
  const path = await sheetPath(zip, sheet);
  const relsPath = path.replace(/([^/]+)$/, "_rels/$1.rels");
  const dir = path.slice(0, path.lastIndexOf("/") + 1);

  const persons = [...new Set(threads.flatMap((t) => t.entries.map((e) => e.author)))];
  const authors = [...new Set(notes.map((n) => n.author))];
  const legacy: string[] = notes.map(
    (n) =>
      `<comment ref="${n.address}" authorId="${authors.indexOf(n.author)}"><text>` +
      `<r><rPr><b/><sz val="9"/><color indexed="81"/><rFont val="Tahoma"/><family val="2"/></rPr><t>${xml(n.author)}:</t></r>` +
      `<r><rPr><sz val="9"/><color indexed="81"/><rFont val="Tahoma"/><family val="2"/></rPr><t xml:space="preserve">&#10;${xml(n.text)}</t></r>` +
      `</text></comment>`,
  );
  let threadXml = "";
  threads.forEach((t, i) => {
    const id = guid("B", i);
    authors.push(`tc=${id}`);
    const body = t.entries.map((e, j) => `${j ? "Reply:" : "Comment:"}\n    ${e.text}`).join("\n");
    legacy.push(
      `<comment ref="${t.address}" authorId="${authors.length - 1}" shapeId="0"><text><t xml:space="preserve">` +
        xml(
          `[Threaded comment]\n\nYour version of Excel allows you to read this threaded comment; however, any edits to it will get removed if the file is opened in a newer version of Excel. Learn more: https://go.microsoft.com/fwlink/?linkid=870924\n\n${body}`,
        ) +
        `</t></text></comment>`,
    );
    t.entries.forEach((e, j) => {
      threadXml +=
        `<threadedComment ref="${t.address}" dT="2025-03-14T09:1${j}:45.00" personId="${personId(e.author)}" ` +
        `id="${j ? guid("C", 100 * i + j) : id}"${j ? ` parentId="${id}"` : ""}><text>${xml(e.text)}</text></threadedComment>`;
    });
  });

  // The legacy part: the sheet's own if it has one (its VML drawing stays), else a new one.
  const rels = (await zip.file(relsPath)?.async("string")) ?? "";
  const target = new RegExp(`Type="${REL_COMMENTS}" Target="([^"]+)"`).exec(rels)?.[1];
  let commentsPath: string;
  if (target) commentsPath = new URL(target, `file:///${dir}`).pathname.slice(1);
  else {
    commentsPath = freePath(zip, "xl/comments", ".xml");
    await addRelationship(zip, relsPath, REL_COMMENTS, `../${commentsPath.slice(3)}`);
    await addOverride(zip, commentsPath, "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml");
  }
  zip.file(
    commentsPath,
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><comments xmlns="${MAIN}"><authors>` +
      authors.map((a) => `<author>${xml(a)}</author>`).join("") +
      `</authors><commentList>${legacy.join("")}</commentList></comments>`,
  );

  if (threads.length) {
    const threadPath = freePath(zip, "xl/threadedComments/threadedComment", ".xml");
    zip.file(
      threadPath,
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><ThreadedComments xmlns="${THREADED}" xmlns:x="${MAIN}">${threadXml}</ThreadedComments>`,
    );
    await addRelationship(zip, relsPath, REL_THREADED, `../${threadPath.slice(3)}`);
    await addOverride(zip, threadPath, "application/vnd.ms-excel.threadedcomments+xml");
    const existing = await zip.file("xl/persons/person.xml")?.async("string");
    const added = persons
      .filter((p) => !existing?.includes(personId(p)))
      .map((p) => `<person displayName="${xml(p)}" id="${personId(p)}" userId="${xml(p)}" providerId="None"/>`)
      .join("");
    if (existing) zip.file("xl/persons/person.xml", existing.replace("</personList>", `${added}</personList>`));
    else {
      zip.file(
        "xl/persons/person.xml",
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><personList xmlns="${THREADED}" xmlns:x="${MAIN}">${added}</personList>`,
      );
      await addRelationship(zip, "xl/_rels/workbook.xml.rels", REL_PERSON, "persons/person.xml");
      await addOverride(zip, "xl/persons/person.xml", "application/vnd.ms-excel.person+xml");
    }
  }
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

/**
 * The oversized workbooks of the "hostile files" issue, made from a filled
 * bilan workbook the way its reproduction script (make-oversized.py) makes
 * them, in seconds: each part is deflated once and the zip is written by
 * hand, so that a part may declare a size it does not have.
 *  - a sheet part of `gb` GB of zeros whose headers declare 5 MB (h06b);
 *  - `parts` extra sheet parts of 200 columns × `rows` rows of `<c><v>1</v></c>` (h06d).
 */
import { crc32, deflateRawSync, createDeflateRaw } from "node:zlib";
import JSZip from "jszip";

interface Part {
  name: string;
  packed: Buffer;
  crc: number;
  size: number;
  /** The uncompressed size written in the headers (the real one unless a test lies). */
  declared?: number;
}

async function partsOf(xlsx: Buffer): Promise<Part[]> {
  const zip = await JSZip.loadAsync(xlsx);
  const out: Part[] = [];
  for (const f of Object.values(zip.files)) {
    if (f.dir) continue;
    out.push(part(f.name, Buffer.from(await f.async("uint8array"))));
  }
  return out;
}

const part = (name: string, data: Buffer): Part => ({
  name,
  packed: deflateRawSync(data),
  crc: crc32(data),
  size: data.length,
});

/** A zip of deflated parts (no data descriptors, no zip64: every size under 4 GB). */
function writeZip(parts: Part[]): Buffer {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name, "utf8");
    const size = p.declared ?? p.size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(p.crc >>> 0, 14);
    local.writeUInt32LE(p.packed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(0x0800, 8);
    dir.writeUInt16LE(8, 10);
    dir.writeUInt32LE(p.crc >>> 0, 16);
    dir.writeUInt32LE(p.packed.length, 20);
    dir.writeUInt32LE(size, 24);
    dir.writeUInt16LE(name.length, 28);
    dir.writeUInt32LE(offset, 42);
    chunks.push(local, name, p.packed);
    central.push(dir, name);
    offset += local.length + name.length + p.packed.length;
  }
  const dirBytes = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(dirBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, dirBytes, end]);
}

/** The second worksheet part of the workbook, as the script picks it. */
const secondSheet = (parts: Part[]) =>
  parts
    .map((p) => p.name)
    .filter((n) => n.startsWith("xl/worksheets/sheet"))
    .sort()[1]!;

/** h06b: the second sheet part replaced by `mb` MB of zeros that declare 5 MB. */
export async function lyingBomb(filled: Buffer, mb = 1024): Promise<Buffer> {
  const parts = await partsOf(filled);
  const target = secondSheet(parts);
  const deflate = createDeflateRaw({ level: 9 });
  const packed: Buffer[] = [];
  deflate.on("data", (c: Buffer) => packed.push(c));
  const zeros = Buffer.alloc(1 << 20, "0");
  let crc = 0;
  for (let i = 0; i < mb; i++) {
    crc = crc32(zeros, crc);
    if (!deflate.write(zeros)) await new Promise((r) => deflate.once("drain", r));
  }
  await new Promise<void>((r) => deflate.end(() => r()));
  const bomb: Part = { name: target, packed: Buffer.concat(packed), crc, size: mb << 20, declared: 5_000_000 };
  return writeZip(parts.map((p) => (p.name === target ? bomb : p)));
}

/** h06d: `parts` extra visible sheets, each 200 columns × `rows` rows of numeric cells. */
export async function cellsBomb(filled: Buffer, parts = 60, rows = 1947): Promise<Buffer> {
  const zip = await JSZip.loadAsync(filled);
  const text = async (name: string) => zip.file(name)!.async("string");
  const ids = Array.from({ length: parts }, (_, i) => i);
  const edited = async (name: string, at: string, add: (i: number) => string) =>
    part(name, Buffer.from((await text(name)).replace(at, ids.map(add).join("") + at), "utf8"));
  const cols = Array.from({ length: 200 }, (_, i) => column(i + 1));
  const body = [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>',
  ];
  for (let r = 1; r <= rows; r++)
    body.push(`<row r="${r}">${cols.map((c) => `<c r="${c}${r}"><v>1</v></c>`).join("")}</row>`);
  body.push("</sheetData></worksheet>");
  // Deflated once, the same bytes in every extra part.
  const sheet = part("", Buffer.from(body.join(""), "utf8"));
  const changed = [
    await edited(
      "[Content_Types].xml",
      "</Types>",
      (i) =>
        `<Override PartName="/xl/worksheets/sheet${100 + i}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
    ),
    await edited(
      "xl/_rels/workbook.xml.rels",
      "</Relationships>",
      (i) =>
        `<Relationship Id="rIdB${i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${100 + i}.xml"/>`,
    ),
    await edited(
      "xl/workbook.xml",
      "</sheets>",
      (i) => `<sheet sheetId="${100 + i}" name="Bomb${i}" state="visible" r:id="rIdB${i}"/>`,
    ),
  ];
  const kept = (await partsOf(filled)).filter((p) => !changed.some((c) => c.name === p.name));
  return writeZip([...kept, ...changed, ...ids.map((i) => ({ ...sheet, name: `xl/worksheets/sheet${100 + i}.xml` }))]);
}

function column(n: number): string {
  let s = "";
  for (; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

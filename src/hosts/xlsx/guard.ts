/**
 * Before a partner's file is parsed: is it an .xlsx at all, and a safe one?
 * Files are refused with a reason (a message key) rather than handed to the
 * spreadsheet parser: empty, not a zip, an encrypted or legacy OLE file, a
 * Word or PowerPoint file, a truncated zip, a huge file, a zip bomb or too
 * many cells. The sizes a zip declares are checked first, then every part is
 * inflated with a hard cap at its declared size — in one native call (Node's
 * zlib, given by the CLI) or as a stream (in the task pane) — and refused as
 * soon as it gives more than it declared or the cells go over budget: a lying
 * zip costs at most its declared sizes. Asked to, the guard keeps the XML parts
 * it inflated, for the reader (valueReader.ts) to parse without inflating them
 * again.
 */
import JSZip from "jszip";
import type { MessageKey, Params } from "../../i18n";
import { CellCounter } from "./cellCounter";
import { isOle, oleRefusal } from "./oleFile";
import type { Parts } from "./parts";

/** Budgets of one workbook (the README's « Limites » paragraph). */
export const LIMITS = {
  /** The file itself. */
  fileMb: 100,
  /** Every part uncompressed, together. */
  uncompressedMb: 1_000,
  /** One part whose compression ratio is above this (and above 10 MB) is a bomb. */
  ratio: 200,
  /** Cells in the whole workbook: five times a synthetic schéma 100 times Essonne's size (~800,000). */
  cells: 4_000_000,
};

export type Refusal = { key: MessageKey; params?: Params };

interface ZipEntry extends JSZip.JSZipObject {
  _data?: {
    compressedSize?: number;
    uncompressedSize?: number;
    compression?: { magic?: string };
    compressedContent?: unknown;
  };
}

/**
 * Inflates raw DEFLATE data in one call, refusing (throwing) past `maxLength` bytes: Node's zlib, five times
 * JSZip's pure-JavaScript inflater, given by the CLI. Without it (in the task pane) parts are streamed through JSZip.
 */
export type InflateRaw = (compressed: Uint8Array, maxLength: number) => Uint8Array;

export interface CheckOptions {
  /** Keep the XML parts inflated, for the reader. */
  keepParts?: boolean;
  inflateRaw?: InflateRaw;
}

const DEFLATE = "\x08\x00";
const STORED = "\x00\x00";

interface ByteStream {
  on(event: "data", fn: (chunk: Uint8Array) => void): ByteStream;
  on(event: "error", fn: (e: Error) => void): ByteStream;
  on(event: "end", fn: () => void): ByteStream;
  resume(): ByteStream;
  pause(): ByteStream;
}

export async function checkXlsx(data: Uint8Array, options: CheckOptions = {}): Promise<Refusal | { parts: Parts }> {
  if (data.length === 0) return { key: "validate.file.empty" };
  if (data.length > LIMITS.fileMb * 1e6) return { key: "validate.file.tooLarge", params: { max: LIMITS.fileMb } };
  if (isOle(data)) return { key: oleRefusal(data) };
  if (data[0] !== 0x50 || data[1] !== 0x4b) return { key: "validate.file.notZip" };
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(data, { checkCRC32: false });
  } catch (e) {
    return { key: "validate.file.truncated", params: { detail: e instanceof Error ? e.message : String(e) } };
  }
  const entries = (Object.values(zip.files) as ZipEntry[]).filter((e) => !e.dir);
  const declared = declaredSizes(entries);
  if ("key" in declared) return declared;
  if (!zip.file("xl/workbook.xml")) {
    if (zip.file("word/document.xml")) return { key: "validate.file.docx" };
    if (zip.file("[Content_Types].xml")) return { key: "validate.file.otherOffice" };
    return { key: "validate.file.notZip" };
  }
  const parts: Parts = new Map();
  const refusal = await inflateWithin(
    entries,
    declared.sizes,
    options.keepParts ? parts : undefined,
    options.inflateRaw,
  );
  return refusal ?? { parts };
}

/** What the zip directory says, before anything inflates. */
function declaredSizes(entries: ZipEntry[]): Refusal | { sizes: Map<ZipEntry, number> } {
  const sizes = new Map<ZipEntry, number>();
  let total = 0;
  for (const entry of entries) {
    const size = entry._data?.uncompressedSize ?? 0;
    const packed = entry._data?.compressedSize ?? 0;
    sizes.set(entry, size);
    total += size;
    if (size > 10e6 && packed > 0 && size / packed > LIMITS.ratio)
      return { key: "validate.file.bomb", params: { size: Math.round(size / 1e6), part: entry.name, max: 10 } };
    if (total > LIMITS.uncompressedMb * 1e6)
      return {
        key: "validate.file.bomb",
        params: { size: Math.round(total / 1e6), part: entry.name, max: LIMITS.uncompressedMb },
      };
  }
  return { sizes };
}

/**
 * Inflates every part, counting bytes and cells; the first part that gives
 * more (or less) than it declared, or that brings the cells over budget, is
 * refused without inflating further. Since every part must match its declared
 * size, the declared checks above bound the bytes actually produced.
 */
async function inflateWithin(
  entries: ZipEntry[],
  sizes: Map<ZipEntry, number>,
  kept: Parts | undefined,
  inflateRaw: InflateRaw | undefined,
): Promise<Refusal | undefined> {
  const cells = new CellCounter();
  for (const entry of entries) {
    const declared = sizes.get(entry)!;
    const xml = /\.(xml|rels)$/i.test(entry.name);
    const native = inflateRaw && inflateNatively(entry, declared, inflateRaw);
    const part =
      native ?? (await inflateStreaming(entry, declared, xml ? cells : undefined, xml && kept !== undefined));
    if (part instanceof Uint8Array) {
      if (!xml) continue;
      // The stream counted as it went; a part inflated at once is counted now.
      if (native) cells.feed(part);
      if (cells.count > LIMITS.cells)
        return { key: "validate.file.tooManyCells", params: { part: entry.name, max: LIMITS.cells } };
      kept?.set(entry.name, part);
      continue;
    }
    if (part === "cells") return { key: "validate.file.tooManyCells", params: { part: entry.name, max: LIMITS.cells } };
    if (part === "size")
      return { key: "validate.file.sizeMismatch", params: { part: entry.name, size: Math.round(declared / 1e6) } };
    return { key: "validate.file.truncated", params: { detail: `${entry.name} : ${part.message}` } };
  }
  return undefined;
}

type Inflated = Uint8Array | "size" | "cells" | Error;

/** What a part streamed without keeping gives back: it inflated within its bounds. */
const NOTHING_KEPT = new Uint8Array(0);

/** One call of the native inflater, bounded by the declared size; undefined when the part is neither deflated nor stored. */
function inflateNatively(entry: ZipEntry, declared: number, inflateRaw: InflateRaw): Inflated | undefined {
  const content = entry._data?.compressedContent;
  const method = entry._data?.compression?.magic;
  if (!(content instanceof Uint8Array) || (method !== DEFLATE && method !== STORED)) return undefined;
  let bytes: Uint8Array;
  try {
    bytes = method === STORED ? content : inflateRaw(content, Math.max(declared, 1));
  } catch (e) {
    // Past the bound: the part gives more than it declared.
    return (e as { code?: string }).code === "ERR_BUFFER_TOO_LARGE" ? "size" : (e as Error);
  }
  return bytes.length === declared ? bytes : "size";
}

/**
 * The part streamed through JSZip, counting its cells on the way (`cells`, for XML parts) and stopping as soon as
 * it gives more than it declared or the cells go over budget; its bytes are kept only when asked (`keep`), else
 * nothing is. "size": more than declared, or ended short of it.
 */
function inflateStreaming(
  entry: ZipEntry,
  declared: number,
  cells: CellCounter | undefined,
  keep: boolean,
): Promise<Inflated> {
  let produced = 0;
  const chunks: Uint8Array[] = [];
  return new Promise<Inflated>((resolve) => {
    const stream = (entry as unknown as { internalStream(type: "uint8array"): ByteStream }).internalStream(
      "uint8array",
    );
    let done = false;
    const stop = (why: "size" | "cells") => {
      done = true;
      stream.pause();
      resolve(why);
    };
    stream
      .on("data", (chunk) => {
        if (done) return;
        produced += chunk.length;
        if (produced > declared) return stop("size");
        if (keep) chunks.push(chunk);
        if (!cells) return;
        cells.feed(chunk);
        if (cells.count > LIMITS.cells) stop("cells");
      })
      .on("error", (e) => {
        if (!done) resolve(produced === declared ? e : "size");
      })
      .on("end", () => {
        if (!done) resolve(keep ? concat(chunks, produced) : NOTHING_KEPT);
      })
      .resume();
  });
}

function concat(chunks: Uint8Array[], length: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(length);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

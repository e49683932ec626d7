/**
 * Before a partner's file is parsed: is it an .xlsx at all, and a safe one?
 * Files are refused with a reason (a message key) rather than handed to the
 * spreadsheet parser: empty, not a zip, an encrypted or legacy OLE file, a
 * Word or PowerPoint file, a truncated zip, a huge file, a zip bomb or too
 * many cells. The sizes a zip declares are checked first, then every part is
 * inflated as a stream that keeps nothing and stops as soon as a part gives
 * more than it declared or a budget is spent: a lying zip costs at most its
 * declared sizes. The same code runs in the CLI and in the task pane.
 */
import JSZip from "jszip";
import type { MessageKey, Params } from "../../i18n";
import { CellCounter } from "./cellCounter";
import { isOle, oleRefusal } from "./oleFile";

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
  _data?: { compressedSize?: number; uncompressedSize?: number };
}

interface ByteStream {
  on(event: "data", fn: (chunk: Uint8Array) => void): ByteStream;
  on(event: "error", fn: (e: Error) => void): ByteStream;
  on(event: "end", fn: () => void): ByteStream;
  resume(): ByteStream;
  pause(): ByteStream;
}

export async function checkXlsx(data: Uint8Array): Promise<Refusal | { zip: JSZip }> {
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
  const inflated = await inflateWithin(entries, declared.sizes);
  return inflated ?? { zip };
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
async function inflateWithin(entries: ZipEntry[], sizes: Map<ZipEntry, number>): Promise<Refusal | undefined> {
  const cells = new CellCounter();
  for (const entry of entries) {
    const declared = sizes.get(entry)!;
    const xml = /\.(xml|rels)$/i.test(entry.name);
    let produced = 0;
    // "size": the part gave more than it declared, or ended short of it (JSZip then fails at its end).
    const outcome = await new Promise<"ok" | "size" | "cells" | Error>((resolve) => {
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
          if (!xml) return;
          cells.feed(chunk);
          if (cells.count > LIMITS.cells) stop("cells");
        })
        .on("error", (e) => {
          if (!done) resolve(produced === declared ? e : "size");
        })
        .on("end", () => {
          if (!done) resolve("ok");
        })
        .resume();
    });
    if (outcome === "ok") continue;
    if (outcome === "cells")
      return { key: "validate.file.tooManyCells", params: { part: entry.name, max: LIMITS.cells } };
    if (outcome === "size")
      return { key: "validate.file.sizeMismatch", params: { part: entry.name, size: Math.round(declared / 1e6) } };
    return { key: "validate.file.truncated", params: { detail: `${entry.name} : ${outcome.message}` } };
  }
  return undefined;
}

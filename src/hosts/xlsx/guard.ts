/**
 * Before a partner's file is parsed: is it an .xlsx at all, and a safe one?
 * Files are refused with a reason (a message key) rather than handed to the
 * spreadsheet parser: empty, not a zip, an encrypted or legacy OLE file, a
 * Word or PowerPoint file, a truncated zip, a huge file or a zip bomb
 * (uncompressed sizes come from the zip directory, before anything inflates).
 */
import JSZip from "jszip";
import type { MessageKey, Params } from "../../i18n";
import { isOle, oleRefusal } from "./oleFile";

export const LIMITS = {
  /** The file itself. */
  fileMb: 100,
  /** Every part uncompressed, together. */
  uncompressedMb: 1_000,
  /** One part whose compression ratio is above this (and above 10 MB) is a bomb. */
  ratio: 200,
};

export type Refusal = { key: MessageKey; params?: Params };

interface ZipEntry {
  name: string;
  dir: boolean;
  _data?: { compressedSize?: number; uncompressedSize?: number };
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
  let total = 0;
  for (const entry of Object.values(zip.files) as unknown as ZipEntry[]) {
    if (entry.dir) continue;
    const size = entry._data?.uncompressedSize ?? 0;
    const packed = entry._data?.compressedSize ?? 0;
    total += size;
    const mb = Math.round(size / 1e6);
    if (size > 10e6 && packed > 0 && size / packed > LIMITS.ratio)
      return { key: "validate.file.bomb", params: { size: mb, part: entry.name, max: 10 } };
    if (total > LIMITS.uncompressedMb * 1e6)
      return {
        key: "validate.file.bomb",
        params: { size: Math.round(total / 1e6), part: entry.name, max: LIMITS.uncompressedMb },
      };
  }
  if (!zip.file("xl/workbook.xml")) {
    if (zip.file("word/document.xml")) return { key: "validate.file.docx" };
    if (zip.file("[Content_Types].xml")) return { key: "validate.file.otherOffice" };
    return { key: "validate.file.notZip" };
  }
  return { zip };
}

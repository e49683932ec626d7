/**
 * What an OLE2 (Compound File Binary) file is, to refuse it with the right reason: a password-encrypted .xlsx
 * (Excel wraps it in a CFB holding "EncryptionInfo" and "EncryptedPackage" streams), a legacy .xls ("Workbook" or
 * "Book" stream), or another old Office file. The streams are found by their directory entries, 128-byte
 * records at 128-byte offsets whose name is UTF-16LE, followed by its byte length and the entry type.
 */
import type { MessageKey } from "../../i18n";

export const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const HEADER = 512;
const ENTRY = 128;
const STREAM = 2;

export function isOle(data: Uint8Array): boolean {
  return OLE_MAGIC.every((b, i) => data[i] === b);
}

/** The names of the streams in the file's directory. */
export function oleStreamNames(data: Uint8Array): Set<string> {
  const names = new Set<string>();
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  for (let at = HEADER; at + ENTRY <= data.length; at += ENTRY) {
    const nameBytes = view.getUint16(at + 0x40, true);
    // A name is 1 to 31 UTF-16 characters and its terminating NUL.
    if (nameBytes < 4 || nameBytes > 64 || nameBytes % 2 || data[at + 0x42] !== STREAM) continue;
    let name = "";
    for (let k = 0; k < nameBytes - 2; k += 2) name += String.fromCharCode(view.getUint16(at + k, true));
    if (view.getUint16(at + nameBytes - 2, true) === 0 && !name.includes("\0")) names.add(name);
  }
  return names;
}

/** Why an OLE file is refused. */
export function oleRefusal(data: Uint8Array): MessageKey {
  const streams = oleStreamNames(data);
  if (streams.has("EncryptionInfo") || streams.has("EncryptedPackage")) return "validate.file.encrypted";
  if (streams.has("Workbook") || streams.has("Book")) return "validate.file.legacyXls";
  return "validate.file.otherOle";
}

/**
 * The bytes of a text file (a JSON model, a référentiel CSV) as text. UTF-8 is the rule; a UTF-16 file is known by
 * its byte-order mark; bytes that are not valid UTF-8 are read as Windows-1252, which a French Excel writes for
 * « CSV (séparateur : point-virgule) », and the reader is told so (an info), because guessing silently would turn
 * « Prévention » into « Pr\uFFFDvention ». Bytes that are none of these are refused, with the offset of the first
 * bad byte. Every reader of a text file goes through `decodeText`.
 */
import { issue, type ModelIssue } from "./issues";

export type TextEncoding = "utf-8" | "utf-16le" | "utf-16be" | "windows-1252";

export type DecodedText =
  { ok: true; text: string; encoding: TextEncoding; infos: ModelIssue[] } | { ok: false; error: ModelIssue };

const startsWith = (bytes: Uint8Array, prefix: number[]) => prefix.every((b, i) => bytes[i] === b);

/** NUL is never in a text file; 0x81 0x8D 0x8F 0x90 0x9D have no character in Windows-1252. */
const NOT_1252 = new Set([0x00, 0x81, 0x8d, 0x8f, 0x90, 0x9d]);

export function decodeText(bytes: Uint8Array, file: string): DecodedText {
  // A BOM is taken off by TextDecoder itself.
  if (startsWith(bytes, [0xff, 0xfe])) return decodeStrict(bytes, "utf-16le", file);
  if (startsWith(bytes, [0xfe, 0xff])) return decodeStrict(bytes, "utf-16be", file);
  const nul = bytes.indexOf(0);
  if (nul >= 0) return { ok: false, error: issue("", "file.encoding.binary", { file, offset: nul }) };
  try {
    return { ok: true, text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8", infos: [] };
  } catch {
    // Not UTF-8: Windows-1252, if every byte is one of its characters.
  }
  const bad = bytes.findIndex((b) => NOT_1252.has(b));
  if (bad >= 0) {
    const byte = `0x${bytes[bad]!.toString(16).toUpperCase().padStart(2, "0")}`;
    return { ok: false, error: issue("", "file.encoding.unknown", { file, offset: bad, byte }) };
  }
  return {
    ok: true,
    text: decodeWindows1252(bytes),
    encoding: "windows-1252",
    infos: [issue("", "file.encoding.windows1252", { file, line: lineOfFirstInvalidUtf8(bytes) })],
  };
}

/**
 * Windows-1252 is Latin-1 but for 0x80–0x9F (€, ’, œ…). Decoded here: Node's TextDecoder("windows-1252") reads
 * those bytes as Latin-1 control characters on some versions.
 */
const CP1252_80_9F = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ";

function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  // By chunks: String.fromCharCode takes its arguments on the stack.
  for (let start = 0; start < bytes.length; start += 8192) {
    const codes = Array.from(bytes.subarray(start, start + 8192), (b) =>
      b >= 0x80 && b <= 0x9f ? CP1252_80_9F.charCodeAt(b - 0x80) : b,
    );
    parts.push(String.fromCharCode(...codes));
  }
  return parts.join("");
}

function decodeStrict(bytes: Uint8Array, encoding: "utf-16le" | "utf-16be", file: string): DecodedText {
  try {
    return { ok: true, text: new TextDecoder(encoding, { fatal: true }).decode(bytes), encoding, infos: [] };
  } catch {
    return { ok: false, error: issue("", "file.encoding.badUtf16", { file, encoding: encoding.toUpperCase() }) };
  }
}

/** The line of the first byte that breaks UTF-8, for the info line (the reader finds the « é » there). */
function lineOfFirstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const length = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    let valid = length > 0 && i + length <= bytes.length;
    for (let k = 1; valid && k < length; k++) valid = (bytes[i + k]! & 0xc0) === 0x80;
    if (!valid) break;
    i += length;
  }
  let line = 1;
  for (let k = 0; k < i && k < bytes.length; k++) if (bytes[k] === 0x0a) line++;
  return line;
}

/** Reading text files: UTF-8 with or without BOM, UTF-16 with BOM, Windows-1252 said in an info, the rest refused. */
import { spawnSync } from "node:child_process";
import { decodeText } from "../../src/model/textFile";

/** An independent encoder: iconv, as shipped with the C library. */
function iconv(text: string, to: string): Buffer {
  const r = spawnSync("iconv", ["-f", "UTF-8", "-t", to], { input: Buffer.from(text, "utf8"), timeout: 30_000 });
  if (r.status !== 0) throw new Error(`iconv: ${r.stderr.toString()}`);
  return r.stdout;
}

// é, œ, ’ and € differ between Windows-1252, Latin-1 and UTF-8.
const TEXT = "Axe;Fiche\r\nPrévention précoce;L’œuvre des 1000 premiers jours (5 000 €)\r\n";

test("UTF-8 without BOM reads as UTF-8, even when it would also be valid Windows-1252", () => {
  const r = decodeText(Buffer.from(TEXT, "utf8"), "ref.csv");
  expect(r).toEqual({ ok: true, text: TEXT, encoding: "utf-8", infos: [] });
});

test("UTF-8 with BOM: the BOM is not part of the text", () => {
  const r = decodeText(Buffer.from(`\uFEFF${TEXT}`, "utf8"), "ref.csv");
  expect(r.ok && r.text).toBe(TEXT);
});

test("Windows-1252 (a French Excel's « CSV (séparateur : point-virgule) ») is read right and said in an info", () => {
  const bytes = iconv(TEXT, "WINDOWS-1252");
  const r = decodeText(bytes, "ref.csv");
  if (!r.ok) throw new Error(r.error.message);
  expect(r.text).toBe(TEXT);
  expect(r.text).not.toContain("\uFFFD");
  expect(r.encoding).toBe("windows-1252");
  expect(r.infos.map((i) => i.message)).toEqual([
    "ref.csv : lu en Windows-1252 (l'encodage des CSV d'un Excel français) car il n'est pas en UTF-8 (ligne 2) ; l'enregistrer en « CSV UTF-8 » évite cette conversion",
  ]);
  expect(r.infos[0]!.messageEn).toMatch(/^ref\.csv: read as Windows-1252 .* \(line 2\)/);
});

test.each(["UTF-16LE", "UTF-16BE"])("%s with its BOM", (encoding) => {
  const bytes = Buffer.concat([iconv("\uFEFF", encoding), iconv(TEXT, encoding)]);
  const r = decodeText(bytes, "ref.csv");
  expect(r).toEqual({ ok: true, text: TEXT, encoding: encoding.toLowerCase(), infos: [] });
});

test("bytes that are no text are refused, naming the encoding and where", () => {
  const nul = decodeText(iconv(TEXT, "UTF-16LE"), "ref.csv"); // UTF-16 without its BOM
  expect(nul.ok || nul.error.message).toBe(
    "ref.csv : ce n'est pas un fichier texte (octet nul à la position 1 ; de l'UTF-16 sans BOM ?) : l'enregistrer en UTF-8",
  );
  const undefinedIn1252 = decodeText(Buffer.from([0x41, 0xe9, 0x81, 0x42]), "ref.csv");
  expect(undefinedIn1252.ok || undefinedIn1252.error.message).toBe(
    "ref.csv : encodage non reconnu, ni UTF-8 ni Windows-1252 (octet 0x81 à la position 2) : l'enregistrer en UTF-8",
  );
  const badUtf16 = decodeText(Buffer.from([0xff, 0xfe, 0x00, 0xd8]), "ref.csv"); // a lone surrogate
  expect(badUtf16.ok || badUtf16.error.code).toBe("file.encoding.badUtf16");
});

test("every Windows-1252 byte decodes as iconv decodes it", () => {
  const bytes = Buffer.from(
    Array.from({ length: 0x80 }, (_, i) => 0x80 + i).filter((b) => ![0x81, 0x8d, 0x8f, 0x90, 0x9d].includes(b)),
  );
  const r = spawnSync("iconv", ["-f", "WINDOWS-1252", "-t", "UTF-8"], { input: bytes, timeout: 30_000 });
  const decoded = decodeText(bytes, "x.csv");
  expect(decoded.ok && decoded.text).toBe(r.stdout.toString("utf8"));
});

/**
 * The product's reader (valueReader.ts, straight from the XML) and exceljs's full read give the same snapshot:
 * on every built-in filled at random, in French and in English, on the same workbooks saved again by LibreOffice
 * (shared strings, its own styles, booleans and entities), and on hand-written parts for what neither
 * producer writes (prefixed elements, cells without an address, dates, errors, phonetic runs, merged cells that
 * hold a value, CDATA sections, the 1904 calendar).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import type { Snapshot } from "../../../src/engine/snapshot";
import { BUILTIN_IDS, loadBuiltin } from "../../../src/model/builtins";
import { readComments } from "../../../src/hosts/xlsx/comments";
import { checkXlsx } from "../../../src/hosts/xlsx/guard";
import { inflateRawNode } from "../../../src/hosts/xlsx/inflateNode";
import { readXlsx } from "../../support/readWorkbook";
import { renderPlanToXlsx } from "../../../src/hosts/xlsx/renderPlan";
import { snapshotXlsx } from "../../../src/hosts/xlsx/snapshot";
import { fillRandom } from "../../support/fillRandom";
import { convertAllWithLibreOffice, disposeLibreOfficeProfile } from "../../support/libreoffice";
import { planOf } from "../../support/plans";
import { snapshotOf } from "../../support/snapshotOf";

const dir = mkdtempSync(join(tmpdir(), "bilan-valuereader-"));
afterAll(() => {
  disposeLibreOfficeProfile();
  rmSync(dir, { recursive: true, force: true });
});

async function lean(data: Uint8Array, native = true): Promise<Snapshot> {
  const snap = await snapshotXlsx(data, "retour.xlsx", native ? inflateRawNode : undefined);
  if (!snap.ok) throw new Error(JSON.stringify(snap.refusal));
  return snap.snapshot;
}

async function viaExceljs(data: Uint8Array): Promise<Snapshot> {
  const checked = await checkXlsx(data, { keepParts: true });
  if ("key" in checked) throw new Error(checked.key);
  return snapshotOf(await readXlsx(data), "retour.xlsx", readComments(checked.parts));
}

/** Maps as sorted entries, so that a difference shows as the cell it is at. */
const plain = (s: Snapshot) =>
  s.sheets.map((sheet) => ({
    ...sheet,
    cells: [...sheet.cells].sort(([a], [b]) => a.localeCompare(b)),
    comments: [...(sheet.comments ?? new Map())].sort(([a], [b]) => a.localeCompare(b)),
  }));

const filled = async (id: string, lang: "fr" | "en") => {
  const schema = loadBuiltin(id);
  const plan = planOf(schema, { campaignYear: schema.periode.debut + 2, lang });
  return renderPlanToXlsx(fillRandom(plan, schema, 7));
};

describe.each(BUILTIN_IDS)("%s filled at random", (id) => {
  test.each(["fr", "en"] as const)(
    "in %s: the same snapshot as exceljs's, with or without the native inflater",
    async (lang) => {
      const data = await filled(id, lang);
      const expected = plain(await viaExceljs(data));
      expect(expected.flatMap((s) => s.cells).length).toBeGreaterThan(500);
      expect(plain(await lean(data))).toEqual(expected);
      expect(plain(await lean(data, false))).toEqual(expected);
    },
  );
});

test("the same snapshot as exceljs's on workbooks saved again by LibreOffice", async () => {
  const inputs = await Promise.all(
    BUILTIN_IDS.map(async (id) => {
      const file = join(dir, `${id}.xlsx`);
      writeFileSync(file, await filled(id, "fr"));
      return file;
    }),
  );
  const saved = await convertAllWithLibreOffice(inputs, join(dir, "lo"), "xlsx", { timeoutMs: 240_000 });
  for (const file of saved) {
    const data = readFileSync(file);
    // What makes this case worth having: LibreOffice's shared strings, its `true`/`false`, its entities in text.
    const zip = await JSZip.loadAsync(data);
    expect(zip.file("xl/sharedStrings.xml")).not.toBeNull();
    expect(plain(await lean(data))).toEqual(plain(await viaExceljs(data)));
  }
}, 300_000);

/** A one-sheet workbook from hand-written parts. */
async function handWritten(sheet: string, extra: Record<string, string> = {}, workbookPr = ""): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file(
    "[Content_Types].xml",
    `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>`,
  );
  zip.file(
    "xl/workbook.xml",
    `<?xml version="1.0"?><x:workbook xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">${workbookPr}<x:sheets><x:sheet name="Données &amp; « tests »" sheetId="1" r:id="rId1"/><x:sheet name="Masquée" sheetId="2" state="hidden" r:id="rId2"/></x:sheets></x:workbook>`,
  );
  zip.file(
    "xl/_rels/workbook.xml.rels",
    `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet2.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`,
  );
  zip.file(
    "xl/styles.xml",
    `<?xml version="1.0"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="2"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/><numFmt numFmtId="165" formatCode="0,0&quot; jours&quot;"/></numFmts><cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs><cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="14"/></cellXfs></styleSheet>`,
  );
  zip.file(
    "xl/sharedStrings.xml",
    `<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t xml:space="preserve"> Réalisé </t></si><si><r><t>Acc</t></r><r><rPr><b/></rPr><t>ompagnement</t></r><rPh sb="0" eb="1"><t>ア</t></rPh></si></sst>`,
  );
  zip.file(
    "xl/worksheets/sheet2.xml",
    `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/><sheetProtection sheet="true"/></worksheet>`,
  );
  zip.file("xl/worksheets/sheet1.xml", sheet);
  for (const [name, text] of Object.entries(extra)) zip.file(name, text);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

const SHEET = (data: string, after = "") =>
  `<?xml version="1.0"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>${data}</x:sheetData>${after}</x:worksheet>`;

test("what neither producer writes: prefixes, cells without an address, every cell type, merged cells, protection", async () => {
  const data = await handWritten(
    SHEET(
      `<x:row r="2"><x:c r="A2" t="s"><x:v>0</x:v></x:c><x:c t="s"><x:v>1</x:v></x:c><x:c s="1"><x:v>45658</x:v></x:c><x:c s="2"><x:v>12.5</x:v></x:c><x:c s="3"><x:v>45658.75</x:v></x:c></x:row>` +
        `<x:row><x:c r="A3" t="b"><x:v>1</x:v></x:c><x:c r="B3" t="e"><x:v>#DIV/0!</x:v></x:c><x:c r="C3" t="inlineStr"><x:is><x:r><x:t>Oui</x:t></x:r><x:r><x:t xml:space="preserve"> &amp; non</x:t></x:r></x:is></x:c><x:c r="D3" t="str"><x:f>"a"&amp;"b"</x:f><x:v>ab</x:v></x:c><x:c r="E3"><x:f>1/0</x:f><x:v></x:v></x:c></x:row>` +
        `<x:row r="5"><x:c r="B5"><x:f t="shared" ref="B5:B7" si="0">A5*2</x:f><x:v>2</x:v></x:c></x:row><x:row r="6"><x:c r="B6"><x:f t="shared" si="0"/><x:v>4</x:v></x:c></x:row><x:row r="7"><x:c r="b7"><x:f t="shared" si="0"/></x:c></x:row>` +
        `<x:row r="9"><x:c r="A9" t="s"><x:v>0</x:v></x:c><x:c r="B9"><x:v>99</x:v></x:c></x:row>` +
        `<x:row r="10"><x:c r="A10"><x:v><![CDATA[7]]></x:v></x:c><x:c r="B10" t="inlineStr"><x:is><x:t><![CDATA[a < b]]></x:t></x:is></x:c></x:row>`,
      `<x:sheetProtection sheet="1"/><x:mergeCells count="1"><x:mergeCell ref="A9:C9"/></x:mergeCells>`,
    ),
  );
  const snap = await lean(data);
  expect(snap.sheets.map((s) => [s.name, s.visible, s.protected])).toEqual([
    ["Données & « tests »", true, true],
    ["Masquée", false, true],
  ]);
  expect(Object.fromEntries(snap.sheets[0]!.cells)).toEqual({
    A2: { value: " Réalisé " },
    B2: { value: "Accompagnement" },
    C2: { value: "2025-01-01" },
    D2: { value: 12.5 },
    E2: { value: "2025-01-01" },
    A3: { value: true },
    B3: { value: "#DIV/0!" },
    C3: { value: "Oui & non" },
    D3: { value: "ab", formula: '="a"&"b"' },
    E3: { formula: "=1/0" },
    B5: { value: 2, formula: "=A5*2" },
    B6: { value: 4, formula: "=A6*2" },
    B7: { formula: "=A7*2" },
    A9: { value: " Réalisé " },
    A10: { value: 7 },
    B10: { value: "a < b" },
  });
});

test("the 1904 calendar moves dates by 1,462 days", async () => {
  const sheet = SHEET(`<x:row r="1"><x:c r="A1" s="1"><x:v>44196</x:v></x:c></x:row>`);
  const [in1900, in1904] = await Promise.all([
    handWritten(sheet).then(lean),
    handWritten(sheet, {}, `<x:workbookPr date1904="1"/>`).then(lean),
  ]);
  expect(in1900.sheets[0]!.cells.get("A1")).toEqual({ value: "2020-12-31" });
  expect(in1904.sheets[0]!.cells.get("A1")).toEqual({ value: "2025-01-01" });
});

test("a sheet that is not well-formed XML is refused, naming its part", async () => {
  const snap = await snapshotXlsx(
    await handWritten(SHEET(`<x:row r="1"><x:c r="A1"><x:v>1</x:c></x:row>`)),
    "retour.xlsx",
    inflateRawNode,
  );
  expect(snap.ok).toBe(false);
  if (snap.ok) return;
  expect(snap.refusal.key).toBe("validate.file.unparsable");
  expect(String(snap.refusal.params?.detail)).toMatch(/^xl\/worksheets\/sheet1\.xml : /);
});

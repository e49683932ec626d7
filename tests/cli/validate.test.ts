/**
 * `bilan validate` as a process over a folder of partner files: good, faulty
 * and unreadable ones. Exit codes, one clear message per unreadable file,
 * reports in JSON and CSV, and input files untouched.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { loadBuiltin } from "../../src/model/builtins";
import { renderPlanToXlsx } from "../../src/hosts/xlsx/renderPlan";
import { installExceljsQuirks } from "../support/exceljsQuirks";
import { fillValid } from "../support/fill";
import { planOf } from "../support/plans";
import { cfbWithStreams } from "../support/cfb";

// Each test spawns `node bin/bilan.js`, several seconds apiece on a loaded 2-core machine.
jest.setTimeout(120_000);

const BIN = join(__dirname, "../../bin/bilan.js");
const dir = mkdtempSync(join(tmpdir(), "bilan-validate-"));
const inputs = join(dir, "retours");
let faultyCell: { sheet: string; address: string };

function bilan(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8", cwd: dir });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const hashes = () =>
  Object.fromEntries(
    readdirSync(inputs).map((f) => [
      f,
      createHash("sha256")
        .update(readFileSync(join(inputs, f)))
        .digest("hex"),
    ]),
  );

beforeAll(async () => {
  execFileSync("mkdir", ["-p", inputs]);
  const schema = loadBuiltin("fiche_action_5_2022_2026");
  const plan = fillValid(planOf(schema), schema);
  const good = await renderPlanToXlsx(plan);
  writeFileSync(join(inputs, "caf.xlsx"), good);

  // A partner types 12,5 into a count, in Excel (here: exceljs, which rewrites the file as Excel would).
  const ind = schema.axes[0]!.fiches[0]!.indicateurs.find((i) => i.type === "count")!;
  const b = plan.meta.bindings.find((x) => x.key === `${ind.id}@valeur:${plan.meta.campaignYear}`)!;
  faultyCell = { sheet: b.sheet, address: b.address };
  installExceljsQuirks();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(good as unknown as ArrayBuffer);
  wb.getWorksheet(b.sheet)!.getCell(b.address).value = 12.5;
  writeFileSync(join(inputs, "pjj.xlsx"), Buffer.from(await wb.xlsx.writeBuffer()));

  writeFileSync(join(inputs, "vide.xlsx"), Buffer.alloc(0));
  writeFileSync(join(inputs, "aleatoire.xlsx"), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 251)));
  const docx = new JSZip();
  docx.file("[Content_Types].xml", "<Types/>");
  docx.file("word/document.xml", "<w:document/>");
  writeFileSync(join(inputs, "compte-rendu.xlsx"), await docx.generateAsync({ type: "nodebuffer" }));
  writeFileSync(join(inputs, "tronque.xlsx"), good.subarray(0, Math.floor(good.length / 2)));
  const other = new ExcelJS.Workbook();
  other.addWorksheet("Budget").getCell("A1").value = 42;
  writeFileSync(join(inputs, "autre-classeur.xlsx"), Buffer.from(await other.xlsx.writeBuffer()));
  writeFileSync(join(inputs, "chiffre.xlsx"), cfbWithStreams(["EncryptionInfo", "EncryptedPackage"]));
  writeFileSync(join(inputs, "ancien-renomme.xlsx"), cfbWithStreams(["Workbook"]));
  const bomb = new JSZip();
  bomb.file("[Content_Types].xml", "<Types/>");
  bomb.file("xl/workbook.xml", "<workbook/>");
  bomb.file("xl/worksheets/sheet1.xml", Buffer.alloc(60_000_000));
  writeFileSync(join(inputs, "bombe.xlsx"), await bomb.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Row {
  file: string;
  severity: string;
  rule: string;
  sheet?: string;
  cell?: string;
  message: string;
}

test("a folder of returns: each unreadable file gets one clear finding, the others are checked; exit 2", () => {
  const before = hashes();
  const r = bilan(["validate", "retours", "--format", "json", "-o", "rapport.json"]);
  expect(r.code).toBe(2);
  expect(r.stderr).not.toMatch(/\bat .+:\d+:\d+/); // no stack trace
  const rows = JSON.parse(readFileSync(join(dir, "rapport.json"), "utf8")) as Row[];
  const of = (file: string) => rows.filter((x) => x.file.endsWith(file));
  const reason = (file: string) => {
    const list = of(file);
    expect(list.map((x) => [x.severity, x.rule, x.cell])).toEqual([["erreur", "fichier.illisible", undefined]]);
    return list[0]!.message;
  };
  expect(reason("vide.xlsx")).toMatch(/vide/);
  expect(reason("aleatoire.xlsx")).toMatch(/pas un classeur \.xlsx/);
  expect(reason("compte-rendu.xlsx")).toMatch(/document Word/);
  expect(reason("tronque.xlsx")).toMatch(/tronqué ou endommagé/);
  expect(reason("autre-classeur.xlsx")).toMatch(/pas été généré par Bilan Schéma/);
  expect(reason("chiffre.xlsx")).toMatch(/chiffré par un mot de passe/);
  expect(reason("chiffre.xlsx")).not.toMatch(/\.xls\b/);
  expect(reason("ancien-renomme.xlsx")).toMatch(/Excel 97-2003 \(\.xls\)/);
  expect(reason("bombe.xlsx")).toMatch(/décompressé .* refusé/);
  expect(of("caf.xlsx")).toEqual([]);
  expect(of("pjj.xlsx").map((x) => [x.severity, x.rule, x.sheet, x.cell])).toEqual([
    ["erreur", "type.decimales", faultyCell.sheet, faultyCell.address],
  ]);
  // One summary line per file.
  expect(r.stderr.split("\n").filter((l) => /retours\//.test(l))).toHaveLength(10);
  expect(hashes()).toEqual(before);
});

test("exit 1 with an error-level finding, 0 without; CSV has the JSON's columns", () => {
  expect(bilan(["validate", "retours/caf.xlsx"]).code).toBe(0);
  const r = bilan(["validate", "retours/caf.xlsx", "retours/pjj.xlsx", "--format", "csv", "--delimiter", ";"]);
  expect(r.code).toBe(1);
  const [header, ...lines] = r.stdout.trim().split("\r\n");
  expect(header).toBe("file;severity;rule;sheet;cell;axe;fiche;node;value;expected;message");
  expect(lines).toHaveLength(1);
  expect(lines[0]).toContain(`;erreur;type.decimales;${faultyCell.sheet};${faultyCell.address};`);
  expect(r.stderr).toMatch(/pjj\.xlsx : 1 erreur\(s\)/);
});

test("a quoted glob and an expected model; messages in English on request", () => {
  const r = bilan(["validate", "retours/p*.xlsx", "--schema", "essonne_2022_2026", "--format", "json", "--lang", "en"]);
  expect(r.code).toBe(1);
  const rows = JSON.parse(r.stdout) as Row[];
  expect(rows.map((x) => x.rule)).toEqual(["structure.modele-different"]);
  expect(rows[0]!.message).toMatch(/Workbook of another model/);
});

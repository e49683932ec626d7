/**
 * Every CSV the project writes (référentiel, findings report, tidy export) is RFC 4180: read back by independent
 * readers — Python's csv module and LibreOffice Calc — it has the same rows and fields, a line break inside a
 * value stays inside its field, and no value is run as a formula.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { loadBuiltin } from "../../src/model/builtins";
import { renderPlanToXlsx } from "../../src/hosts/xlsx/renderPlan";
import { installExceljsQuirks } from "../support/exceljsQuirks";
import { writeCsv } from "../../src/model/referentiel/csv";
import { toTable } from "../../src/model/referentiel/toTable";
import { TIDY_COLUMNS, type TidyRow } from "../../src/engine/tidy";
import { REPORT_COLUMNS } from "../../src/engine/validate/report";
import { fillValid } from "../support/fill";
import { planOf, setInput } from "../support/plans";
import { convertWithLibreOffice, disposeLibreOfficeProfile } from "../support/libreoffice";

const root = join(__dirname, "..", "..");
const BIN = join(root, "bin", "bilan.js");
const dir = mkdtempSync(join(tmpdir(), "bilan-csv-"));
const bilan = (...args: string[]) =>
  spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8", cwd: dir, timeout: 120_000 });

/** Python's csv module, which ships with the test tools: the rows of `file` as it reads them. */
function pythonRows(file: string, delimiter = ","): string[][] {
  const code = [
    "import csv, json, sys",
    "with open(sys.argv[1], newline='', encoding='utf-8-sig') as f:",
    "    print(json.dumps(list(csv.reader(f, delimiter=sys.argv[2], strict=True))))",
  ].join("\n");
  const r = spawnSync("python3", ["-c", code, file, delimiter], { encoding: "utf8", timeout: 60_000 });
  if (r.status !== 0) throw new Error(`python3 csv: ${r.stderr}`);
  return JSON.parse(r.stdout) as string[][];
}

const essonne = loadBuiltin("essonne_2022_2026");
const indicateurs = essonne.axes.flatMap((a) => a.fiches).flatMap((f) => f.indicateurs);
const count = indicateurs.find((i) => i.type === "count")!;
const other = indicateurs.filter((i) => i.type === "count")[1]!;
const INJECTION = "\n=1+1";

beforeAll(async () => {
  if (!existsSync(join(root, "dist", "cli", "index.js")))
    throw new Error("dist/ is missing: run `npm run build:cli` (npm test does it)");
  const plan = fillValid(planOf(essonne), essonne);
  setInput(plan, `${count.id}@commentaire:2024`, INJECTION);
  setInput(plan, `${other.id}@commentaire:2024`, "  =2+3\nsuite");
  // Text in a count: a finding whose value holds a line break, for the report.
  setInput(plan, `${other.id}@valeur:2024`, "douze\n=1+1");
  writeFileSync(join(dir, "essonne.xlsx"), await renderPlanToXlsx(plan));
}, 120_000);

afterAll(() => {
  disposeLibreOfficeProfile();
  rmSync(dir, { recursive: true, force: true });
});

test("export-schema --format csv: every record has the header's fields for Python, and the table's values", () => {
  const schema = loadBuiltin("orne_2017_2021");
  const table = toTable(schema);
  const text = (c: unknown) =>
    c === null || c === undefined ? "" : c === true ? "Oui" : c === false ? "Non" : String(c);
  for (const delimiter of [",", ";"]) {
    const r = bilan(
      "export-schema",
      "orne_2017_2021",
      "--format",
      "csv",
      "--delimiter",
      delimiter,
      "-o",
      "orne.csv",
      "--force",
    );
    expect(r.status).toBe(0);
    const rows = pythonRows(join(dir, "orne.csv"), delimiter);
    expect(rows.map((row) => row.length)).toEqual(table.map(() => table[0]!.length));
    if (delimiter === ",") expect(rows).toEqual(table.map((row) => row.map(text)));
  }
  // Some fields hold line breaks: that is what the quoting is about.
  expect(table.flat().some((c) => typeof c === "string" && c.includes("\n"))).toBe(true);
}, 120_000);

test("a référentiel CSV whose line endings were normalised still reads back to a valid model", () => {
  expect(bilan("export-schema", "orne_2017_2021", "--format", "csv", "-o", "orne-crlf.csv", "--force").status).toBe(0);
  writeFileSync(join(dir, "orne-lf.csv"), readFileSync(join(dir, "orne-crlf.csv"), "utf8").replace(/\r\n/g, "\n"));
  const r = bilan("check-schema", "orne-lf.csv");
  expect(r.stdout).toMatch(/orne-lf\.csv : modèle valide — 4 axes, 12 fiches, 52 sous-actions, 89 indicateurs/);
  expect(r.status).toBe(0);
}, 60_000);

test("export --format csv: Python reads one record per JSON row, the line break kept inside its field, escaped", () => {
  const json = bilan("export", "essonne.xlsx", "--format", "json");
  expect(json.status).toBe(0);
  const expected = JSON.parse(json.stdout) as TidyRow[];
  expect(bilan("export", "essonne.xlsx", "-o", "export.csv", "--force").status).toBe(0);
  const rows = pythonRows(join(dir, "export.csv"));
  expect(rows[0]).toEqual([...TIDY_COLUMNS]);
  expect(rows.length).toBe(expected.length + 1);
  expect(rows.every((row) => row.length === TIDY_COLUMNS.length)).toBe(true);
  const col = (name: (typeof TIDY_COLUMNS)[number]) => TIDY_COLUMNS.indexOf(name);
  const comment = (id: string) =>
    rows.find((row) => row[col("element")] === id && row[col("periode")] === "2024")![col("commentaire")];
  expect(comment(count.id)).toBe(`'${INJECTION}`);
  expect(comment(other.id)).toBe("'  =2+3\nsuite");
}, 120_000);

test("validate --format csv: the report's records are the JSON report's findings", () => {
  const json = bilan("validate", "essonne.xlsx", "--format", "json");
  const findings = JSON.parse(json.stdout) as { value?: unknown }[];
  expect(findings.some((f) => String(f.value).includes("\n"))).toBe(true);
  bilan("validate", "essonne.xlsx", "--format", "csv", "--delimiter", ";", "-o", "rapport.csv", "--force");
  const rows = pythonRows(join(dir, "rapport.csv"), ";");
  expect(rows[0]).toEqual([...REPORT_COLUMNS]);
  expect(rows.length).toBe(findings.length + 1);
  expect(rows.every((row) => row.length === REPORT_COLUMNS.length)).toBe(true);
  expect(rows.some((row) => row[REPORT_COLUMNS.indexOf("value")] === "douze\n=1+1")).toBe(true);
}, 120_000);

test("LibreOffice opens the export with the same rows and computes no formula from a value", async () => {
  expect(bilan("export", "essonne.xlsx", "--bom", "-o", "injection.csv", "--force").status).toBe(0);
  const records = pythonRows(join(dir, "injection.csv"));
  const xlsx = await convertWithLibreOffice(join(dir, "injection.csv"), join(dir, "lo"), "xlsx", {
    timeoutMs: 120_000,
  });
  installExceljsQuirks();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(xlsx);
  const ws = wb.worksheets[0]!;
  const formulas: string[] = [];
  const texts: string[] = [];
  ws.eachRow((row) =>
    row.eachCell((cell) => {
      if (cell.formula || cell.type === ExcelJS.ValueType.Formula) formulas.push(cell.address);
      if (typeof cell.value === "string") texts.push(cell.value);
    }),
  );
  expect(formulas).toEqual([]);
  expect(ws.actualRowCount).toBe(records.length);
  expect(texts).toContain(`'${INJECTION}`);
}, 180_000);

test("formula triggers are escaped after blanks and control characters; line breaks are quoted", () => {
  const values = ["=1+1", " =1", "\u00a0+1", "\u0001@x", "\u0007-1", "\t1", "\r\n=1", "a=1", "Prévention"];
  const csv = writeCsv([values], { escapeFormulas: true });
  const escaped = values.map((v) => (/^(a=1|Prévention)$/.test(v) ? v : `'${v}`));
  const file = join(dir, "cells.csv");
  writeFileSync(file, csv);
  expect(pythonRows(file)).toEqual([escaped]);
  expect(writeCsv([["\u0000=1"]], { escapeFormulas: true })).toBe("'\u0000=1\r\n");
  expect(writeCsv([["un\ndeux", "trois\rquatre", 2]])).toBe('"un\ndeux","trois\rquatre",2\r\n');
});

/**
 * `bilan validate --lang en` on the built-in workbooks filled with mistakes (and blank): the words the
 * tool writes itself are English. Before this test, English reports still said « avertissement »,
 * « erreur », « expecting un nombre entier », « une saisie »… The workbook's own texts (labels of the
 * schéma, the list of statuses, values typed in) stay as they are: they are removed before looking.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { BUILTIN_IDS, loadBuiltin } from "../../src/model/builtins";
import { renderPlanToXlsx } from "../../src/hosts/xlsx/renderPlan";
import { ouiNon, statuts } from "../../src/model/vocabulaire";
import { REPORT_COLUMNS } from "../../src/engine/validate/report";
import { fillBad } from "../support/fillBad";
import { planOf } from "../support/plans";

const STATUTS = statuts("fr");
const OUI_NON = ouiNon("fr");

jest.setTimeout(300_000);

const BIN = join(__dirname, "../../bin/bilan.js");
const dir = mkdtempSync(join(tmpdir(), "bilan-english-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** French words found in `validate --lang en` output before it was fixed, and their neighbours. */
const FRENCH = [
  "erreur",
  "erreurs",
  "avertissement",
  "avertissements",
  "attendu",
  "attendue",
  "un nombre",
  "un nombre entier",
  "un montant",
  "un pourcentage",
  "un texte",
  "une date",
  "une saisie",
  "une période prévue",
  "le motif",
  "une cellule vide",
  "pas du texte",
  "caractères",
  "entre",
  "saisi",
  "saisies",
  "ou",
  "à",
  "et",
  "de",
  "du",
  "la",
  "le",
  "les",
  "des",
  "une",
  "cellule",
  "classeur",
  "feuille",
  "valeur",
  "remplies",
];
const frenchIn = (text: string) =>
  FRENCH.filter((w) => new RegExp(`(?<![\\p{L}'’-])${w}(?![\\p{L}'’-])`, "iu").test(text));

/** Every text of the schémas (labels, ids, numbers), the statuses and Oui/Non: the workbook's own words. */
const workbookTexts = (() => {
  const out = new Set<string>([...STATUTS, ...OUI_NON]);
  const walk = (v: unknown) => {
    if (typeof v === "string") out.add(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === "object") Object.values(v).forEach(walk);
  };
  for (const id of BUILTIN_IDS) walk(loadBuiltin(id));
  return [...out].filter((s) => s.length > 1).sort((a, b) => b.length - a.length);
})();

/** A text without the workbook's own words and without what is quoted (values and labels as typed). */
function ownWords(text: string): string {
  let s = text.replace(/"[^"]*"|“[^”]*”/g, " ");
  for (const w of workbookTexts) s = s.split(w).join(" ");
  return s;
}

function bilan(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8", cwd: dir, maxBuffer: 256 * 1024 * 1024 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const files: string[] = [];
beforeAll(async () => {
  for (const id of BUILTIN_IDS) {
    const schema = loadBuiltin(id);
    writeFileSync(join(dir, `${id}.xlsx`), await renderPlanToXlsx(fillBad(planOf(schema))));
    writeFileSync(join(dir, `${id}-vide.xlsx`), await renderPlanToXlsx(planOf(schema)));
    files.push(`${id}.xlsx`, `${id}-vide.xlsx`);
  }
});

type Row = Partial<Record<(typeof REPORT_COLUMNS)[number], string | number | boolean>>;

test("the JSON report in English: severities, expected values and messages are English", () => {
  const r = bilan(["validate", ...files, "--format", "json", "--lang", "en"]);
  expect(r.code).toBe(1);
  const rows = JSON.parse(r.stdout) as Row[];
  // The mistakes reach most rules, so that the words of each are looked at.
  const rules = new Set(rows.map((x) => x.rule));
  expect(rules.size).toBeGreaterThanOrEqual(15);
  const found = new Map<string, string>();
  for (const row of rows)
    for (const col of ["severity", "expected", "message"] as const) {
      const text = ownWords(String(row[col] ?? ""));
      for (const w of frenchIn(text)) found.set(`${row.rule} ${col}: ${w}`, String(row[col]));
    }
  expect(Object.fromEntries(found)).toEqual({});
  // Numbers the English way: no decimal comma (« 0,5 », « 63,67 à 573 ») in what the tool words itself.
  const commas = rows
    .map((row) => ownWords(`${row.expected ?? ""} ${row.message}`))
    .filter((x) => /\d,\d{1,2}(?!\d)/.test(x));
  expect(commas).toEqual([]);
  expect(rows.some((row) => /^\d+\.\d+ is not a whole number/.test(String(row.message)))).toBe(true);
  expect(new Set(rows.map((x) => x.severity))).toEqual(new Set(["error", "warning"]));
  // The summaries on stderr too.
  expect(frenchIn(ownWords(r.stderr.split(dir).join(" ")))).toEqual([]);
});

test("the table and the CSV in English carry no French severity", () => {
  const table = bilan(["validate", files[0]!, "--lang", "en"]);
  expect(table.stdout).toMatch(/ error /);
  expect(frenchIn(table.stdout)).not.toContain("erreur");
  expect(frenchIn(table.stdout)).not.toContain("avertissement");
  const csv = bilan(["validate", files[0]!, "--format", "csv", "--lang", "en"]);
  const severities = new Set(
    csv.stdout
      .trim()
      .split("\n")
      .slice(1)
      .map((l) => l.split(",")[1]),
  );
  expect([...severities].sort()).toEqual(["error", "warning"]);
});

test("in French the same report keeps its French words", () => {
  const r = bilan(["validate", files[0]!, "--format", "json"]);
  const rows = JSON.parse(r.stdout) as Row[];
  expect(new Set(rows.map((x) => x.severity))).toEqual(new Set(["erreur", "avertissement"]));
  expect(rows.find((x) => x.rule === "type.decimales")?.expected).toBe("un nombre entier");
});

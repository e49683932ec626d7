/** `bilan export`: the long format, for Excel (BOM, `;`) and for scripts (JSON), safe against formula injection. */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadBuiltin } from "../../src/model/builtins";
import { renderPlanToXlsx } from "../../src/hosts/xlsx/renderPlan";
import { readCsv } from "../../src/model/referentiel/csv";
import { TIDY_COLUMNS, type TidyRow } from "../../src/engine/tidy";
import { fillValid } from "../support/fill";
import { planOf, setInput } from "../support/plans";

// Each test spawns `node bin/bilan.js`, several seconds apiece on a loaded 2-core machine.
jest.setTimeout(120_000);

const BIN = join(__dirname, "../../bin/bilan.js");
const dir = mkdtempSync(join(tmpdir(), "bilan-export-"));
const schema = loadBuiltin("essonne_2022_2026");
const bilan = (args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8", cwd: dir });
const ratio = schema.axes
  .flatMap((a) => a.fiches)
  .flatMap((f) => f.indicateurs)
  .find((i) => i.type === "ratio")!;
const count = schema.axes
  .flatMap((a) => a.fiches)
  .flatMap((f) => f.indicateurs)
  .find((i) => i.type === "count")!;

beforeAll(async () => {
  const plan = fillValid(planOf(schema, { cut: { kind: "partenaire", id: schema.partenaires[0]!.id } }), schema);
  const whole = fillValid(planOf(schema), schema);
  setInput(whole, `${ratio.id}@numerateur:2024`, 30);
  setInput(whole, `${ratio.id}@denominateur:2024`, 80);
  setInput(whole, `${count.id}@commentaire:2024`, "=1+1 à vérifier");
  setInput(whole, `${count.id}@cible:2025`, 75);
  writeFileSync(join(dir, "essonne.xlsx"), await renderPlanToXlsx(whole));
  writeFileSync(join(dir, "partenaire.xlsx"), await renderPlanToXlsx(plan));
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

test("JSON: one row per element and period, ratios with their derived rate, the cut's partenaire named", () => {
  const r = bilan(["export", "essonne.xlsx", "partenaire.xlsx", "--format", "json"]);
  expect(r.status).toBe(0);
  const rows = JSON.parse(r.stdout) as TidyRow[];
  const mine = rows.filter((x) => x.fichier === "essonne.xlsx");
  const rate = mine.find((x) => x.element === ratio.id && x.periode === "2024")!;
  expect(rate).toMatchObject({ numerateur: 30, denominateur: 80, valeur: 37.5, unite: "%", campagne: 2024 });
  const statuses = mine.filter((x) => x.type_element === "sous-action");
  expect(statuses.length).toBe(planOf(schema).meta.bindings.filter((b) => b.kind === "statut").length);
  expect(statuses.every((x) => typeof x.periode === "string")).toBe(true);
  const cut = rows.filter((x) => x.fichier === "partenaire.xlsx");
  expect(cut.length).toBeGreaterThan(0);
  expect(new Set(cut.map((x) => x.partenaire))).toEqual(new Set([schema.partenaires[0]!.nom]));
  for (const row of rows) for (const key of Object.keys(row)) expect(TIDY_COLUMNS).toContain(key);
});

test("CSV for a French Excel: BOM, `;`, decimal commas, formulas escaped", () => {
  const r = bilan(["export", "essonne.xlsx", "--delimiter", ";", "--bom", "-o", "export.csv"]);
  expect(r.status).toBe(0);
  const text = readFileSync(join(dir, "export.csv"), "utf8");
  expect(text.startsWith("\uFEFF")).toBe(true);
  const table = readCsv(text, "export.csv");
  expect(table.rows[0]).toEqual([...TIDY_COLUMNS]);
  const col = (name: string) => TIDY_COLUMNS.indexOf(name as (typeof TIDY_COLUMNS)[number]);
  const comment = table.rows.find((row) => row[col("element")] === count.id && row[col("periode")] === "2024")!;
  expect(comment[col("commentaire")]).toBe("'=1+1 à vérifier");
  const rate = table.rows.find((row) => row[col("element")] === ratio.id && row[col("periode")] === "2024")!;
  expect(rate[col("valeur")]).toBe("37,5");
  expect(table.rows.every((row) => !/^[=+@]/.test(row.join("")))).toBe(true);
});

test("a file that cannot be read is named and left out, the others exported", () => {
  writeFileSync(join(dir, "vide.xlsx"), "");
  const r = bilan(["export", "essonne.xlsx", "vide.xlsx", "--format", "json"]);
  expect(r.status).toBe(2);
  expect(r.stderr).toMatch(/vide\.xlsx : non exporté — Fichier illisible : le fichier est vide/);
  expect((JSON.parse(r.stdout) as TidyRow[]).length).toBeGreaterThan(0);
});

test("export-schema of a bilan workbook gives its model with the targets typed in it, as a référentiel table", () => {
  const r = bilan(["export-schema", "essonne.xlsx", "--format", "csv"]);
  expect(r.status).toBe(0);
  expect(r.stderr).toContain("1 cible(s) saisie(s)");
  const { rows } = readCsv(r.stdout.replace(/^\uFEFF/, ""), "ref.csv");
  const header = rows[0]!.map(String);
  const row = rows.find((x) => x.includes(count.libelle))!;
  expect(String(row[header.indexOf("Cible 2025")])).toBe("75");
});

/** `bilan generate` and `bilan demo` as processes. */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readXlsx } from "../support/readWorkbook";
import { typo } from "../../src/util/typography";

// Each test spawns `node bin/bilan.js`, several seconds apiece on a loaded 2-core machine.
jest.setTimeout(120_000);

const root = join(__dirname, "..", "..");
const dir = mkdtempSync(join(tmpdir(), "bilan-generate-"));

function bilan(...args: string[]) {
  const r = spawnSync(process.execPath, [join(root, "bin", "bilan.js"), ...args], {
    encoding: "utf8",
    cwd: root,
    env: { ...process.env, BILAN_LANG: "" },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

test("generate writes the workbook and says what it holds", async () => {
  const file = join(dir, "essonne.xlsx");
  const r = bilan("generate", "--schema", "essonne_2022_2026", "--year", "2024", "-o", file);
  expect(r.err).toContain(`écrit : ${file}`);
  expect(r.code).toBe(0);
  expect(r.out).toMatch(/essonne\.xlsx : bilan 2024, 4 feuille\(s\) d'axe, 34 fiches, \d+ cellules de saisie/);
  const wb = await readXlsx(readFileSync(file));
  expect(wb.sheets.map((s) => s.name)).toEqual([
    "Sommaire",
    expect.stringMatching(/^Axe 1 - /),
    expect.stringMatching(/^Axe 2 - /),
    expect.stringMatching(/^Axe 3 - /),
    expect.stringMatching(/^Axe 4 - /),
    "Bilans précédents",
    "Contrôles",
    "_bilan_meta",
  ]);
});

test("generate --lang en writes an English workbook, which validate reads in English", async () => {
  const file = join(dir, "essonne-en.xlsx");
  const r = bilan("generate", "--schema", "essonne_2022_2026", "--year", "2024", "-o", file, "--lang", "en");
  expect(r.code).toBe(0);
  const wb = await readXlsx(readFileSync(file));
  expect(wb.sheets.map((s) => s.name)).toEqual([
    "Summary",
    expect.stringMatching(/^Axis 1 - /),
    expect.stringMatching(/^Axis 2 - /),
    expect.stringMatching(/^Axis 3 - /),
    expect.stringMatching(/^Axis 4 - /),
    "Earlier bilans",
    "Checks",
    "_bilan_meta",
  ]);
  const summary = wb.sheets.find((s) => s.name === "Summary")!;
  expect(Object.values(summary.cells).map((c) => c.value)).toEqual(
    expect.arrayContaining(["Bilan of the 2024 campaign", "How to fill it in", "Whole schéma"]),
  );
  // A new workbook only lacks its answers: warnings of completeness, no erreur.
  const v = bilan("validate", file, "--format", "json", "--lang", "en");
  expect(v.code).toBe(0);
  const rows = JSON.parse(v.out) as { severity: string; rule: string }[];
  expect(rows.filter((x) => x.severity === "error")).toEqual([]);
  expect(rows.length).toBeGreaterThan(0);
});

test("generate never overwrites a file without --force", () => {
  const file = join(dir, "precious.xlsx");
  writeFileSync(file, "do not touch");
  const hash = () => createHash("sha256").update(readFileSync(file)).digest("hex");
  const before = hash();
  const r = bilan("generate", "--schema", "orne_2017_2021", "--year", "2019", "-o", file);
  expect(r.code).toBe(2);
  expect(r.err).toContain("existe déjà : ajouter --force pour le remplacer");
  expect(hash()).toBe(before);
});

test("a partner cut keeps its fiches and says so", async () => {
  const file = join(dir, "caf.xlsx");
  const r = bilan("generate", "--schema", "orne_2017_2021", "--year", "2019", "--partner", "CAF", "-o", file);
  expect(r.code).toBe(0);
  const wb = await readXlsx(readFileSync(file));
  const sommaire = wb.sheets.find((s) => s.name === "Sommaire")!;
  expect(
    Object.values(sommaire.cells).some((c) => String(c.value).includes(typo("Classeur pour le partenaire « CAF »"))),
  ).toBe(true);
});

test("bad options are sentences with exit 2", () => {
  const year = bilan("generate", "--schema", "orne_2017_2021", "--year", "2030", "-o", join(dir, "x.xlsx"));
  expect(year.code).toBe(2);
  expect(year.err).toContain("année de campagne 2030 hors de la période du schéma (2017–2021)");
  const partner = bilan("generate", "--schema", "orne_2017_2021", "--partner", "XYZ", "-o", join(dir, "y.xlsx"));
  expect(partner.code).toBe(2);
  expect(partner.err).toContain("partenaire « XYZ » inconnu");
  const both = bilan(
    "generate",
    "--schema",
    "orne_2017_2021",
    "--partner",
    "CAF",
    "--territory",
    "t",
    "-o",
    join(dir, "z.xlsx"),
  );
  expect(both.code).toBe(2);
  expect(both.err).toContain("choisir --partner ou --territory, pas les deux");
  expect(existsSync(join(dir, "x.xlsx")) || existsSync(join(dir, "y.xlsx")) || existsSync(join(dir, "z.xlsx"))).toBe(
    false,
  );
});

test("generate from a référentiel CSV", () => {
  const csv = join(dir, "ref.csv");
  writeFileSync(
    csv,
    "Axe;N° fiche;Fiche;Sous-action;Indicateur;Type;Cible 2024;Cible 2025\nPrévention;1;Périnatalité;Groupes de travail;Nombre de réunions;nombre;4;6\n",
  );
  const r = bilan("generate", "--schema", csv, "--year", "2025", "-o", join(dir, "ref.xlsx"));
  expect(r.code).toBe(0);
  expect(r.out).toContain("bilan 2025, 1 feuille(s) d'axe, 1 fiches");
});

test("demo writes the Essonne workbook into out/, then checks it", () => {
  const r = bilan("demo");
  expect(r.code).toBe(0);
  const m = /écrit : (out\/bilan-essonne_2022_2026-\d{4}\.xlsx)/.exec(r.err);
  expect(m).not.toBeNull();
  expect(existsSync(join(root, m![1]!))).toBe(true);
  // A new workbook has no error, only its answers to come.
  expect(r.out).toMatch(
    /: 0 erreur\(s\), \d+ avertissement\(s\), 0 info\(s\) — saisies attendues remplies : 0\/\d+ \(0 %\)/,
  );
});

/** The `bilan` command run as a process, the way users run it (needs `npm run build:cli`, done by `npm test`). */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { validModel } from "../model/fixtures";

// Each test spawns `node bin/bilan.js`, several seconds apiece on a loaded 2-core machine.
jest.setTimeout(120_000);

const root = join(__dirname, "..", "..");
const bin = join(root, "bin", "bilan.js");

function bilan(...args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], {
    encoding: "utf8",
    cwd: root,
    env: { ...process.env, BILAN_LANG: "" },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const dir = mkdtempSync(join(tmpdir(), "bilan-cli-"));

beforeAll(() => {
  if (!existsSync(join(root, "dist", "cli", "index.js")))
    throw new Error("dist/ is missing: run `npm run build:cli` (npm test does it)");
});

test("schemas lists the four built-ins with their counts", () => {
  const r = bilan("schemas");
  expect(r.code).toBe(0);
  expect(r.out.split("\n")[0]).toMatch(/^id\s+titre\s+période\s+axes\s+fiches\s+sous-actions\s+indicateurs$/);
  expect(r.out).toMatch(
    /^essonne_2022_2026\s+Schéma départemental de l'enfance et des familles 2022-2026\s+2022-2026\s+4\s+34\s+\d+\s+\d+$/m,
  );
});

test("schemas --json prints {id, title, period, axes, fiches, sousActions, indicateurs}", () => {
  const r = bilan("schemas", "--json");
  expect(r.code).toBe(0);
  const list = JSON.parse(r.out) as Record<string, unknown>[];
  expect(list.map((s) => s.id)).toEqual([
    "essonne_2022_2026",
    "orne_2017_2021",
    "puy_de_dome_2019_2023",
    "fiche_action_5_2022_2026",
  ]);
  expect(list[0]).toMatchObject({
    title: "Schéma départemental de l'enfance et des familles 2022-2026",
    period: "2022-2026",
    axes: 4,
    fiches: 34,
  });
  expect(list[1]).toMatchObject({ axes: 4, fiches: 12 });
  expect(list[2]).toMatchObject({ axes: 4, fiches: 14, indicateurs: 0 });
  expect(list[3]).toMatchObject({ axes: 1, fiches: 1, sousActions: 5 });
  for (const s of list) for (const k of ["sousActions", "indicateurs"]) expect(typeof s[k]).toBe("number");
});

test("check-schema on a valid file exits 0 and summarises it", () => {
  const file = join(dir, "ok.json");
  writeFileSync(file, JSON.stringify(validModel()));
  const r = bilan("check-schema", file);
  expect(r.code).toBe(0);
  expect(r.out).toContain("modèle valide — 2 axes, 2 fiches, 2 sous-actions, 5 indicateurs");
});

test("check-schema on a broken file exits 1 and names the path", () => {
  const m = validModel();
  m.axes[0].fiches[0].indicateurs[2].type = "pourcent";
  const file = join(dir, "broken.json");
  writeFileSync(file, JSON.stringify(m));
  const r = bilan("check-schema", file);
  expect(r.code).toBe(1);
  expect(r.out).toContain(
    `${file} : erreur : axes[0].fiches[0].indicateurs[2].type : valeur « pourcent » inconnue (attendu : count, rate,`,
  );
  expect(r.out).toContain("1 erreur(s)");
});

test("--lang en gives English messages", () => {
  const r = bilan("--lang", "en", "check-schema", join(dir, "broken.json"));
  expect(r.code).toBe(1);
  expect(r.out).toContain("error: axes[0].fiches[0].indicateurs[2].type: unknown value “pourcent”");
});

test("check-schema --json gives the errors with their paths", () => {
  const r = bilan("check-schema", join(dir, "broken.json"), "--json");
  const out = JSON.parse(r.out);
  expect(out.valid).toBe(false);
  expect(out.errors[0]).toMatchObject({ path: "axes[0].fiches[0].indicateurs[2].type", code: "model.enum" });
});

test("check-schema on a missing file exits 2 with a sentence", () => {
  const r = bilan("check-schema", join(dir, "nope.json"));
  expect(r.code).toBe(2);
  expect(r.out).toContain("nope.json : fichier introuvable");
  expect(r.err).not.toMatch(/at .*\.js:\d+/);
});

test("export-schema → csv → check-schema → export-schema json gives back the same model", () => {
  const csv = join(dir, "orne.csv");
  expect(bilan("export-schema", "orne_2017_2021", "--format", "csv", "--delimiter", ";", "--bom", "-o", csv).code).toBe(
    0,
  );
  expect(readFileSync(csv, "utf8").startsWith("\uFEFFID schéma;Schéma;")).toBe(true);
  expect(bilan("check-schema", csv).out).toContain("modèle valide — 4 axes, 12 fiches");
  const fromCsv = bilan("export-schema", csv, "--format", "json");
  const builtin = bilan("export-schema", "orne_2017_2021", "--format", "json");
  expect(fromCsv.code).toBe(0);
  expect(JSON.parse(fromCsv.out)).toEqual(JSON.parse(builtin.out));
});

test("export-schema xlsx is read back by check-schema", () => {
  const xlsx = join(dir, "essonne.xlsx");
  expect(bilan("export-schema", "essonne_2022_2026", "--format", "xlsx", "-o", xlsx).code).toBe(0);
  expect(bilan("check-schema", xlsx).out).toContain("modèle valide — 4 axes, 34 fiches");
});

test("export never overwrites a file unless --force, and leaves it untouched", () => {
  const file = join(dir, "keep.csv");
  writeFileSync(file, "précieux");
  const hash = () => createHash("sha256").update(readFileSync(file)).digest("hex");
  const before = hash();
  const r = bilan("export-schema", "orne_2017_2021", "--format", "csv", "-o", file);
  expect(r.code).toBe(2);
  expect(r.err).toContain("existe déjà : ajouter --force pour le remplacer");
  expect(hash()).toBe(before);
  expect(bilan("export-schema", "orne_2017_2021", "--format", "csv", "-o", file, "--force").code).toBe(0);
  expect(hash()).not.toBe(before);
});

test("an unknown schéma id is a sentence listing the built-ins", () => {
  const r = bilan("export-schema", "gironde");
  expect(r.code).toBe(2);
  expect(r.out).toContain("« gironde » n'est ni un schéma intégré (essonne_2022_2026,");
});

test("every command has --help, in French unless asked otherwise (tests/cli/usage.test.ts: each text)", () => {
  for (const cmd of ["schemas", "check-schema", "export-schema", "demo"]) {
    const r = bilan(cmd, "--help");
    expect(r.code).toBe(0);
    expect(r.out).toContain(`Utilisation : bilan ${cmd}`);
  }
  expect(bilan("--lang", "en", "demo", "--help").out).toContain("Usage: bilan demo");
});

test("misuse exits 2 from the process, its sentence on stderr only; --version exits 0", () => {
  const r = bilan("generate", "--schema", "orne_2017_2021", "-o", join(dir, "x.xlsx"), "--year", "20x4");
  expect(r).toEqual({
    code: 2,
    out: "",
    err: "erreur : --year <aaaa> : année « 20x4 » invalide (attendu : quatre chiffres)\nAide : bilan generate --help\n",
  });
  expect(existsSync(join(dir, "x.xlsx"))).toBe(false);
  const v = bilan("--version");
  expect(v.code).toBe(0);
  expect(v.out).toMatch(/^bilan \d+\.\d+\.\d+\n$/);
});

test("demo summarises the Essonne schéma and says that its warnings are a new workbook's empty inputs", () => {
  const r = bilan("demo");
  expect(r.code).toBe(0);
  expect(r.out).toContain("Axe 1 — Renforcer les actions de prévention : 15 fiches");
  const warnings = /: 0 erreur\(s\), (\d+) avertissement\(s\)/.exec(r.out)?.[1];
  expect(Number(warnings)).toBeGreaterThan(0);
  expect(r.out).toContain(
    `  Ces ${warnings} avertissements sont les saisies attendues d'un classeur neuf, encore vides : ils disparaissent à mesure qu'il est rempli.`,
  );
});

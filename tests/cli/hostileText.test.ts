/**
 * The command line on hostile or unusual input: a Windows-1252 référentiel or model, huge or deeply nested JSON,
 * a reversed period, a model without fiche, bad numeric options. Each gets one clear message and its exit code.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { validModel } from "../model/fixtures";

const root = join(__dirname, "..", "..");
const BIN = join(root, "bin", "bilan.js");
const dir = mkdtempSync(join(tmpdir(), "bilan-hostile-"));
const bilan = (...args: string[]) => {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    encoding: "utf8",
    cwd: dir,
    timeout: 120_000,
    env: { ...process.env, BILAN_LANG: "" },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

/** An encoder that is not ours: iconv. */
function toWindows1252(text: string): Buffer {
  const r = spawnSync("iconv", ["-f", "UTF-8", "-t", "WINDOWS-1252"], { input: Buffer.from(text), timeout: 30_000 });
  if (r.status !== 0) throw new Error(r.stderr.toString());
  return r.stdout;
}

beforeAll(() => {
  if (!existsSync(join(root, "dist", "cli", "index.js")))
    throw new Error("dist/ is missing: run `npm run build:cli` (npm test does it)");
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("encodings", () => {
  test("a référentiel saved by a French Excel (Windows-1252, `;`) reads right, and the info says how", () => {
    const csv = [
      "Axe;Fiche;Indicateur;Type;Cible 2022;Cible 2026",
      "Prévention précoce;Développer l’accueil « 1000 premiers jours »;Nombre d’enfants reçus;nombre;10;20",
      "",
    ].join("\r\n");
    writeFileSync(join(dir, "referentiel.csv"), toWindows1252(csv));
    const check = bilan("check-schema", "referentiel.csv");
    expect(check.code).toBe(0);
    expect(check.out).toMatch(/referentiel\.csv : modèle valide — 1 axes, 1 fiches/);
    expect(check.err).toMatch(/^info : referentiel\.csv : lu en Windows-1252 .* \(ligne 2\)/m);
    const json = bilan("export-schema", "referentiel.csv", "--format", "json");
    expect(json.code).toBe(0);
    const model = JSON.parse(json.out) as { axes: { titre: string; fiches: { titre: string }[] }[] };
    expect(model.axes[0]!.titre).toBe("Prévention précoce");
    expect(model.axes[0]!.fiches[0]!.titre).toBe("Développer l’accueil « 1000 premiers jours »");
    expect(json.out).not.toContain("\uFFFD");
  }, 60_000);

  test("a JSON model in Windows-1252 too; check-schema --json carries the info", () => {
    const m = validModel();
    m.titre = "Schéma de l’enfance — Prévention précoce";
    writeFileSync(join(dir, "modele.json"), toWindows1252(JSON.stringify(m)));
    const r = bilan("check-schema", "modele.json", "--json");
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out) as { valid: boolean; summary: { title: string }; infos: { code: string }[] };
    expect(out.summary.title).toBe("Schéma de l’enfance — Prévention précoce");
    expect(out.infos.map((i) => i.code)).toEqual(["file.encoding.windows1252"]);
  }, 60_000);

  test("a binary file given as a model is refused, exit 2, naming why", () => {
    writeFileSync(join(dir, "image.json"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
    const r = bilan("check-schema", "image.json");
    expect(r.code).toBe(2);
    expect(r.out).toMatch(/image\.json : ce n'est pas un fichier texte \(octet nul à la position 8/);
  }, 60_000);
});

describe("text from the model", () => {
  test("JSON nested 200,000 levels deep: the line and column, not a stack overflow", () => {
    writeFileSync(join(dir, "profond.json"), `{\n "axes": ${"[".repeat(200_000)}${"]".repeat(200_000)}}`);
    const r = bilan("check-schema", "profond.json");
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/profond\.json : erreur : JSON imbriqué sur plus de 64 niveaux ligne 2, colonne 73/);
    expect(r.out + r.err).not.toMatch(/inattendue|call stack/);
  }, 60_000);

  test("a 10 MB title: one error with its path, generate refuses it", () => {
    const m = validModel();
    m.titre = "t".repeat(10_000_000);
    writeFileSync(join(dir, "titre.json"), JSON.stringify(m));
    const r = bilan("generate", "--schema", "titre.json", "-o", "titre.xlsx");
    expect(r.code).toBe(1);
    expect(r.out.trim()).toBe("titre.json : erreur : titre : texte de 10000000 caractères : 4000 au plus");
    expect(existsSync(join(dir, "titre.xlsx"))).toBe(false);
  }, 60_000);

  test("a reversed period of a real schéma: the root cause once", () => {
    const orne = JSON.parse(readFileSync(join(root, "src/model/schemas/orne-2017-2021.json"), "utf8")) as Record<
      string,
      unknown
    >;
    orne.periode = { debut: 2021, fin: 2017 };
    writeFileSync(join(dir, "orne.json"), JSON.stringify(orne));
    const r = bilan("check-schema", "orne.json");
    expect(r.code).toBe(1);
    expect(r.out.trim().split("\n")).toEqual([
      "orne.json : erreur : periode : la période commence en 2021 et finit en 2017 : début après fin",
      "orne.json : 1 erreur(s)",
    ]);
  }, 60_000);

  test("a model without fiche is refused by check-schema and generate", () => {
    const m = validModel();
    for (const axe of m.axes) axe.fiches = [];
    writeFileSync(join(dir, "vide.json"), JSON.stringify(m));
    const check = bilan("check-schema", "vide.json");
    expect(check.code).toBe(1);
    expect(check.out).toMatch(/vide\.json : erreur : axes : aucune fiche action/);
    const gen = bilan("generate", "--schema", "vide.json", "-o", "vide.xlsx");
    expect(gen.code).toBe(1);
    expect(gen.out + gen.err).not.toMatch(/aucune fiche ne concerne/);
  }, 60_000);
});

describe("numeric options", () => {
  // A bad value of --factor or --year: each case in tests/cli/usage.test.ts, run in process.
  test("a decimal factor with a comma is understood", () => {
    const r = bilan("validate", "absent.xlsx", "--factor", "2,5");
    expect(r.err).not.toMatch(/facteur/);
    expect(r.code).toBe(2); // the file is missing, not the option wrong
    expect(r.err).toMatch(/absent\.xlsx : Fichier illisible : fichier introuvable/);
  }, 60_000);
});

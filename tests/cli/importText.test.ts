/**
 * `bilan import-text`: a draft model and its review report from a published text; corrections by key, or taken from
 * a corrected référentiel; a Word document read as its text; misuse refused before anything is written.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import type { SchemaInput } from "../../src/model/schema";

// Each test spawns `node bin/bilan.js`, several seconds apiece on a loaded 2-core machine.
jest.setTimeout(120_000);

const BIN = join(__dirname, "../../bin/bilan.js");
const dir = mkdtempSync(join(tmpdir(), "bilan-import-text-"));
const bilan = (args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8", cwd: dir });
const SEED = join(__dirname, "..", "fixtures", "seeds", "004_0b9c7487d1540e19.txt");

beforeAll(() => copyFileSync(SEED, join(dir, "fiche5.txt")));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const readModel = (file: string) => JSON.parse(readFileSync(join(dir, file), "utf8")) as SchemaInput;
const indicateurs = (m: SchemaInput) => m.axes.flatMap((a) => a.fiches ?? []).flatMap((f) => f.indicateurs ?? []);
/** The keys of the report's table, in its order. */
const keys = (report: string) => [...report.matchAll(/^\| `([^`]+)` \|/gm)].map((m) => m[1]!);

test("a valid draft and a report listing each unsure decision with its key and line", () => {
  const r = bilan(["import-text", "fiche5.txt", "-o", "model.json", "--report", "report.md"]);
  expect(r.status).toBe(0);
  expect(r.stderr).toMatch(/1 axes, 1 fiches ; 5 décision\(s\) à relire/);
  expect(bilan(["check-schema", "model.json"]).status).toBe(0);
  const report = readFileSync(join(dir, "report.md"), "utf8");
  expect(keys(report)).toContain("type:5:1r7zx0r");
  expect(report).toMatch(/\| `type:5:1r7zx0r` \| 93 \| 5 \| type deviné \| Situation des jeunes à la sortie de l'ASE/);
});

test("a corrections file applies the person's choices by key, and the report marks them", () => {
  writeFileSync(
    join(dir, "corrections.json"),
    JSON.stringify({
      "type:5:1r7zx0r": "text",
      "several:5:0fbb1j7": ["Nombre de places créées par modes d'accueil et d'accompagnement", "Taux d'occupation"],
    }),
  );
  const r = bilan([
    "import-text",
    "fiche5.txt",
    "--corrections",
    "corrections.json",
    "-o",
    "fixed.json",
    "--report",
    "fixed.md",
  ]);
  expect(r.status).toBe(0);
  const list = indicateurs(readModel("fixed.json"));
  expect(list.find((i) => i.libelle.startsWith("Situation des jeunes"))!.type).toBe("text");
  expect(
    list.filter((i) => i.formulationPubliee?.startsWith("Nombre de places créées")).map((i) => [i.libelle, i.type]),
  ).toEqual([
    ["Nombre de places créées par modes d'accueil et d'accompagnement", "count"],
    ["Taux d'occupation", "rate"],
  ]);
  expect(readFileSync(join(dir, "fixed.md"), "utf8")).toMatch(/3 décision\(s\) à relire, 2 déjà corrigée\(s\)/);
});

test("--from a corrected référentiel (JSON here, .xlsx through the round trip) gives the corrected model", () => {
  const draft = readModel("model.json");
  const ind = indicateurs(draft).find((i) => i.libelle.startsWith("Situation des jeunes"))!;
  ind.type = "boolean";
  writeFileSync(join(dir, "corrected.json"), JSON.stringify(draft));
  expect(bilan(["import-text", "fiche5.txt", "--from", "corrected.json", "-o", "again.json"]).status).toBe(0);
  expect(indicateurs(readModel("again.json")).find((i) => i.libelle.startsWith("Situation des jeunes"))!.type).toBe(
    "boolean",
  );

  expect(bilan(["export-schema", "model.json", "--format", "xlsx", "-o", "ref.xlsx"]).status).toBe(0);
  const r = bilan(["import-text", "fiche5.txt", "--from", "ref.xlsx", "-o", "same.json"]);
  expect(r.status).toBe(0);
  expect(r.stderr).toMatch(/corrigée/);
  expect(indicateurs(readModel("same.json")).map((i) => i.type)).toEqual(
    indicateurs(readModel("model.json")).map((i) => i.type),
  );
});

test("a Word document is read as its text", async () => {
  const paragraph = (t: string) => `<w:p><w:r><w:t>${t}</w:t></w:r></w:p>`;
  const body = [
    "Schéma départemental de l'enfance et de la famille 2022-2026",
    "Axe 1 : Prévenir",
    "Fiche action N° 1",
    "Action : développer l'accueil",
    "MODALITÉS DE MISE EN ŒUVRE",
    "- Créer des places",
    "INDICATEURS DE RÉSULTATS",
    "- Nombre de places créées",
  ]
    .map(paragraph)
    .join("");
  const zip = new JSZip();
  zip.file("word/document.xml", `<?xml version="1.0"?><w:document><w:body>${body}</w:body></w:document>`);
  writeFileSync(join(dir, "schema.docx"), await zip.generateAsync({ type: "nodebuffer" }));
  const r = bilan(["import-text", "schema.docx"]);
  expect(r.status).toBe(0);
  const model = JSON.parse(r.stdout) as SchemaInput;
  expect(model.axes[0]!.fiches![0]).toMatchObject({ numero: "1", titre: "Développer l'accueil" });
});

test("misuse is refused before anything is written, and an input is never overwritten", () => {
  writeFileSync(join(dir, "plan.pdf"), "%PDF-1.4");
  expect(bilan(["import-text", "plan.pdf", "-o", "pdf.json"]).status).toBe(2);
  expect(existsSync(join(dir, "pdf.json"))).toBe(false);
  const both = bilan(["import-text", "fiche5.txt", "--corrections", "corrections.json", "--from", "ref.xlsx"]);
  expect(both.status).toBe(2);
  expect(both.stderr).toMatch(/--corrections et --from/);
  writeFileSync(join(dir, "bad.json"), "[1]");
  expect(bilan(["import-text", "fiche5.txt", "--corrections", "bad.json"]).stderr).toMatch(
    /bad\.json : corrections illisibles/,
  );
  const before = readFileSync(join(dir, "fiche5.txt"), "utf8");
  expect(bilan(["import-text", "fiche5.txt", "-o", "fiche5.txt", "--force"]).status).toBe(2);
  expect(readFileSync(join(dir, "fiche5.txt"), "utf8")).toBe(before);
});

/** `bilan rollup` as a process: the copy, the JSON, the summary lines, and files never overwritten or modified. */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadBuiltin } from "../../src/model/builtins";
import { renderPlanToXlsx } from "../../src/hosts/xlsx/renderPlan";
import { readXlsx } from "../support/readWorkbook";
import { fillValid } from "../support/fill";
import { planOf } from "../support/plans";

// Each test spawns `node bin/bilan.js`, several seconds apiece on a loaded 2-core machine.
jest.setTimeout(120_000);

const root = join(__dirname, "..", "..");
const dir = mkdtempSync(join(tmpdir(), "bilan-rollup-"));
const filled = join(dir, "rempli.xlsx");
const schema = loadBuiltin("fiche_action_5_2022_2026");

function bilan(...args: string[]) {
  const r = spawnSync(process.execPath, [join(root, "bin", "bilan.js"), ...args], {
    encoding: "utf8",
    cwd: dir,
    env: { ...process.env, BILAN_LANG: "" },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const hash = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");

beforeAll(async () => {
  if (!existsSync(join(root, "dist", "cli", "index.js")))
    throw new Error("dist/ is missing: run `npm run build:cli` (npm test does it)");
  writeFileSync(filled, await renderPlanToXlsx(fillValid(planOf(schema), schema)));
});

test("rollup -o writes a copy whose formulas carry their results, prints the figures, and leaves the file alone", async () => {
  const before = hash(filled);
  const copy = join(dir, "copie.xlsx");
  const r = bilan("rollup", filled, "-o", copy);
  expect(r.code).toBe(0);
  expect(r.err).toContain(`écrit : ${copy}`);
  // fillValid: past periods Réalisé, the campaign's En cours; every required input filled; no target.
  expect(r.out).toMatch(
    /^Axe 5 : avancement \d+ %, sous-actions en retard 0, non renseignées 0, saisies 100 %, cibles atteintes —$/m,
  );
  expect(r.out).toMatch(/^Ensemble du schéma : avancement \d+ %/m);
  expect(hash(filled)).toBe(before);
  const wb = await readXlsx(readFileSync(copy));
  // Formulas showing "" (no target to score here) are written without a result.
  const results = Object.values(wb.sheets[1]!.cells).filter((c) => c.formula && typeof c.result === "number");
  expect(results.length).toBeGreaterThan(10);
  const validated = bilan("validate", copy, "--format", "json");
  expect(validated.code).toBe(0);
  expect(JSON.parse(validated.out)).toEqual([]);
});

test("rollup --json prints the figures of every level and the value of every formula cell", () => {
  const r = bilan("rollup", filled, "--json");
  expect(r.code).toBe(0);
  const json = JSON.parse(r.out) as Record<string, unknown> & {
    axes: { fiches: { indicateurs: { periode: unknown }[]; sousActions: unknown[] }[] }[];
    cellules: Record<string, number | "">;
  };
  expect(json).toMatchObject({
    source: filled,
    modelId: schema.id,
    campaignYear: schema.periode.debut + 2,
    completude: 1,
    enRetard: 0,
    nonRenseignees: 0,
    figures: { retard: 0, nonRenseignees: 0, ciblesFixees: 0 },
    controles: 0,
  });
  expect(json.avancement).toBeGreaterThan(0);
  expect(json).not.toHaveProperty("atteinte");
  expect(json).not.toHaveProperty("cibles");
  const fiche = json.axes[0]!.fiches[0]!;
  expect(fiche.sousActions).toHaveLength(5);
  expect(fiche.indicateurs.every((i) => i.periode !== undefined)).toBe(true);
  expect(json.cellules[`${schema.axes[0]!.id}#synthese@synthese:completude`]).toBe(1);
  expect(json.cellules[`${schema.id}@rollup:completude`]).toBe(1);
});

test("rollup never overwrites a file without --force; alone, it prints its per-axe summary", () => {
  const existing = join(dir, "existe.xlsx");
  writeFileSync(existing, "ne pas toucher");
  const r = bilan("rollup", filled, "-o", existing);
  expect(r.code).toBe(2);
  expect(r.err).toContain("existe déjà : ajouter --force pour le remplacer");
  expect(readFileSync(existing, "utf8")).toBe("ne pas toucher");
  expect(bilan("rollup", filled, "-o", existing, "--force").code).toBe(0);

  const alone = bilan("rollup", filled);
  expect(alone.code).toBe(0);
  expect(alone.err).toBe("");
  expect(alone.out).toMatch(/^Axe 5 : avancement \d+ %, sous-actions en retard 0, non renseignées 0, saisies 100 %/m);
  expect(alone.out).toMatch(/^Ensemble du schéma : avancement \d+ %/m);
  expect(alone.out).toMatch(/^Budget \d{4} — Ensemble du schéma : /m);
});

test("a file that is no bilan workbook is refused with a sentence", () => {
  const other = join(dir, "autre.xlsx");
  writeFileSync(other, "pas un classeur");
  const r = bilan("rollup", other, "--json");
  expect(r.code).toBe(2);
  expect(r.out).toBe("");
  expect(r.err).toContain("autre.xlsx");
});

/**
 * `bilan consolidate`: partner workbooks merged into a master by each
 * indicator's aggregation; conflicts, other models and unreadable files are
 * named and left out.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadBuiltin } from "../../src/model/builtins";
import { renderPlanToXlsx } from "../../src/hosts/xlsx/renderPlan";
import { snapshotXlsx } from "../../src/hosts/xlsx/snapshot";
import { validateSnapshot } from "../../src/engine/validate";
import { fillValid } from "../support/fill";
import { planOf, setInput } from "../support/plans";

// Each test spawns `node bin/bilan.js`, several seconds apiece on a loaded 2-core machine.
jest.setTimeout(120_000);

const BIN = join(__dirname, "../../bin/bilan.js");
const dir = mkdtempSync(join(tmpdir(), "bilan-conso-"));
const schema = loadBuiltin("essonne_2022_2026");
const bilan = (args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8", cwd: dir });

// A fiche two partenaires share, with a count indicator.
const fiche = schema.axes
  .flatMap((a) => a.fiches)
  .find((f) => new Set([...f.pilotes, ...f.partenaires]).size >= 2 && f.indicateurs.some((i) => i.type === "count"))!;
const [p1, p2] = [...new Set([...fiche.pilotes, ...fiche.partenaires])] as [string, string];
const count = fiche.indicateurs.find((i) => i.type === "count")!;
const key = `${count.id}@valeur:2024`;

async function partnerFile(name: string, partner: string, value: number) {
  const plan = fillValid(planOf(schema, { cut: { kind: "partenaire", id: partner } }), schema);
  setInput(plan, key, value);
  writeFileSync(join(dir, name), await renderPlanToXlsx(plan));
}

beforeAll(async () => {
  await partnerFile("p1.xlsx", p1, 7);
  await partnerFile("p2.xlsx", p2, 5);
  await partnerFile("p2-bis.xlsx", p2, 9);
  const fa5 = loadBuiltin("fiche_action_5_2022_2026");
  writeFileSync(join(dir, "autre.xlsx"), await renderPlanToXlsx(fillValid(planOf(fa5), fa5)));
  writeFileSync(join(dir, "vide.xlsx"), "");
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function masterValues(file: string) {
  const snap = await snapshotXlsx(readFileSync(join(dir, file)), file);
  if (!snap.ok) throw new Error("master unreadable");
  return { report: validateSnapshot(snap.snapshot), sheets: snap.snapshot.sheets.map((s) => s.name) };
}

test("two partners: counts summed in the master, every source's values kept beside", async () => {
  const r = bilan(["consolidate", "p1.xlsx", "p2.xlsx", "-o", "maitre.xlsx"]);
  expect(r.stderr).toMatch(/p1\.xlsx : retenu/);
  expect(r.status).toBe(0);
  const { report, sheets } = await masterValues("maitre.xlsx");
  expect(report.values.get(key)).toBe(12);
  expect(report.meta?.cut).toBeUndefined();
  expect(sheets).toContain("Valeurs par source");
  expect(report.findings.filter((f) => f.severity === "erreur")).toEqual([]);
});

test("a partner claimed twice is a conflict; another model and an unreadable file are named; exit 2", async () => {
  const r = bilan([
    "consolidate",
    "p1.xlsx",
    "p2.xlsx",
    "p2-bis.xlsx",
    "autre.xlsx",
    "vide.xlsx",
    "-o",
    "maitre2.xlsx",
  ]);
  expect(r.status).toBe(2);
  expect(r.stderr).toMatch(
    /p2\.xlsx : écarté — conflit : .* revendiqué par plusieurs classeurs \(p2\.xlsx, p2-bis\.xlsx\)/,
  );
  expect(r.stderr).toMatch(/p2-bis\.xlsx : écarté — conflit/);
  expect(r.stderr).toMatch(/autre\.xlsx : écarté — modèle ou campagne différents/);
  expect(r.stderr).toMatch(/vide\.xlsx : écarté — Fichier illisible/);
  const { report } = await masterValues("maitre2.xlsx");
  // Only p1 merged: neither of the conflicting files overwrote anything.
  expect(report.values.get(key)).toBe(7);
});

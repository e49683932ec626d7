/**
 * `bilan consolidate`: partner workbooks merged into a master by each
 * indicator's aggregation; other models and unreadable files are named and
 * left out; copies of one cut merge cell by cell; and no source is counted
 * twice, even when the master is written among its sources and the command
 * run again (D4).
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
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

// Three territory cuts (the D4 reproduction): fiche 6's counts are collected per territoire.
const TERRITORY_KEY = "fa_6.ind_1@valeur:2024";
async function territoryFile(name: string, territory: string, value: number) {
  const plan = fillValid(planOf(schema, { cut: { kind: "territoire", id: territory } }), schema);
  setInput(plan, TERRITORY_KEY, value);
  writeFileSync(join(dir, name), await renderPlanToXlsx(plan));
}

beforeAll(async () => {
  await partnerFile("p1.xlsx", p1, 7);
  await partnerFile("p2.xlsx", p2, 5);
  await partnerFile("p2-bis.xlsx", p2, 9);
  mkdirSync(join(dir, "retours"));
  const [t1, t2, t3] = schema.territoires.map((t) => t.id) as [string, string, string];
  await territoryFile("retours/nord.xlsx", t1, 11);
  await territoryFile("retours/centre.xlsx", t2, 13);
  await territoryFile("retours/est.xlsx", t3, 17);
  const fa5 = loadBuiltin("fiche_action_5_2022_2026");
  writeFileSync(join(dir, "autre.xlsx"), await renderPlanToXlsx(fillValid(planOf(fa5), fa5)));
  writeFileSync(join(dir, "vide.xlsx"), "");
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function masterValues(file: string) {
  const snap = await snapshotXlsx(readFileSync(join(dir, file)), file);
  if (!snap.ok) throw new Error("master unreadable");
  const parSource = snap.snapshot.sheets.find((s) => s.name === "Valeurs par source");
  return {
    report: validateSnapshot(snap.snapshot),
    sheets: snap.snapshot.sheets.map((s) => s.name),
    parSource: [...(parSource?.cells ?? [])].map(([a, c]) => `${a}=${c.value}`),
  };
}

test("two partners: counts summed in the master, every source's values kept beside, the sources in its metadata", async () => {
  const r = bilan(["consolidate", "p1.xlsx", "p2.xlsx", "-o", "maitre.xlsx"]);
  expect(r.stderr).toMatch(/p1\.xlsx : retenu/);
  expect(r.status).toBe(0);
  const { report, sheets } = await masterValues("maitre.xlsx");
  expect(report.values.get(key)).toBe(12);
  expect(report.meta?.cut).toBeUndefined();
  expect(sheets).toContain("Valeurs par source");
  expect(report.findings.filter((f) => f.severity === "erreur")).toEqual([]);
  expect(report.meta?.sources?.map((s) => [s.fichier, s.who])).toEqual(
    expect.arrayContaining([
      ["p1.xlsx", expect.stringMatching(/^Partenaire /)],
      ["p2.xlsx", expect.stringMatching(/^Partenaire /)],
    ]),
  );
  expect(report.meta?.sources?.every((s) => /^[0-9a-f]{14}$/.test(s.hash))).toBe(true);
}, 60_000);

test("two copies of one partner merge cell by cell (a differing cell left empty, listed); another model and an unreadable file are named; exit 2", async () => {
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
  expect(r.stderr).toMatch(/p2\.xlsx : retenu/);
  expect(r.stderr).toMatch(/p2-bis\.xlsx : retenu/);
  expect(r.stderr).toContain(`(${key}) : réponses divergentes — p2-bis.xlsx : 9 ; p2.xlsx : 5`);
  expect(r.stderr).toMatch(/autre\.xlsx : écarté — modèle ou campagne différents/);
  expect(r.stderr).toMatch(/vide\.xlsx : écarté — Fichier illisible/);
  const { report } = await masterValues("maitre2.xlsx");
  // p2's cell is left empty (the copies disagree): only p1's 7 is counted; the cells they agree on are taken once.
  expect(report.values.get(key)).toBe(7);
  // A cell both copies filled alike is taken once: one source line per partner, not three.
  const source = [...report.values].find(([k]) => k.startsWith(`${count.id}@source`))?.[1];
  expect(String(source).split(" ; ")).toEqual([
    expect.stringMatching(/^\[Partenaire .*\] Rapport d'activité$/),
    expect.stringMatching(/^\[Partenaire .*\] Rapport d'activité$/),
  ]);
}, 60_000);

test("D4: the master written among its 3 territory cuts, consolidate run 3 times with --force: its figures never change", async () => {
  const runs: Awaited<ReturnType<typeof masterValues>>[] = [];
  const said: string[] = [];
  for (let i = 0; i < 3; i++) {
    const r = bilan(["consolidate", "retours", "-o", "retours/maitre.xlsx", ...(i ? ["--force"] : [])]);
    expect(r.status).toBe(0);
    said.push(r.stderr);
    runs.push(await masterValues("retours/maitre.xlsx"));
  }
  expect(runs.map((run) => run.report.values.get(TERRITORY_KEY))).toEqual([11 + 13 + 17, 41, 41]);
  expect(runs[0]!.report.meta?.sources?.map((s) => s.fichier).sort()).toEqual(["centre.xlsx", "est.xlsx", "nord.xlsx"]);
  for (const run of runs.slice(1)) {
    expect([...run.report.values]).toEqual([...runs[0]!.report.values]);
    expect(run.report.meta?.sources).toEqual(runs[0]!.report.meta?.sources);
    expect(run.parSource).toEqual(runs[0]!.parSource);
  }
  for (const line of said.slice(1)) expect(line).toMatch(/maitre\.xlsx : non relu — c'est le classeur maître/);
  // The same master under another name is read, and set aside: all its sources are there already.
  copyFileSync(join(dir, "retours/maitre.xlsx"), join(dir, "retours/ancien-maitre.xlsx"));
  const again = bilan(["consolidate", "retours", "-o", "retours/maitre.xlsx", "--force"]);
  expect(again.status).toBe(0);
  expect(again.stderr).toMatch(
    /ancien-maitre\.xlsx : mis de côté — classeur consolidé dont toutes les sources sont déjà parmi les fichiers/,
  );
  const fourth = await masterValues("retours/maitre.xlsx");
  expect([...fourth.report.values]).toEqual([...runs[0]!.report.values]);
}, 240_000);

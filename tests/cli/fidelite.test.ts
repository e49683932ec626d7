/**
 * A test model that uses every capability added for fidelity to published schémas (issue 14): milestones at
 * their published precision and date, a calendar that starts before the schéma, a sous-action without a
 * published calendar beside one planned every year, « dont : » indicators, a direction and its service, aliases,
 * a partner list kept as published, the partners' own word (« Contributeurs »), the schéma's finalités and
 * modalités, a fiche's nature des actions, an objectif's variant wording, a sous-action's introduction, inferred
 * items. It goes through check-schema, the référentiel table, generate, validate, rollup, carry-over and upgrade
 * (the LibreOffice cross-check of its rollups is in tests/hosts/rollupRecalc.test.ts).
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseSchemaOrThrow } from "../../src/model/parse";
import { readCsv, writeCsv } from "../../src/model/referentiel/csv";
import { fromTable } from "../../src/model/referentiel/fromTable";
import { toTable } from "../../src/model/referentiel/toTable";
import { renderPlanToXlsx } from "../../src/hosts/xlsx/renderPlan";
import { snapshotXlsx } from "../../src/hosts/xlsx/snapshot";
import { validateSnapshot } from "../../src/engine/validate";
import { NON_REPRIS } from "../../src/engine/transfer";
import { fillValid } from "../support/fill";
import { planOf, setInput } from "../support/plans";

// Each test spawns `node bin/bilan.js`, several seconds apiece on a loaded 2-core machine.
jest.setTimeout(180_000);

const BIN = join(__dirname, "../../bin/bilan.js");
const MODEL = join(__dirname, "../fixtures/models/fidelite.json");
const dir = mkdtempSync(join(tmpdir(), "bilan-fidelite-"));
const schema = parseSchemaOrThrow(JSON.parse(readFileSync(MODEL, "utf8")), "fidelite.json");
const plain = (x: unknown) => JSON.parse(JSON.stringify(x));

function bilan(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8", cwd: dir });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

async function read(file: string) {
  const snap = await snapshotXlsx(readFileSync(join(dir, file)), file);
  if (!snap.ok) throw new Error(`${file} unreadable`);
  const texts = snap.snapshot.sheets.flatMap((s) => [...s.cells.values()].map((c) => String(c.value ?? "")));
  const sheet = snap.snapshot.sheets.find((s) => s.name === NON_REPRIS);
  const nonRepris = sheet
    ? [...sheet.cells].filter(([a]) => /^A\d+$/.test(a) && Number(a.slice(1)) > 3).map(([, c]) => String(c.value))
    : [];
  return { ...validateSnapshot(snap.snapshot), texts, nonRepris };
}

beforeAll(() => copyFileSync(MODEL, join(dir, "fidelite.json")));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test("check-schema: valid, without a warning", () => {
  const r = bilan(["check-schema", "fidelite.json", "--json"]);
  expect(r.code).toBe(0);
  const out = JSON.parse(r.stdout);
  expect([out.valid, out.warnings]).toEqual([true, []]);
  expect(out.summary).toMatchObject({ axes: 2, fiches: 2, sousActions: 5, indicateurs: 6 });
});

test("the référentiel table: every new field survives the round trip, in process and through the CLI", () => {
  const csv = writeCsv(toTable(schema), { delimiter: ";", bom: true });
  const back = fromTable(readCsv(csv, "ref.csv"));
  if (!back.ok) throw new Error(back.errors.map((e) => e.message).join("\n"));
  expect(plain(back.schema)).toEqual(plain(schema));
  expect(bilan(["export-schema", "fidelite.json", "--format", "csv", "-o", "ref.csv"]).code).toBe(0);
  expect(bilan(["check-schema", "ref.csv"]).code).toBe(0);
});

test("generate: the workbook shows what was published", async () => {
  expect(bilan(["generate", "--schema", "fidelite.json", "--year", "2024", "-o", "vide.xlsx"]).code).toBe(0);
  const { texts } = await read("vide.xlsx");
  const nbsp = (s: string) => s.replace(/ ([:;?!])/g, "\u00a0$1");
  for (const t of [
    "Jalon Septembre 2022 : Formation des professionnels",
    "Jalon 1er trimestre 2023 : Mise en œuvre",
    "Pilotes : Direction de l'enfance et de la famille (Service de l'aide sociale à l'enfance)",
    "Contributeurs : CAF, services de l'État (DDCS notamment)…",
    "Nature des actions : Partenariat, Formation",
    "Deux sous-projets sont à distinguer :",
    "dont : Réunions avec l'Éducation nationale",
    "dont : dont pour la prévention",
    "Échelle",
  ])
    expect(texts).toContain(nbsp(t));
});

let filled: Awaited<ReturnType<typeof read>>;

test("validate: a careful partner's workbook has no error", async () => {
  const plan = fillValid(planOf(schema), schema);
  const ind = schema.axes[0]!.fiches[0]!.indicateurs;
  setInput(plan, `${ind[0]!.id}@valeur:2024`, 12);
  setInput(plan, `${ind[1]!.id}@valeur:2024`, 5);
  writeFileSync(join(dir, "bilan-2024.xlsx"), await renderPlanToXlsx(plan));
  const r = bilan(["validate", "bilan-2024.xlsx", "--format", "json"]);
  const findings = JSON.parse(r.stdout) as { severity: string; message: string }[];
  expect(findings.filter((f) => f.severity === "erreur")).toEqual([]);
  expect(r.code).toBe(0);
  filled = await read("bilan-2024.xlsx");
  expect(filled.values.size).toBeGreaterThan(10);
});

test("rollup: each « dont » keeps its own value, the parent its own", () => {
  const r = bilan(["rollup", "bilan-2024.xlsx", "--json"]);
  expect(r.code).toBe(0);
  const json = JSON.parse(r.stdout);
  const fiche = json.axes[0].fiches[0];
  const value = (id: string) => fiche.indicateurs.find((i: { id: string }) => i.id === id).valeur;
  const [parent, dont] = schema.axes[0]!.fiches[0]!.indicateurs;
  expect([value(parent!.id), value(dont!.id)]).toEqual([12, 5]);
  // the answer on a scale, counted per level
  const echelle = json.axes[1].fiches[0].indicateurs.find((i: { type: string }) => i.type === "echelle");
  expect(echelle.periode).toEqual({ n: 1, valeur: 1, repartition: { "non engagé": 0, engagé: 0, réalisé: 1 } });
});

test("carry-over then upgrade: every value kept", async () => {
  expect(bilan(["carry-over", "bilan-2024.xlsx", "--year", "2025", "-o", "bilan-2025.xlsx"]).code).toBe(0);
  const next = await read("bilan-2025.xlsx");
  for (const [key, value] of filled.values) {
    if (next.values.has(key)) expect({ key, value: next.values.get(key) }).toEqual({ key, value });
    else expect(next.nonRepris).toContain(key);
  }
  expect(next.values.size + next.nonRepris.length).toBe(filled.values.size);

  // Version 1.1.0: the variant becomes the objectif's title, the former title its alias; the fiche's ids stay.
  const v2 = JSON.parse(readFileSync(MODEL, "utf8"));
  v2.version = "1.1.0";
  v2.axes[0].objectifs[0] = {
    titre: "Lutter contre les VEO",
    alias: ["Lutter contre les violences éducatives ordinaires"],
  };
  writeFileSync(join(dir, "fidelite-v2.json"), JSON.stringify(v2));
  expect(bilan(["upgrade", "bilan-2025.xlsx", "--schema", "fidelite-v2.json", "-o", "bilan-v2.xlsx"]).code).toBe(0);
  const up = await read("bilan-v2.xlsx");
  expect(up.meta?.modelVersion).toBe("1.1.0");
  for (const [key, value] of next.values) expect({ key, value: up.values.get(key) }).toEqual({ key, value });
});

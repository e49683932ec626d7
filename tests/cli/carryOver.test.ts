/**
 * `bilan carry-over` and `bilan upgrade`: every entered value is either in
 * the new workbook under the same key or in its *Non repris* sheet.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadBuiltin } from "../../src/model/builtins";
import { renderPlanToXlsx } from "../../src/hosts/xlsx/renderPlan";
import { snapshotXlsx } from "../../src/hosts/xlsx/snapshot";
import { validateSnapshot, type ValidationReport } from "../../src/engine/validate";
import { NON_REPRIS, nonReprisName } from "../../src/engine/transfer";
import { wordKinds } from "../../src/engine/valueWords";
import { inLangOf, statuts } from "../../src/model/vocabulaire";
import { fillValid } from "../support/fill";
import { planOf, setInput } from "../support/plans";

// Each test spawns `node bin/bilan.js`, several seconds apiece on a loaded 2-core machine.
jest.setTimeout(120_000);

const BIN = join(__dirname, "../../bin/bilan.js");
const dir = mkdtempSync(join(tmpdir(), "bilan-carry-"));
const schema = loadBuiltin("fiche_action_5_2022_2026");
const sha = (f: string) =>
  createHash("sha256")
    .update(readFileSync(join(dir, f)))
    .digest("hex");

function bilan(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8", cwd: dir });
  return { code: r.status, stderr: r.stderr };
}

async function report(file: string): Promise<ValidationReport & { nonRepris: string[] }> {
  const snap = await snapshotXlsx(readFileSync(join(dir, file)), file);
  if (!snap.ok) throw new Error(`${file} unreadable`);
  const sheet = snap.snapshot.sheets.find((s) => s.name === NON_REPRIS || s.name === nonReprisName("en"));
  const keys = sheet
    ? [...sheet.cells].filter(([a]) => /^A\d+$/.test(a) && Number(a.slice(1)) > 3).map(([, c]) => String(c.value))
    : [];
  return { ...validateSnapshot(snap.snapshot), nonRepris: keys };
}

let original: ValidationReport;

beforeAll(async () => {
  const plan = fillValid(planOf(schema), schema);
  const ind = schema.axes[0]!.fiches[0]!.indicateurs[0]!;
  setInput(plan, `${ind.id}@commentaire:2024`, '=HYPERLINK("x") un commentaire qui commence comme une formule');
  writeFileSync(join(dir, "bilan-2024.xlsx"), await renderPlanToXlsx(plan));
  original = await report("bilan-2024.xlsx");
  expect(original.findings.map((f) => f.message)).toEqual([]);
  expect(original.values.size).toBeGreaterThan(20);
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

test("carry-over to next year keeps every value, by key or in Non repris; the input file is untouched", async () => {
  const before = sha("bilan-2024.xlsx");
  expect(bilan(["carry-over", "bilan-2024.xlsx", "--year", "2025", "-o", "bilan-2025.xlsx"]).code).toBe(0);
  expect(sha("bilan-2024.xlsx")).toBe(before);
  const next = await report("bilan-2025.xlsx");
  expect(next.meta?.campaignYear).toBe(2025);
  expect(next.findings.filter((f) => f.severity === "erreur")).toEqual([]);
  for (const [key, value] of original.values) {
    if (next.values.has(key)) expect({ key, value: next.values.get(key) }).toEqual({ key, value });
    else expect(next.nonRepris).toContain(key);
  }
  // Sources and comments belong to the 2024 campaign: kept aside, not lost.
  expect(next.nonRepris.some((k) => k.endsWith("@commentaire:2024"))).toBe(true);
  expect(next.values.size + next.nonRepris.length).toBe(original.values.size);

  // A second carry-over keeps what the first one set aside.
  expect(bilan(["carry-over", "bilan-2025.xlsx", "--year", "2026", "-o", "bilan-2026.xlsx"]).code).toBe(0);
  const after = await report("bilan-2026.xlsx");
  for (const key of next.nonRepris) expect(after.nonRepris).toContain(key);
});

test("carry-over --lang en: an English workbook, every value kept, statuses and Oui/Non said in English", async () => {
  expect(
    bilan(["carry-over", "bilan-2024.xlsx", "--year", "2025", "-o", "bilan-2025-en.xlsx", "--lang", "en"]).code,
  ).toBe(0);
  const next = await report("bilan-2025-en.xlsx");
  expect(next.meta?.lang).toBe("en");
  expect(next.findings.filter((f) => f.severity === "erreur" || f.rule === "type.autre-langue")).toEqual([]);
  const kindOf = wordKinds(schema);
  const words = [...original.values].filter(([k]) => kindOf(k));
  expect(words.length).toBeGreaterThan(5);
  for (const [key, value] of original.values) {
    if (!next.values.has(key)) {
      expect(next.nonRepris).toContain(key);
      continue;
    }
    expect({ key, value: next.values.get(key) }).toEqual({ key, value: inLangOf(value, kindOf(key), "en") });
  }
  const carriedStatuts = [...next.values].filter(([k]) => k.includes("@statut:")).map(([, v]) => String(v));
  expect(carriedStatuts.length).toBeGreaterThan(0);
  expect(carriedStatuts.every((v) => statuts("en").includes(v))).toBe(true);
  // Carried over again without --lang it stays English; with --lang fr, the French words come back.
  expect(bilan(["carry-over", "bilan-2025-en.xlsx", "--year", "2026", "-o", "bilan-2026-en.xlsx"]).code).toBe(0);
  expect((await report("bilan-2026-en.xlsx")).meta?.lang).toBe("en");
  expect(
    bilan(["carry-over", "bilan-2025-en.xlsx", "--year", "2026", "-o", "bilan-2026-fr.xlsx", "--lang", "fr"]).code,
  ).toBe(0);
  const back = await report("bilan-2026-fr.xlsx");
  expect(back.meta?.lang).toBeUndefined();
  for (const [key, value] of original.values)
    if (back.values.has(key)) expect({ key, value: back.values.get(key) }).toEqual({ key, value });
});

test("upgrade to a new model version: a removed indicator's values go to Non repris", async () => {
  const v2 = structuredClone(schema) as unknown as Record<string, any>;
  v2.version = "2.0.0";
  const removed = v2.axes[0].fiches[0].indicateurs.shift();
  writeFileSync(join(dir, "modele-v2.json"), JSON.stringify(v2));
  const r = bilan(["upgrade", "bilan-2024.xlsx", "--schema", "modele-v2.json", "-o", "bilan-v2.xlsx"]);
  expect(r.code).toBe(0);
  const up = await report("bilan-v2.xlsx");
  expect(up.meta?.modelVersion).toBe("2.0.0");
  const gone = [...original.values.keys()].filter((k) => k.startsWith(`${removed.id}@`));
  expect(gone.length).toBeGreaterThan(0);
  for (const key of gone) expect(up.nonRepris).toContain(key);
  for (const [key, value] of original.values)
    if (!key.startsWith(`${removed.id}@`)) expect(up.values.get(key)).toEqual(value);
});

test("refuses what cannot be trusted or makes no sense, with a sentence", () => {
  const r = bilan(["carry-over", "bilan-2024.xlsx", "--year", "2023", "-o", "x.xlsx"]);
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(/doit suivre/);
  writeFileSync(join(dir, "vide.xlsx"), "");
  const bad = bilan(["upgrade", "vide.xlsx", "--schema", "fiche_action_5_2022_2026", "-o", "y.xlsx"]);
  expect(bad.code).toBe(2);
  expect(bad.stderr).toMatch(/valeurs non reprises.*vide/);
  expect(bad.stderr).not.toMatch(/\bat .+:\d+/);
});

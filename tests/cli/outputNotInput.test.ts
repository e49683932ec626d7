/**
 * No command replaces one of its inputs with its output (D3): the same path,
 * a symbolic link or a hard link to an input is refused with exit 2, even
 * with --force, and the input keeps every byte.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { linkSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadBuiltin } from "../../src/model/builtins";
import { renderPlanToXlsx } from "../../src/hosts/xlsx/renderPlan";
import { writeReferentielXlsx } from "../../src/hosts/xlsx/referentielSheet";
import { toTable } from "../../src/model/referentiel/toTable";
import { fillValid } from "../support/fill";
import { planOf } from "../support/plans";

const BIN = join(__dirname, "../../bin/bilan.js");
const dir = mkdtempSync(join(tmpdir(), "bilan-output-input-"));
const schema = loadBuiltin("fiche_action_5_2022_2026");
const sha = (f: string) =>
  createHash("sha256")
    .update(readFileSync(join(dir, f)))
    .digest("hex");

function bilan(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8", cwd: dir });
  return { code: r.status, stderr: r.stderr };
}

beforeAll(async () => {
  writeFileSync(join(dir, "caf.xlsx"), await renderPlanToXlsx(fillValid(planOf(schema), schema)));
  writeFileSync(join(dir, "modele.json"), JSON.stringify(schema, null, 2));
  // A model may be a référentiel workbook too: the one name an output workbook could share with it.
  writeFileSync(join(dir, "modele.xlsx"), await writeReferentielXlsx(toTable(schema)));
  symlinkSync(join(dir, "caf.xlsx"), join(dir, "lien.xlsx"));
  linkSync(join(dir, "caf.xlsx"), join(dir, "lien-dur.xlsx"));
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Each command with its input caf.xlsx, given the output OUT. */
const COMMANDS: Record<string, (out: string) => string[]> = {
  validate: (out) => ["validate", "caf.xlsx", "-o", out],
  rollup: (out) => ["rollup", "caf.xlsx", "-o", out],
  export: (out) => ["export", "caf.xlsx", "-o", out],
  "carry-over": (out) => ["carry-over", "caf.xlsx", "--year", "2025", "-o", out],
  upgrade: (out) => ["upgrade", "caf.xlsx", "--schema", "modele.json", "-o", out],
  consolidate: (out) => ["consolidate", "caf.xlsx", "-o", out],
};

describe.each(Object.keys(COMMANDS))("%s", (command) => {
  test.each([
    ["the same path", "caf.xlsx"],
    ["a symbolic link to it", "lien.xlsx"],
    ["a hard link to it", "lien-dur.xlsx"],
  ])(
    "-o naming the input through %s is refused, even with --force",
    (_how, out) => {
      const before = sha("caf.xlsx");
      const r = bilan([...COMMANDS[command]!(out), "--force"]);
      expect(r.stderr).toContain(`${out} est aussi un fichier d'entrée`);
      expect(r.code).toBe(2);
      expect(sha("caf.xlsx")).toBe(before);
    },
    60_000,
  );
});

test("upgrade may not replace the new model it reads either; English on request", () => {
  const before = sha("modele.xlsx");
  const r = bilan(["upgrade", "caf.xlsx", "--schema", "modele.xlsx", "-o", "modele.xlsx", "--force", "--lang", "en"]);
  expect(r.stderr).toContain("modele.xlsx is also an input file (modele.xlsx)");
  expect(r.code).toBe(2);
  expect(sha("modele.xlsx")).toBe(before);
}, 60_000);

test("another output is still written, and replaced with --force", () => {
  expect(bilan(["validate", "caf.xlsx", "--format", "csv", "-o", "rapport.csv"]).code).toBe(0);
  expect(readFileSync(join(dir, "rapport.csv"), "utf8")).toMatch(/^file,/);
  expect(bilan(["validate", "caf.xlsx", "--format", "json", "-o", "rapport.csv"]).code).toBe(2);
  expect(bilan(["validate", "caf.xlsx", "--format", "json", "-o", "rapport.csv", "--force"]).code).toBe(0);
  expect(JSON.parse(readFileSync(join(dir, "rapport.csv"), "utf8"))).toEqual([]);
}, 60_000);

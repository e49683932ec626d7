/**
 * Hostile files, as processes measured with /usr/bin/time: a workbook within
 * every size limit but with 23 million cells (D1) is refused with one finding
 * while the other files of the batch get their reports, in bounded memory; a
 * file that exhausts a reader's memory is that file's finding only; a zip
 * that lies about its sizes (D2) is refused after inflating no more than it
 * declared, by `validate` and by `check-schema` (D9), in the same words.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadBuiltin } from "../../src/model/builtins";
import { renderPlanToXlsx } from "../../src/hosts/xlsx/renderPlan";
import { t } from "../../src/i18n";
import { fillValid } from "../support/fill";
import { planOf } from "../support/plans";
import { cfbWithStreams } from "../support/cfb";
import { cellsBomb, lyingBomb } from "../support/oversized";

const BIN = join(__dirname, "../../bin/bilan.js");
const dir = mkdtempSync(join(tmpdir(), "bilan-hostile-"));

/** The CLI under /usr/bin/time -v: exit code, output and peak resident memory in MB. */
function measured(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync("/usr/bin/time", ["-v", process.execPath, BIN, ...args], {
    encoding: "utf8",
    cwd: dir,
    env: { ...process.env, ...env },
  });
  const kb = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr);
  if (!kb) throw new Error(`no measure from /usr/bin/time: ${r.stderr}`);
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, peakMb: Number(kb[1]) / 1024 };
}

const filled = async (id: string) => {
  const schema = loadBuiltin(id);
  return renderPlanToXlsx(fillValid(planOf(schema), schema));
};

interface Row {
  file: string;
  rule: string;
  message: string;
}

let fa5: Buffer;
let essonne: Buffer;

beforeAll(async () => {
  fa5 = await filled("fiche_action_5_2022_2026");
  essonne = await filled("essonne_2022_2026");
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

test("D1: three good partner files and 60 sheets of 9.9 MB of cells: four reports, the big one refused with one finding, under 1 GB", async () => {
  const folder = join(dir, "retours");
  mkdirSync(folder);
  writeFileSync(join(folder, "caf.xlsx"), fa5);
  writeFileSync(join(folder, "essonne.xlsx"), essonne);
  writeFileSync(join(folder, "pjj.xlsx"), await filled("orne_2017_2021"));
  writeFileSync(join(folder, "tres-grand.xlsx"), await cellsBomb(essonne));

  const r = measured(["validate", "retours", "--format", "json", "-o", "rapport.json"]);
  const lines = r.stderr.split("\n").filter((l) => l.startsWith("retours/"));
  expect(lines).toHaveLength(4);
  for (const good of ["caf", "essonne", "pjj"])
    expect(lines.find((l) => l.startsWith(`retours/${good}.xlsx`))).toContain("0 erreur(s)");
  const rows = JSON.parse(readFileSync(join(dir, "rapport.json"), "utf8")) as Row[];
  expect(rows).toHaveLength(1);
  expect(rows[0]).toMatchObject({ file: "retours/tres-grand.xlsx", rule: "fichier.illisible" });
  expect(rows[0]!.message).toContain("plus de 4000000 cellules");
  expect(r.code).toBe(2);
  expect(r.peakMb).toBeLessThan(1024);
}, 300_000);

test("a file that exhausts the reader's memory gets its finding, and the next file its report", async () => {
  const folder = join(dir, "memoire");
  mkdirSync(folder);
  // One million cells: within the cell budget, beyond a 64 MB heap.
  writeFileSync(join(folder, "a-grand.xlsx"), await cellsBomb(fa5, 5, 1000));
  writeFileSync(join(folder, "b-caf.xlsx"), fa5);
  const r = measured(["validate", "memoire"], { BILAN_WORKER_HEAP_MB: "64" });
  expect(r.stderr).toContain(
    "memoire/a-grand.xlsx : Fichier illisible : la lecture du classeur demande plus de 64 Mo de mémoire",
  );
  expect(r.stderr).toMatch(/memoire\/b-caf\.xlsx : 0 erreur\(s\).*26\/26/);
  expect(r.code).toBe(2);
}, 180_000);

describe("D2: a 1 GB sheet part that declares 5 MB", () => {
  const reason = "la partie xl/worksheets/sheet2.xml ne fait pas la taille que le fichier annonce (5 Mo)";

  beforeAll(async () => {
    writeFileSync(join(dir, "bombe.xlsx"), await lyingBomb(fa5));
  }, 120_000);

  test("validate refuses it under 300 MB, in French words, English on request", () => {
    const r = measured(["validate", "bombe.xlsx"]);
    expect(r.stderr).toContain(`bombe.xlsx : Fichier illisible : ${reason}`);
    expect(r.stderr + r.stdout).not.toMatch(/Bug|mismatch/);
    expect(r.code).toBe(2);
    expect(r.peakMb).toBeLessThan(300);
    expect(measured(["validate", "bombe.xlsx", "--lang", "en"]).stderr).toContain(
      "the part xl/worksheets/sheet2.xml does not have the size the file declares (5 MB)",
    );
  }, 120_000);

  test("check-schema refuses it the same way, under 300 MB", () => {
    const r = measured(["check-schema", "bombe.xlsx"]);
    expect(r.stdout).toContain(`bombe.xlsx : erreur : ${reason}`);
    expect(r.code).toBe(2);
    expect(r.peakMb).toBeLessThan(300);
  }, 120_000);
});

test("check-schema says of an encrypted workbook what validate says", () => {
  // What Excel writes for a workbook with a password: a compound file with these two streams.
  writeFileSync(join(dir, "chiffre.xlsx"), cfbWithStreams(["EncryptionInfo", "EncryptedPackage"]));
  const words = t("fr", "validate.file.encrypted");
  const check = measured(["check-schema", "chiffre.xlsx"]);
  expect(check.stdout).toContain(`chiffre.xlsx : erreur : ${words}`);
  expect(check.code).toBe(2);
  expect(measured(["validate", "chiffre.xlsx"]).stderr).toContain(words);
}, 120_000);

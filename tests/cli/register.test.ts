/**
 * The register of returns through the CLI, as an ODPE lives it: three `bilan consolidate` runs over five
 * expected partner returns, two of them silent; between runs the state is typed in the master's
 * *Suivi des retours* sheet (saved by exceljs, as a spreadsheet would). One return goes attendu → reçu →
 * à corriger → reçu → validé, its resubmission's modifications listed value by value, then a later file for
 * it refused (exit 1). `bilan register` prints the register as a table, CSV and JSON, in French and English.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { renderPlanToXlsx } from "../../src/hosts/xlsx/renderPlan";
import { registerName } from "../../src/engine/register";
import type { Lang } from "../../src/i18n";
import { countKey, fivePartners, partnerPlan } from "../support/fivePartners";
import { bindingCell } from "../support/plans";

// Each run spawns `node bin/bilan.js`, several seconds apiece on a loaded 2-core machine.
jest.setTimeout(180_000);

const BIN = join(__dirname, "../../bin/bilan.js");
const dir = mkdtempSync(join(tmpdir(), "bilan-retours-"));
const schema = fivePartners();
const KEY = countKey(schema);
const [dir5, ars, dasp, cde, pmi] = schema.partenaires as [
  (typeof schema.partenaires)[number],
  (typeof schema.partenaires)[number],
  (typeof schema.partenaires)[number],
  (typeof schema.partenaires)[number],
  (typeof schema.partenaires)[number],
];
const bilan = (args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8", cwd: dir });

/** Types a state in the master's register sheet, on the row of `nom`'s return, and saves the file. */
async function typeEtat(file: string, nom: string, etat: string, lang: Lang = "fr") {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(join(dir, file)) as unknown as ArrayBuffer);
  const ws = wb.getWorksheet(registerName(lang))!;
  let row = 0;
  ws.eachRow((r, i) => {
    if (r.getCell(2).value === `${lang === "en" ? "Partner" : "Partenaire"} ${nom}`) row = i;
  });
  expect(row).toBeGreaterThan(0);
  ws.getCell(row, 3).value = etat;
  writeFileSync(join(dir, file), Buffer.from(await wb.xlsx.writeBuffer()));
}

beforeAll(async () => {
  const files: [string, string, number][] = [
    ["direction.xlsx", dir5.id, 7],
    ["ars.xlsx", ars.id, -4],
    ["direction-v2.xlsx", dir5.id, 9],
    ["direction-v3.xlsx", dir5.id, 11],
    ["ars-v2.xlsx", ars.id, 5],
    ["cde.xlsx", cde.id, 3],
  ];
  for (const [name, partner, value] of files) {
    writeFileSync(join(dir, name), await renderPlanToXlsx(partnerPlan(schema, partner, value)));
    writeFileSync(join(dir, `en-${name}`), await renderPlanToXlsx(partnerPlan(schema, partner, value, "en")));
  }
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

test("three runs: attendu → reçu → à corriger → reçu → validé, modifications listed, two partners silent, a validé return locked", () => {
  return (async () => {
    const one = bilan(["consolidate", "direction.xlsx", "ars.xlsx", "-o", "maitre.xlsx"]);
    expect(one.status).toBe(0);
    expect(one.stderr).toContain(
      "Suivi des retours : 5 attendu(s) — 1 reçu(s), 1 à corriger, 0 validé(s), 3 sans réponse",
    );
    expect(one.stderr).toContain(`Sans réponse : Partenaire ${dasp.nom}, Partenaire ${cde.nom}, Partenaire ${pmi.nom}`);
    await typeEtat("maitre.xlsx", dir5.nom, "à corriger");

    const two = bilan([
      "consolidate",
      "direction.xlsx",
      "direction-v2.xlsx",
      "ars.xlsx",
      "cde.xlsx",
      "-o",
      "maitre.xlsx",
      "--force",
    ]);
    expect(two.status).toBe(0);
    expect(two.stderr).toContain(`Partenaire ${dir5.nom} : état reçu → à corriger (saisi en Suivi des retours)`);
    expect(two.stderr).toContain("direction.xlsx : mis de côté — remplacé par le nouvel envoi direction-v2.xlsx");
    expect(two.stderr).toContain(`Modifications de Partenaire ${dir5.nom} (direction-v2.xlsx) : 1 valeur(s)`);
    expect(two.stderr).toMatch(new RegExp(`\\n  .+![A-Z]+\\d+ \\(${KEY.replace(/[.]/g, "\\.")}\\) : 7 → 9\\n`));
    expect(two.stderr).toContain("2 reçu(s), 1 à corriger, 0 validé(s), 2 sans réponse");
    expect(two.stderr).toContain(`Sans réponse : Partenaire ${dasp.nom}, Partenaire ${pmi.nom}`);
    await typeEtat("maitre.xlsx", dir5.nom, "validé");

    const three = bilan([
      "consolidate",
      "direction-v2.xlsx",
      "direction-v3.xlsx",
      "ars-v2.xlsx",
      "cde.xlsx",
      "-o",
      "maitre.xlsx",
      "--force",
    ]);
    expect(three.status).toBe(1);
    expect(three.stderr).toContain(
      `direction-v3.xlsx : écarté — le retour « Partenaire ${dir5.nom} » est validé, donc verrouillé`,
    );
    expect(three.stderr).toContain("2 reçu(s), 0 à corriger, 1 validé(s), 2 sans réponse");

    const json = bilan(["register", "maitre.xlsx", "--format", "json"]);
    expect(json.status).toBe(0);
    const register = JSON.parse(json.stdout) as {
      returns: { who: string; state: string; files: string; history: string[]; modifications: unknown[] }[];
    };
    expect(register.returns.map((r) => [r.who, r.state, r.files])).toEqual([
      [`Partenaire ${dir5.nom}`, "validé", "direction-v2.xlsx"],
      [`Partenaire ${ars.nom}`, "reçu", "ars-v2.xlsx"],
      [`Partenaire ${dasp.nom}`, "attendu", ""],
      [`Partenaire ${cde.nom}`, "reçu", "cde.xlsx"],
      [`Partenaire ${pmi.nom}`, "attendu", ""],
    ]);
    const direction = register.returns[0]!;
    expect(direction.history.map((h) => h.replace(/^\d{4}-\d\d-\d\d : /, ""))).toEqual([
      "fichier direction.xlsx reçu, état reçu",
      "état reçu → à corriger (saisi dans la feuille)",
      "fichier direction-v2.xlsx reçu, état reçu",
      "état reçu → validé (saisi dans la feuille)",
      "fichier direction-v3.xlsx refusé (retour validé, verrouillé)",
    ]);
    expect(direction.modifications).toEqual([{ cell: expect.stringMatching(/!/), key: KEY, old: "7", new: "9" }]);
    expect(register.returns[1]!.history.map((h) => h.replace(/^\d{4}-\d\d-\d\d : /, ""))).toEqual([
      "fichier ars.xlsx reçu, état à corriger",
      "fichier ars-v2.xlsx reçu, état reçu",
    ]);

    const csv = bilan(["register", "maitre.xlsx", "--format", "csv", "--delimiter", ";"]);
    expect(csv.status).toBe(0);
    const lines = csv.stdout.trim().split(/\r\n/);
    expect(lines[0]).toBe("cut;who;state;received;files;hash;errors;warnings;modifications;history");
    expect(lines).toHaveLength(6);
    expect(lines[1]).toMatch(
      new RegExp(
        `^partenaire:${dir5.id};Partenaire .+;validé;\\d{4}-\\d\\d-\\d\\d;direction-v2\\.xlsx;[0-9a-f]{14};0;\\d+;1;`,
      ),
    );

    const table = bilan(["register", "maitre.xlsx", "--lang", "en"]);
    expect(table.status).toBe(0);
    const rows = table.stdout.trim().split("\n");
    expect(rows[0]).toMatch(/^Return +State +Received +File +Errors +Warn\. +Modif\.$/);
    expect(rows.slice(1).map((r) => r.split(/ {2,}/)[1])).toEqual([
      "validated",
      "received",
      "expected",
      "received",
      "expected",
    ]);

    // A state typed since the last run is what `register` shows, with the change in the history.
    await typeEtat("maitre.xlsx", ars.nom, "A corriger");
    const typed = JSON.parse(bilan(["register", "maitre.xlsx", "--format", "json"]).stdout) as typeof register;
    expect(typed.returns[1]!.state).toBe("à corriger");
    expect(typed.returns[1]!.history.at(-1)).toMatch(/ : état reçu → à corriger \(saisi dans la feuille\)$/);
  })();
});

test("an English master: its Returns sheet read back, a state typed in English and one in French, the lock said in its words", () => {
  return (async () => {
    const one = bilan(["consolidate", "en-direction.xlsx", "en-ars.xlsx", "-o", "master.xlsx", "--lang", "en"]);
    expect(one.status).toBe(0);
    expect(one.stderr).toContain("Returns: 5 expected — 1 received, 1 to correct, 0 validated, 3 not answered");
    await typeEtat("master.xlsx", dir5.nom, "validated", "en");
    await typeEtat("master.xlsx", ars.nom, "reçu", "en");

    const two = bilan([
      "consolidate",
      "en-direction-v2.xlsx",
      "en-ars.xlsx",
      "-o",
      "master.xlsx",
      "--force",
      "--lang",
      "en",
    ]);
    expect(two.status).toBe(1);
    // Returns are named in the run's language, as the sheet names them.
    expect(two.stderr).toContain(`Partner ${dir5.nom}: state received → validated (typed in Returns)`);
    expect(two.stderr).toContain(`Partner ${ars.nom}: state to correct → received (typed in Returns)`);
    expect(two.stderr).toContain(`Not answered: Partner ${dasp.nom}, Partner ${cde.nom}, Partner ${pmi.nom}`);
    expect(two.stderr).toContain(
      `en-direction-v2.xlsx: rejected — the return "Partner ${dir5.nom}" is validated, hence locked: set its state back to "received" or "to correct" in the "Returns" sheet`,
    );
    expect(two.stderr).toContain("1 received, 0 to correct, 1 validated, 3 not answered");

    // The register keeps its states by their French ids: `register` says them in the run's language.
    const json = JSON.parse(bilan(["register", "master.xlsx", "--format", "json"]).stdout) as {
      returns: { who: string; state: string }[];
    };
    expect(json.returns.slice(0, 2).map((r) => r.state)).toEqual(["validé", "reçu"]);
    const en = JSON.parse(bilan(["register", "master.xlsx", "--format", "json", "--lang", "en"]).stdout) as {
      returns: { who: string; state: string }[];
    };
    expect(en.returns.slice(0, 2).map((r) => [r.who, r.state])).toEqual([
      [`Partner ${dir5.nom}`, "validated"],
      [`Partner ${ars.nom}`, "received"],
    ]);
  })();
});

test("register of a workbook that is no master: a clear message, exit 2", () => {
  const r = bilan(["register", "cde.xlsx"]);
  expect(r.status).toBe(2);
  expect(r.stderr).toContain("cde.xlsx n'a pas de suivi des retours");
});

test("a run whose only file is refused still writes the master, its register updated, the other returns' values kept", async () => {
  writeFileSync(join(dir, "cde-seul.xlsx"), await renderPlanToXlsx(partnerPlan(schema, cde.id, 3)));
  const tampered = partnerPlan(schema, pmi.id, 6);
  const cell = bindingCell(tampered, tampered.meta.bindings.find((b) => b.formula && !b.input)!.key);
  delete cell.formula;
  cell.value = 5;
  writeFileSync(join(dir, "pmi-altere.xlsx"), await renderPlanToXlsx(tampered));
  expect(bilan(["consolidate", "cde-seul.xlsx", "-o", "maitre-2.xlsx"]).status).toBe(0);

  const run = bilan(["consolidate", "pmi-altere.xlsx", "-o", "maitre-2.xlsx", "--force"]);
  expect(run.status).toBe(1);
  expect(run.stderr).toContain("pmi-altere.xlsx : écarté");
  expect(run.stderr).toContain("1 reçu(s), 1 à corriger, 0 validé(s), 3 sans réponse");
  const json = JSON.parse(bilan(["register", "maitre-2.xlsx", "--format", "json"]).stdout) as {
    returns: { who: string; state: string }[];
  };
  expect(json.returns.find((r) => r.who === `Partenaire ${pmi.nom}`)?.state).toBe("à corriger");
  // The master written from the one it replaces passes its own checks.
  expect(bilan(["validate", "maitre-2.xlsx"]).status).toBe(0);
});

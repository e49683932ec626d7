/**
 * The register of returns in the engine, masters written and read back by the .xlsx host: every expected
 * return listed (attendu until a file comes), a file with errors à corriger, the state typed in the sheet
 * read back into the history, a resubmission's modifications value by value, a validé return locked (its
 * recorded values stay in the master) until its state is set back, a file with an altered structure making
 * its return à corriger; and the master's metadata still passes its proof with the register in it.
 */
import type { Schema } from "../../src/model/schema";
import type { WorkbookPlan } from "../../src/engine/plan";
import { consolidate, type ConsolidationSource, type Returns } from "../../src/engine/consolidate";
import { masterPlan } from "../../src/engine/consolidateMaster";
import { validateSnapshot, type ValidationReport } from "../../src/engine/validate";
import { REGISTER_SHEET, registerName, type Register } from "../../src/engine/register";
import { CONSTATS_SHEET, MODIFICATIONS_SHEET, retoursNames } from "../../src/engine/layout/retours";
import { snapshotOf } from "../support/snapshotOf";
import { readBack, setCell, sheetNamed } from "../support/fill";
import { GENERATED_AT, bindingCell } from "../support/plans";
import { countKey, fivePartners, partnerPlan } from "../support/fivePartners";
import type { ReadWorkbook } from "../support/readWorkbook";

jest.setTimeout(60_000);

const schema: Schema = fivePartners();
const KEY = countKey(schema);
const [dir, ars, dasp, cde, pmi] = schema.partenaires.map((p) => p.id) as [string, string, string, string, string];

async function source(file: string, plan: WorkbookPlan): Promise<ConsolidationSource> {
  return { file, report: validateSnapshot(snapshotOf(await readBack(plan), file)) };
}

/** A consolidation's master, written and read back; `edit` types in it first, as the ODPE would in Excel. */
async function run(sources: ConsolidationSource[], returns: Returns = {}, edit?: (wb: ReadWorkbook) => void) {
  const c = consolidate(sources, undefined, returns);
  const m = masterPlan(c, GENERATED_AT);
  if (!m.ok) throw new Error(m.error.message);
  const wb = await readBack(m.plan);
  edit?.(wb);
  const report = validateSnapshot(snapshotOf(wb, "maitre.xlsx"));
  return { c, plan: m.plan, wb, report };
}

const next = (report: ValidationReport): Returns => ({
  previous: report.meta!.register!,
  saisis: report.etatsSaisis ?? [],
});

const etats = (r: Register) => Object.fromEntries(r.retours.map((x) => [x.cut.replace("partenaire:", ""), x.etat]));

/** The row of a return in the register sheet (column A holds its cut). */
function rowOf(wb: ReadWorkbook, cut: string): number {
  const cells = sheetNamed(wb, REGISTER_SHEET).cells;
  const at = Object.entries(cells).find(([a, c]) => /^A\d+$/.test(a) && c.value === cut)?.[0];
  if (!at) throw new Error(`no row for ${cut}`);
  return Number(at.slice(1));
}
const setEtat = (wb: ReadWorkbook, partner: string, etat: string) =>
  setCell(wb, REGISTER_SHEET, `C${rowOf(wb, `partenaire:${partner}`)}`, etat);

test("five expected returns: attendu → reçu → à corriger → reçu → validé over three runs, two partners silent, a locked return refused until set back", async () => {
  const [dir1, ars1, dir2, dir3, ars2] = await Promise.all([
    source("direction.xlsx", partnerPlan(schema, dir, 7)),
    source("ars.xlsx", partnerPlan(schema, ars, -4)),
    source("direction-v2.xlsx", partnerPlan(schema, dir, 9)),
    source("direction-v3.xlsx", partnerPlan(schema, dir, 11)),
    source("ars-v2.xlsx", partnerPlan(schema, ars, 5)),
  ]);
  const cde1 = await source("cde.xlsx", partnerPlan(schema, cde, 3));

  // Run 1: the direction answers (reçu); the ARS's file has an error (à corriger); three have not answered.
  // The ODPE then sends the direction's return back: à corriger, typed in the sheet.
  const one = await run([dir1, ars1], {}, (wb) => setEtat(wb, dir, "à corriger"));
  expect(etats(one.c.register!)).toEqual({
    [dir]: "reçu",
    [ars]: "à corriger",
    [dasp]: "attendu",
    [cde]: "attendu",
    [pmi]: "attendu",
  });
  expect(one.c.values.get(KEY)).toBe(7 - 4);
  const arsReturn = one.c.register!.retours.find((r) => r.cut === `partenaire:${ars}`)!;
  expect(arsReturn.erreurs).toBeGreaterThan(0);
  expect(arsReturn.constats.some(([severity, where]) => severity === "erreur" && where.includes("!"))).toBe(true);
  expect(one.report.findings.filter((f) => f.rule === "structure.meta-alteree")).toEqual([]);
  expect(one.report.meta?.register).toEqual(one.c.register);
  expect(one.report.etatsSaisis).toEqual([
    {
      cut: `partenaire:${dir}`,
      where: `${REGISTER_SHEET}!C${rowOf(one.wb, `partenaire:${dir}`)}`,
      text: "à corriger",
      etat: "à corriger",
    },
  ]);
  // The register's sheet links each return with findings to its first finding.
  // A HYPERLINK formula, whose text wraps in every spreadsheet.
  const constatsLink = Object.values(sheetNamed(one.wb, REGISTER_SHEET).cells).find((c) =>
    String(c.formula ?? "").includes(CONSTATS_SHEET),
  );
  expect(constatsLink?.formula).toMatch(/^=HYPERLINK\("#'Constats des retours'!A\d+",/);

  // Run 2: the direction resubmits (its new file beside the old one replaces it: reçu, its modification listed);
  // the ARS's file is the same; the CDE answers. The ODPE then validates the direction's return.
  const two = await run([dir1, dir2, ars1, cde1], next(one.report), (wb) => setEtat(wb, dir, "validé"));
  expect(etats(two.c.register!)).toEqual({
    [dir]: "reçu",
    [ars]: "à corriger",
    [dasp]: "attendu",
    [cde]: "reçu",
    [pmi]: "attendu",
  });
  expect(two.c.setAside).toEqual([
    {
      file: "direction.xlsx",
      reason: expect.objectContaining({ message: "remplacé par le nouvel envoi direction-v2.xlsx" }),
    },
  ]);
  const direction = two.c.register!.retours.find((r) => r.cut === `partenaire:${dir}`)!;
  expect(direction.modifications).toEqual([[KEY, 7, 9]]);
  expect(direction.sources.map((s) => s.fichier)).toEqual(["direction-v2.xlsx"]);
  expect(two.c.values.get(KEY)).toBe(9 - 4 + 3);
  const mods = sheetNamed(two.wb, MODIFICATIONS_SHEET).cells;
  expect([mods.C4?.value, mods.D4?.value, mods.E4?.value]).toEqual([KEY, 7, 9]);
  expect(String(mods.B4?.formula)).toMatch(/^=HYPERLINK\("#'.+'!\$?[A-Z]+\$?\d+",/);

  // Run 3: a third file of the direction is refused (validé, locked) and its validated values stay in the
  // master; the ARS corrects its file (reçu). The DASP and the PMI never answer.
  const three = await run([dir2, dir3, ars2, cde1], next(two.report));
  expect(etats(three.c.register!)).toEqual({
    [dir]: "validé",
    [ars]: "reçu",
    [dasp]: "attendu",
    [cde]: "reçu",
    [pmi]: "attendu",
  });
  expect(three.c.rejected.map((r) => [r.file, r.reason.message])).toEqual([
    ["direction-v3.xlsx", expect.stringContaining("validé, donc verrouillé")],
  ]);
  expect(three.c.values.get(KEY)).toBe(9 + 5 + 3);
  const history = three.c.register!.retours.find((r) => r.cut === `partenaire:${dir}`)!.historique;
  expect(history.map((e) => [e.cause, e.avant, e.etat, e.fichier])).toEqual([
    ["depot", "attendu", "reçu", "direction.xlsx"],
    ["saisie", "reçu", "à corriger", undefined],
    ["depot", "à corriger", "reçu", "direction-v2.xlsx"],
    ["saisie", "reçu", "validé", undefined],
    ["refus", "validé", "validé", "direction-v3.xlsx"],
  ]);
  expect(three.c.register!.retours.filter((r) => r.etat === "attendu").map((r) => r.cut)).toEqual([
    `partenaire:${dasp}`,
    `partenaire:${pmi}`,
  ]);

  // Set back to reçu in the sheet, the return takes the new file; the change of state is in its history.
  const back = await run(
    [dir3, ars2, cde1],
    next((await run([dir2, dir3, ars2, cde1], next(two.report), (wb) => setEtat(wb, dir, "reçu"))).report),
  );
  const again = back.c.register!.retours.find((r) => r.cut === `partenaire:${dir}`)!;
  expect(back.c.rejected).toEqual([]);
  expect(again.etat).toBe("reçu");
  expect(again.modifications).toEqual([[KEY, 9, 11]]);
  expect(again.historique.slice(-2).map((e) => [e.cause, e.avant, e.etat])).toEqual([
    ["saisie", "validé", "reçu"],
    ["depot", "reçu", "reçu"],
  ]);
});

test("a return with no file this run keeps its recorded values in the master, never twice; a state that names none is reported, not applied", async () => {
  const a = await source("direction.xlsx", partnerPlan(schema, dir, 7));
  const b = await source("cde.xlsx", partnerPlan(schema, cde, 3));
  const one = await run([a, b], {}, (wb) => setEtat(wb, cde, "bof"));
  expect(one.report.etatsSaisis).toEqual([expect.objectContaining({ cut: `partenaire:${cde}`, text: "bof" })]);
  expect(one.report.etatsSaisis![0]!.etat).toBeUndefined();
  // Only the direction's file this time: the CDE's recorded values are still counted, its state unchanged.
  const two = await run([a], next(one.report));
  expect(two.c.values.get(KEY)).toBe(10);
  expect(etats(two.c.register!)[cde]).toBe("reçu");
  expect(two.c.sources.map((s) => s.fichier).sort()).toEqual(["cde.xlsx", "direction.xlsx"]);
  // The previous master merged again under another name holds both returns: the register adds nothing to it.
  const copy = await source("ancien-maitre.xlsx", two.plan);
  const three = await run([copy], next(two.report));
  expect(three.c.values.get(KEY)).toBe(10);
});

test("a file set aside for its altered structure: its return is à corriger with its findings, once, its earlier values kept", async () => {
  const good = await source("pmi.xlsx", partnerPlan(schema, pmi, 4));
  const tampered = partnerPlan(schema, pmi, 6);
  const computed = tampered.meta.bindings.find((b) => b.formula && !b.input)!;
  const cell = bindingCell(tampered, computed.key);
  delete cell.formula;
  cell.value = 5;
  const bad = await source("pmi-v2.xlsx", tampered);
  expect(bad.report.findings.some((f) => f.rule === "structure.formule-remplacee")).toBe(true);

  // The CDE's return, unchanged, is in every run (the returns' folder); a master needs one file it can merge.
  const other = await source("cde.xlsx", partnerPlan(schema, cde, 3));
  const one = await run([good, other]);
  const two = await run([other, bad], next(one.report));
  const pmiReturn = (c: typeof two.c) => c.register!.retours.find((r) => r.cut === `partenaire:${pmi}`)!;
  expect(two.c.rejected.map((r) => r.file)).toEqual(["pmi-v2.xlsx"]);
  expect(pmiReturn(two.c)).toMatchObject({ etat: "à corriger", ecarte: "pmi-v2.xlsx" });
  expect(pmiReturn(two.c).constats.some(([, , rule]) => rule === "structure.formule-remplacee")).toBe(true);
  expect(pmiReturn(two.c).sources.map((x) => x.fichier)).toEqual(["pmi.xlsx"]);
  expect(two.c.values.get(KEY)).toBe(4 + 3);
  // The same file again adds nothing to the history; a corrected one is taken.
  const three = await run([other, bad], next(two.report));
  expect(pmiReturn(three.c).historique.map((e) => e.cause)).toEqual(["depot", "ecarte"]);
  const fixed = await source("pmi-v3.xlsx", partnerPlan(schema, pmi, 6));
  const four = await run([other, fixed], next(three.report));
  expect(four.c.values.get(KEY)).toBe(6 + 3);
  expect(pmiReturn(four.c)).toMatchObject({ etat: "reçu", modifications: [[KEY, 4, 6]] });
  expect(pmiReturn(four.c).ecarte).toBeUndefined();
});

test("a run whose only file is refused still updates the register, from the master it replaces, every value kept", async () => {
  const good = await source("pmi.xlsx", partnerPlan(schema, pmi, 4));
  const other = await source("cde.xlsx", partnerPlan(schema, cde, 3));
  const tampered = partnerPlan(schema, pmi, 6);
  const cell = bindingCell(tampered, tampered.meta.bindings.find((b) => b.formula && !b.input)!.key);
  delete cell.formula;
  cell.value = 5;
  const bad = await source("pmi-v2.xlsx", tampered);
  const one = await run([good, other]);
  // Without the master's model there is no reference: nothing is merged, no register made.
  expect(consolidate([bad], undefined, next(one.report)).register).toBeUndefined();
  const master = { schema: one.report.schema!, meta: one.report.meta! };
  const two = await run([bad], { ...next(one.report), master });
  expect(two.c.accepted).toEqual([]);
  expect(two.c.rejected.map((r) => r.file)).toEqual(["pmi-v2.xlsx"]);
  expect(etats(two.c.register!)).toMatchObject({ [pmi]: "à corriger", [cde]: "reçu", [dir]: "attendu" });
  expect(two.c.register!.retours.find((r) => r.cut === `partenaire:${pmi}`)).toMatchObject({ ecarte: "pmi-v2.xlsx" });
  expect(two.c.values.get(KEY)).toBe(4 + 3);
  expect(two.report.findings.filter((f) => f.severity === "erreur")).toEqual([]);
});

test("an English master: its register's sheets in English, a state typed in English or in French read back, the lock said with its words", async () => {
  const en = (file: string, partner: string, value: number) => source(file, partnerPlan(schema, partner, value, "en"));
  const [dir1, ars1, cde1, dir2] = await Promise.all([
    en("direction.xlsx", dir, 7),
    en("ars.xlsx", ars, 2),
    en("cde.xlsx", cde, 3),
    en("direction-v2.xlsx", dir, 9),
  ]);
  const [returns, findings, changes] = retoursNames("en");
  const row = (wb: ReadWorkbook, partner: string) => {
    const cells = sheetNamed(wb, returns!).cells;
    return Number(
      Object.entries(cells)
        .find(([a, c]) => /^A\d+$/.test(a) && c.value === `partenaire:${partner}`)![0]
        .slice(1),
    );
  };
  // The ODPE validates the direction's return in English, and sends the ARS's back in French.
  const one = await run([dir1, ars1, cde1], {}, (wb) => {
    setCell(wb, returns!, `C${row(wb, dir)}`, "Validated");
    setCell(wb, returns!, `C${row(wb, ars)}`, "à corriger");
  });
  expect(one.plan.meta.lang).toBe("en");
  expect(one.plan.sheets.map((s) => s.name)).toEqual(expect.arrayContaining([returns, findings, changes]));
  expect(one.plan.sheets.map((s) => s.name)).not.toEqual(expect.arrayContaining([REGISTER_SHEET]));
  const suivi = sheetNamed(one.wb, returns!).cells;
  expect(suivi[`C${row(one.wb, cde)}`]?.value).toBe("received");
  expect(suivi[`B${row(one.wb, cde)}`]?.value).toBe(`Partner ${schema.partenaires[3]!.nom}`);
  const list = one.plan.sheets.find((s) => s.name === returns)!.validations[0]!;
  expect(list.rule).toEqual({ type: "list", values: ["expected", "received", "to correct", "validated"] });
  // Its structure is what its language lays out: no sheet missing, its metadata proven.
  expect(one.report.findings.filter((f) => f.rule.startsWith("structure."))).toEqual([]);
  expect(one.report.etatsSaisis).toEqual([
    { cut: `partenaire:${dir}`, where: `${returns}!C${row(one.wb, dir)}`, text: "Validated", etat: "validé" },
    { cut: `partenaire:${ars}`, where: `${returns}!C${row(one.wb, ars)}`, text: "à corriger", etat: "à corriger" },
  ]);

  // The next run records both (the register keeps its French state ids), and refuses the direction's new file
  // naming the English sheet and words to set it back.
  const two = await run([dir1, dir2, ars1, cde1], next(one.report));
  expect(etats(two.c.register!)).toMatchObject({ [dir]: "validé", [ars]: "à corriger", [cde]: "reçu" });
  expect(two.c.rejected.map((r) => [r.file, r.reason.messageEn])).toEqual([
    [
      "direction-v2.xlsx",
      expect.stringContaining('set its state back to "received" or "to correct" in the "Returns" sheet'),
    ],
  ]);
  expect(two.c.rejected[0]!.reason.message).toContain(
    "remettre son état à « received » ou « to correct » dans la feuille « Returns »",
  );
  const states = sheetNamed(two.wb, returns!).cells;
  expect([states[`C${row(two.wb, dir)}`]?.value, states[`C${row(two.wb, ars)}`]?.value]).toEqual([
    "validated",
    "to correct",
  ]);
  expect(String(states[`K${row(two.wb, dir)}`]?.value)).toContain("state received → validated (typed in the sheet)");
  // Nothing typed since: nothing read as typed.
  expect(two.report.etatsSaisis).toEqual([]);
});

test("a French master reads a state typed in English too", async () => {
  const a = await source("direction.xlsx", partnerPlan(schema, dir, 7));
  const one = await run([a], {}, (wb) => setEtat(wb, dir, "  VALIDATED "));
  expect(one.report.etatsSaisis).toEqual([expect.objectContaining({ cut: `partenaire:${dir}`, etat: "validé" })]);
});

test("an English master written before its register spoke English: a state typed in its French-named sheet is still read", async () => {
  const a = await source("direction.xlsx", partnerPlan(schema, dir, 7, "en"));
  const one = await run([a], {}, (wb) => {
    const sheet = sheetNamed(wb, registerName("en"));
    sheet.name = REGISTER_SHEET;
    setEtat(wb, dir, "validated");
  });
  expect(one.report.etatsSaisis).toEqual([
    expect.objectContaining({
      cut: `partenaire:${dir}`,
      where: expect.stringMatching(/^Suivi des retours!C\d+$/),
      etat: "validé",
    }),
  ]);
  // Its structure says where the sheet went.
  expect(one.report.findings.filter((f) => f.rule === "structure.feuille-absente").map((f) => f.sheet)).toEqual([
    registerName("en"),
  ]);
});

/**
 * The copy `bilan rollup -o` writes keeps the refused values visible: each
 * input cell holding one gets the error fill and a note with the finding's
 * French message; valid cells get neither; a partner's own note stays, the
 * mark after it; a copy of the copy has its marks replaced, not added to; the
 * source file is never modified.
 */
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { loadBuiltin } from "../../src/model/builtins";
import { renderPlanToXlsx } from "../../src/hosts/xlsx/renderPlan";
import { readXlsx } from "../support/readWorkbook";
import { snapshotXlsx } from "../../src/hosts/xlsx/snapshot";
import { validateSnapshot } from "../../src/engine/validate";
import { MARK_HEAD, MARK_STYLE } from "../../src/engine/validate/marks";
import { rollupCommand } from "../../src/cli/rollup";
import { fillValid } from "../support/fill";
import { bindingCell, expand, planOf, setInput } from "../support/plans";

jest.setTimeout(60_000);

const dir = mkdtempSync(join(tmpdir(), "bilan-marks-"));
const schema = loadBuiltin("orne_2017_2021");
const plan = fillValid(planOf(schema), schema);
const year = plan.meta.campaignYear;
const indicators = schema.axes.flatMap((a) => a.fiches).flatMap((f) => f.indicateurs);
const counts = indicators.filter((i) => i.type === "count");
const ratio = indicators.find((i) => i.type === "ratio")!;
const statut = plan.meta.bindings.find((b) => b.kind === "statut" && b.period?.startsWith(String(year)))!;

/** The refused values typed in, by binding key, and the message each must carry. */
const wrong: Record<string, { value: string | number; says: string }> = {
  [`${counts[0]!.id}@valeur:${year}`]: { value: "12 réunions", says: "12 réunions" },
  [`${counts[1]!.id}@valeur:${year}`]: { value: -4, says: "-4" },
  [`${counts[2]!.id}@valeur:${year}`]: { value: 3.5, says: "3,5" },
  [statut.key]: { value: "Fait", says: "Fait" },
  [`${ratio.id}@numerateur:${year}`]: { value: 120, says: "120" },
};
const valid = `${counts[3]!.id}@valeur:${year}`;
const noted = `${counts[0]!.id}@valeur:${year}`;
const OWN_NOTE = "Chiffre à confirmer avec la CAF";

const address = (key: string) => plan.meta.bindings.find((b) => b.key === key)!;
const hash = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");

async function rollup(from: string, to: string): Promise<void> {
  const write = jest.spyOn(process.stdout, "write").mockImplementation(() => true);
  const err = jest.spyOn(process.stderr, "write").mockImplementation(() => true);
  try {
    expect(await rollupCommand(from, { output: to, json: false, force: false }, "fr")).toBe(0);
  } finally {
    write.mockRestore();
    err.mockRestore();
  }
}

/** Each bound cell of interest in a file: its note (exceljs) and whether a mark's fill covers it. */
async function marksIn(file: string, keys: string[]) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
  const read = await readXlsx(readFileSync(file));
  return Object.fromEntries(
    keys.map((key) => {
      const b = address(key);
      const note = wb.getWorksheet(b.sheet)!.getCell(b.address).note;
      const text = typeof note === "string" ? note : (note?.texts ?? []).map((r) => r.text).join("");
      const filled = read.sheets
        .find((s) => s.name === b.sheet)!
        .conditionalFormats.some(
          (f) => f.formula === "TRUE" && f.style?.fill === MARK_STYLE.fill && expand(f.ranges).includes(b.address),
        );
      return [key, { note: text, filled }];
    }),
  );
}

let source: string;
beforeAll(async () => {
  setInput(plan, `${ratio.id}@denominateur:${year}`, 100);
  for (const [key, { value }] of Object.entries(wrong)) setInput(plan, key, value);
  bindingCell(plan, noted).note = OWN_NOTE;
  source = join(dir, "retour.xlsx");
  writeFileSync(source, await renderPlanToXlsx(plan));
});

test("the copy marks each refused value (fill and French note), no valid one, and leaves the source alone", async () => {
  const before = hash(source);
  const copy = join(dir, "copie.xlsx");
  await rollup(source, copy);
  expect(hash(source)).toBe(before);
  const got = await marksIn(copy, [...Object.keys(wrong), valid]);
  for (const [key, { says }] of Object.entries(wrong)) {
    expect({ key, filled: got[key]!.filled }).toEqual({ key, filled: true });
    expect(got[key]!.note).toContain(MARK_HEAD);
    expect(got[key]!.note).toContain(says);
  }
  expect(got[valid]).toEqual({ note: "", filled: false });
  // The partner's note first, the mark after it.
  expect(got[noted]!.note.startsWith(OWN_NOTE)).toBe(true);
  expect(got[noted]!.note.indexOf(MARK_HEAD)).toBeGreaterThan(OWN_NOTE.length);
});

test("a copy of the copy replaces the marks: one per cell, the partner's note once, and never listed as a comment", async () => {
  const copy = join(dir, "copie.xlsx");
  const again = join(dir, "copie2.xlsx");
  await rollup(copy, again);
  const got = await marksIn(again, Object.keys(wrong));
  for (const key of Object.keys(wrong)) expect(got[key]!.note.split(MARK_HEAD)).toHaveLength(2);
  expect(got[noted]!.note.split(OWN_NOTE)).toHaveLength(2);
  const read = await snapshotXlsx(readFileSync(again), "copie2.xlsx");
  if (!read.ok) throw new Error("copie2.xlsx unreadable");
  const report = validateSnapshot(read.snapshot);
  // The marks are no tampering, and the copy still holds the same refused values.
  expect(report.findings.filter((f) => f.rule.startsWith("structure."))).toEqual([]);
  expect(report.findings.filter((f) => f.severity === "erreur")).toHaveLength(Object.keys(wrong).length);
  const comments = report.findings.filter((f) => f.rule.startsWith("saisie.commentaire"));
  expect(comments.map((f) => [f.cell, f.message.includes(MARK_HEAD)])).toEqual([[address(noted).address, false]]);
});

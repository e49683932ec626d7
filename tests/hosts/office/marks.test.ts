/**
 * After Contrôler in the open workbook (the in-memory Excel), each input cell
 * holding a refused value has the error fill and a note with the finding's
 * French message; valid cells have neither; the user's own note stays before
 * the mark; the next Contrôler replaces the marks (a corrected value loses
 * its mark, the user's note coming back as it was); protection is restored.
 */
import { loadBuiltin } from "../../../src/model/builtins";
import type { WorkbookPlan } from "../../../src/engine/plan";
import { MARK_FORMULA, MARK_HEAD, MARK_STYLE } from "../../../src/engine/validate/marks";
import { renderPlanInExcel } from "../../../src/hosts/office/renderPlan";
import { controlerClasseur } from "../../../src/hosts/office/controler";
import { parseA1 } from "../../../src/util/a1";
import { FakeExcel } from "../../support/fakeExcel";
import { notesOf } from "../../support/fakeExcel/api";
import { fillValid } from "../../support/fill";
import { planOf } from "../../support/plans";

const schema = loadBuiltin("orne_2017_2021");
const indicators = schema.axes.flatMap((a) => a.fiches).flatMap((f) => f.indicateurs);
const counts = indicators.filter((i) => i.type === "count");
let plan: WorkbookPlan;
let excel: FakeExcel;
const office = globalThis as { Office?: unknown };
const OWN_NOTE = "À vérifier avec le service";

function supportsNotes(yes: boolean) {
  office.Office = {
    context: {
      requirements: { isSetSupported: (set: string, v: string) => set === "ExcelApi" && (yes || v < "1.18") },
    },
  };
}

const binding = (key: string) => plan.meta.bindings.find((b) => b.key === key)!;
const key = (i: number) => `${counts[i]!.id}@valeur:${plan.meta.campaignYear}`;

/** The user types into a bound cell. */
function type(k: string, value: string | number | null) {
  const b = binding(k);
  const { row, col } = parseA1(b.address);
  excel.state.mustSheet(b.sheet).cell(row, col).value = value;
}

/** Whether the mark's fill covers the cell of `k`, and the note there. */
function markOf(k: string): { filled: boolean; note?: string } {
  const b = binding(k);
  const { row, col } = parseA1(b.address);
  const sheet = excel.state.mustSheet(b.sheet);
  const filled = sheet.conditionalFormats.some(
    (f) =>
      f.custom?.formula === MARK_FORMULA &&
      f.custom.fill === MARK_STYLE.fill &&
      f.areas.some((a) => a.r1 <= row && row <= a.r2 && a.c1 <= col && col <= a.c2),
  );
  const note = notesOf(excel.state).find((n) => n.sheet === sheet && n.area.r1 === row && n.area.c1 === col);
  return { filled, ...(note ? { note: note.content } : {}) };
}

beforeEach(async () => {
  plan = fillValid(planOf(schema), schema);
  excel = new FakeExcel();
  await excel.run((ctx) => renderPlanInExcel(ctx, plan));
});

afterEach(() => delete office.Office);

test("Contrôler marks each refused value with the fill and a French note, keeps the user's note, and nothing else", async () => {
  supportsNotes(true);
  type(key(0), "12 réunions");
  type(key(1), -4);
  type(key(2), 3.5);
  const b = binding(key(0));
  const { row, col } = parseA1(b.address);
  notesOf(excel.state).push({
    sheet: excel.state.mustSheet(b.sheet),
    area: { r1: row, c1: col, r2: row, c2: col },
    content: OWN_NOTE,
    authorName: "Partenaire",
  });
  const { report } = await excel.run((ctx) => controlerClasseur(ctx));
  expect(report.findings.filter((f) => f.severity === "erreur")).toHaveLength(3);

  expect(markOf(key(0))).toEqual({
    filled: true,
    note: `${OWN_NOTE}\n\n${MARK_HEAD}\n${report.findings.find((f) => f.cell === b.address)!.message}`,
  });
  for (const [i, says] of [
    [1, "-4"],
    [2, "3,5"],
  ] as const) {
    expect(markOf(key(i)).filled).toBe(true);
    expect(markOf(key(i)).note).toMatch(new RegExp(`^${MARK_HEAD.replace(/[()]/g, "\\$&")}\\n.*${says}`));
  }
  expect(markOf(key(3))).toEqual({ filled: false });
  expect(notesOf(excel.state)).toHaveLength(3);
  // The sheets are protected again, as their plan says.
  for (const s of plan.sheets.filter((x) => x.protection))
    expect([s.name, excel.state.mustSheet(s.name).protection.protected]).toEqual([s.name, true]);
});

test("the next Contrôler replaces the marks: a corrected value loses its mark, a new error gets one", async () => {
  supportsNotes(true);
  type(key(0), "Fait");
  type(key(1), -4);
  await excel.run((ctx) => controlerClasseur(ctx));
  await excel.run((ctx) => controlerClasseur(ctx));
  expect(notesOf(excel.state)).toHaveLength(2);
  const sheet = excel.state.mustSheet(binding(key(0)).sheet);
  expect(sheet.conditionalFormats.filter((f) => f.custom?.formula === MARK_FORMULA)).toHaveLength(1);

  type(key(0), 12);
  type(key(2), "douze");
  await excel.run((ctx) => controlerClasseur(ctx));
  expect(markOf(key(0))).toEqual({ filled: false });
  expect(markOf(key(1)).filled).toBe(true);
  expect(markOf(key(2)).note).toContain("douze");
  expect(notesOf(excel.state)).toHaveLength(2);
  expect(markOf(key(1)).note!.split(MARK_HEAD)).toHaveLength(2);
});

test("a corrected value with the user's note gets the note back as it was", async () => {
  supportsNotes(true);
  type(key(0), "Fait");
  const b = binding(key(0));
  const { row, col } = parseA1(b.address);
  notesOf(excel.state).push({
    sheet: excel.state.mustSheet(b.sheet),
    area: { r1: row, c1: col, r2: row, c2: col },
    content: OWN_NOTE,
    authorName: "Partenaire",
  });
  await excel.run((ctx) => controlerClasseur(ctx));
  expect(markOf(key(0)).note).toContain(MARK_HEAD);
  type(key(0), 12);
  await excel.run((ctx) => controlerClasseur(ctx));
  expect(markOf(key(0))).toEqual({ filled: false, note: OWN_NOTE });
});

test("an Excel without notes (before ExcelApi 1.18) gets the fill only", async () => {
  supportsNotes(false);
  type(key(0), "Fait");
  await excel.run((ctx) => controlerClasseur(ctx));
  expect(markOf(key(0))).toEqual({ filled: true });
  expect(notesOf(excel.state)).toHaveLength(0);
});

test("a sheet the user unprotected is marked and left unprotected", async () => {
  supportsNotes(true);
  type(key(0), "Fait");
  const name = binding(key(0)).sheet;
  await excel.run(async (ctx) => {
    ctx.workbook.worksheets.getItem(name).protection.unprotect();
    await ctx.sync();
  });
  await excel.run((ctx) => controlerClasseur(ctx));
  expect(markOf(key(0)).filled).toBe(true);
  expect(excel.state.mustSheet(name).protection.protected).toBe(false);
});

/**
 * A generated workbook opened by a real spreadsheet program: LibreOffice Calc
 * loads it (recalculating every formula: see tests/support/libreoffice.ts),
 * saves it again as .xlsx, and what it kept is read back. Twice: the .xlsx
 * host's file, and what the Office.js host left in the in-memory Excel,
 * exported through the .xlsx host.
 */
import { mkdtempSync, rmSync, writeFileSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { a1 } from "../../src/util/a1";
import type { WorkbookPlan } from "../../src/engine/plan";
import { renderPlanToXlsx } from "../../src/hosts/xlsx/renderPlan";
import { readXlsx, type ReadWorkbook } from "../support/readWorkbook";
import { convertWithLibreOffice, disposeLibreOfficeProfile } from "../support/libreoffice";
import { bindingCell, builtinPlan, expand, setInput } from "../support/plans";
import { renderPlanInExcel } from "../../src/hosts/office/renderPlan";
import { FakeExcel, FakeWorkbookState } from "../support/fakeExcel";
import { stateToPlan } from "../support/fakeExcel/toPlan";

const dir = mkdtempSync(join(tmpdir(), "bilan-lo-"));
const ratio = "fa_21.ind_1";

afterAll(() => {
  disposeLibreOfficeProfile();
  rmSync(dir, { recursive: true, force: true });
});

/** The Essonne plan with a ratio filled in and, for the .xlsx host, a wrong cached result: only a recalculation gives 25. */
function essonnePlan(): WorkbookPlan {
  const plan = builtinPlan("essonne_2022_2026");
  setInput(plan, `${ratio}@numerateur:2024`, 30);
  setInput(plan, `${ratio}@denominateur:2024`, 120);
  bindingCell(plan, `${ratio}@taux:2024`).value = 999;
  return plan;
}

const viaXlsxHost = (plan: WorkbookPlan) => renderPlanToXlsx(plan);
async function viaOfficeHost(plan: WorkbookPlan): Promise<Buffer> {
  const excel = new FakeExcel(new FakeWorkbookState(["Feuil1"]));
  await excel.run((ctx) => renderPlanInExcel(ctx, plan));
  // The user's empty starting sheet is not part of the bilan.
  excel.state.sheets.shift();
  return renderPlanToXlsx(stateToPlan(excel.state, plan.meta));
}

describe.each([
  ["the .xlsx host", viaXlsxHost],
  ["the Office.js host", viaOfficeHost],
] as const)("written by %s", (host, write) => {
  let plan: WorkbookPlan;
  let back: ReadWorkbook;

  beforeAll(async () => {
    plan = essonnePlan();
    const file = join(dir, `${host.replace(/\W+/g, "-")}.xlsx`);
    writeFileSync(file, await write(plan));
    const converted = await convertWithLibreOffice(file, join(dir, "lo"), "xlsx");
    back = await readXlsx(readFileSync(converted));
  }, 180_000);

  const sheet = (name: string) => back.sheets.find((s) => s.name === name)!;

  test("formulas are recalculated, not taken from the file", () => {
    const b = plan.meta.bindings.find((x) => x.key === `${ratio}@taux:2024`)!;
    expect(sheet(b.sheet).cells[b.address]).toMatchObject({ formula: b.formula, result: 25 });
  });

  test("no formula ends in an error", () => {
    const errors = back.sheets.flatMap((s) =>
      Object.entries(s.cells)
        .filter(([, c]) => c.formula && typeof c.result === "string" && c.result.startsWith("#"))
        .map(([a, c]) => `${s.name}!${a} ${c.formula} → ${c.result}`),
    );
    expect(errors).toEqual([]);
  });

  test("sheets, their visibility and protection survive", () => {
    // Calc has no "very hidden" state: it saves the metadata sheet as hidden, which Excel shows in its Unhide list.
    const calcState = (v: string) => (v === "veryHidden" ? "hidden" : v);
    expect(back.sheets.map((s) => [s.name, s.state, s.protected])).toEqual(
      plan.sheets.map((s) => [s.name, calcState(s.visibility), Boolean(s.protection)]),
    );
  });

  test("every defined name still points at its range", () => {
    for (const n of plan.names)
      expect({ name: n.name, ...back.names[n.name] }).toEqual({ name: n.name, sheet: n.sheet, ref: n.ref });
  });

  test("input cells stay unlocked and labels locked", () => {
    for (const b of plan.meta.bindings.filter((x) => x.input))
      expect({ key: b.key, locked: sheet(b.sheet).cells[b.address]?.locked }).toEqual({ key: b.key, locked: false });
    for (const l of plan.meta.labels)
      expect({
        at: l.address,
        locked: sheet(l.sheet).cells[l.address]?.locked,
        value: sheet(l.sheet).cells[l.address]?.value,
      }).toEqual({
        at: l.address,
        locked: true,
        value: l.text,
      });
  });

  test("every validation keeps its type, list and messages", () => {
    for (const s of plan.sheets)
      for (const v of s.validations)
        for (const address of expand(v.ranges)) {
          const got = sheet(s.name).validations[address];
          expect({ at: `${s.name}!${address}`, type: got?.type, error: got?.error, prompt: got?.prompt }).toEqual({
            at: `${s.name}!${address}`,
            type: v.rule.type === "ratioPart" ? "custom" : v.rule.type,
            error: v.error.message,
            prompt: v.prompt.message,
          });
          if (v.rule.type === "list") expect(got?.formulae[0]).toBe(`"${v.rule.values.join(",")}"`);
        }
  });

  test("conditional formats survive on every cell they cover", () => {
    for (const s of plan.sheets) {
      const covered = (f: { ranges: string[] }) => new Set(expand(f.ranges.flatMap((r) => r.split(" "))));
      const planned = new Set(s.conditionalFormats.flatMap((f) => [...covered(f)]));
      const kept = new Set(sheet(s.name).conditionalFormats.flatMap((f) => [...covered(f)]));
      expect([...planned].filter((a) => !kept.has(a))).toEqual([]);
    }
  });

  test("links of the Sommaire still lead to the axe sheets, their text computed", () => {
    const links = plan.sheets[0]!.cells.filter((c) => c.formula?.startsWith("=HYPERLINK("));
    expect(links.length).toBeGreaterThan(0);
    for (const c of links) {
      const got = sheet("Sommaire").cells[a1(c.row, c.col)];
      expect({ formula: got?.formula?.toUpperCase(), value: got?.value }).toEqual({
        formula: c.formula!.toUpperCase(),
        value: c.value,
      });
    }
  });
});

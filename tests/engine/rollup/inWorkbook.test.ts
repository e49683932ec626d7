/**
 * The rollups inside the workbook: summary rows found again when rows move,
 * their formulas guarded by the checks like every computed cell, and a copy
 * filled by `fillPlan` that puts every value back in its place.
 */
import { validateSnapshot } from "../../../src/engine/validate";
import { computeRollups, fillPlan, formulaResults } from "../../../src/engine/rollup";
import { snapshotOf } from "../../support/snapshotOf";
import type { ReadWorkbook } from "../../support/readWorkbook";
import { parseA1 } from "../../../src/util/a1";
import { couverture } from "../../support/couverture";
import { readBack, setCell, shiftRows } from "../../support/fill";
import { fillRandom } from "../../support/fillRandom";
import { planOf } from "../../support/plans";

const schema = couverture();
const plan = fillRandom(planOf(schema), schema, 11);
const sheet = plan.sheets.find((s) => s.kind === "axe")!.name;
let filled: ReadWorkbook;

beforeAll(async () => {
  filled = await readBack(plan);
});

const report = (wb: ReadWorkbook) => validateSnapshot(snapshotOf(wb, "partenaire.xlsx"));
const rollupsOf = (wb: ReadWorkbook) => {
  const r = report(wb);
  return computeRollups(r.schema!, r.meta!, r.values);
};
const ficheSummary = plan.meta.bindings.find((b) => b.key === "fa_1#synthese@synthese:avancement")!;

test("every rollup cell is a formula the metadata records, and each row-level one sits on its node's row", () => {
  const computed = plan.meta.bindings.filter((b) => b.kind === "synthese" || b.kind === "rollup");
  expect(computed.filter((b) => !b.formula).map((b) => b.period)).toEqual(["controles", "controles", "controles"]);
  const labelRows = new Map(plan.meta.labels.map((l) => [`${l.sheet}!${l.node}`, parseA1(l.address).row]));
  for (const b of computed.filter((x) => x.kind === "synthese"))
    expect([b.key, parseA1(b.address).row]).toEqual([b.key, labelRows.get(`${b.sheet}!${b.node}`)]);
});

test("inputs filled are counted as the checks count them, per fiche, per axe and in all", () => {
  const r = report(filled);
  const rollups = computeRollups(r.schema!, r.meta!, r.values);
  const completion = (f: { requis: number; saisi: number }) => ({ required: f.requis, filled: f.saisi });
  expect(completion(rollups.figures)).toEqual(r.completion.total);
  for (const axe of rollups.axes) {
    expect(completion(axe.figures)).toEqual(r.completion.axes[axe.id]);
    for (const fiche of axe.fiches.filter((f) => f.figures.requis))
      expect(completion(fiche.figures)).toEqual(r.completion.fiches[fiche.id]);
  }
});

test("rows inserted above the summaries and inside a fiche: the same rollups, and only the move is reported", () => {
  const moved = structuredClone(filled);
  shiftRows(moved, sheet, 2, 1);
  shiftRows(moved, sheet, parseA1(ficheSummary.address).row + 4, 2);
  const structure = (wb: ReadWorkbook) =>
    report(wb)
      .findings.filter((f) => f.structure)
      .map((f) => f.rule);
  expect(structure(filled)).toEqual([]);
  expect(structure(moved)).toEqual(["structure.lignes-deplacees", "structure.lignes-deplacees"]);
  expect(rollupsOf(moved)).toEqual(rollupsOf(filled));
});

test("a summary overwritten by a number is reported with the formula expected", () => {
  const edited = structuredClone(filled);
  setCell(edited, sheet, ficheSummary.address, 1);
  const findings = report(edited).findings.filter((f) => f.rule === "structure.formule-remplacee");
  expect(findings.map((f) => [f.cell, f.expected])).toEqual([[ficheSummary.address, ficheSummary.formula]]);
});

test("the copy puts every value back in its cell, rows moved back, and passes the checks as the original does", async () => {
  const moved = structuredClone(filled);
  shiftRows(moved, sheet, parseA1(ficheSummary.address).row + 4, 1);
  const r = report(moved);
  const rollups = computeRollups(r.schema!, r.meta!, r.values, { findings: r.findings });
  const copy = await readBack(fillPlan(r.plan!, r.schema!, r.values, formulaResults(rollups), rollups));
  const again = report(copy);
  // The copy also holds the Sommaire's error counts (here: the rows moved).
  const entered = (values: Map<string, unknown>) => [...values].filter(([k]) => !k.includes("@rollup:"));
  expect(entered(again.values)).toEqual(entered(report(filled).values));
  expect(again.findings.map((f) => f.rule)).toEqual(report(filled).findings.map((f) => f.rule));
  expect(again.findings.some((f) => f.rule.startsWith("structure."))).toBe(false);
});

test("the Sommaire's error counts are those of the checks", async () => {
  const edited = structuredClone(filled);
  const count = plan.meta.bindings.find((b) => b.kind === "valeur" && b.input && b.node === "fa_1.ind_1")!;
  setCell(edited, count.sheet, count.address, -4);
  const r = report(edited);
  const rollups = computeRollups(r.schema!, r.meta!, r.values, { findings: r.findings });
  expect(rollups.axes.map((a) => a.controles)).toEqual([1, 0]);
  expect(rollups.controles).toBe(1);
  const copy = await readBack(fillPlan(r.plan!, r.schema!, r.values, formulaResults(rollups), rollups));
  const sommaire = copy.sheets[0]!.cells;
  const cell = (key: string) => sommaire[plan.meta.bindings.find((b) => b.key === key)!.address]?.value;
  expect([
    cell("axe_1@rollup:controles"),
    cell("axe_2@rollup:controles"),
    cell(`${schema.id}@rollup:controles`),
  ]).toEqual([1, 0, 1]);
});

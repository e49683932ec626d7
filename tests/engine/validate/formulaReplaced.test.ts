/**
 * A computed cell whose formula was replaced is named precisely: the formula expected where its row is now, and
 * what holds its place (another formula, a value, a text, nothing), as datapackr reports altered formulas.
 */
import { parseSchemaOrThrow } from "../../../src/model/parse";
import { validateSnapshot } from "../../../src/engine/validate";
import { snapshotOf } from "../../support/snapshotOf";
import type { ReadWorkbook } from "../../support/readWorkbook";
import { parseA1 } from "../../../src/util/a1";
import { fillValid, normalizeFormula, readBack, setCell, sheetNamed, shiftRows } from "../../support/fill";
import { planOf } from "../../support/plans";
import { validModel } from "../../model/fixtures";

const schema = parseSchemaOrThrow(validModel(), "test");
const plan = fillValid(planOf(schema), schema);
const rate = plan.meta.bindings.find((b) => b.formula && b.kind === "taux" && b.period === "2024")!;
let filled: ReadWorkbook;

beforeAll(async () => {
  filled = await readBack(plan);
});

function replaced(edit: (wb: ReadWorkbook) => void) {
  const wb = structuredClone(filled);
  edit(wb);
  return validateSnapshot(snapshotOf(wb, "partenaire.xlsx")).findings.filter(
    (f) => f.rule === "structure.formule-remplacee",
  );
}

test("a formula replaced by a number: the formula expected and the value there now", () => {
  const [f, ...rest] = replaced((wb) => setCell(wb, rate.sheet, rate.address, 55.5));
  expect(rest).toEqual([]);
  expect(f).toMatchObject({ cell: rate.address, expected: rate.formula, value: 55.5 });
  expect(f!.message).toBe(
    `La formule ${rate.formula} attendue a été remplacée par la valeur 55,5. Les valeurs saisies restent lisibles.`,
  );
  expect(f!.messageEn).toContain(`The expected formula ${rate.formula} was replaced by the value 55.5.`);
});

test("a formula replaced by another formula: both formulas", () => {
  const [f] = replaced((wb) => {
    const cell = sheetNamed(wb, rate.sheet).cells[rate.address]!;
    cell.formula = "=0.8*100";
  });
  expect(f!.message).toContain(`La formule ${rate.formula} attendue a été remplacée par la formule =0.8*100.`);
  expect(f!.value).toBe("=0.8*100");
});

test("a formula replaced by a text, or cleared", () => {
  expect(replaced((wb) => setCell(wb, rate.sheet, rate.address, "voir note"))[0]!.message).toContain(
    "remplacée par le texte « voir note »",
  );
  expect(replaced((wb) => setCell(wb, rate.sheet, rate.address, undefined))[0]!.messageEn).toContain(
    "was replaced by an empty cell.",
  );
});

test("rows inserted above: the formula expected is the one of the row where it is now", () => {
  const row = parseA1(rate.address).row;
  const [f] = replaced((wb) => {
    shiftRows(wb, rate.sheet, row - 1, 2);
    setCell(wb, rate.sheet, rate.address.replace(/\d+$/, String(row + 2)), 7);
  });
  expect(f!.cell).toBe(rate.address.replace(/\d+$/, String(row + 2)));
  expect(f!.expected).not.toBe(rate.formula);
  expect(normalizeFormula(f!.expected!)).toBe(normalizeFormula(rate.formula!, 2));
  expect(f!.message).toContain(`La formule ${f!.expected} attendue`);
});

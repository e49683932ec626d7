/**
 * The custom validation of a ratio's parts, computed by a real spreadsheet:
 * each formula `ratioPartFormula` writes is put in a cell beside a pair of
 * values, LibreOffice recalculates, and the results say which entries the
 * validation lets through: numbers ≥ 0, the numerator at most the
 * denominator once both are numbers (so a zero denominator takes only 0).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { ratioPartFormula } from "../../src/engine/layout/inputs";
import { readXlsx } from "../support/readWorkbook";
import { convertWithLibreOffice, disposeLibreOfficeProfile } from "../support/libreoffice";

const dir = mkdtempSync(join(tmpdir(), "bilan-ratio-"));
afterAll(() => {
  disposeLibreOfficeProfile();
  rmSync(dir, { recursive: true, force: true });
});

type V = number | string | null;
/** numerator, denominator, whether the numerator's rule passes, whether the denominator's does. */
const CASES: [V, V, boolean, boolean][] = [
  [5, 10, true, true],
  [10, 10, true, true],
  [10, 5, false, false],
  [5, null, true, false],
  [null, 5, false, true],
  [0, 0, true, true],
  [3, 0, false, false],
  [-1, 10, false, true],
  [5, -1, false, false],
  ["12 réunions", 10, false, true],
  [5, "dix", true, false],
];

test("LibreOffice computes what the validation of each part lets through", async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Parts");
  CASES.forEach(([num, den], i) => {
    const row = i + 1;
    if (num !== null) ws.getCell(row, 1).value = num;
    if (den !== null) ws.getCell(row, 2).value = den;
    ws.getCell(row, 3).value = { formula: ratioPartFormula("numerateur", `A${row}`, `B${row}`).slice(1) };
    ws.getCell(row, 4).value = { formula: ratioPartFormula("denominateur", `B${row}`, `A${row}`).slice(1) };
  });
  const file = join(dir, "parts.xlsx");
  writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
  const back = await readXlsx(readFileSync(await convertWithLibreOffice(file, join(dir, "lo"), "xlsx")));
  const cells = back.sheets[0]!.cells;
  const got = CASES.map(([num, den], i) => [num, den, cells[`C${i + 1}`]?.result, cells[`D${i + 1}`]?.result]);
  expect(got).toEqual(CASES);
}, 180_000);

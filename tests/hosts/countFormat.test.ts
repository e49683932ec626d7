/**
 * A count cell shows what was typed: 3,5 stays 3,5 (validate flags it and the
 * mark says why) instead of showing as « 4 » under a whole-number format;
 * integers show plainly. Checked on the style, and as LibreOffice displays it.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { STYLES } from "../../src/engine/layout/styles";
import { excelStyle } from "../../src/hosts/xlsx/renderPlan";
import { inputStyle } from "../../src/engine/layout/inputs";
import { convertWithLibreOffice, disposeLibreOfficeProfile } from "../support/libreoffice";

const dir = mkdtempSync(join(tmpdir(), "bilan-count-"));
afterAll(() => {
  disposeLibreOfficeProfile();
  rmSync(dir, { recursive: true, force: true });
});

test("count inputs use the General format", () => {
  expect(inputStyle("count")).toBe("inputCount");
  expect(STYLES.inputCount.numberFormat).toBe("General");
});

test("LibreOffice shows 3.5 in a count cell as typed, integers plainly; a whole-number format would show 4", async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Nombres");
  const count = excelStyle(STYLES.inputCount);
  [3.5, 12, 1234].forEach((v, i) => {
    const cell = ws.getCell(i + 1, 1);
    cell.value = v;
    cell.style = count;
  });
  const before = ws.getCell(4, 1);
  before.value = 3.5;
  before.style = excelStyle({ ...STYLES.inputCount, numberFormat: "#,##0" });
  const file = join(dir, "nombres.xlsx");
  writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
  const csv = readFileSync(await convertWithLibreOffice(file, join(dir, "lo"), "csv"), "utf8");
  expect(csv.trim().split(/\r?\n/)).toEqual(["3.5", "12", "1234", "4"]);
}, 180_000);

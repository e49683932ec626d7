/**
 * The pane reads a référentiel from the open workbook: the active sheet's table, and the model's rules from the
 * workbook's *Règles* sheet beside it, over the in-memory Excel.
 */
import { lireTableSelection } from "../../src/taskpane/excel";
import { fromTable } from "../../src/model/referentiel/fromTable";
import { toTable } from "../../src/model/referentiel/toTable";
import { reglesToTable, REGLES_SHEET } from "../../src/model/referentiel/regles";
import { parseSchemaOrThrow } from "../../src/model/parse";
import { FakeExcel } from "../support/fakeExcel";
import { validModel } from "../model/fixtures";
import { a1 } from "../../src/util/a1";

const m = validModel();
m.regles = [{ id: "r1", gauche: "fa_1.ind_1[Y]", operateur: ">=", droite: "fa_1.ind_1[Y-1]", severite: "erreur" }];
const schema = parseSchemaOrThrow(m, "pane");

const filled = (rows: unknown[][]) => rows.map((r) => r.map((c) => (c === undefined || c === null ? "" : c)));

afterEach(() => Reflect.deleteProperty(globalThis, "Excel"));

test("the active sheet's table and the Règles sheet make the model, rules included", async () => {
  const excel = new FakeExcel();
  await excel.run(async (ctx) => {
    for (const [name, rows] of [
      ["Référentiel", toTable(schema)],
      [REGLES_SHEET, reglesToTable(schema.regles)],
    ] as const) {
      const ws = ctx.workbook.worksheets.add(name);
      const width = Math.max(...rows.map((r) => r.length));
      const values = filled(rows.map((r) => [...r, ...Array(width - r.length).fill("")]));
      ws.getRange(`A1:${a1(rows.length, width)}`).values = values as never;
    }
    ctx.workbook.worksheets.getItem("Référentiel").activate();
    await ctx.sync();
  });
  Object.defineProperty(globalThis, "Excel", {
    value: { run: (a: never, b?: never) => excel.run(a, b) },
    configurable: true,
    writable: true,
  });
  const table = await lireTableSelection();
  expect(table.regles?.source).toBe("[classeur]Règles");
  const r = fromTable(table);
  expect(r.ok).toBe(true);
  if (r.ok) expect(r.schema.regles).toEqual(schema.regles);
});

/**
 * The rollup engine's time on a workbook filled with random valid values:
 * the figures of every level (computeRollups) and the value of every formula
 * cell (formulaResults), from the entered values, without reading a file.
 */
import { performance } from "node:perf_hooks";
import { layoutWorkbook } from "../../src/engine/layout";
import { computeRollups, formulaResults, type CellValue } from "../../src/engine/rollup";
import type { CellPlan } from "../../src/engine/plan";
import type { Schema } from "../../src/model/schema";
import { parseA1 } from "../../src/util/a1";
import { fillRandom } from "../../tests/support/fillRandom";

export function rollupTimings(name: string, schema: Schema, repeat: number): Record<string, string | number> {
  const layout = layoutWorkbook(schema, { campaignYear: schema.periode.debut + 2 });
  if (!layout.ok) throw new Error(layout.error.message);
  const plan = fillRandom(layout.plan, schema, 1);
  const cells = new Map<string, CellPlan>();
  for (const s of plan.sheets) for (const c of s.cells) cells.set(`${s.name}!${c.row}:${c.col}`, c);
  const values = new Map<string, CellValue>();
  for (const b of plan.meta.bindings) {
    const { row, col } = parseA1(b.address);
    const value = cells.get(`${b.sheet}!${row}:${col}`)?.value;
    if (!b.formula && value !== undefined) values.set(b.key, value);
  }
  const formulas = plan.meta.bindings.filter((b) => b.formula);
  let ms = { rollups: 0, cells: 0 };
  for (let i = 0; i < repeat; i++) {
    const start = performance.now();
    const resultOf = formulaResults(computeRollups(schema, plan.meta, values));
    const computed = performance.now();
    for (const b of formulas) resultOf(b);
    ms = { rollups: ms.rollups + computed - start, cells: ms.cells + performance.now() - computed };
  }
  return {
    schéma: name,
    fiches: plan.meta.fiches.length,
    "valeurs saisies": values.size,
    "cellules calculées": formulas.length,
    "synthèses ms": (ms.rollups / repeat).toFixed(1),
    "résultats des formules ms": (ms.cells / repeat).toFixed(1),
    "total ms": ((ms.rollups + ms.cells) / repeat).toFixed(1),
  };
}

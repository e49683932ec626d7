/** Plans of the built-in schémas, made the same way by every host test. */
import { loadBuiltin } from "../../src/model/builtins";
import type { Schema } from "../../src/model/schema";
import { layoutWorkbook, type LayoutOptions } from "../../src/engine/layout";
import type { CellPlan, WorkbookPlan } from "../../src/engine/plan";
import { a1, parseA1 } from "../../src/util/a1";

export const GENERATED_AT = new Date("2026-11-23T10:00:00Z");

/** The plan of `schema` for its third year (a campaign with past and future periods). */
export function planOf(schema: Schema, options: Partial<LayoutOptions> = {}): WorkbookPlan {
  const r = layoutWorkbook(schema, { campaignYear: schema.periode.debut + 2, generatedAt: GENERATED_AT, ...options });
  if (!r.ok) throw new Error(r.error.message);
  return r.plan;
}

export const builtinPlan = (id: string, options: Partial<LayoutOptions> = {}) => planOf(loadBuiltin(id), options);

/** Every address covered by a list of ranges ("C5", "C5:E7"). */
export function expand(ranges: string[]): string[] {
  return ranges.flatMap((r) => {
    const [from, to = from] = r.split(":") as [string, string?];
    const a = parseA1(from);
    const b = parseA1(to!);
    const out: string[] = [];
    for (let row = a.row; row <= b.row; row++) for (let col = a.col; col <= b.col; col++) out.push(a1(row, col));
    return out;
  });
}

/** Puts `value` into the input cell bound to `key` (as if typed in), and returns that cell. */
export function setInput(plan: WorkbookPlan, key: string, value: string | number | boolean): CellPlan {
  const cell = bindingCell(plan, key);
  cell.value = value;
  return cell;
}

/** The plan's cell bound to `key` (`fa_1.ind_2@valeur:2024`). */
export function bindingCell(plan: WorkbookPlan, key: string): CellPlan {
  const b = plan.meta.bindings.find((x) => x.key === key);
  if (!b) throw new Error(`no binding ${key}`);
  const { row, col } = parseA1(b.address);
  const cell = plan.sheets.find((s) => s.name === b.sheet)?.cells.find((c) => c.row === row && c.col === col);
  if (!cell) throw new Error(`no cell at ${b.sheet}!${b.address} for ${key}`);
  return cell;
}

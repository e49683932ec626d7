/**
 * Filling every input cell of a plan with random values that the cell's own
 * data validation lets through, as a partner typing in Excel could: a list
 * item, a number within the bounds (the bounds themselves included), a text up
 * to the length limit, a day between the dates, a ratio's numerator up to its
 * denominator. What Excel accepts must be what `validate` accepts: a check
 * that still finds an error in such a workbook is stricter than its cell, or
 * the cell looser than the check.
 *
 * Only the plan's validations are read (not the model): the harness tests the
 * validations as rendered, whatever they are made from.
 */
import type { CellPlan, Scalar, ValidationPlan, ValidationRule, WorkbookPlan } from "../../src/engine/plan";
import { excelSerial } from "../../src/util/excelDate";
import { a1, parseA1 } from "../../src/util/a1";
import { seeded } from "./fillRandom";
import { expand } from "./plans";

/** How far an unbounded number goes, either way. */
const SPAN = 100_000;
const LETTERS = "abcdefghijklmnopqrstuvwxyzéèàçôABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789    ,.'-;";

export interface FilledCell {
  sheet: string;
  address: string;
  key: string;
  value: Scalar;
  /** The rule that allowed it; none when the cell has no validation. */
  rule?: ValidationRule;
}

/** Fills `plan` in place and returns what went where. */
export function fillByValidation(plan: WorkbookPlan, seed: number): FilledCell[] {
  const rnd = seeded(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;

  const cells = new Map<string, CellPlan>();
  const validations = new Map<string, ValidationPlan>();
  for (const s of plan.sheets) {
    for (const c of s.cells) cells.set(`${s.name}!${a1(c.row, c.col)}`, c);
    for (const v of s.validations) for (const address of expand(v.ranges)) validations.set(`${s.name}!${address}`, v);
  }

  /** A number within [lo, hi], with up to `decimals` decimals; now and then a bound itself. */
  const number = (lo: number, hi: number, decimals: number): number => {
    const r = rnd();
    if (r < 0.1) return lo;
    if (r < 0.2) return hi;
    const step = 10 ** decimals;
    const v = int(Math.ceil(lo * step), Math.floor(hi * step)) / step;
    return Math.min(hi, Math.max(lo, v));
  };
  const bounds = (min?: number, max?: number): [number, number] => {
    const lo = min ?? (max !== undefined ? max - SPAN : -SPAN);
    return [lo, max ?? lo + 2 * SPAN];
  };
  const text = (max: number): string => {
    const length = rnd() < 0.1 ? max : int(1, Math.min(max, 60));
    let out = "";
    for (let i = 0; i < length; i++) out += pick([...LETTERS]);
    // Excel keeps a text's spaces; one made only of spaces would be an empty-looking entry: start with a letter.
    return `R${out.slice(1)}`;
  };
  const day = (min: string, max: string): number => int(excelSerial(min), excelSerial(max));

  const valueFor = (where: string, rule: ValidationRule | undefined): Scalar => {
    if (!rule) return text(20);
    switch (rule.type) {
      case "list":
        return pick(rule.values);
      case "whole": {
        const [lo, hi] = bounds(rule.min, rule.max);
        return number(Math.ceil(lo), Math.floor(hi), 0);
      }
      case "decimal": {
        const [lo, hi] = bounds(rule.min, rule.max);
        return number(lo, hi, pick([0, 1, 2, 3]));
      }
      case "date":
        return day(rule.min, rule.max);
      case "textLength":
        return text(rule.max);
      case "ratioPart": {
        const { row, col } = parseA1(where.slice(where.lastIndexOf("!") + 1));
        const sheet = where.slice(0, where.lastIndexOf("!"));
        const other = cells.get(`${sheet}!${a1(row + rule.other.rows, col + rule.other.cols)}`)?.value;
        const known = typeof other === "number" ? other : undefined;
        // The denominator is filled first; zero now and then (then only a zero numerator is allowed).
        if (rule.part === "denominateur")
          return known === undefined ? (rnd() < 0.1 ? 0 : number(0, 500, pick([0, 2]))) : number(known, known + 500, 0);
        return number(0, known ?? 500, pick([0, 2]));
      }
    }
  };

  const inputs = plan.meta.bindings.filter((b) => b.input);
  // Denominators before numerators: a numerator's rule reads its denominator.
  const order = (kind: string) => (kind === "denominateur" ? 0 : 1);
  const filled: FilledCell[] = [];
  for (const b of [...inputs].sort((x, y) => order(x.kind) - order(y.kind))) {
    const where = `${b.sheet}!${b.address}`;
    const cell = cells.get(where);
    if (!cell) throw new Error(`fillByValidation: no cell at ${where} for ${b.key}`);
    const rule = validations.get(where)?.rule;
    cell.value = valueFor(where, rule);
    filled.push({ sheet: b.sheet, address: b.address, key: b.key, value: cell.value, ...(rule ? { rule } : {}) });
  }
  return filled;
}

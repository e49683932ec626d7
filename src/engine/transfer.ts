/**
 * Moving entered values into a new plan, by binding key (stable id + what +
 * period): for a carry-over to next year's campaign and for an upgrade to a
 * new model version. Whatever has no place in the new plan is returned, never
 * dropped: the caller keeps it in a *Non repris* sheet.
 */
import type { Scalar, WorkbookPlan } from "./plan";
import type { SnapValue } from "./snapshot";
import { buildTableSheet } from "./layout/tableSheet";
import { parseA1 } from "../util/a1";
import { excelSerial } from "../util/excelDate";
import { STYLES } from "./layout/styles";

const DATE_FORMAT = STYLES.inputDate.numberFormat;

export interface NotCarried {
  key: string;
  /** Label of the node in the old model. */
  label: string;
  /** Where it was: `'Axe 1'!E12`. */
  from: string;
  value: SnapValue;
}

export const NON_REPRIS = "Non repris";

export function transferValues(
  values: Map<string, SnapValue>,
  oldPlan: WorkbookPlan,
  newPlan: WorkbookPlan,
  labelOf: (node: string) => string,
): { carried: number; notCarried: NotCarried[] } {
  const targets = new Map(newPlan.meta.bindings.filter((b) => !b.formula).map((b) => [b.key, b]));
  const oldBindings = new Map(oldPlan.meta.bindings.map((b) => [b.key, b]));
  const sheets = new Map(newPlan.sheets.map((s) => [s.name, new Map(s.cells.map((c) => [`${c.row}:${c.col}`, c]))]));
  let carried = 0;
  const notCarried: NotCarried[] = [];
  for (const [key, value] of values) {
    const target = targets.get(key);
    const cell =
      target && sheets.get(target.sheet)?.get(`${parseA1(target.address).row}:${parseA1(target.address).col}`);
    if (cell) {
      // A date read back as `YYYY-MM-DD` goes back as a date (Excel's serial), not as text.
      const isDate = newPlan.styles[cell.style]?.numberFormat === DATE_FORMAT;
      cell.value =
        isDate && typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value) ? excelSerial(value) : value;
      carried++;
      continue;
    }
    const was = oldBindings.get(key);
    notCarried.push({
      key,
      label: was ? labelOf(was.node) : key,
      from: was ? `${was.sheet}!${was.address}` : "",
      value,
    });
  }
  return { carried, notCarried };
}

/** The *Non repris* sheet: this run's values that found no place, after those an earlier run had kept. */
export function addNonRepris(plan: WorkbookPlan, notCarried: NotCarried[], earlier: Scalar[][], why: string): void {
  const rows: Scalar[][] = [...earlier, ...notCarried.map((n) => [n.key, n.label, n.from, n.value, why])];
  if (!rows.length) return;
  const sheet = buildTableSheet({
    name: NON_REPRIS,
    title: "Valeurs non reprises",
    note: "Valeurs saisies qui n'ont plus de cellule dans ce classeur (indicateur ou période retirés, commentaires d'une autre campagne). Elles sont gardées ici, telles quelles.",
    columns: [
      ["Clé", 34],
      ["Élément", 48],
      ["Ancienne cellule", 28],
      ["Valeur", 40],
      ["Motif", 30],
    ],
    rows,
  });
  // Before the metadata sheet, which stays last.
  plan.sheets.splice(plan.sheets.length - 1, 0, sheet.plan);
}

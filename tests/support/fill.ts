/**
 * Filling a bilan as a careful partner would: every required input of the
 * campaign, statuses of planned periods up to the campaign, values near the
 * baseline and within bounds. Then the workbook as read back, and edits of it
 * the way Excel makes them (a row inserted shifts everything below it).
 */
import type { Indicateur, Schema } from "../../src/model/schema";
import { parsePeriode } from "../../src/model/periods";
import { nodeIndex } from "../../src/model/nodes";
import { langOf, type WorkbookPlan } from "../../src/engine/plan";
import type { Lang } from "../../src/i18n";
import { ouiNon, statutWord } from "../../src/model/vocabulaire";
import type { ReadSheet, ReadWorkbook } from "./readWorkbook";
import { renderPlanToXlsx } from "../../src/hosts/xlsx/renderPlan";
import { readXlsx } from "./readWorkbook";
import { a1, parseA1 } from "../../src/util/a1";
import { normalizeFormula } from "../../src/engine/validate/structure";
import { setInput } from "./plans";
import { excelSerial } from "../../src/util/excelDate";

/** Excel's serial number of a day. */
export const serial = excelSerial;

/** A plausible valid value of an indicator (for a ratio: its numerator over a denominator of 100), in a workbook of `lang`. */
export function goodValue(ind: Indicateur, schema: Schema, lang: Lang = "fr"): string | number {
  const ref = typeof ind.reference?.valeur === "number" ? ind.reference.valeur : undefined;
  const { min, max } = ind.bornes ?? {};
  const clamp = (v: number) => Math.min(max ?? Infinity, Math.max(min ?? -Infinity, v));
  switch (ind.type) {
    case "count":
      return clamp(ref && ref >= 1 ? Math.round(ref) : 12);
    case "rate":
    case "ratio":
      return clamp(ref && ref >= 1 ? ref : 50);
    case "amount":
      return clamp(ref ?? 1500);
    case "number":
      return clamp(ref ?? (min !== undefined && max !== undefined ? (min + max) / 2 : 10));
    case "boolean":
      return ouiNon(lang)[0];
    case "date":
      return serial(`${schema.periode.debut + 1}-06-30`);
    case "text":
      return "Actions menées comme prévu.";
    case "echelle":
      return ind.echelle![ind.echelle!.length - 1]!;
  }
}

export function fillValid(plan: WorkbookPlan, schema: Schema): WorkbookPlan {
  const nodes = nodeIndex(schema);
  const campaign = plan.meta.campaignYear;
  const lang = langOf(plan.meta);
  for (const b of plan.meta.bindings) {
    if (!b.input) continue;
    const info = nodes.get(b.node);
    if (b.kind === "statut") {
      const year = parsePeriode(b.period!)!.year;
      if (year < campaign) setInput(plan, b.key, statutWord("realise", lang));
      else if (year === campaign) setInput(plan, b.key, statutWord("enCours", lang));
    } else if (b.kind === "source") setInput(plan, b.key, "Rapport d'activité");
    else if (info?.indicateur && b.period === String(campaign)) {
      const ind = info.indicateur;
      if (b.kind === "valeur") setInput(plan, b.key, goodValue(ind, schema, lang));
      if (b.kind === "numerateur") setInput(plan, b.key, goodValue(ind, schema, lang));
      if (b.kind === "denominateur") setInput(plan, b.key, 100);
    }
  }
  return plan;
}

export async function readBack(plan: WorkbookPlan): Promise<ReadWorkbook> {
  return readXlsx(await renderPlanToXlsx(plan));
}

// ---------------------------------------------------------------------------
// Edits of a workbook read back, as Excel would make them

export const sheetNamed = (wb: ReadWorkbook, name: string): ReadSheet => {
  const s = wb.sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
};

export function setCell(
  wb: ReadWorkbook,
  sheet: string,
  address: string,
  value: string | number | boolean | undefined,
): void {
  const cells = sheetNamed(wb, sheet).cells;
  const cell = cells[address] ?? { locked: false };
  if (value === undefined) delete cell.value;
  else cell.value = value;
  delete cell.formula;
  delete cell.result;
  cells[address] = cell;
}

/** Inserts (count > 0) or deletes (count < 0, the rows from `row` on) rows, as Excel does: cells and references below move. */
export function shiftRows(wb: ReadWorkbook, sheetName: string, row: number, count: number): void {
  const sheet = sheetNamed(wb, sheetName);
  const moved: ReadSheet["cells"] = {};
  for (const [address, cell] of Object.entries(sheet.cells)) {
    const at = parseA1(address);
    if (count < 0 && at.row >= row && at.row < row - count) continue;
    const r = at.row >= row ? at.row + count : at.row;
    if (cell.formula) cell.formula = shiftFormula(cell.formula, row, count);
    moved[a1(r, at.col)] = cell;
  }
  sheet.cells = moved;
}

function shiftFormula(formula: string, from: number, count: number): string {
  return formula.replace(/("[^"]*")|(\$?[A-Z]{1,3}\$?)(\d+)/g, (m, str: string | undefined, col: string, r: string) =>
    str ? str : `${col}${Number(r) >= from ? Number(r) + count : Number(r)}`,
  );
}

/** Re-exported for tests that compare formulas. */
export { normalizeFormula };

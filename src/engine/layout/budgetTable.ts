/**
 * A fiche's budget table, under its indicator table: the amount the model
 * plans (« Prévu au schéma : 1 200 000 € »), then one row per stage — voté,
 * engagé, mandaté — and the rate of consumption (mandaté / voté), with one
 * column per year of the schéma: the year's Valeur column of the indicator
 * table, wide enough for 999 999 999,99 € (axeSheet.ts), one cell per amount —
 * no merged cells, so that a screen reader reads each amount under its year.
 * The campaign year's amounts are inputs; the other years are locked and
 * bound too, so that a carry-over brings last year's amounts into them.
 */
import { a1 } from "../../util/a1";
import { euros } from "../../util/typography";
import { MONTANT_MAX, type Fiche } from "../../model/schema";
import type { CellBinding, ValidationPlan } from "../plan";
import { BUDGET_STAGES, budgetRowId, consommationFormula, STAGE_ROW_KIND, type BudgetStage } from "../rollup/budget";
import { COL_ID, COL_LABEL, type AxeSheetContext } from "./axeSheet";
import type { SheetBuilder } from "./sheetBuilder";
import { wordsOf, type Words } from "./words";

type Bind = (b: Omit<CellBinding, "sheet" | "key" | "address">, row: number, col: number) => void;

/** The data validation of a campaign amount: euros, 0 to 999 999 999,99. */
export function montantValidation(ranges: string[], w: Words = wordsOf()): ValidationPlan {
  return {
    ranges,
    rule: { type: "decimal", min: 0, max: MONTANT_MAX },
    allowBlank: true,
    prompt: { title: w("budget.montantTitle"), message: w("budget.montantPrompt") },
    error: { style: "stop", title: w("budget.montantErrorTitle"), message: w("budget.montantError") },
  };
}

/** An amount as the workbook's language writes it: « 1 200 000,00 € », "1,200,000.00 €". */
const montant = (w: Words, n: number): string =>
  w.lang === "fr"
    ? euros(n)
    : `${new Intl.NumberFormat("en-GB", { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(n)} €`;

/** Writes the table from `row`; returns the row after it. */
export function budgetTable(sheet: SheetBuilder, fiche: Fiche, row: number, ctx: AxeSheetContext, bind: Bind): number {
  const { cols, campaignYear, w } = ctx;
  const years = [...cols.valeur.entries()];
  const lastCol = Math.max(...years.map(([, c]) => c));
  // Labels in the wide label column; the indicator table's fixed columns beside them take the label's style,
  // unmerged, so the table reads as one block and each cell keeps its own header.
  const labelTo = cols.reference;
  const label = (r: number, id: string, text: string, style: "rowLabel" | "tableHeader") => {
    sheet.set(r, COL_ID, "meta", id);
    sheet.set(r, COL_LABEL, style, text);
    for (let c = COL_LABEL + 1; c <= labelTo; c++) sheet.set(r, c, style);
    ctx.labels.push({ sheet: sheet.plan.name, address: a1(r, COL_LABEL), node: id, text: sheet.typo(text) });
  };

  if (fiche.budget !== undefined) {
    const text = w("budget.prevu", { montant: montant(w, fiche.budget) });
    sheet.set(row, COL_LABEL, "ficheInfo", text);
    sheet.merge(row, COL_LABEL, row, lastCol);
    row++;
  }
  sheet.set(row, COL_LABEL, "tableHeader", w("budget.header"));
  for (let c = COL_LABEL + 1; c <= labelTo; c++) sheet.set(row, c, "tableHeader");
  for (const [year, c] of years) {
    sheet.set(row, c - 1, "tableHeader");
    sheet.set(row, c, "tableHeader", year === campaignYear ? w("ind.campagne", { year }) : year);
  }
  row++;

  const inputs: string[] = [];
  const rowOf = {} as Record<BudgetStage, number>;
  for (const stage of BUDGET_STAGES) {
    rowOf[stage] = row;
    label(row, budgetRowId(fiche.id, stage), w(`budget.stage.${stage}`), "rowLabel");
    sheet.set(row, cols.kind, "meta", STAGE_ROW_KIND[stage]);
    sheet.set(row, cols.fiche, "meta", fiche.id);
    for (const [year, c] of years) {
      const input = year === campaignYear;
      sheet.set(row, c, input ? "inputAmount" : "lockedAmount");
      if (input) inputs.push(a1(row, c));
      bind({ node: fiche.id, kind: stage, period: String(year), input }, row, c);
    }
    row++;
  }
  sheet.validate(montantValidation(inputs, w));

  const id = budgetRowId(fiche.id, "consommation");
  label(row, id, w("budget.consommation"), "rowLabel");
  for (const [year, c] of years) {
    const formula = consommationFormula(a1(rowOf.vote, c), a1(rowOf.mandate, c));
    sheet.set(row, c, "lockedShare", undefined, { formula });
    bind({ node: id, kind: "synthese", period: String(year), input: false, formula }, row, c);
  }
  return row + 1;
}

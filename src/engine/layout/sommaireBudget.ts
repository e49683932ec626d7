/**
 * The Sommaire's « Budget <campagne> » table, under the axe table: one row
 * per axe and one for the whole schéma, with the amount the model plans, the
 * campaign's amounts voted, committed and paid (live sums over each axe
 * sheet's budget rows) and the rate of consumption; then the schéma's budget
 * lines as the document publishes them, when the model has them.
 */
import { a1, parseA1, range } from "../../util/a1";
import type { Schema } from "../../model/schema";
import type { CellBinding, PlanMeta } from "../plan";
import {
  budgetFormulas,
  budgetKey,
  budgetNode,
  plannedOf,
  tauxFormula,
  BUDGET_STAGES,
  type BudgetStage,
} from "../rollup/budget";
import type { RollupColumns } from "../rollup/formulas";
import type { SommaireAxe } from "./sommaire";
import type { SheetBuilder } from "./sheetBuilder";
import type { NiveauxDits, Words } from "./words";

/** Wide enough for « 999 999 999,99 € » and a schéma's total beyond a billion. */
export const AMOUNT_WIDTH = 20;
/** Columns: label, prévu, voté, engagé, mandaté, taux. */
const LABEL = 2;
const PREVU = 3;
const STAGE_COL: Record<BudgetStage, number> = { vote: 4, engage: 5, mandate: 6 };
const TAUX = 7;

/** The table's headings after the level's: prévu, each stage, taux. */
const budgetHeaders = (w: Words): string[] => [
  w("budget.prevuHeader"),
  ...BUDGET_STAGES.map((stage) => w(`budget.name.${stage}`)),
  w("budget.tauxHeader"),
];

/** Writes the table from `row` (the axes' sheets hold the fiches' budget tables); returns the row after it. */
export function sommaireBudget(
  sheet: SheetBuilder,
  schema: Schema,
  meta: PlanMeta,
  axes: SommaireAxe[],
  row: number,
  bindings: CellBinding[],
  cols: RollupColumns,
  w: Words,
  niveaux: NiveauxDits,
): number {
  const s = sheet.plan;
  for (let c = PREVU; c <= STAGE_COL.mandate; c++) s.columnWidths[c] = Math.max(s.columnWidths[c] ?? 0, AMOUNT_WIDTH);
  const campaign = meta.campaignYear;
  // The campaign's amount column of the axe sheets, where the layout bound a fiche's voted amount.
  const firstFiche = axes[0]?.fiches[0];
  const bound = firstFiche && bindings.find((b) => b.key === budgetKey(firstFiche.id, "vote", campaign));
  if (!bound) return row;
  const montantCol = parseA1(bound.address).col;

  sheet.set(row, LABEL, "label", w("budget.campagne", { year: campaign }));
  row++;
  [niveaux.axe, ...budgetHeaders(w)].forEach((text, i) => sheet.set(row, LABEL + i, "tableHeader", text));
  s.rowHeights[row] = 32;
  row++;

  const bindRow = (r: number, node: string, stage: BudgetStage | "taux", col: number, formula: string) =>
    bindings.push({
      key: `${node}@rollup:${stage}`,
      node,
      kind: "rollup",
      period: stage,
      sheet: s.name,
      address: a1(r, col),
      input: false,
      formula,
    });
  const amounts = (r: number, node: string, prevu: number | undefined, formulaOf: (stage: BudgetStage) => string) => {
    sheet.set(r, PREVU, "lockedAmount", prevu);
    for (const stage of BUDGET_STAGES) {
      const formula = `=${formulaOf(stage)}`;
      sheet.set(r, STAGE_COL[stage], "lockedAmount", undefined, { formula });
      bindRow(r, node, stage, STAGE_COL[stage], formula);
    }
    const formula = tauxFormula(a1(r, STAGE_COL.vote), a1(r, STAGE_COL.mandate));
    sheet.set(r, TAUX, "rollupValue", undefined, { formula });
    bindRow(r, node, "taux", TAUX, formula);
  };

  const first = row;
  for (const { axe, fiches, sheet: target } of axes) {
    const text = `${niveaux.axe} ${axe.numero} — ${axe.titre}`;
    sheet.set(row, LABEL, "rowLabel", text);
    sheet.fitHeight(row, text.length, 58);
    const prevu = plannedOf(
      axe.budget,
      fiches.map((f) => f.budget),
    );
    const formulas = budgetFormulas({ kind: cols.kind, fiche: cols.fiche, montant: montantCol }, { sheet: target });
    amounts(row, budgetNode(axe.id), prevu, (stage) => formulas[stage]);
    row++;
  }
  const total = row;
  sheet.set(total, LABEL, "rollupLabel", w("ensemble"));
  const prevu = plannedOf(
    schema.budget?.montant,
    axes.map(({ axe, fiches }) =>
      plannedOf(
        axe.budget,
        fiches.map((f) => f.budget),
      ),
    ),
  );
  amounts(total, budgetNode(schema.id), prevu, (stage) => {
    const c = STAGE_COL[stage];
    return `SUM(${range(first, c, total - 1, c)})`;
  });
  row++;

  const budget = schema.budget;
  if (budget?.postes.length) {
    row++;
    const title = budget.libelle ? w("budget.publieDe", { libelle: budget.libelle }) : w("budget.publie");
    sheet.set(row, LABEL, "label", title);
    row++;
    sheet.set(row, LABEL, "tableHeader", w("budget.ligne"));
    sheet.set(row, PREVU, "tableHeader", w("budget.montant"));
    sheet.set(row, STAGE_COL.vote, "tableHeader", w("budget.precision"));
    for (let c = STAGE_COL.vote + 1; c <= TAUX; c++) sheet.set(row, c, "tableHeader");
    sheet.merge(row, STAGE_COL.vote, row, TAUX);
    row++;
    for (const p of budget.postes) {
      sheet.set(row, LABEL, "rowLabel", p.libelle);
      sheet.fitHeight(row, p.libelle.length, 58);
      sheet.set(row, PREVU, "lockedAmount", p.montant);
      sheet.set(row, STAGE_COL.vote, "rowLabel", p.precision ?? "");
      for (let c = STAGE_COL.vote + 1; c <= TAUX; c++) sheet.set(row, c, "rowLabel");
      sheet.merge(row, STAGE_COL.vote, row, TAUX);
      row++;
    }
    sheet.set(row, LABEL, "rollupLabel", w("budget.totalPublie"));
    sheet.set(row, PREVU, "lockedAmount", budget.montant);
    row++;
  }
  return row;
}

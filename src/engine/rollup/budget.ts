/**
 * The budget of a bilan: per fiche, the amounts voted, committed and paid
 * each year (typed in the fiche's budget table for the campaign year, carried
 * over for the years before), and per fiche, objectif, axe and schéma the
 * campaign's totals next to the amount planned by the model.
 *
 * - prévu: the model's amount for the level when the document gives one, else
 *   the sum of its children's planned amounts when any has one, else none.
 * - voté, engagé, mandaté: sums of the campaign year's amounts (numbers only:
 *   a text is not an amount, as SUMIFS skips it).
 * - taux de consommation: Σ mandaté / Σ voté, none when nothing is voted.
 *
 * The same figures as live formulas: the fiche's budget rows carry a marker
 * in the hidden row-kind column (`bvote`, `bengage`, `bmandate`) and its id in
 * the fiche column, so a summary sums the campaign column over those rows.
 */
import { t, type Lang } from "../../i18n";
import type { Axe, Fiche, Objectif, Schema } from "../../model/schema";
import { colLetter, sheetRef } from "../../util/a1";
import type { BindingKind } from "../plan";
import type { Rollups } from "./compute";
import { numberOf, type CellValue } from "./excel";

export const BUDGET_STAGES = ["vote", "engage", "mandate"] as const satisfies readonly BindingKind[];
export type BudgetStage = (typeof BUDGET_STAGES)[number];

export const isBudgetStage = (kind: string): kind is BudgetStage => (BUDGET_STAGES as readonly string[]).includes(kind);

/** Each stage's name in tables and exports, in a workbook's language (« Voté », "Voted"). */
export const stageName = (stage: BudgetStage, lang: Lang = "fr"): string => t(lang, `workbook.budget.name.${stage}`);

/** What the hidden row-kind column holds on a fiche's row of each stage. */
export const STAGE_ROW_KIND: Record<BudgetStage, string> = { vote: "bvote", engage: "bengage", mandate: "bmandate" };

/** Column A's id of a budget row: `fa_1#vote`; the consumption row is `fa_1#consommation`. */
export const budgetRowId = (fiche: string, stage: BudgetStage | "consommation") => `${fiche}#${stage}`;

/** The node of a Sommaire budget row: `axe_1#budget`, `<schéma id>#budget`. */
export const budgetNode = (id: string) => `${id}#budget`;

/** The binding key of a fiche's amount of one stage and year. */
export const budgetKey = (fiche: string, stage: BudgetStage, year: number | string) => `${fiche}@${stage}:${year}`;

export interface BudgetFigures {
  /** Planned by the model (euros). */
  prevu?: number;
  /** The campaign year's amounts. */
  vote: number;
  engage: number;
  mandate: number;
  /** Σ mandaté / Σ voté, 0–1 (and beyond when more is paid than voted). */
  taux?: number;
}

export interface BudgetAnnee {
  vote?: CellValue;
  engage?: CellValue;
  mandate?: CellValue;
  taux?: number;
}

export interface FicheBudget extends BudgetFigures {
  /** Each year's amounts as entered or carried over, and its rate; years with nothing are left out. */
  annees: Record<string, BudgetAnnee>;
}

/** The rate a consumption cell shows: `IF(AND(ISNUMBER(v),v<>0),SUM(m)/v,"")` (a blank or text paid amount is 0). */
export function consommation(vote: CellValue, mandate: CellValue): number | undefined {
  const v = numberOf(vote);
  return v !== undefined && v !== 0 ? (numberOf(mandate) ?? 0) / v : undefined;
}

/** The formula of a consumption cell from its voted and paid cells: the twin of `consommation`. */
export const consommationFormula = (vote: string, mandate: string) =>
  `=IF(AND(ISNUMBER(${vote}),${vote}<>0),SUM(${mandate})/${vote},"")`;

/** A summary's rate from its summed cells: `taux` of `sumFigures`. */
export const tauxFormula = (vote: string, mandate: string) => `=IF(${vote}=0,"",${mandate}/${vote})`;

/**
 * A sum of amounts as a spreadsheet gives it: rounded to 15 significant digits, as Excel and LibreOffice keep
 * a result (amounts in cents summed in binary drift in the last digits: 673398985.5799999 for 673398985.58).
 */
export const sumAmounts = (xs: number[]) => Number(xs.reduce((s, x) => s + x, 0).toPrecision(15));
const sum = sumAmounts;

function withTaux(f: Omit<BudgetFigures, "taux">): BudgetFigures {
  return { ...f, ...(f.vote !== 0 ? { taux: f.mandate / f.vote } : {}) };
}

/** A level's planned amount: its own when the model gives one, else its children's summed when any has one. */
export function plannedOf(own: number | undefined, children: (number | undefined)[]): number | undefined {
  const known = children.filter((p): p is number => p !== undefined);
  return own ?? (known.length ? sum(known) : undefined);
}

/** A group's figures: its amounts summed, its own planned amount or else its children's. */
export function sumFigures(list: BudgetFigures[], prevu: number | undefined): BudgetFigures {
  const p = plannedOf(
    prevu,
    list.map((f) => f.prevu),
  );
  return withTaux({
    ...(p !== undefined ? { prevu: p } : {}),
    vote: sum(list.map((f) => f.vote)),
    engage: sum(list.map((f) => f.engage)),
    mandate: sum(list.map((f) => f.mandate)),
  });
}

/** A fiche's budget from the entered values (by binding key). */
export function ficheBudget(
  fiche: Fiche,
  schema: Schema,
  campaign: number,
  values: Map<string, CellValue>,
): FicheBudget {
  const annees: Record<string, BudgetAnnee> = {};
  for (let y = schema.periode.debut; y <= schema.periode.fin; y++) {
    const annee: BudgetAnnee = {};
    for (const stage of BUDGET_STAGES) {
      const v = values.get(budgetKey(fiche.id, stage, y));
      if (v !== undefined) annee[stage] = v;
    }
    const taux = consommation(annee.vote, annee.mandate);
    if (taux !== undefined) annee.taux = taux;
    if (Object.keys(annee).length) annees[y] = annee;
  }
  const now = annees[campaign] ?? {};
  const amount = (stage: BudgetStage) => numberOf(now[stage]) ?? 0;
  return {
    ...withTaux({
      ...(fiche.budget !== undefined ? { prevu: fiche.budget } : {}),
      vote: amount("vote"),
      engage: amount("engage"),
      mandate: amount("mandate"),
    }),
    annees,
  };
}

/** Objectif, axe and schéma: over the fiches the workbook holds. */
export const objectifBudget = (o: Objectif, fiches: BudgetFigures[]) => sumFigures(fiches, o.budget);
export const axeBudget = (a: Axe, fiches: BudgetFigures[]) => sumFigures(fiches, a.budget);
export const schemaBudget = (s: Schema, axes: BudgetFigures[]) => sumFigures(axes, s.budget?.montant);

/** Axe-sheet columns the budget summaries read: the row kind, the fiche, and the campaign year's amounts. */
export interface BudgetColumns {
  kind: number;
  fiche: number;
  /** The column of the campaign year's amount cells (its Valeur column). */
  montant: number;
}

/** The campaign's amounts of a fiche (by its id) or of a whole axe sheet (optionally from another sheet). */
export function budgetFormulas(
  cols: BudgetColumns,
  scope: { fiche?: string; sheet?: string },
): Record<BudgetStage, string> {
  const col = (c: number) => {
    const letter = `$${colLetter(c)}`;
    return scope.sheet ? sheetRef(scope.sheet, `${letter}:${letter}`) : `${letter}:${letter}`;
  };
  const ofFiche = scope.fiche === undefined ? "" : `,${col(cols.fiche)},"${scope.fiche}"`;
  const sum = (stage: BudgetStage) =>
    `SUMIFS(${col(cols.montant)},${col(cols.kind)},"${STAGE_ROW_KIND[stage]}"${ofFiche})`;
  return { vote: sum("vote"), engage: sum("engage"), mandate: sum("mandate") };
}

/**
 * What the budget's formula cells show, by node and period: a fiche's consumption row by year, the Sommaire's
 * budget rows by stage (and `taux`).
 */
export function budgetResults(rollups: Rollups): Map<string, Record<string, number | undefined>> {
  const out = new Map<string, Record<string, number | undefined>>();
  const stages = ({ vote, engage, mandate, taux }: BudgetFigures) => ({ vote, engage, mandate, taux });
  out.set(budgetNode(rollups.modelId), stages(rollups.budget));
  for (const axe of rollups.axes) {
    out.set(budgetNode(axe.id), stages(axe.budget));
    for (const fiche of axe.fiches)
      out.set(
        budgetRowId(fiche.id, "consommation"),
        Object.fromEntries(Object.entries(fiche.budget.annees).map(([y, a]) => [y, a.taux])),
      );
  }
  return out;
}

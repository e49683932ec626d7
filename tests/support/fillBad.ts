/**
 * Filling a bilan with the mistakes partners make, so that validation has something to say about
 * each kind of cell: text in numbers, decimals in counts, negatives, rates ×100, proportions, dates typed
 * as text, statuses off the list or late, a reason left out, ratio parts upside down, budget stages
 * above each other, texts too long, a formula typed over, and about one input in six left empty.
 * Deterministic: the same plan gets the same mistakes.
 */
import type { CellPlan, Scalar, WorkbookPlan } from "../../src/engine/plan";
import { parseA1 } from "../../src/util/a1";

const NUMBERS: Scalar[] = ["abc", 12.5, -3, 250, 0.5, 1e9, "15/03/2024", 3, 1e13, 40];
const STATUS: Scalar[] = ["Peut-être", "Non commencé", "Abandonné", "Réalisé", "En cours"];
const LONG = "x".repeat(3100);

export function fillBad(plan: WorkbookPlan): WorkbookPlan {
  const cells = new Map<string, CellPlan>();
  for (const s of plan.sheets) for (const c of s.cells) cells.set(`${s.name}!${c.row}:${c.col}`, c);
  const cellOf = (sheet: string, address: string) => {
    const { row, col } = parseA1(address);
    return cells.get(`${sheet}!${row}:${col}`);
  };
  const seen = new Map<string, number>();
  let formulas = 0;
  for (const b of plan.meta.bindings) {
    const cell = cellOf(b.sheet, b.address);
    if (!cell) continue;
    if (!b.input) {
      // Two computed cells typed over, and a status typed into a period the plan does not expect.
      if (b.formula && formulas < 2) {
        cell.value = 7;
        delete cell.formula;
        formulas++;
      } else if (b.kind === "statut") cell.value = "En cours";
      continue;
    }
    // Each kind of cell goes through its own list of mistakes, one empty cell in six.
    const i = (seen.get(b.kind) ?? 0) + 1;
    seen.set(b.kind, i);
    if (i % 6 === 0) continue;
    const pick = <T>(xs: T[]) => xs[i % xs.length]!;
    const year = Number(b.period?.slice(0, 4));
    if (b.kind === "statut") cell.value = pick(STATUS);
    else if (b.kind === "numerateur") cell.value = 80;
    else if (b.kind === "denominateur") cell.value = year % 2 ? 40 : 0;
    else if (b.kind === "vote") cell.value = 1000;
    else if (b.kind === "engage") cell.value = 2000;
    else if (b.kind === "mandate") cell.value = pick([3000, -5, "beaucoup", 1e13]);
    else if (b.kind === "valeur" || b.kind === "cible") cell.value = pick(NUMBERS);
    else if (b.kind === "commentaire") cell.value = i % 3 ? LONG : "";
    else cell.value = pick(["Rapport d'activité", LONG]);
  }
  return plan;
}

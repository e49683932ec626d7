/**
 * Calendar progress of a sous-action, over its planned periods up to the
 * campaign year: Réalisé counts 1, En cours ½ (started work is neither done
 * nor nothing: a half keeps a long action under way from reading as 0 %),
 * Reporté, Abandonné, Non commencé and an empty status 0. The share is over
 * the planned periods, so an unreported period lowers progress; the
 * completion figure says how much was reported.
 *
 * Late: planned periods of the years before the campaign whose status is not
 * Réalisé (empty included: not reported done when it was due). Periods of the
 * campaign year itself are still running at bilan time and never late.
 *
 * The engine's figures and the row formulas the layout writes are made here
 * side by side, from the same cells.
 */
import { range } from "../../util/a1";
import { STATUTS } from "../layout/inputs";
import { isFilled, textIs, type CellValue } from "./excel";

const [REALISE, EN_COURS] = STATUTS;

export interface SousActionFigures {
  /** Planned periods up to the campaign (each one a required status). */
  prevu: number;
  fait: number;
  retard: number;
  saisi: number;
}

/** A planned period's status. */
export interface Statut {
  year: number;
  value: CellValue;
}

/** The figures of a sous-action; `perYear` is told each counted period's year and progress. */
export function sousActionFigures(
  statuts: Statut[],
  campaign: number,
  perYear: (year: number, fait: number) => void,
): SousActionFigures {
  const out: SousActionFigures = { prevu: 0, fait: 0, retard: 0, saisi: 0 };
  for (const { year, value } of statuts) {
    if (year > campaign) continue;
    const done = textIs(value, REALISE) ? 1 : textIs(value, EN_COURS) ? 0.5 : 0;
    out.prevu++;
    out.fait += done;
    if (isFilled(value)) out.saisi++;
    if (year < campaign && done !== 1) out.retard++;
    perYear(year, done);
  }
  return out;
}

/** Consecutive columns as ranges of one row: the formulas read exactly the planned cells. */
function runs(row: number, cols: number[]): string[] {
  const out: string[] = [];
  const sorted = [...cols].sort((a, b) => a - b);
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    out.push(range(row, sorted[i]!, row, sorted[j]!));
    i = j + 1;
  }
  return out;
}

const sumOver = (parts: string[], term: (r: string) => string) => parts.map((r) => `SUMPRODUCT(${term(r)})`).join("+");

/**
 * The helper cells of a sous-action row: its planned count (a constant) and
 * the formulas of progress made, late periods and statuses filled. A formula
 * is absent when it has nothing to count.
 */
export function sousActionFormulas(
  row: number,
  planned: { col: number; year: number }[],
  campaign: number,
): { prevu: number; fait?: string; retard?: string; saisi?: string } {
  const upTo = planned.filter((p) => p.year <= campaign).map((p) => p.col);
  const past = planned.filter((p) => p.year < campaign).map((p) => p.col);
  if (!upTo.length) return { prevu: 0 };
  const now = runs(row, upTo);
  return {
    prevu: upTo.length,
    fait: `=${sumOver(now, (r) => `(TRIM(${r})="${REALISE}")+(TRIM(${r})="${EN_COURS}")/2`)}`,
    saisi: `=${sumOver(now, (r) => `--(LEN(TRIM(${r}))>0)`)}`,
    ...(past.length
      ? { retard: `=${past.length}-(${sumOver(runs(row, past), (r) => `--(TRIM(${r})="${REALISE}")`)})` }
      : {}),
  };
}

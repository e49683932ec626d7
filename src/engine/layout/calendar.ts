/** Which grid periods each sous-action is planned on. */
import { gridPeriodsOf, periodsBetween } from "../../model/periods";
import type { Calendrier, Fiche, Granularite, Schema, SousAction } from "../../model/schema";

export interface CalendarGrid {
  /** Grid columns, in order: `2022`, or `2022-S1`… */
  periods: string[];
  granularite: Granularite;
}

export function calendarGrid(schema: Schema, granularite: Granularite): CalendarGrid {
  return { periods: periodsBetween(schema.periode.debut, schema.periode.fin, granularite), granularite };
}

function planned(cal: Calendrier | undefined, grid: CalendarGrid): Set<string> | undefined {
  if (!cal) return undefined;
  if (cal.dureeSchema) return new Set(grid.periods);
  const periods = cal.periodes.length ? cal.periodes : cal.jalons.map((j) => j.periode);
  if (!periods.length) return undefined;
  return new Set(periods.flatMap((p) => gridPeriodsOf(p, grid.granularite)).filter((p) => grid.periods.includes(p)));
}

/**
 * A sous-action's own calendar; else its fiche's (planned periods, else the
 * periods of its milestones); else the whole period of the schéma, since a
 * published action without dates is expected over the whole plan.
 */
export function plannedPeriods(fiche: Fiche, sa: SousAction, grid: CalendarGrid): Set<string> {
  return planned(sa.calendrier, grid) ?? planned(fiche.calendrier, grid) ?? new Set(grid.periods);
}

/** Milestone labels by grid period, from the fiche and its sous-actions. */
export function jalonsByPeriod(fiche: Fiche, grid: CalendarGrid): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const add = (periode: string, label: string) => {
    for (const p of gridPeriodsOf(periode, grid.granularite).slice(0, 1)) {
      if (!grid.periods.includes(p)) continue;
      out.set(p, [...(out.get(p) ?? []), label]);
    }
  };
  for (const j of fiche.calendrier?.jalons ?? []) add(j.periode, j.libelle);
  for (const sa of fiche.sousActions)
    for (const j of sa.calendrier?.jalons ?? []) add(j.periode, `${sa.numero ?? ""} ${j.libelle}`.trim());
  return out;
}

/** The year a grid period belongs to. */
export function yearOf(period: string): number {
  return Number(period.slice(0, 4));
}

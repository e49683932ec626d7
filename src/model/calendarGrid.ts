/**
 * Which grid periods each sous-action is planned on, and which of them take a status in a campaign: the layout
 * draws the grid from it, the checks and the rollups judge the sous-action from it, so all read one calendar.
 */
import { gridPeriodsOf, periodsBetween } from "./periods";
import type { Calendrier, Fiche, Granularite, Jalon, Schema, SousAction } from "./schema";

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

/** A sous-action's calendar as one campaign sees it. */
export interface SousActionCalendar {
  /** False when neither the sous-action nor its fiche publishes dates (« sans calendrier publié »). */
  publie: boolean;
  /** Grid periods planned, in grid order; without a published calendar, the campaign year's first period. */
  planned: string[];
  /** Planned periods up to the campaign year: each one a status input. */
  inputs: string[];
  /** Planned periods after the campaign year: locked, not inputs. */
  futurs: string[];
  /**
   * Without a published calendar, the status cells of the earlier campaigns (each year's first period): locked,
   * bound, so that carry-over keeps each year's status in sight; the state is the campaign's own status.
   */
  reprises: string[];
  /** Year of its last planned period; without a published calendar, the schéma's last year. */
  fin: number;
}

/**
 * A sous-action's own calendar, else its fiche's (planned periods, else the
 * periods of its milestones). With neither, it is « sans calendrier publié »:
 * one status for the campaign, due, planned to the end of the schéma — not a
 * status per period of the whole plan, which would make every year of it due.
 */
export function sousActionCalendar(
  fiche: Fiche,
  sa: SousAction,
  grid: CalendarGrid,
  campaign: number,
  schemaFin: number,
): SousActionCalendar {
  const own = planned(sa.calendrier, grid) ?? planned(fiche.calendrier, grid);
  if (!own) {
    const firsts = grid.periods.filter((p, i) => i === 0 || yearOf(grid.periods[i - 1]!) !== yearOf(p));
    const list = firsts.filter((p) => yearOf(p) === campaign);
    const reprises = firsts.filter((p) => yearOf(p) < campaign);
    return { publie: false, planned: list, inputs: list, futurs: [], reprises, fin: schemaFin };
  }
  const list = grid.periods.filter((p) => own.has(p));
  return {
    publie: true,
    planned: list,
    inputs: list.filter((p) => yearOf(p) <= campaign),
    futurs: list.filter((p) => yearOf(p) > campaign),
    reprises: [],
    fin: list.length ? yearOf(list[list.length - 1]!) : schemaFin,
  };
}

/** A milestone as the calendar shows it: when, as published (its date, else its own period), and what. */
export interface JalonDit {
  quand: string;
  libelle: string;
}

/**
 * Milestones by grid period, from the fiche and its sous-actions. A milestone finer than the grid falls in the
 * column that holds it and says its own date (« Septembre 2022 », `2022 M09`), as published when it was.
 */
export function jalonsByPeriod(fiche: Fiche, grid: CalendarGrid): Map<string, JalonDit[]> {
  const out = new Map<string, JalonDit[]>();
  const add = (j: Jalon, prefix = "") => {
    for (const p of gridPeriodsOf(j.periode, grid.granularite).slice(0, 1)) {
      if (!grid.periods.includes(p)) continue;
      const quand = j.echeance ?? j.periode.replace("-", " ");
      out.set(p, [...(out.get(p) ?? []), { quand, libelle: `${prefix} ${j.libelle}`.trim() }]);
    }
  };
  for (const j of fiche.calendrier?.jalons ?? []) add(j);
  for (const sa of fiche.sousActions) for (const j of sa.calendrier?.jalons ?? []) add(j, sa.numero);
  return out;
}

/** The year a grid period belongs to. */
export function yearOf(period: string): number {
  return Number(period.slice(0, 4));
}

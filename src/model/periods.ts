/** Calendar periods: `2022`, `2022-S1`, `2022-T3`, `2022-M07`. */
import { PERIODE_PATTERN, type Granularite } from "./schema";

export interface ParsedPeriode {
  year: number;
  granularite: Granularite;
  /** 1-based index inside the year (1 for a whole year). */
  index: number;
}

export const PER_YEAR: Record<Granularite, number> = { annee: 1, semestre: 2, trimestre: 4, mois: 12 };
const PREFIX: Record<Granularite, string> = { annee: "", semestre: "S", trimestre: "T", mois: "M" };

export function parsePeriode(p: string): ParsedPeriode | undefined {
  const m = PERIODE_PATTERN.exec(p);
  if (!m) return undefined;
  const year = Number(m[1]);
  const part = m[2];
  if (!part) return { year, granularite: "annee", index: 1 };
  const kind = part[0] === "S" ? "semestre" : part[0] === "T" ? "trimestre" : "mois";
  return { year, granularite: kind, index: Number(part.slice(1)) };
}

export function formatPeriode(year: number, g: Granularite, index: number): string {
  if (g === "annee") return String(year);
  return `${year}-${PREFIX[g]}${g === "mois" ? String(index).padStart(2, "0") : index}`;
}

/** True when `a` is a finer division of time than `b`. */
export function isFiner(a: Granularite, b: Granularite): boolean {
  return PER_YEAR[a] > PER_YEAR[b];
}

/** Every period of the schéma at a granularity, in order. */
export function periodsBetween(debut: number, fin: number, g: Granularite): string[] {
  const out: string[] = [];
  for (let y = debut; y <= fin; y++) for (let i = 1; i <= PER_YEAR[g]; i++) out.push(formatPeriode(y, g, i));
  return out;
}

/** The grid periods (at granularity `g`) that a planned period covers or falls in. */
export function gridPeriodsOf(p: string, g: Granularite): string[] {
  const parsed = parsePeriode(p);
  if (!parsed) return [];
  const from = PER_YEAR[parsed.granularite];
  const to = PER_YEAR[g];
  if (from === to) return [p];
  if (from < to) {
    // Coarser than the grid: a year covers both semesters, etc.
    const k = to / from;
    return Array.from({ length: k }, (_, j) => formatPeriode(parsed.year, g, (parsed.index - 1) * k + j + 1));
  }
  // Finer than the grid: shown in the grid period that contains it.
  const months = 12 / from;
  const month = (parsed.index - 1) * months + 1;
  return [formatPeriode(parsed.year, g, Math.ceil(month / (12 / to)))];
}

/**
 * One indicator's observations aggregated by its `agregation`: over the years
 * of one workbook, or over the workbooks of several partenaires or territoires
 * for one year (consolidation).
 *
 * - sum: counts and amounts;
 * - ratio: Σ numerators / Σ denominators × 100, over the observations where
 *   both parts are numbers (DESIGN §5: never an average of rates);
 * - mean: rates without parts, weighted when every observation has a weight;
 * - share: share of Oui among the Oui/Non answers, 0–1;
 * - last: stock-like values, the latest period that has a value; several
 *   observations of that period (one per territoire…) are combined by the
 *   type's default aggregation (a date: the latest);
 * - min, max (numbers, or dates);
 * - count: non-empty observations (text is counted, not aggregated); an answer on a scale is counted per level
 *   too (`repartition`, in the scale's order).
 *
 * An empty observation is skipped, never taken as 0; with nothing to aggregate
 * the value is absent.
 */
import { DEFAULT_AGREGATION, type Agregation, type Indicateur } from "../../model/schema";
import { familleOf } from "../../model/valueTypes";
import { parsePeriode, PER_YEAR } from "../../model/periods";
import { readOuiNon } from "../../model/vocabulaire";
import { asDate } from "../../util/excelDate";
import { isFilled, textIs, type CellValue } from "./excel";

export interface Observation {
  /** Year or period (`2024`, `2024-S1`): orders observations for `last`. */
  periode?: string;
  valeur?: CellValue;
  numerateur?: CellValue;
  denominateur?: CellValue;
  /** Weight of a rate in a mean (the population it is a rate of), when known. */
  poids?: number;
}

export interface Aggregated {
  /** A number, or a date (`YYYY-MM-DD`) for dates; absent when nothing was aggregated. */
  valeur?: number | string;
  /** Observations that took part. */
  n: number;
  /** Ratios: the summed parts. */
  numerateur?: number;
  denominateur?: number;
  /** An answer on a scale: how many observations gave each level, in the scale's order. */
  repartition?: Record<string, number>;
}

type Kind = Pick<Indicateur, "type" | "agregation" | "echelle">;

function usable(ind: Kind, o: Observation): boolean {
  switch (familleOf(ind.type)) {
    case "ratio":
      return typeof o.numerateur === "number" && typeof o.denominateur === "number";
    case "ouiNon":
      return answer(o.valeur) !== undefined;
    case "date":
      return asDate(o.valeur ?? "") !== undefined;
    case "texte":
      return isFilled(o.valeur);
    case "echelle":
      return level(ind, o.valeur) !== undefined;
    case "nombre":
      return typeof o.valeur === "number";
  }
}

/** The level of the scale an answer names, as the scale writes it (case and spaces aside). */
function level(ind: Kind, v: CellValue | undefined): string | undefined {
  return ind.echelle?.find((x) => textIs(v, x));
}

/** Oui → true, Non → false (a yes/no cell may also hold a boolean). */
function answer(v: CellValue): boolean | undefined {
  return readOuiNon(v);
}

/** Where a period ends, in months: a year and its second semester end together. */
function end(periode: string | undefined): number {
  const p = periode === undefined ? undefined : parsePeriode(periode);
  return p ? p.year * 12 + (p.index * 12) / PER_YEAR[p.granularite] : -Infinity;
}

export function aggregate(ind: Kind, observations: Observation[]): Aggregated {
  return combine(
    ind,
    ind.agregation,
    observations.filter((o) => usable(ind, o)),
  );
}

function combine(ind: Kind, how: Agregation, list: Observation[]): Aggregated {
  const n = list.length;
  if (!n) return { n };
  const numbers = () => list.map((o) => o.valeur as number);
  switch (how) {
    case "sum":
      return { n, valeur: numbers().reduce((a, b) => a + b, 0) };
    case "mean": {
      const weighted = list.every((o) => o.poids !== undefined && o.poids > 0);
      if (!weighted) return { n, valeur: numbers().reduce((a, b) => a + b, 0) / n };
      const w = list.reduce((a, o) => a + o.poids!, 0);
      return { n, valeur: list.reduce((a, o) => a + (o.valeur as number) * o.poids!, 0) / w };
    }
    case "ratio": {
      const numerateur = list.reduce((a, o) => a + (o.numerateur as number), 0);
      const denominateur = list.reduce((a, o) => a + (o.denominateur as number), 0);
      return { n, numerateur, denominateur, ...(denominateur ? { valeur: (numerateur / denominateur) * 100 } : {}) };
    }
    case "share":
      return { n, valeur: list.filter((o) => answer(o.valeur)).length / n };
    case "count": {
      if (familleOf(ind.type) !== "echelle") return { n, valeur: n };
      const repartition = Object.fromEntries((ind.echelle ?? []).map((x) => [x, 0]));
      for (const o of list) repartition[level(ind, o.valeur)!]!++;
      return { n, valeur: n, repartition };
    }
    case "min":
    case "max": {
      const pick = how === "min" ? -1 : 1;
      if (familleOf(ind.type) === "date") {
        const days = list.map((o) => asDate(o.valeur!)!).sort();
        return { n, valeur: pick < 0 ? days[0]! : days[n - 1]! };
      }
      return { n, valeur: numbers().reduce((a, b) => (pick < 0 ? Math.min(a, b) : Math.max(a, b))) };
    }
    case "last": {
      const latest = Math.max(...list.map((o) => end(o.periode)));
      const fallback = DEFAULT_AGREGATION[ind.type];
      return combine(
        ind,
        fallback === "last" ? "max" : fallback,
        list.filter((o) => end(o.periode) === latest),
      );
    }
  }
}

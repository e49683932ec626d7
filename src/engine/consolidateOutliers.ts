/**
 * A partner (or territory) whose value of the campaign is an outlier among those of the other sources of one
 * consolidation: the modified z-score (validate/outliers.ts) of each source's value against all the sources'
 * values of the same indicator, when at least 4 sources gave one. Said, not corrected: the value is merged as is.
 */
import { both, type Bilingual } from "../i18n";
import { num } from "../i18n/numbers";
import type { Schema } from "../model/schema";
import { familleOf } from "../model/valueTypes";
import type { SnapValue } from "./snapshot";
import { modifiedZ, MIN_SAMPLE, Z_THRESHOLD } from "./validate/outliers";

export interface PartnerOutlier extends Bilingual {
  /** The indicator. */
  node: string;
  label: string;
  /** The source, as the consolidation names it (« Partenaire CAF »). */
  who: string;
  value: number;
  z: number;
}

const round = (n: number) => Math.round(n * 100) / 100;

export function partnerOutliers(
  sources: { who: string; values: Map<string, SnapValue> }[],
  schema: Schema,
  campaignYear: number,
  threshold = Z_THRESHOLD,
): PartnerOutlier[] {
  if (sources.length < MIN_SAMPLE) return [];
  const out: PartnerOutlier[] = [];
  const number = (values: Map<string, SnapValue>, key: string) => {
    const v = values.get(key);
    return typeof v === "number" ? v : undefined;
  };
  for (const axe of schema.axes)
    for (const fiche of axe.fiches)
      for (const ind of fiche.indicateurs) {
        const famille = familleOf(ind.type);
        if (famille !== "nombre" && famille !== "ratio") continue;
        const at = (kind: string) => `${ind.id}@${kind}:${campaignYear}`;
        const given = sources.flatMap((s) => {
          if (famille !== "ratio") {
            const v = number(s.values, at("valeur"));
            return v === undefined ? [] : [{ who: s.who, value: v }];
          }
          const n = number(s.values, at("numerateur"));
          const d = number(s.values, at("denominateur"));
          return n !== undefined && d ? [{ who: s.who, value: (n / d) * 100 }] : [];
        });
        const sample = given.map((g) => g.value);
        for (const g of given) {
          const m = modifiedZ(g.value, sample);
          if (!m || Math.abs(m.z) <= threshold) continue;
          out.push({
            node: ind.id,
            label: ind.libelle,
            who: g.who,
            value: g.value,
            z: m.z,
            ...both("consolidate.outlier", {
              who: g.who,
              label: ind.libelle,
              year: campaignYear,
              value: num(round(g.value)),
              z: num(round(m.z)),
              median: num(round(m.median)),
              mad: num(round(m.mad)),
              n: m.n,
              threshold: num(threshold),
            }),
          });
        }
      }
  return out;
}

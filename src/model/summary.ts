/** Counts of a model, as listed by `bilan schemas` and shown in the task pane. */
import type { Schema } from "./schema";

export interface SchemaSummary {
  id: string;
  title: string;
  departement: string;
  period: string;
  version: string;
  axes: number;
  fiches: number;
  sousActions: number;
  indicateurs: number;
}

export function countSchema(schema: Schema): SchemaSummary {
  const fiches = schema.axes.flatMap((a) => a.fiches);
  return {
    id: schema.id,
    title: schema.titre,
    departement: schema.departement,
    period: `${schema.periode.debut}-${schema.periode.fin}`,
    version: schema.version,
    axes: schema.axes.length,
    fiches: fiches.length,
    sousActions: fiches.reduce((n, f) => n + f.sousActions.length, 0),
    indicateurs: fiches.reduce((n, f) => n + f.indicateurs.length, 0),
  };
}

/** The département a title names: none when the model does not say (« Non précisé », empty). */
export function departementConnu(departement: string | undefined): string | undefined {
  const d = departement?.trim();
  return d && !/^non[ \u00A0]pr[ée]cis[ée]e?$/i.test(d) ? d : undefined;
}

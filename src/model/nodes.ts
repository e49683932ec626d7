/** Every node of a model by its stable id, with the nodes above it and its label: for messages and lookups. */
import type { Axe, Fiche, Indicateur, Schema, SousAction } from "./schema";

export interface NodeInfo {
  axe: Axe;
  fiche?: Fiche;
  sousAction?: SousAction;
  indicateur?: Indicateur;
  label: string;
}

export function nodeIndex(schema: Schema): Map<string, NodeInfo> {
  const out = new Map<string, NodeInfo>();
  for (const axe of schema.axes) {
    out.set(axe.id, { axe, label: axe.titre });
    for (const fiche of axe.fiches) {
      out.set(fiche.id, { axe, fiche, label: `${schema.niveaux.fiche} N° ${fiche.numero}` });
      for (const sa of fiche.sousActions) out.set(sa.id, { axe, fiche, sousAction: sa, label: sa.libelle });
      for (const ind of fiche.indicateurs) out.set(ind.id, { axe, fiche, indicateur: ind, label: ind.libelle });
    }
  }
  return out;
}

/**
 * Corrections taken from a corrected référentiel (`--from`): the person fixed the draft in Excel; for each decision
 * of the import, the value the corrected model gives (an indicator's type, a fiche's calendar, the indicators a line
 * of several measures became), found by the fiche's number and the indicator's published wording. The import run
 * again with them gives the corrected model, and keeps them when the text is imported again.
 */
import { fold } from "../../util/text";
import type { Schema } from "../schema";
import type { Corrections, Decision } from "./decisions";

export function correctionsFromModel(decisions: Decision[], corrected: Schema): Corrections {
  const out: Corrections = {};
  const fiches = corrected.axes.flatMap((a) => a.fiches);
  for (const d of decisions) {
    const numero = d.fiche?.split("/")[0];
    const fiche = fiches.find((f) => f.numero === numero);
    if (!fiche) continue;
    const same = (s: string | undefined) => s !== undefined && fold(s) === fold(d.text);
    if (d.kind === "type") {
      const ind = fiche.indicateurs.find((i) => same(i.libelle) || same(i.formulationPubliee));
      if (ind) out[d.key] = ind.type;
    } else if (d.kind === "several") {
      const parts = fiche.indicateurs.filter((i) => same(i.formulationPubliee)).map((i) => i.libelle);
      if (parts.length) out[d.key] = parts;
    } else if (d.kind === "calendar") {
      const sa = d.fiche?.split("/")[1];
      const cal = sa ? fiche.sousActions.find((s) => s.numero === sa)?.calendrier : fiche.calendrier;
      if (cal) out[d.key] = cal;
    }
  }
  return out;
}

/** Which fiches a partenaire's or territoire's workbook holds: the one rule for a cut's layout and for the returns expected. */
import type { Fiche } from "../../model/schema";

export function cutHolds(cut: { kind: "partenaire" | "territoire"; id: string }, fiche: Fiche): boolean {
  if (cut.kind === "territoire") return fiche.indicateurs.some((i) => i.collecte.includes("territoire"));
  return [...fiche.pilotes, ...fiche.partenaires, ...fiche.sousActions.flatMap((s) => s.pilotes)].includes(cut.id);
}

/**
 * The tidy export: one row per schéma, axe, fiche, sous-action or indicator,
 * year or period (and territoire / partenaire for a cut workbook), with its
 * value, status, target (the model's or the one typed in the workbook) and
 * source; and one row per fiche, year and heading of the narrative (its text
 * in `valeur`) — for Power BI, R or pandas.
 *
 * A fiche's budget gives one row per stage and year (type_element `budget`,
 * element the fiche's id, libelle « Voté », « Engagé » or « Mandaté »,
 * etape_budget `vote`, `engage` or `mandate`, valeur the amount in euros):
 * long like the rest, so that amounts sum with one filter.
 */
import { familleOf, valueType } from "../model/valueTypes";
import { periodsBetween } from "../model/periods";
import type { Schema } from "../model/schema";
import { langOf, type PlanMeta } from "./plan";
import { BUDGET_STAGES, budgetKey, stageName } from "./rollup/budget";
import type { SnapValue } from "./snapshot";
import { targetOf } from "./layout/cibles";
import { RECIT_KINDS, recitRubrique } from "./layout/recit";
import { wordsOf } from "./layout/words";

export const TIDY_COLUMNS = [
  "fichier",
  "schema",
  "version",
  "campagne",
  "territoire",
  "partenaire",
  "axe",
  "axe_titre",
  "fiche",
  "fiche_titre",
  "element",
  "type_element",
  "libelle",
  "periode",
  "valeur",
  "numerateur",
  "denominateur",
  "cible",
  "unite",
  "statut",
  "source",
  "commentaire",
  "etape_budget",
] as const;

export type TidyRow = Partial<Record<(typeof TIDY_COLUMNS)[number], string | number | boolean>>;

export function tidyRows(file: string, schema: Schema, meta: PlanMeta, values: Map<string, SnapValue>): TidyRow[] {
  const rows: TidyRow[] = [];
  // Values as typed, in the workbook's language; the headings' and stages' names in that language too.
  const lang = langOf(meta);
  const cutName = meta.cut?.nom;
  const base: TidyRow = {
    fichier: file,
    schema: schema.id,
    version: schema.version,
    campagne: meta.campaignYear,
    ...(meta.cut?.kind === "territoire" ? { territoire: cutName! } : {}),
    ...(meta.cut?.kind === "partenaire" ? { partenaire: cutName! } : {}),
  };
  const fiches = new Set(meta.fiches);
  const statuts = meta.bindings.filter((b) => b.kind === "statut");
  const years = periodsBetween(schema.periode.debut, schema.periode.fin, "annee");
  const get = (key: string) => values.get(key);
  for (const axe of schema.axes)
    for (const fiche of axe.fiches) {
      if (!fiches.has(fiche.id)) continue;
      const where: TidyRow = {
        ...base,
        axe: axe.numero,
        axe_titre: axe.titre,
        fiche: fiche.numero,
        fiche_titre: fiche.titre,
      };
      for (const sa of fiche.sousActions) {
        // Its comment of a year (the reason of a Reporté) goes on the row of that year, else on a row of its own.
        const comments = new Map(
          years.flatMap((y) => {
            const c = get(`${sa.id}@commentaire:${y}`);
            return c === undefined ? [] : [[String(y), c] as const];
          }),
        );
        for (const b of statuts.filter((x) => x.node === sa.id)) {
          const statut = get(b.key);
          const commentaire = comments.get(b.period!);
          comments.delete(b.period!);
          rows.push({
            ...where,
            element: sa.id,
            type_element: "sous-action",
            libelle: sa.libelle,
            periode: b.period!,
            ...(statut !== undefined ? { statut } : {}),
            ...(commentaire !== undefined ? { commentaire } : {}),
          });
        }
        for (const [periode, commentaire] of comments)
          rows.push({
            ...where,
            element: sa.id,
            type_element: "sous-action",
            libelle: sa.libelle,
            periode,
            commentaire,
          });
      }
      for (const year of years)
        for (const kind of RECIT_KINDS) {
          const texte = get(`${fiche.id}@${kind}:${year}`);
          if (texte === undefined) continue;
          rows.push({
            ...where,
            element: `${fiche.id}#${kind}`,
            type_element: "bilan qualitatif",
            libelle: recitRubrique(kind, wordsOf(lang)),
            periode: year,
            valeur: texte,
          });
        }
      for (const ind of fiche.indicateurs)
        for (const year of years) {
          const at = (kind: string) => get(`${ind.id}@${kind}:${year}`);
          const num = at("numerateur");
          const den = at("denominateur");
          const valeur =
            familleOf(ind.type) === "ratio"
              ? typeof num === "number" && typeof den === "number" && den !== 0
                ? (num / den) * 100
                : undefined
              : at("valeur");
          const cible = targetOf(ind, year, get);
          const found = {
            valeur,
            numerateur: num,
            denominateur: den,
            cible,
            source: at("source"),
            commentaire: at("commentaire"),
          };
          if (Object.values(found).every((v) => v === undefined)) continue;
          rows.push({
            ...where,
            element: ind.id,
            type_element: "indicateur",
            libelle: ind.libelle,
            periode: year,
            ...Object.fromEntries(Object.entries(found).filter(([, v]) => v !== undefined)),
            ...(ind.unite ? { unite: ind.unite } : valueType(ind.type).pourcent ? { unite: "%" } : {}),
          });
        }
      for (const year of years)
        for (const stage of BUDGET_STAGES) {
          const valeur = get(budgetKey(fiche.id, stage, year));
          if (valeur === undefined) continue;
          rows.push({
            ...where,
            element: fiche.id,
            type_element: "budget",
            libelle: stageName(stage, lang),
            periode: year,
            valeur,
            unite: "€",
            etape_budget: stage,
          });
        }
    }
  return rows;
}

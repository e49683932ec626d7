/**
 * The columns of a référentiel table: the flat, one-row-per-indicator form in
 * which ODPE staff keep their schéma. Headers are matched case- and
 * accent-insensitively, with a few common aliases.
 */
import { fold } from "../../util/text";

export type Level = "schema" | "axe" | "objectif" | "fiche" | "sousAction" | "indicateur";

export interface Column {
  key: string;
  label: string;
  level: Level;
  aliases?: string[];
}

const c = (key: string, level: Level, label: string, ...aliases: string[]): Column => ({ key, level, label, aliases });

/** In export order. `Cible AAAA` columns come after `Année référence`. */
export const COLUMNS: readonly Column[] = [
  c("schemaId", "schema", "ID schéma"),
  c("schemaTitre", "schema", "Schéma", "Titre du schéma"),
  c("departement", "schema", "Département"),
  c("debut", "schema", "Début", "Année de début"),
  c("fin", "schema", "Fin", "Année de fin"),
  c("version", "schema", "Version"),
  c("granularite", "schema", "Granularité"),
  c("niveaux", "schema", "Niveaux"),
  c("schemaSource", "schema", "Document source"),
  c("finalites", "schema", "Finalités du schéma", "Finalités"),
  c("modalitesSchema", "schema", "Modalités du schéma", "Modalités de suivi du schéma"),
  c("territoires", "schema", "Territoires"),
  c("partenairesSchema", "schema", "Partenaires du schéma", "Liste des partenaires"),
  c("schemaBudget", "schema", "Budget du schéma", "Budget total"),
  c("schemaBudgetLibelle", "schema", "Libellé budget du schéma"),
  c("postesBudgetaires", "schema", "Lignes budgétaires", "Lignes budgétaires du schéma"),
  c("axeId", "axe", "ID axe"),
  c("axeNumero", "axe", "N° axe", "Numéro axe", "No axe"),
  c("axe", "axe", "Axe", "Orientation", "Objectif stratégique"),
  c("axeDeduit", "axe", "Axe déduit"),
  c("principe", "axe", "Principe", "Enjeu de l'axe"),
  c("enjeux", "axe", "Enjeux"),
  c("axeBudget", "axe", "Budget axe", "Budget de l'axe"),
  c("objectifId", "objectif", "ID objectif"),
  c("objectifNumero", "objectif", "N° objectif", "Numéro objectif"),
  c("objectif", "objectif", "Objectif", "Objectif opérationnel"),
  c("objectifAlias", "objectif", "Variantes objectif", "Autres formulations de l'objectif"),
  c("objectifBudget", "objectif", "Budget objectif", "Budget de l'objectif"),
  c("ficheId", "fiche", "ID fiche"),
  c("ficheNumero", "fiche", "N° fiche", "Numéro fiche", "No fiche", "N° fiche action"),
  c("fiche", "fiche", "Fiche", "Fiche action", "Intitulé fiche"),
  c("ficheDeduite", "fiche", "Fiche déduite"),
  c("pilotes", "fiche", "Pilotes", "Pilote", "Direction pilote"),
  c("pilotesPublies", "fiche", "Pilotes publiés"),
  c("partenaires", "fiche", "Partenaires", "Partenaires associés", "Acteurs", "Contributeurs"),
  c("partenairesPublies", "fiche", "Partenaires publiés"),
  c("diagnostic", "fiche", "Diagnostic", "Constats"),
  c("ficheObjectifs", "fiche", "Objectifs de la fiche", "Objectifs de l'action"),
  c("modalites", "fiche", "Modalités", "Déclinaison opérationnelle", "Modalités de mise en œuvre"),
  c("moyens", "fiche", "Moyens"),
  c("natureActions", "fiche", "Nature des actions"),
  c("budget", "fiche", "Budget", "Budget fiche", "Budget de la fiche"),
  c("autresPolitiques", "fiche", "Autres politiques", "Autres politiques concernées"),
  c("vigilance", "fiche", "Vigilance", "Points de vigilance"),
  c("ficheCalendrier", "fiche", "Calendrier fiche"),
  c("ficheJalons", "fiche", "Jalons fiche", "Échéances"),
  c("ficheCalendrierTexte", "fiche", "Texte calendrier fiche"),
  c("ficheCalendrierDebut", "fiche", "Début calendrier fiche"),
  c("sousActionId", "sousAction", "ID sous-action"),
  c("sousActionNumero", "sousAction", "N° sous-action", "Numéro sous-action"),
  c("sousActionIntroduction", "sousAction", "Introduction sous-action"),
  c("sousAction", "sousAction", "Sous-action", "Action", "Déclinaison"),
  c("sousActionDeduite", "sousAction", "Sous-action déduite"),
  c("sousActionDetails", "sousAction", "Détails sous-action"),
  c("sousActionPilotes", "sousAction", "Pilotes sous-action"),
  c("calendrier", "sousAction", "Calendrier", "Périodes prévues"),
  c("jalons", "sousAction", "Jalons"),
  c("calendrierTexte", "sousAction", "Texte calendrier"),
  c("calendrierDebut", "sousAction", "Début calendrier"),
  c("indicateurId", "indicateur", "ID indicateur"),
  c("indicateur", "indicateur", "Indicateur", "Libellé indicateur"),
  c("formulationPubliee", "indicateur", "Formulation publiée"),
  c("nature", "indicateur", "Nature"),
  c("type", "indicateur", "Type", "Type de valeur"),
  c("unite", "indicateur", "Unité"),
  c("echelle", "indicateur", "Échelle", "Niveaux de l'échelle"),
  c("sens", "indicateur", "Sens", "Sens attendu"),
  c("reference", "indicateur", "Référence", "Valeur de référence"),
  c("referenceAnnee", "indicateur", "Année référence", "Année de référence"),
  c("referenceSource", "indicateur", "Source référence"),
  c("min", "indicateur", "Min", "Minimum"),
  c("max", "indicateur", "Max", "Maximum"),
  c("obligatoire", "indicateur", "Obligatoire", "Requis"),
  c("agregation", "indicateur", "Agrégation"),
  c("numerateur", "indicateur", "Numérateur"),
  c("numerateurUnite", "indicateur", "Unité numérateur"),
  c("denominateur", "indicateur", "Dénominateur"),
  c("denominateurUnite", "indicateur", "Unité dénominateur"),
  c("collecte", "indicateur", "Collecte"),
  c("indicateurSousAction", "indicateur", "Sous-action mesurée"),
  c("indicateurParent", "indicateur", "Indicateur parent", "Dont"),
  c("source", "indicateur", "Source"),
  c("commentaire", "indicateur", "Commentaire"),
];

export const CIBLE_PATTERN = /^cible\s*(\d{4})$/;
export const cibleLabel = (year: string | number) => `Cible ${year}`;

const BY_NAME = new Map<string, Column>();
for (const col of COLUMNS) for (const name of [col.label, ...(col.aliases ?? [])]) BY_NAME.set(fold(name), col);

/** The column a header names, a `{ cible: year }`, or undefined when unknown. */
export function matchHeader(header: string): Column | { cible: string } | undefined {
  const f = fold(header);
  const cible = CIBLE_PATTERN.exec(f);
  if (cible) return { cible: cible[1]! };
  return BY_NAME.get(f);
}

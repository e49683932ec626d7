/**
 * The pane's own strings, French first (French typography: no-break spaces, written \u00a0).
 * Messages that come from the engine (findings, model errors) carry both languages already.
 */
import type { Vue } from "../shared/vue";

export type Lang = "fr" | "en";

const fr = {
  title: "Bilan Schéma",
  subtitle: "Bilan annuel d'un schéma départemental de l'enfance et de la famille",
  views: "Étapes du bilan",
  "vue.schema": "Schéma",
  "vue.generer": "Générer",
  "vue.controler": "Contrôler",
  "vue.calculer": "Calculer",
  "vue.consolider": "Consolider",
  "vue.exporter": "Exporter",
  viewUnknown: "La vue «\u00a0{{value}}\u00a0» n'existe pas.",
  noExcel: "Ce volet doit être ouvert dans Excel pour agir sur un classeur.",
  failed: "L'opération n'a pas abouti\u00a0: {{message}}",
  // Schéma
  schemasHeading: "Schémas intégrés",
  period: "Période\u00a0: {{value}}",
  "n.axes_one": "{{count}}\u00a0axe",
  "n.axes_other": "{{count}}\u00a0axes",
  "n.fiches_one": "{{count}}\u00a0fiche action",
  "n.fiches_other": "{{count}}\u00a0fiches action",
  "n.sousActions_one": "{{count}}\u00a0sous-action",
  "n.sousActions_other": "{{count}}\u00a0sous-actions",
  "n.indicateurs_one": "{{count}}\u00a0indicateur",
  "n.indicateurs_other": "{{count}}\u00a0indicateurs",
  importJson: "Importer un modèle JSON",
  readTable: "Lire le référentiel de la feuille ou de la sélection",
  modelErrors: "Le modèle a {{count}} erreur(s)",
  current: "Schéma choisi\u00a0: {{title}}",
  tree: "Contenu du schéma",
  ficheLine: "Fiche {{numero}} — {{titre}} ({{sa}} sous-actions, {{ind}} indicateurs)",
  // Générer
  chooseFirst: "Choisissez d'abord un schéma (onglet Schéma).",
  year: "Année de campagne",
  granularity: "Colonnes du calendrier",
  "g.annee": "Années",
  "g.semestre": "Semestres",
  "g.trimestre": "Trimestres",
  "g.mois": "Mois",
  cut: "Contenu",
  cutAll: "Tout le schéma",
  cutPartner: "Un partenaire",
  cutTerritory: "Un territoire",
  cutWho: "Pour qui",
  password: "Mot de passe de protection (facultatif)",
  replace: "Remplacer les feuilles d'un bilan déjà généré (les autres feuilles ne sont jamais touchées)",
  generate: "Générer le classeur",
  cancel: "Annuler",
  progress: "Feuille {{done}} sur {{total}}\u00a0: {{sheet}}",
  generated: "Classeur généré\u00a0: {{sheets}} feuilles.",
  // Contrôler
  check: "Contrôler le classeur",
  checking: "Contrôle en cours…",
  counts: "{{erreur}} erreur(s), {{avertissement}} avertissement(s), {{info}} info(s)",
  noFinding: "Aucune anomalie\u00a0: le classeur est correctement rempli.",
  severity: "Gravité",
  "sev.erreur": "Erreurs",
  "sev.avertissement": "Avertissements",
  "sev.info": "Infos",
  axe: "Axe",
  rule: "Règle",
  all: "Tous",
  findingsTable: "Anomalies trouvées",
  "sevOne.erreur": "erreur",
  "sevOne.avertissement": "avertissement",
  "sevOne.info": "info",
  "count.erreur_one": "{{count}}\u00a0erreur",
  "count.erreur_other": "{{count}}\u00a0erreurs",
  "count.avertissement_one": "{{count}}\u00a0avertissement",
  "count.avertissement_other": "{{count}}\u00a0avertissements",
  "count.info_one": "{{count}}\u00a0info",
  "count.info_other": "{{count}}\u00a0infos",
  expectedEmpty_one: "{{count}}\u00a0saisie attendue vide",
  expectedEmpty_other: "{{count}}\u00a0saisies attendues vides",
  wholeWorkbook: "Tout le classeur",
  goTo: "Aller à {{cell}}",
  highlight: "Surligner les cellules en anomalie",
  live: "Contrôler pendant la saisie",
  completion: "Saisies attendues remplies\u00a0: {{filled}}/{{required}}",
  // Calculer
  calculate: "Calculer les indicateurs de suivi",
  progressAxe: "Calendrier {{calendrier}} · saisies {{completude}} · cibles {{cibles}}",
  dashboardDone: "Tableau de bord du Sommaire mis à jour.",
  notComputed: "non calculable",
  chartIndicator: "Indicateur à tracer",
  chartDraw: "Tracer la courbe",
  chartDone: "Courbe de «\u00a0{{libelle}}\u00a0» tracée dans la feuille «\u00a0Graphique indicateur\u00a0».",
  // Consolider
  pickFiles: "Choisir les classeurs des partenaires (.xlsx)",
  accepted: "Retenu",
  rejected: "Écarté",
  setAside: "Mis de côté",
  divergences:
    "{{count}} réponse(s) divergente(s) : laissées vides (ou, pour un statut, le moins avancé) ; chaque valeur reste dans « Valeurs par source »",
  merge: "Fusionner les classeurs retenus dans ce classeur",
  merged: "{{count}} classeur(s) fusionné(s), {{values}} valeur(s) écrite(s).",
  mergedNothing:
    "{{count}} classeur(s) fusionné(s), mais aucune valeur écrite : ils n'ont rien pour les cellules de saisie de ce classeur.",
  mergedSkipped:
    "{{skipped}} valeur(s) sans cellule de saisie dans ce classeur (autre campagne) : elles restent dans la feuille « Valeurs par source ».",
  // Exporter
  format: "Format",
  semicolon: "Séparateur «\u00a0;\u00a0» (Excel en français)",
  bom: "Marque d'ordre des octets (Excel)",
  download: "Télécharger l'export",
  exported: "{{rows}} ligne(s) exportée(s).",
  writeSheet: "Écrire dans une feuille",
  writeSheetHint:
    "Un tableau Excel que Power Query lit directement\u00a0; le téléchargement ne marche pas partout (Excel sur Mac).",
  writtenSheet:
    "{{rows}} ligne(s) écrite(s) dans le tableau «\u00a0{{table}}\u00a0» de la feuille «\u00a0{{sheet}}\u00a0».",
};

export type StringKey = keyof typeof fr;

const en: Record<StringKey, string> = {
  title: "Schema review",
  subtitle: "Annual review of a departmental child and family welfare plan (schéma)",
  views: "Review steps",
  "vue.schema": "Schéma",
  "vue.generer": "Generate",
  "vue.controler": "Check",
  "vue.calculer": "Calculate",
  "vue.consolider": "Consolidate",
  "vue.exporter": "Export",
  viewUnknown: "There is no “{{value}}” view.",
  noExcel: "This pane must be opened in Excel to act on a workbook.",
  failed: "The operation failed: {{message}}",
  schemasHeading: "Built-in schémas",
  period: "Period: {{value}}",
  "n.axes_one": "{{count}} axe",
  "n.axes_other": "{{count}} axes",
  "n.fiches_one": "{{count}} action sheet",
  "n.fiches_other": "{{count}} action sheets",
  "n.sousActions_one": "{{count}} sub-action",
  "n.sousActions_other": "{{count}} sub-actions",
  "n.indicateurs_one": "{{count}} indicator",
  "n.indicateurs_other": "{{count}} indicators",
  importJson: "Import a JSON model",
  readTable: "Read the référentiel from the sheet or selection",
  modelErrors: "The model has {{count}} error(s)",
  current: "Chosen schéma: {{title}}",
  tree: "Content of the schéma",
  ficheLine: "Fiche {{numero}} — {{titre}} ({{sa}} sub-actions, {{ind}} indicators)",
  chooseFirst: "Choose a schéma first (Schéma tab).",
  year: "Campaign year",
  granularity: "Calendar columns",
  "g.annee": "Years",
  "g.semestre": "Semesters",
  "g.trimestre": "Quarters",
  "g.mois": "Months",
  cut: "Content",
  cutAll: "The whole schéma",
  cutPartner: "One partner",
  cutTerritory: "One territory",
  cutWho: "For whom",
  password: "Protection password (optional)",
  replace: "Replace the sheets of a bilan generated before (other sheets are never touched)",
  generate: "Generate the workbook",
  cancel: "Cancel",
  progress: "Sheet {{done}} of {{total}}: {{sheet}}",
  generated: "Workbook generated: {{sheets}} sheets.",
  check: "Check the workbook",
  checking: "Checking…",
  counts: "{{erreur}} error(s), {{avertissement}} warning(s), {{info}} info(s)",
  noFinding: "No issue: the workbook is correctly filled in.",
  severity: "Severity",
  "sev.erreur": "Errors",
  "sev.avertissement": "Warnings",
  "sev.info": "Infos",
  axe: "Axe",
  rule: "Rule",
  all: "All",
  findingsTable: "Issues found",
  "sevOne.erreur": "error",
  "sevOne.avertissement": "warning",
  "sevOne.info": "info",
  "count.erreur_one": "{{count}} error",
  "count.erreur_other": "{{count}} errors",
  "count.avertissement_one": "{{count}} warning",
  "count.avertissement_other": "{{count}} warnings",
  "count.info_one": "{{count}} info",
  "count.info_other": "{{count}} infos",
  expectedEmpty_one: "{{count}} expected input left empty",
  expectedEmpty_other: "{{count}} expected inputs left empty",
  wholeWorkbook: "Whole workbook",
  goTo: "Go to {{cell}}",
  highlight: "Highlight the cells with issues",
  live: "Check while typing",
  completion: "Expected inputs filled: {{filled}}/{{required}}",
  calculate: "Calculate the monitoring figures",
  progressAxe: "Calendar {{calendrier}} · inputs {{completude}} · targets {{cibles}}",
  dashboardDone: "Sommaire dashboard updated.",
  notComputed: "not computable",
  chartIndicator: "Indicator to chart",
  chartDraw: "Draw the line",
  chartDone: "Line of “{{libelle}}” drawn in the “Graphique indicateur” sheet.",
  pickFiles: "Choose the partners' workbooks (.xlsx)",
  accepted: "Accepted",
  rejected: "Rejected",
  setAside: "Set aside",
  divergences:
    "{{count}} differing answer(s): left empty (or, for a status, the least advanced); every value stays in “Valeurs par source”",
  merge: "Merge the accepted workbooks into this workbook",
  merged: "{{count}} workbook(s) merged, {{values}} value(s) written.",
  mergedNothing:
    "{{count}} workbook(s) merged, but no value written: they hold nothing for this workbook's input cells.",
  mergedSkipped:
    "{{skipped}} value(s) without an input cell in this workbook (another campaign): they stay in the “Valeurs par source” sheet.",
  format: "Format",
  semicolon: "“;” separator (French Excel)",
  bom: "Byte order mark (Excel)",
  download: "Download the export",
  exported: "{{rows}} row(s) exported.",
  writeSheet: "Write into a sheet",
  writeSheetHint:
    "An Excel table that Power Query reads directly; the download does not work everywhere (Excel on Mac).",
  writtenSheet: "{{rows}} row(s) written to the “{{table}}” table of the “{{sheet}}” sheet.",
};

const DICTIONARIES: Record<Lang, Record<StringKey, string>> = { fr, en };

/** A key with a singular and a plural form, `key_one` and `key_other` (i18next's convention). */
export type PluralKey = { [K in StringKey]: K extends `${infer Base}_one` ? Base : never }[StringKey];

/** A string; for a plural key, the form the language's rule gives `params.count` (French: 0 and 1 are singular). */
export function translate(
  lang: Lang,
  key: StringKey | PluralKey,
  params: Record<string, string | number> = {},
): string {
  const dictionary: Record<string, string> = DICTIONARIES[lang];
  const form = `_${new Intl.PluralRules(lang).select(Number(params.count)) === "one" ? "one" : "other"}`;
  const text = dictionary[key] ?? dictionary[key + form] ?? key;
  return text.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export function vueLabel(lang: Lang, vue: Vue): string {
  return translate(lang, `vue.${vue}`);
}

/** English when Office (or, outside Office, the browser) runs in English; French otherwise. */
export function detectLang(): Lang {
  let language: string | undefined;
  try {
    language = typeof Office !== "undefined" ? Office.context?.displayLanguage : undefined;
  } catch {
    language = undefined;
  }
  language ||= typeof navigator !== "undefined" ? navigator.language : undefined;
  return language?.toLowerCase().startsWith("en") ? "en" : "fr";
}

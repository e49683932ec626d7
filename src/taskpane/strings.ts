/**
 * The pane's few strings, French first (French typography: no-break spaces, written \u00a0).
 * A small local dictionary for now; the pane can move to the shared i18n module when it grows.
 */
import type { Vue } from "../shared/vue";

export type Lang = "fr" | "en";

const fr = {
  title: "Bilan Schéma",
  subtitle: "Bilan annuel d'un schéma départemental de l'enfance et de la famille",
  schemasHeading: "Schémas intégrés",
  period: "Période\u00a0: {{value}}",
  axes: "Axes",
  fiches: "Fiches action",
  sousActions: "Sous-actions",
  indicateurs: "Indicateurs",
  noSchemas: "Aucun schéma intégré n'est disponible.",
  loadError: "Impossible de lire les schémas intégrés.",
  viewRequestedTitle: "Vue «\u00a0{{vue}}\u00a0»",
  viewRequested:
    "Vous avez demandé la vue «\u00a0{{vue}}\u00a0». Elle n'est pas encore disponible dans cette version\u00a0: le volet affiche pour l'instant la liste des schémas intégrés.",
  viewUnknownTitle: "Vue inconnue",
  viewUnknown: "La vue «\u00a0{{value}}\u00a0» n'existe pas. Le volet affiche la liste des schémas intégrés.",
  "vue.generer": "Générer",
  "vue.controler": "Contrôler",
  "vue.calculer": "Calculer",
};

export type StringKey = keyof typeof fr;

const en: Record<StringKey, string> = {
  title: "Schema review",
  subtitle: "Annual review of a departmental child and family welfare plan (schéma)",
  schemasHeading: "Built-in schémas",
  period: "Period: {{value}}",
  axes: "Axes",
  fiches: "Action sheets",
  sousActions: "Sub-actions",
  indicateurs: "Indicators",
  noSchemas: "No built-in schéma is available.",
  loadError: "The built-in schémas could not be read.",
  viewRequestedTitle: "“{{vue}}” view",
  viewRequested:
    "You asked for the “{{vue}}” view. It is not available in this version yet: for now the pane shows the list of built-in schémas.",
  viewUnknownTitle: "Unknown view",
  viewUnknown: "There is no “{{value}}” view. The pane shows the list of built-in schémas.",
  "vue.generer": "Generate",
  "vue.controler": "Check",
  "vue.calculer": "Calculate",
};

const DICTIONARIES: Record<Lang, Record<StringKey, string>> = { fr, en };

export function translate(lang: Lang, key: StringKey, params: Record<string, string | number> = {}): string {
  return DICTIONARIES[lang][key].replace(/\{\{(\w+)\}\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
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

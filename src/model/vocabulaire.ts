/**
 * The words a bilan workbook takes as values, in its language, and what they mean: the calendar's statuses
 * and the Oui/Non answers. One place for the layout (data validation lists), the live formulas, validation,
 * rollups, consolidation and the readers. A value is kept as typed; what it means is read here (a `Statut`, a
 * boolean), whatever its language, and a value moved into a workbook of another language is said again in
 * that language (`inLangOf`). The words themselves are in the catalogues (`workbook.statut.*`, `workbook.oui`,
 * `workbook.non`); a workbook whose metadata names no language is French.
 */
import { t, type Lang } from "../i18n";

export const LANGS: readonly Lang[] = ["fr", "en"];
/** The language of the values the engine works on, and of a workbook whose metadata names none. */
export const CANONICAL: Lang = "fr";

/** A calendar status, by meaning, in the order of the data validation list. */
export const STATUT_KEYS = ["realise", "enCours", "reporte", "abandonne", "nonCommence"] as const;
export type Statut = (typeof STATUT_KEYS)[number];

export const statutWord = (statut: Statut, lang: Lang): string => t(lang, `workbook.statut.${statut}`);

/** The statuses a sous-action's cell takes in a workbook of this language, in list order. */
export const statuts = (lang: Lang): string[] => STATUT_KEYS.map((s) => statutWord(s, lang));

/** Oui and Non, in this language. */
export const ouiNon = (lang: Lang): [oui: string, non: string] => [t(lang, "workbook.oui"), t(lang, "workbook.non")];

/** A word typed as Excel compares it (`TRIM`, case ignored). */
const norm = (v: string) =>
  v
    .replace(/^ +| +$/g, "")
    .replace(/ {2,}/g, " ")
    .toLowerCase();

/**
 * What a typed word means, the workbook's language first, then any other when no word of the workbook's
 * language reads so (no two languages give one word two meanings): undefined when it is none of them. `only`:
 * the workbook's language alone, as its live formulas read it (`TRIM(cell)="Réalisé"`).
 */
function reader<K extends string>(keys: readonly K[], word: (k: K, lang: Lang) => string) {
  const byLang = new Map(LANGS.map((l) => [l, new Map(keys.map((k) => [norm(word(k, l)), k]))]));
  return (v: unknown, lang: Lang = CANONICAL, only = false): K | undefined => {
    if (typeof v !== "string") return undefined;
    const n = norm(v);
    const own = byLang.get(lang)!.get(n);
    if (own !== undefined || only) return own;
    for (const l of LANGS) if (l !== lang && byLang.get(l)!.has(n)) return byLang.get(l)!.get(n);
    return undefined;
  };
}

/** The status a typed word means (« réalisé », "Done"…), or undefined. */
export const readStatut = reader(STATUT_KEYS, statutWord);

const OUI_NON_KEYS = ["oui", "non"] as const;
const readAnswer = reader(OUI_NON_KEYS, (k, l) => ouiNon(l)[k === "oui" ? 0 : 1]);

/** Oui → true, Non → false, in either language (a boolean as it is; `only`: as readStatut); undefined for anything else. */
export function readOuiNon(v: unknown, lang: Lang = CANONICAL, only = false): boolean | undefined {
  if (typeof v === "boolean") return v;
  const a = readAnswer(v, lang, only);
  return a === undefined ? undefined : a === "oui";
}

/**
 * A status or an answer said in `lang` (« Réalisé » → "Done", "yes" → « Oui »); any other value as it is. What
 * `kind` says the value is: a status, a yes/no answer, or anything else (returned untouched).
 */
export function inLangOf(v: unknown, kind: "statut" | "ouiNon" | undefined, lang: Lang): unknown {
  if (typeof v !== "string" || !kind) return v;
  if (kind === "statut") {
    const s = readStatut(v, lang);
    return s === undefined || readStatut(v, lang, true) !== undefined ? v : statutWord(s, lang);
  }
  const a = readOuiNon(v, lang);
  return a === undefined || readOuiNon(v, lang, true) !== undefined ? v : ouiNon(lang)[a ? 0 : 1];
}

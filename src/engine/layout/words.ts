/**
 * The workbook's own words in its language: every heading, instruction, validation prompt and mark the layout
 * writes comes from the catalogues' `workbook.*` keys through here. The schéma's own texts (titles, labels, the
 * level names its author set) stay as the schéma writes them; the default level names are said in the workbook's
 * language.
 */
import { t, type KeysUnder, type Lang, type Params, type TextKey } from "../../i18n";
import { CANONICAL } from "../../model/vocabulaire";
import type { Schema } from "../../model/schema";
import { nombre, pluraliser, typo } from "../../util/typography";

export type Mot = KeysUnder<"workbook.">;

export interface Words {
  lang: Lang;
  (key: Mot, params?: Params): string;
}

const cache = new Map<Lang, Words>();
/** Words kept per language, at most: a bound on memory whatever the workbook's size. */
const SAID_MAX = 20_000;

export function wordsOf(lang: Lang = CANONICAL): Words {
  let w = cache.get(lang);
  if (!w) {
    // The same words come back on every row of a large workbook: each said once (i18next takes its time).
    const said = new Map<string, string>();
    const f = ((key: Mot, params?: Params) => {
      const id = params ? `${key}\u0000${JSON.stringify(params)}` : key;
      let text = said.get(id);
      if (text === undefined) {
        if (said.size >= SAID_MAX) said.clear();
        said.set(id, (text = t(lang, `workbook.${key}` as TextKey, params)));
      }
      return text;
    }) as Words;
    f.lang = lang;
    cache.set(lang, (w = f));
  }
  return w;
}

/** How a text the workbook shows is set: French typography in a French workbook, as written in an English one. */
export const typoOf = (lang: Lang): ((text: string) => string) => (lang === "fr" ? typo : (s) => s);

/** A number as the workbook's language writes it: « 1 200,5 », "1,200.5". */
export function numberOf(lang: Lang, n: number, decimals = 10): string {
  return lang === "fr"
    ? nombre(n, decimals)
    : new Intl.NumberFormat("en-GB", { maximumFractionDigits: decimals }).format(n);
}

type Niveau = Exclude<keyof Schema["niveaux"], "partenaires">;
const NIVEAUX: readonly Niveau[] = ["axe", "objectif", "fiche", "sousAction"];

/** A schéma's level names as the workbook says them, singular and plural. */
export interface NiveauxDits {
  axe: string;
  objectif: string;
  fiche: string;
  sousAction: string;
  pluriel: Record<Niveau, string>;
  /** The document's word for a fiche's partenaires (« Acteurs », « Contributeurs »…), or ours. */
  partenaires: string;
}

/**
 * The schéma's level names, the defaults (« Axe », « Fiche action »…) in the workbook's language: a name that is
 * the French default is ours, not the author's; any other name is the schéma's and stays as it is.
 */
export function niveauxOf(schema: Schema, lang: Lang): NiveauxDits {
  const w = wordsOf(lang);
  const fr = wordsOf("fr");
  const out = { pluriel: {} } as NiveauxDits;
  for (const n of NIVEAUX) {
    const own = schema.niveaux[n];
    // French says every name as the schéma writes it, with its French plural.
    const isDefault = lang !== "fr" && own === fr(`niveau.${n}`);
    out[n] = isDefault ? w(`niveau.${n}`) : own;
    out.pluriel[n] = isDefault ? w(`niveaux.${n}`) : pluraliser(own);
  }
  const own = schema.niveaux.partenaires;
  out.partenaires = lang !== "fr" && own === fr("axe.partenaires") ? w("axe.partenaires") : own;
  return out;
}

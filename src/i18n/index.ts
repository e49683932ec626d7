/**
 * Messages for users, French first, English available: the one mechanism for the
 * engine, the CLI, the task pane (keys `pane.*`) and the manifest validator
 * (keys `manifest.*`). One i18next instance per language so that a report can
 * carry both texts (`message` and `messageEn`).
 */
import i18next, { type TFunction } from "i18next";
import { fr } from "./fr";
import { en } from "./en";

export type Lang = "fr" | "en";
export type MessageKey = keyof typeof fr;

/** A key with a singular and a plural form in the catalogues, `key_one` and `key_other`: i18next picks one from `count`. */
export type PluralKey = MessageKey extends infer K ? (K extends `${infer B}_one` ? B : never) : never;
/** What `t` is called with: a key, or the base of a plural key. */
export type TextKey = MessageKey | PluralKey;

/** The keys of one namespace without its prefix: `KeysUnder<"pane.">` holds `"title"` for `pane.title`. */
export type KeysUnder<P extends string> = TextKey extends infer K ? (K extends `${P}${infer S}` ? S : never) : never;

/**
 * A wording inside a message, said in the message's own language: a parameter that is words
 * (« un nombre entier », "a whole number") rather than a value the user typed.
 */
export interface Phrase {
  key: MessageKey;
  params?: Params;
}
/** A text already said in each language: a number written the French way and the English way. */
export interface PerLang {
  fr: string;
  en: string;
}
export type Params = Record<string, string | number | Phrase | PerLang>;

export const phrase = (key: MessageKey, params?: Params): Phrase => (params ? { key, params } : { key });

function instance(lang: Lang): TFunction {
  const i = i18next.createInstance();
  void i.init({
    lng: lang,
    initAsync: false,
    resources: { fr: { translation: fr }, en: { translation: en } },
    interpolation: { escapeValue: false },
    returnNull: false,
    showSupportNotice: false,
  });
  return i.t.bind(i);
}

const translators: Record<Lang, TFunction> = { fr: instance("fr"), en: instance("en") };

/**
 * Texts without parameters, said once per language: the same words (a status, a judgement, Oui/Non, the tail
 * of a structure finding) come back for every row and every finding, and i18next takes its time.
 */
const plain: Record<Lang, Map<TextKey, string>> = { fr: new Map(), en: new Map() };

export function t(lang: Lang, key: TextKey, params?: Params): string {
  if (!params) {
    let text = plain[lang].get(key);
    if (text === undefined) plain[lang].set(key, (text = translators[lang](key, {}) as string));
    return text;
  }
  const flat: Record<string, string | number> = {};
  for (const [name, v] of Object.entries(params))
    flat[name] = typeof v !== "object" ? v : "key" in v ? t(lang, v.key, v.params) : v[lang];
  return translators[lang](key, flat) as string;
}

/** A message in both languages, for reports that must serve either. */
export interface Bilingual {
  message: string;
  messageEn: string;
}

export function both(key: MessageKey, params?: Params): Bilingual {
  return { message: t("fr", key, params), messageEn: t("en", key, params) };
}

/** The text of a bilingual message in one language. */
export function inLang(lang: Lang, m: Bilingual): string {
  return lang === "en" ? m.messageEn : m.message;
}

export function parseLang(value: string | undefined): Lang {
  return value?.toLowerCase().startsWith("en") ? "en" : "fr";
}

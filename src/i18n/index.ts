/**
 * Messages for users, French first, English available. One i18next instance per
 * language so that a report can carry both texts (`message` and `messageEn`).
 */
import i18next, { type TFunction } from "i18next";
import { fr } from "./fr";
import { en } from "./en";

export type Lang = "fr" | "en";
export type MessageKey = keyof typeof fr;
export type Params = Record<string, string | number>;

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

export function t(lang: Lang, key: MessageKey, params: Params = {}): string {
  return translators[lang](key, params) as string;
}

/** A message in both languages, for reports that must serve either. */
export interface Bilingual {
  message: string;
  messageEn: string;
}

export function both(key: MessageKey, params: Params = {}): Bilingual {
  return { message: t("fr", key, params), messageEn: t("en", key, params) };
}

export function parseLang(value: string | undefined): Lang {
  return value?.toLowerCase().startsWith("en") ? "en" : "fr";
}
